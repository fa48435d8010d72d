import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { ServerFrame } from '../../src/protocol/frames.js';
import { eventually, RawAgentSocket, startServer, stopServer, testConfig, type TestServer } from './server-kit.js';

/** The presence of `agentId` in the latest presence event `observer` received. */
function presenceSeenBy(observer: RawAgentSocket, agentId: string): string | undefined {
  const presence = observer.frames
    .flatMap((frame: ServerFrame) => (frame.type === 'event' && frame.event.type === 'presence' ? [frame.event] : []))
    .at(-1);
  return presence?.type === 'presence' ? presence.agents.find((agent) => agent.id === agentId)?.presence : undefined;
}

describe('reference server: heartbeat', function () {
  this.timeout(30000);
  let server: TestServer;

  before(async () => {
    server = await startServer({ config: testConfig() });
  });

  after(async () => {
    if (server) await stopServer(server);
  });

  it('drops an agent whose connection went silent within about 10 s, and colleagues see them Offline', async () => {
    const observer = await RawAgentSocket.connect(server, 'agent-2');
    const { port } = await executeServerCommand<{ port: number }, { port: number }>('proxy-start', { port: server.port });
    const agent = await RawAgentSocket.connect({ ...server, wsUrl: `ws://127.0.0.1:${port}/agents` }, 'agent-1');
    try {
      await agent.command({ name: 'set-agent-state', state: 'Available' });
      await eventually(() => presenceSeenBy(observer, 'agent-1') === 'Available', 'agent-1 Available');

      // Silent: nothing is closed, nothing arrives; only the server's pings can tell.
      await executeServerCommand('proxy-cut', { port, mode: 'silent' });
      const cutAt = Date.now();
      await eventually(() => presenceSeenBy(observer, 'agent-1') === 'Offline', 'agent-1 Offline', 16000);
      expect(Date.now() - cutAt).to.be.below(12000);
    } finally {
      agent.close();
      observer.close();
      await executeServerCommand('proxy-stop', { port });
    }
  });
});
