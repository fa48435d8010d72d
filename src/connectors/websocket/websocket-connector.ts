import { BehaviorSubject, Observable, Subject, asyncScheduler, type SchedulerLike, type Subscription } from 'rxjs';
import { caseChange, type ConnectionCause, type ConnectionState, type ContactCenterConnector } from '../connector.js';
import type { AgentCommand } from '../../protocol/commands.js';
import type { ConnectorEvent } from '../../protocol/events.js';
import { PROTOCOL_VERSION, parseServerFrame, type ClientFrame, type ServerFrame } from '../../protocol/frames.js';
import type {
  AgentIdentity,
  ChatMessage,
  DispositionRecord,
  EngagementRequest,
  SelectableAgentState,
  TransferTarget,
} from '../../protocol/types.js';
import { randomId } from '../../internal/random-id.js';
import { backoffDelay } from './backoff.js';
import { CommandOutbox } from './command-outbox.js';
import { EventSequencer } from './event-sequencer.js';
import { Liveness } from './liveness.js';
import type { WebSocketConnectorOptions, WebSocketFactory, WebSocketLike } from './websocket-options.js';

export type { WebSocketConnectorOptions, WebSocketFactory, WebSocketLike } from './websocket-options.js';

const OPEN = 1;

/**
 * A `ContactCenterConnector` over WebSocket to the reference server (docs/protocol.md).
 *
 * It loses nothing across drops: every stored event carries the agent stream's sequence
 * number, and a reconnect resumes from the last one applied (the server replays the gap,
 * or sends a fresh snapshot the session merges). Commands carry their own ids; those not
 * answered when a connection drops are sent again on the next one, and the server applies
 * each id once. Messages sent while disconnected wait and go out in order; commands that
 * cannot wait (Accept, Transfer, ...) are refused at once.
 *
 * ```ts
 * const connector = new WebSocketConnector({ url: 'ws://127.0.0.1:8001/agents', agent, token });
 * const session = new ChatSession(connector);
 * ```
 */
export class WebSocketConnector implements ContactCenterConnector {
  readonly agent: AgentIdentity;
  readonly events: Observable<ConnectorEvent>;
  readonly connection: Observable<ConnectionState>;
  readonly resumable = true;

  private readonly stream = new Subject<ConnectorEvent>();
  private readonly status = new BehaviorSubject<ConnectionState>({ status: 'connecting' });
  private readonly scheduler: SchedulerLike;
  private readonly openSocket: WebSocketFactory;
  private readonly sequencer = new EventSequencer((event) => this.stream.next(event));
  private readonly outbox = new CommandOutbox();
  private socket?: WebSocketLike;
  private welcomed = false;
  /** Whether any catch-up arrived: a later hello resumes from the last applied sequence. */
  private caughtUp = false;
  /** The stream the applied sequence numbers belong to (from the welcome). */
  private streamId?: string;
  private attempt = 0;
  private readonly liveness: Liveness;
  private timers: Subscription[] = [];
  private started = false;
  private finished = false;

  constructor(private readonly options: WebSocketConnectorOptions) {
    this.agent = { id: options.agent.id, name: options.agent.name };
    this.scheduler = options.scheduler ?? asyncScheduler;
    this.openSocket =
      options.openSocket ??
      ((url) => {
        if (typeof WebSocket === 'undefined') throw new Error('No WebSocket here: pass openSocket.');
        return new WebSocket(url) as unknown as WebSocketLike;
      });
    this.liveness = new Liveness(this.scheduler, options, {
      ping: () => this.send({ v: PROTOCOL_VERSION, type: 'ping' }),
      dead: (reason) => this.socket && this.drop(this.socket, reason, 'unresponsive'),
    });
    this.connection = this.status.asObservable();
    this.events = new Observable<ConnectorEvent>((subscriber) => {
      const subscription = this.stream.subscribe(subscriber);
      if (!this.started) {
        this.started = true;
        this.open();
      }
      return subscription;
    });
  }

  /** The last sequence number of the agent's stream this connector applied. */
  get lastSeq(): number {
    return this.sequencer.lastApplied;
  }

