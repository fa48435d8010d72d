import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import WebSocket from 'ws';
import type { ContactCenterCore } from '../src/platform/core.js';
import type { ConnectorEvent } from '../src/protocol/events.js';
import { parseClientFrame, PROTOCOL_VERSION, type ClientFrame, type CommandOutcome, type ServerFrame } from '../src/protocol/frames.js';
import type { ConnectionRegistry, PlatformRunner, RegisteredConnection } from './platform-host.js';
import type { AgentAccount } from './server-configuration.js';

/** Larger frames are refused (with an error frame): no command needs more. */
export const MAX_FRAME_BYTES = 64 * 1024;
/** Closed before a valid hello: no hello in time, a bad frame, or an unknown agent or token. */
export const CLOSE_UNAUTHENTICATED = 4001;
/** Closed because another connection of the same agent took over. */
export const CLOSE_REPLACED = 4002;
/** Short and ASCII (a close reason is at most 123 bytes), and readable: a workspace may show it. */
const CLOSE_REASONS: Readonly<Record<number, string>> = {
  [CLOSE_UNAUTHENTICATED]: 'The connection was not authenticated.',
  [CLOSE_REPLACED]: 'Another connection of this agent took over.',
  1011: 'The server could not open this connection.',
  1012: 'Connect again.',
};
/** A client that reads this slowly is gone in all but name. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export interface AgentConnectionOptions {
  core: ContactCenterCore;
  /** Runs the core's changes: at once (SQLite) or in a database unit (PostgreSQL). */
  runner: PlatformRunner;
  /** Records the connection for the other processes of the database, when there are any. */
  registry?: ConnectionRegistry;
  accounts: ReadonlyMap<string, AgentAccount>;
  helloTimeoutMs: number;
  log: (message: string, error?: unknown) => void;
}

type Delivery = { seq: number; event: ConnectorEvent; ephemeral: boolean };

/**
 * One agent's WebSocket. Nothing but a fatal error frame goes out before a valid hello;
 * then the agent catches up (the replayed gap, or a snapshot) and follows the stream.
 * Deliveries that arrive while the catch-up is built wait, so none is lost or doubled.
 */
export class AgentConnection implements RegisteredConnection {
  readonly connectionId = randomUUID();
  /** When the client last showed a sign of life (a frame or a pong). */
  lastHeard = Date.now();
  lastPing = Date.now();
  private agentId: string | undefined;
  private waiting: Delivery[] | undefined;
  /** The highest stored sequence number sent on this socket. */
  private sentSeq = 0;
  private closed = false;
  private readonly helloTimer: NodeJS.Timeout;

  constructor(
    private readonly socket: WebSocket,
    private readonly options: AgentConnectionOptions,
  ) {
    socket.on('message', (data, isBinary) => {
      try {
        this.receive(data, isBinary);
      } catch (error) {
        // One bad frame must not take the process and every other agent down with it.
        options.log(`Agent frame failed (${this.agentId ?? 'before hello'})`, error);
      }
    });
    socket.on('pong', () => (this.lastHeard = Date.now()));
    socket.on('close', () => this.closedBySocket());
    socket.on('error', (error) => options.log(`Agent socket error (${this.agentId ?? 'before hello'})`, error));
    const seconds = options.helloTimeoutMs / 1000;
    this.helloTimer = setTimeout(() => this.refuse(`No hello within ${seconds} s.`), options.helloTimeoutMs);
  }

  /** AgentLink: an event of this agent's stream, after its transaction committed. */
  deliver(seq: number, event: ConnectorEvent, ephemeral: boolean): void {
    if (this.closed) return;
    if (this.waiting) this.waiting.push({ seq, event, ephemeral });
    else this.sendEvent({ seq, event, ephemeral });
  }

  /** AgentLink: another connection of this agent took over. */
  close(reason: string): void {
    this.fail(`Replaced: ${reason}`, CLOSE_REPLACED);
  }

  /** The registry lost this socket's record (its process was taken for dead): the workspace connects again. */
  reconnect(): void {
    this.fail('The server lost track of this connection; connect again.', 1012, false);
  }

