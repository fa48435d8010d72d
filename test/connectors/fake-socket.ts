import { WebSocketConnector, type WebSocketLike } from '../../src/index.js';
import type { ManualScheduler } from '../support/manual-scheduler.js';

/** A socket a test plays the server for: it reads what the connector sent and answers by hand. */
export class FakeSocket implements WebSocketLike {
  readyState = 0;
  readonly sent: Record<string, unknown>[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code?: number; reason?: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  closedWith?: number;

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }

  close(code?: number): void {
    this.closedWith = code ?? 1000;
    this.readyState = 3;
  }

  /** The server accepts the connection. */
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }

  /** The server sends a frame (as given: it may be malformed). */
  frame(frame: unknown): void {
    this.onmessage?.({ data: typeof frame === 'string' ? frame : JSON.stringify(frame) });
  }

  /** The network or the server drops the connection. */
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }

  sentOfType(type: string): Record<string, unknown>[] {
    return this.sent.filter((frame) => frame.type === type);
  }
}

/**
 * A WebSocketConnector for agent-1 whose sockets are FakeSockets, on a clock the test
 * moves: the test plays the server. `latest()` is the socket opened last.
 */
export function connectorOverFakeSockets(scheduler: ManualScheduler, random: () => number = () => 0.5) {
  const sockets: FakeSocket[] = [];
  const connector = new WebSocketConnector({
    url: 'ws://127.0.0.1:1/agents',
    agent: { id: 'agent-1', name: 'Alex Martin' },
    token: 'secret',
    scheduler,
    openSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    backoff: { random },
  });
  const latest = () => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('No socket was opened.');
    return socket;
  };
  return { connector, sockets, latest };
}
