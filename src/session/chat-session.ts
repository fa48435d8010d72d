import {
  Observable as RxObservable,
  Subject,
  asyncScheduler,
  defer,
  groupBy,
  interval,
  map,
  mergeMap,
  share,
  startWith,
  throttleTime,
  type Observable,
  type SchedulerLike,
  type Subscribable,
  type Subscription,
} from 'rxjs';
import type { ContactCenterConnector } from '../connectors/connector.js';
import type {
  AgentState,
  DispositionRecord,
  EngagementRequest,
  SelectableAgentState,
  TransferTarget,
} from '../protocol/types.js';
import type { ChatStorage } from './chat-memory.js';
import { CobrowseFeed } from './cobrowse-feed.js';
import { CommandRunner, messageOf, type CommandResult } from './command-runner.js';
import { ConnectorInbox } from './connector-inbox.js';
import { MessageDelivery } from './message-delivery.js';
import { ReloadRecovery, defaultStorage } from './reload-recovery.js';
import { WrapUpKeeper } from './wrap-up-keeper.js';
import * as select from './selectors.js';
import { targetName, type SessionEvent } from './session-events.js';
import { activeChatNews, connectionChange } from './session-news.js';
import { SessionStore } from './session-store.js';
import { initialState, type Chat, type Offer, type WorkspaceState } from './state.js';

export type { SessionEvent, SessionEventType } from './session-events.js';
export type { CommandResult } from './command-runner.js';

/** An Observable of any Subscribable, so connectors need not use RxJS. */
function from<T>(source: Subscribable<T>): Observable<T> {
  return new RxObservable<T>((subscriber) => source.subscribe(subscriber));
}

/** How often the agent's typing reaches the contact, at most, per chat. */
export const TYPING_SIGNAL_INTERVAL_MS = 3000;

export interface ChatSessionOptions {
  /** The clock of countdowns and timers; defaults to RxJS's `asyncScheduler` (real time). */
  scheduler?: SchedulerLike;
  /** Where warnings about malformed connector events go; defaults to `console`. */
  logger?: Pick<Console, 'warn'>;
  /**
   * Where drafts, after-contact notes and unsent messages are kept across a page reload.
   * Defaults to `sessionStorage` for a resumable connector (a server), and to nothing for
   * others; `null` keeps nothing.
   */
  storage?: ChatStorage | null;
}

/**
 * The one service behind a workspace: it reduces the connector's events into one
 * immutable `WorkspaceState`, exposes slices of it as observables, and turns the
 * agent's actions into connector commands.
 *
 * Commands never throw: they resolve `{ ok: true }` when the platform took them and
 * `{ ok: false, reason }` when it refused (the reason is also in `errors$`, for the agent).
 *
 * `events$` says what happened, once: the workspace's host events come from there.
 */
export class ChatSession {
  // Inbound events (inbox), outbound commands (runner, delivery) and the state they
  // share (store) are collaborators; this class is the public face that wires them.
  private readonly store: SessionStore;
  private readonly news = new Subject<SessionEvent>();
  /** The session's clock (`options.scheduler`): elements schedule their own short waits on it. */
  readonly scheduler: SchedulerLike;
  private readonly runner: CommandRunner;
  private readonly delivery: MessageDelivery;
  private readonly inbox: ConnectorInbox;
  private readonly subscription: Subscription;
  private readonly typing = new Subject<string>();
  private readonly recovery?: ReloadRecovery;
  private readonly wrapUpKeeper: WrapUpKeeper;
  private readonly cobrowse = new CobrowseFeed();

  /** The whole state; prefer the narrower selectors below. */
  readonly state$: Observable<WorkspaceState>;
  /** Everything that happens (offers, acceptances, messages, ends, ...), once, as it happens. */
  readonly events$: Observable<SessionEvent> = this.news.asObservable();
  /** The current time now, then once a second: one shared clock for every timer. */
  readonly clock$: Observable<number>;

  readonly agent$: Observable<WorkspaceState['agent']>;
  readonly agentState$: Observable<AgentState>;
  readonly configuration$: Observable<WorkspaceState['configuration']>;
  readonly offers$: Observable<readonly Offer[]>;
  readonly chats$: Observable<readonly Chat[]>;
  readonly activeChat$: Observable<Chat | undefined>;
  readonly errors$: Observable<WorkspaceState['errors']>;

