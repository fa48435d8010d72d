import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { AgentConnection, MAX_FRAME_BYTES, type AgentConnectionOptions } from './agent-connection.js';

/** How often the heartbeat looks at every socket (it pings every 5 s, drops after 10 s of silence). */
const HEARTBEAT_SWEEP_MS = 1000;

/**
 * Agents' WebSockets on every path of the HTTP server. A frame past `MAX_FRAME_BYTES` is
 * answered with an error frame; past 16 times that, ws itself closes the socket (1009)
 * rather than buffer it.
 */
export function agentGateway(server: Server, options: AgentConnectionOptions) {
  const connections = new Set<AgentConnection>();
  const sockets = new WebSocketServer({ server, maxPayload: 16 * MAX_FRAME_BYTES, perMessageDeflate: false });

  sockets.on('connection', (socket) => {
    const connection = new AgentConnection(socket, options);
    connections.add(connection);
    socket.on('close', () => connections.delete(connection));
  });
  sockets.on('error', (error) => options.log('WebSocket server error', error));

  const sweep = setInterval(() => {
    const now = Date.now();
    for (const connection of connections) connection.heartbeat(now);
  }, HEARTBEAT_SWEEP_MS);
  sweep.unref();

  return {
    /** Closes every agent's socket (1001: going away), so each workspace starts reconnecting. */
    close(): Promise<void> {
      clearInterval(sweep);
      for (const connection of connections) connection.shutdown();
      return new Promise((resolve) => sockets.close(() => resolve()));
    },
  };
}