  /** Pings now and then; a socket silent for 10 s is dead, whatever TCP thinks. */
  heartbeat(now: number): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    if (now - this.lastHeard > 10_000) {
      this.socket.terminate();
    } else if (now - this.lastPing >= 5_000) {
      this.lastPing = now;
      this.socket.ping();
    }
  }

  /** The server is going away; a workspace reconnects to the next one. */
  shutdown(): void {
    this.closed = true;
    if (this.socket.readyState === WebSocket.OPEN) this.socket.close(1001, 'The server is shutting down.');
  }

  private receive(data: WebSocket.RawData, isBinary: boolean): void {
    this.lastHeard = Date.now();
    if (this.closed) return;
    const size = Array.isArray(data) ? data.reduce((total, chunk) => total + chunk.length, 0) : data.byteLength;
    if (isBinary) return this.refuseFrame('Frames are JSON text, not binary.');
    if (size > MAX_FRAME_BYTES) return this.refuseFrame(`A frame may not exceed ${MAX_FRAME_BYTES} bytes.`);
    let input: unknown;
    try {
      input = JSON.parse(data.toString());
    } catch {
      return this.refuseFrame('The frame is not valid JSON.');
    }
    const parsed = parseClientFrame(input);
    if (!parsed.ok) return this.refuseFrame(parsed.error, parsed.id);
    this.handle(parsed.frame);
  }

  private handle(frame: ClientFrame): void {
    if (this.agentId === undefined) {
      if (frame.type !== 'hello') return this.refuse('The first frame must be a hello.');
      return this.hello(frame);
    }
    switch (frame.type) {
      case 'hello':
        return this.send({ v: PROTOCOL_VERSION, type: 'error', message: 'This connection has said hello already.' });
      case 'ping':
        return this.send({ v: PROTOCOL_VERSION, type: 'pong' });
      case 'command':
        return void this.command(this.agentId, frame.id, frame);
    }
  }

  private hello(frame: Extract<ClientFrame, { type: 'hello' }>): void {
    const account = this.options.accounts.get(frame.agentId);
    // One answer for an unknown agent and a wrong token: the server does not say which agents exist.
    if (!account || !sameSecret(account.token, frame.token)) return this.refuse('Unknown agent or wrong token.');
    clearTimeout(this.helloTimer);
    this.agentId = account.id;
    this.waiting = [];
    void this.open(account, frame);
  }

  /** Attaches the agent and builds the catch-up in one change; sends it once that change is durable. */
  private async open(account: AgentAccount, frame: Extract<ClientFrame, { type: 'hello' }>): Promise<void> {
    const { core, runner, registry } = this.options;
    let frames: ServerFrame[];
    try {
      frames = await runner.change(() => {
        core.attach({ id: account.id, name: account.name }, registry ? registry.attach(account.id, this) : this);
        return this.catchUp(account, frame);
      });
    } catch (error) {
      this.options.log(`Could not open the connection of ${account.id}`, error);
      void this.detach(account.id);
      // A fault of the server's (a busy database), not the workspace's: it may try again.
      return this.fail('The server could not open this connection.', 1011, false);
    }
    for (const catchUpFrame of frames) this.send(catchUpFrame);
    const waiting = this.waiting ?? [];
    this.waiting = undefined;
    for (const delivery of waiting) this.sendEvent(delivery);
  }

  /** The replayed gap, or a snapshot: read in the attach's change, so no event falls between. */
  private catchUp(account: AgentAccount, frame: Extract<ClientFrame, { type: 'hello' }>): ServerFrame[] {
    const { core } = this.options;
    const stream = core.stream(account.id);
    // A gap is replayed only from the same stream: another database's numbers mean nothing here.
    const sameStream = frame.resumeFrom !== undefined && frame.stream === stream.id;
    const replay = sameStream ? core.eventsAfter(account.id, frame.resumeFrom ?? 0) : undefined;
    const agent = { id: account.id, name: account.name };
    if (replay) {
      this.sentSeq = replay.at(-1)?.seq ?? frame.resumeFrom ?? 0;
      return [
        { v: PROTOCOL_VERSION, type: 'welcome', agent, stream: stream.id, seq: this.sentSeq },
        ...replay.map((entry): ServerFrame => ({ v: PROTOCOL_VERSION, type: 'event', seq: entry.seq, event: entry.event })),
      ];
    }
    const snapshot = core.snapshot(account.id);
    this.sentSeq = snapshot.seq;
    return [
      { v: PROTOCOL_VERSION, type: 'welcome', agent, stream: stream.id, seq: snapshot.seq },
      { v: PROTOCOL_VERSION, type: 'snapshot', seq: snapshot.seq, events: [snapshotMarker(snapshot.events), ...snapshot.events] },
    ];
  }

  private async detach(agentId: string): Promise<void> {
    const { core, runner, registry } = this.options;
    try {
      await runner.change(() => core.detach(agentId, registry ? registry.detach(agentId, this) : this));
    } catch (error) {
      this.options.log(`Could not detach ${agentId}`, error);
    }
  }

  private async command(agentId: string, commandId: string, frame: Extract<ClientFrame, { type: 'command' }>): Promise<void> {
    let outcome: CommandOutcome;
    try {
      outcome = await this.options.runner.change(() => this.options.core.execute(agentId, frame.command, commandId));
    } catch (error) {
      this.options.log(`Command ${frame.command.name} of ${agentId} failed`, error);
      outcome = { ok: false, error: 'The server could not run this command.' };
    }
    this.send({ v: PROTOCOL_VERSION, type: 'result', id: commandId, ...outcome });
  }

  private sendEvent({ seq, event, ephemeral }: Delivery): void {
    if (ephemeral) {
      this.send({ v: PROTOCOL_VERSION, type: 'event', seq, event, ephemeral: true });
      return;
    }
    // Already in the catch-up: the stream is exactly once.
    if (seq <= this.sentSeq) return;
    this.sentSeq = seq;
    this.send({ v: PROTOCOL_VERSION, type: 'event', seq, event });
  }

  /** A bad frame: fatal before the hello (no data without a valid hello), answered and ignored after it. */
  private refuseFrame(message: string, id?: string): void {
    if (this.agentId === undefined) return this.refuse(message);
    this.send({ v: PROTOCOL_VERSION, type: 'error', message, ...(id !== undefined ? { id } : {}) });
  }

  private refuse(message: string): void {
    this.fail(message, CLOSE_UNAUTHENTICATED);
  }

  /**
   * One error frame, then the close. A fatal one (a bad token, a wrong version, a replaced
   * connection) makes the client stop instead of retrying blindly; others let it reconnect.
   */
  private fail(message: string, code: number, fatal = true): void {
    if (this.closed) return;
    this.send({ v: PROTOCOL_VERSION, type: 'error', message, ...(fatal ? { fatal: true } : {}) });
    this.closed = true;
    clearTimeout(this.helloTimer);
    // The error frame carries the details, which may quote the client's input.
    this.socket.close(code, CLOSE_REASONS[code] ?? 'The server closed the connection.');
  }

  private closedBySocket(): void {
    this.closed = true;
    clearTimeout(this.helloTimer);
    if (this.agentId !== undefined) void this.detach(this.agentId);
  }

  private send(frame: ServerFrame): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.options.log(`Agent ${this.agentId ?? '?'} reads too slowly; its connection is dropped.`);
      this.socket.terminate();
      return;
    }
    this.socket.send(JSON.stringify(frame));
  }
}

/** The first event of a snapshot: which chats and offers are the agent's now, so the session drops the rest. */
function snapshotMarker(events: readonly ConnectorEvent[]): ConnectorEvent {
  const chatIds = events.flatMap((event) => (event.type === 'chat-assigned' ? [event.chat.id] : []));
  const offerIds = events.flatMap((event) => (event.type === 'chat-offered' ? [event.chat.id] : []));
  return { type: 'snapshot', chatIds, offerIds };
}

/** Compares secrets in constant time (digests first, so lengths do not show either). */
function sameSecret(expected: string, given: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(given));
}