  constructor(
    private readonly connector: ContactCenterConnector,
    options: ChatSessionOptions = {},
  ) {
    this.scheduler = options.scheduler ?? asyncScheduler;
    this.store = new SessionStore(initialState(connector.agent), this.scheduler);
    this.runner = new CommandRunner(this.store);
    this.delivery = new MessageDelivery(this.store, connector, this.runner, this.scheduler, (chatId, localId) => {
      const chat = this.state.chats.find((candidate) => candidate.id === chatId);
      const message = chat?.messages.find((candidate) => candidate.id === localId);
      if (chat && message) this.news.next({ type: 'message-sent', chat, message });
    });
    this.inbox = new ConnectorInbox(this.store, options.logger ?? console, (event) => this.news.next(event));
    this.state$ = this.store.state$;
    this.agent$ = this.select(select.selectAgent);
    this.agentState$ = this.select(select.selectAgentState);
    this.configuration$ = this.select(select.selectConfiguration);
    this.offers$ = this.select(select.selectOffers);
    this.chats$ = this.select(select.selectChats);
    this.activeChat$ = this.select(select.selectActiveChat);
    this.errors$ = this.select(select.selectErrors);

    const ticks = interval(1000, this.scheduler).pipe(
      map(() => this.scheduler.now()),
      share(),
    );
    this.clock$ = defer(() => ticks.pipe(startWith(this.scheduler.now())));

    // One typing signal per chat every few seconds is all a contact's indicator needs.
    const typingSignals = this.typing
      .pipe(
        groupBy((chatId) => chatId),
        mergeMap((chatId$) => chatId$.pipe(throttleTime(TYPING_SIGNAL_INTERVAL_MS, this.scheduler))),
      )
      .subscribe((chatId) => void this.runner.run('sendTyping', () => this.connector.sendTyping(chatId), chatId));

    const storage =
      options.storage !== undefined ? options.storage : connector.resumable ? defaultStorage() : undefined;
    if (storage) this.recovery = new ReloadRecovery(storage, connector.agent.id, this.store, this.delivery);
    this.wrapUpKeeper = new WrapUpKeeper(this.store, this.scheduler, (chatId, record) => void this.closeChat(chatId, record));

    // A connector may replay its snapshot synchronously on subscribe: the inbox exists by now.
    this.subscription = from(connector.events).subscribe({
      next: (event: unknown) => this.receive(event),
      error: (error: unknown) => this.store.dispatch({ type: 'connection-lost', message: messageOf(error), at: this.now }),
      complete: () =>
        this.store.dispatch({ type: 'connection-lost', message: 'The contact center closed the connection.', at: this.now }),
    });
    this.subscription.add(typingSignals);
    if (connector.connection) {
      this.subscription.add(
        from(connector.connection).subscribe((connection) => {
          const change = connectionChange(this.store, connection);
          if (change) this.news.next(change);
        }),
      );
    }
    this.subscription.add(activeChatNews(this.store).subscribe((event) => this.news.next(event)));
  }

  /** One connector event in; what survives a reload follows the chats that arrive and leave. */
  private receive(event: unknown): void {
    const before = this.store.state.chats;
    this.inbox.receive(event);
    this.recovery?.followed(event, before, this.store.state.chats);
    this.cobrowse.take(event, this.state);
  }

  /** The current state. */
  get state(): WorkspaceState {
    return this.store.state;
  }

  /** The session clock's time, in epoch milliseconds. */
  get now(): number {
    return this.scheduler.now();
  }

  /**
   * A slice of the state that emits only when it changes: by identity, or by `equal`
   * for selectors that build a new object each time (`shallowEqual` suits most).
   */
  select<T>(selector: (state: WorkspaceState) => T, equal?: (previous: T, next: T) => boolean): Observable<T> {
    return this.store.select(selector, equal);
  }