  setAgentState(state: SelectableAgentState, reason?: string): Promise<void> {
    return this.command({ name: 'set-agent-state', state, ...(reason !== undefined ? { reason } : {}) }, false) as Promise<void>;
  }

  acceptOffer(chatId: string): Promise<void> {
    return this.command({ name: 'accept-offer', chatId }, false) as Promise<void>;
  }

  rejectOffer(chatId: string): Promise<void> {
    return this.command({ name: 'reject-offer', chatId }, false) as Promise<void>;
  }

  /** Waits in the outbox while disconnected; sent again under the same id after a drop. */
  async sendMessage(chatId: string, text: string, clientId?: string): Promise<ChatMessage> {
    const message = await this.command({ name: 'send-message', chatId, text }, true, clientId);
    if (!message) throw new Error('The server did not return the recorded message.');
    return message;
  }

  /** Typing is worth nothing later: sent once if connected, never kept to send again. */
  sendTyping(chatId: string): Promise<void> {
    if (this.welcomed) this.send({ v: PROTOCOL_VERSION, type: 'command', id: this.nextCommandId(), command: { name: 'typing', chatId } });
    return Promise.resolve();
  }

  endChat(chatId: string): Promise<void> {
    return this.command({ name: 'end-chat', chatId }, false) as Promise<void>;
  }

  transferChat(chatId: string, target: TransferTarget, note?: string): Promise<void> {
    return this.command({ name: 'transfer-chat', chatId, target, ...(note !== undefined ? { note } : {}) }, false) as Promise<void>;
  }

  createEngagement(request: EngagementRequest): Promise<void> {
    return this.command({ name: 'create-engagement', request }, false) as Promise<void>;
  }

  closeChat(chatId: string, disposition?: DispositionRecord): Promise<void> {
    return this.command({ name: 'close-chat', chatId, ...(disposition ? { disposition } : {}) }, false) as Promise<void>;
  }

  extendWrapUp(chatId: string): Promise<void> {
    return this.command({ name: 'extend-wrap-up', chatId }, false) as Promise<void>;
  }

  updateCase(chatId: string, change: { status?: string; note?: string }): Promise<void> {
    return this.command({ name: 'update-case', chatId, ...caseChange(change) }, false) as Promise<void>;
  }

  requestCobrowse(chatId: string): Promise<void> {
    return this.command({ name: 'request-cobrowse', chatId }, false) as Promise<void>;
  }

  endCobrowse(chatId: string): Promise<void> {
    return this.command({ name: 'end-cobrowse', chatId }, false) as Promise<void>;
  }

  /** Leaves on purpose: the server makes the agent Unavailable; nothing reconnects. */
  disconnect(): void {
    if (this.finished) return;
    if (this.welcomed) this.send({ v: PROTOCOL_VERSION, type: 'command', id: this.nextCommandId(), command: { name: 'leave' } });
    this.finish();
  }

  private command(command: AgentCommand, canWait: boolean, id = this.nextCommandId()): Promise<ChatMessage | undefined> {
    if (this.finished) return Promise.reject(new Error('This connection is closed.'));
    if (!this.welcomed && !canWait) {
      return Promise.reject(new Error('Not connected to the contact center; try again once the connection is back.'));
    }
    const { frame, isNew, answer } = this.outbox.add(id, command);
    if (isNew && this.welcomed) this.send(frame);
    return answer;
  }