  /**
   * Asks the platform for Available or Unavailable (R1); with Unavailable, `reason` is
   * the code of one of the configured `unavailableReasons` (Lunch, Break, ...).
   */
  async setAgentState(state: SelectableAgentState, reason?: string): Promise<CommandResult> {
    if (state !== 'Available' && state !== 'Unavailable') {
      return this.runner.fail('setAgentState', `An agent can choose Available or Unavailable, not ${String(state)}.`);
    }
    if (reason !== undefined && state !== 'Unavailable') return this.runner.fail('setAgentState', 'A reason goes with Unavailable only.');
    this.store.dispatch({ type: 'agent-state-requested', state, reason });
    const result = await this.runner.run('setAgentState', () =>
      reason === undefined ? this.connector.setAgentState(state) : this.connector.setAgentState(state, reason),
    );
    // A platform need not echo a state the agent already has; no event would then clear the request.
    const { agent } = this.state;
    const settled = !result.ok || (agent.state === state && agent.reason === reason);
    if (settled && this.state.requestedAgentState === state && this.state.requestedReason === reason) {
      this.store.dispatch({ type: 'agent-state-requested', state: undefined });
    }
    return result;
  }

  /** Takes an offered chat (R2); it becomes the active chat. */
  acceptOffer(chatId: string): Promise<CommandResult> {
    return this.runner.answerOffer(chatId, 'accepting', 'acceptOffer', () => this.connector.acceptOffer(chatId));
  }

  /** Declines an offered chat: it returns to the queue and the platform sets Refused (R2). */
  rejectOffer(chatId: string): Promise<CommandResult> {
    return this.runner.answerOffer(chatId, 'rejecting', 'rejectOffer', () => this.connector.rejectOffer(chatId));
  }

  /** Shows a chat of the workspace. */
  activateChat(chatId: string): void {
    this.store.dispatch({ type: 'chat-activated', chatId });
  }

  /**
   * Sends the agent's message. It shows at once, marked `sending`; if the platform
   * refuses it, it stays in the transcript marked `failed` for `retryMessage`: its
   * text is never lost. Blank messages and messages over the configured length are
   * not sent.
   */
  sendMessage(chatId: string, text: string): Promise<CommandResult> {
    return this.delivery.send(chatId, text);
  }

  /** Sends a failed message again. */
  retryMessage(chatId: string, localId: string): Promise<CommandResult> {
    return this.delivery.retry(chatId, localId);
  }

  /** Keeps what the agent typed in a chat, so switching tabs loses nothing (R8). */
  setDraft(chatId: string, text: string): void {
    const held = this.state.chats.some((candidate) => candidate.id === chatId);
    if (held && select.selectDraft(this.state, chatId) !== text) this.store.dispatch({ type: 'draft-changed', chatId, text });
  }

  /** Keeps the disposition, tags and notes being typed in after-contact work (R11). */
  setWrapUp(chatId: string, wrapUp: DispositionRecord): void {
    if (this.state.chats.some((chat) => chat.id === chatId)) this.store.dispatch({ type: 'wrap-up-changed', chatId, wrapUp });
  }

  /** Signals that the agent is typing; sent to the platform at most every few seconds per chat. */
  notifyTyping(chatId: string): void {
    if (this.state.chats.some((chat) => chat.id === chatId && chat.status === 'active')) this.typing.next(chatId);
  }

  /** Ends a chat; after-contact work begins (R9). */
  endChat(chatId: string): Promise<CommandResult> {
    return this.runner.run('endChat', () => this.connector.endChat(chatId), chatId);
  }

  /**
   * Hands a chat to an agent, team or skill of the address book (R12). On success the
   * chat leaves this workspace and `events$` reports `chat-transferred`.
   */
  async transferChat(chatId: string, target: TransferTarget, note?: string): Promise<CommandResult> {
    const chat = this.state.chats.find((candidate) => candidate.id === chatId);
    if (!chat) return this.runner.fail('transferChat', 'This chat is not in your workspace.', chatId);
    const result = await this.runner.run('transferChat', () => this.connector.transferChat(chatId, target, note), chatId);
    if (result.ok) {
      const trimmed = note?.trim() || undefined;
      this.news.next({ type: 'chat-transferred', chat, target, targetName: targetName(this.state, target), note: trimmed });
    }
    return result;
  }

  /** Schedules a follow-up contact from the launch area (R5); `events$` reports `engagement-created`. */
  async createEngagement(request: EngagementRequest): Promise<CommandResult> {
    const result = await this.runner.run('createEngagement', () => this.connector.createEngagement(request), request.chatId);
    if (result.ok) this.news.next({ type: 'engagement-created', engagement: request });
    return result;
  }

  /**
   * Records the disposition and closes the chat's tab (R11); with a disposition,
   * `events$` reports `disposition-saved`.
   */
  async closeChat(chatId: string, disposition?: DispositionRecord): Promise<CommandResult> {
    const chat = this.state.chats.find((candidate) => candidate.id === chatId);
    const result = await this.runner.run('closeChat', () => this.connector.closeChat(chatId, disposition), chatId);
    if (result.ok && chat && disposition) this.news.next({ type: 'disposition-saved', chat, disposition });
    return result;
  }

  /**
   * Asks for more after-contact work time: the platform pushes the chat's deadline
   * (`Chat.acwExpiresAt`) back by the configured `acwTimeoutMs`.
   */
  extendWrapUp(chatId: string): Promise<CommandResult> {
    const chat = this.state.chats.find((candidate) => candidate.id === chatId);
    if (!chat || chat.status !== 'ended' || chat.acwExpiresAt === undefined) {
      return Promise.resolve(this.runner.fail('extendWrapUp', 'This chat has no after-contact work deadline to extend.', chatId));
    }
    const connector = this.connector;
    if (!connector.extendWrapUp) {
      return Promise.resolve(this.runner.fail('extendWrapUp', 'This contact center cannot extend after-contact work.', chatId));
    }
    return this.runner.run('extendWrapUp', () => connector.extendWrapUp?.(chatId) ?? Promise.resolve(), chatId);
  }

  /**
   * Changes the status of the chat's case and/or adds a note (R15); the platform records
   * it and answers with the case as it stands (`Chat.case`, and the `case-updated` event).
   */
  updateCase(chatId: string, change: { status?: string; note?: string }): Promise<CommandResult> {
    const connector = this.connector;
    if (!connector.updateCase) {
      return Promise.resolve(this.runner.fail('updateCase', 'This contact center does not record cases.', chatId));
    }
    return this.runner.run('updateCase', () => connector.updateCase?.(chatId, change) ?? Promise.resolve(), chatId);
  }

  /** Asks the contact to share their page (co-browse); `Chat.cobrowse` follows their answer. */
  requestCobrowse(chatId: string): Promise<CommandResult> {
    const connector = this.connector;
    if (!connector.requestCobrowse) {
      return Promise.resolve(this.runner.fail('requestCobrowse', 'This contact center cannot co-browse.', chatId));
    }
    return this.runner.run('requestCobrowse', () => connector.requestCobrowse?.(chatId) ?? Promise.resolve(), chatId);
  }

  /** Stops the chat's co-browse (or withdraws the request). */
  endCobrowse(chatId: string): Promise<CommandResult> {
    const connector = this.connector;
    if (!connector.endCobrowse) {
      return Promise.resolve(this.runner.fail('endCobrowse', 'This contact center cannot co-browse.', chatId));
    }
    return this.runner.run('endCobrowse', () => connector.endCobrowse?.(chatId) ?? Promise.resolve(), chatId);
  }

  /**
   * The contact's page recording (rrweb events, inputs masked on the contact's side) while
   * the chat's page is shared: what is kept since the latest full snapshot, then each new batch.
   */
  cobrowseEvents$(chatId: string): Observable<unknown[]> {
    return this.cobrowse.events$(chatId);
  }

  /** Forgets an error the agent has seen. */
  dismissError(id: number): void {
    this.store.dispatch({ type: 'error-dismissed', id });
  }

  /** Forgets every error shown. */
  dismissAllErrors(): void {
    if (this.state.errors.length > 0) this.store.dispatch({ type: 'errors-dismissed' });
  }

  /** Stops listening to the connector and disconnects it. */
  dispose(): void {
    this.subscription.unsubscribe();
    this.recovery?.stop();
    this.wrapUpKeeper.stop();
    this.typing.complete();
    this.cobrowse.complete();
    this.connector.disconnect();
    this.news.complete();
  }
}