  private open(): void {
    if (this.finished) return;
    this.clearTimers();
    let socket: WebSocketLike;
    try {
      socket = this.openSocket(this.options.url);
    } catch (error) {
      // A URL the socket cannot even take (a typo, a wrong scheme) will not work on a retry.
      this.finish(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      const resume =
        this.caughtUp && this.streamId !== undefined ? { resumeFrom: this.sequencer.lastApplied, stream: this.streamId } : {};
      this.send({ v: PROTOCOL_VERSION, type: 'hello', agentId: this.agent.id, token: this.options.token, ...resume });
    };
    socket.onmessage = (message) => {
      if (this.socket === socket) this.receive(message.data);
    };
    socket.onclose = (event) => {
      if (this.socket === socket) this.lost(closeReason(event), 'interrupted');
    };
    socket.onerror = () => {
      // A close follows every error; its code says more.
    };
    this.liveness.watch(() => this.welcomed);
  }

  private receive(data: unknown): void {
    this.liveness.heard();
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(data));
    } catch {
      return; // Not ours to guess at: the heartbeat still counts it as a sign of life.
    }
    const result = parseServerFrame(parsed);
    if (!result.ok) return;
    this.handle(result.frame);
  }

  private handle(frame: ServerFrame): void {
    switch (frame.type) {
      case 'welcome':
        // Another stream (the server's data is new), or one behind us: a snapshot follows.
        if (frame.stream !== this.streamId || frame.seq < this.sequencer.lastApplied) this.caughtUp = false;
        this.streamId = frame.stream;
        this.welcomed = true;
        this.attempt = 0;
        this.status.next({ status: 'connected' });
        // What the last connection did not see answered goes again, in order; the server applies each id once.
        for (const frame of this.outbox.frames()) this.send(frame);
        return;
      case 'event':
        if (frame.ephemeral) this.stream.next(frame.event);
        else {
          this.caughtUp = true;
          this.sequencer.receive(frame.seq, frame.event);
          if (this.sequencer.hasGap) this.watchGap();
        }
        return;
      case 'snapshot':
        this.caughtUp = true;
        for (const event of frame.events) this.stream.next(event);
        this.sequencer.resetTo(frame.seq);
        return;
      case 'result':
        this.outbox.settle(frame.id, frame.ok ? { ok: true, value: frame.value } : { ok: false, error: frame.error });
        return;
      case 'error': {
        if (frame.fatal) {
          this.finish(new Error(frame.message));
          return;
        }
        if (frame.id) this.outbox.settle(frame.id, { ok: false, error: frame.message });
        return;
      }
      case 'pong':
        return;
    }
  }

  /** The connection dropped: say so, and try again after a jittered, growing pause. */
  private lost(reason: string, cause: ConnectionCause): void {
    this.socket = undefined;
    this.welcomed = false;
    this.sequencer.dropEarly();
    if (this.finished) return;
    this.clearTimers();
    this.status.next({ status: 'reconnecting', reason, cause });
    const delay = backoffDelay(this.attempt, this.options.backoff);
    this.attempt += 1;
    this.timers.push(this.scheduler.schedule(() => this.open(), delay));
  }

  /** An event is missing and does not come: resume, and the server replays from the last one applied. */
  private watchGap(): void {
    const socket = this.socket;
    this.timers.push(
      this.scheduler.schedule(() => {
        if (socket && this.socket === socket && this.sequencer.hasGap) this.drop(socket, 'An event was missing.', 'out-of-order');
      }, this.options.gapTimeoutMs ?? 2000),
    );
  }

  private drop(socket: WebSocketLike, reason: string, cause: ConnectionCause): void {
    socket.onclose = null;
    socket.onmessage = null;
    try {
      socket.close(4000, reason);
    } catch {
      // Already closing.
    }
    this.lost(reason, cause);
  }

  private finish(error?: Error): void {
    this.finished = true;
    this.clearTimers();
    const socket = this.socket;
    this.socket = undefined;
    this.welcomed = false;
    if (socket) {
      socket.onclose = null;
      socket.onmessage = null;
      try {
        socket.close(1000, 'The agent left.');
      } catch {
        // Already closing.
      }
    }
    this.outbox.rejectAll(error ?? new Error('This connection is closed.'));
    this.status.complete();
    if (error) this.stream.error(error);
    else this.stream.complete();
  }

  private send(frame: ClientFrame): void {
    const socket = this.socket;
    if (socket?.readyState !== OPEN) return;
    try {
      socket.send(JSON.stringify(frame));
    } catch {
      // The close that follows takes care of it.
    }
  }

  private clearTimers(): void {
    for (const timer of this.timers) timer.unsubscribe();
    this.timers = [];
    this.liveness.stop();
  }

  private nextCommandId(): string {
    return randomId('cmd');
  }
}

function closeReason(event: { code?: number; reason?: string }): string {
  if (event.reason) return event.reason;
  return event.code === 1006 || event.code === undefined
    ? 'The connection to the contact center was interrupted.'
    : `The connection closed (code ${event.code}).`;
}
