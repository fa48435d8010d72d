import {
  BehaviorSubject,
  Subject,
  asyncScheduler,
  defer,
  distinctUntilChanged,
  groupBy,
  interval,
  map,
  mergeMap,
  share,
  startWith,
  throttleTime,
  type Observable,
  type SchedulerLike,
  type Subscription,
} from 'rxjs';
import type { ContactCenterConnector } from '../connectors/connector.js';
import { chatIdOf, parseConnectorEvent, type ConnectorEvent } from '../connectors/events.js';
import type {
  AgentState,
  DispositionRecord,
  EngagementRequest,
  SelectableAgentState,
  TransferTarget,
} from '../connectors/types.js';
import { reduce, type SessionAction } from './reducer.js';
import * as select from './selectors.js';
import { initialState, type Chat, type Offer, type SessionCommand, type WorkspaceState } from './state.js';

/** What happened, for whoever tells the host page (the workspace turns these into DOM events). */
export type SessionEvent =
  | { type: 'chat-offered'; offer: Offer }
  | { type: 'chat-accepted'; chat: Chat }
  | { type: 'chat-ended'; chat: Chat }
  | { type: 'chat-transferred'; chat: Chat; target: TransferTarget; targetName: string; note?: string }
  | { type: 'agent-state-changed'; state: AgentState; previous: AgentState };

/** How often the agent's typing reaches the contact, at most, per chat. */
export const TYPING_SIGNAL_INTERVAL_MS = 3000;

export interface ChatSessionOptions {
  /** The clock of countdowns and timers; defaults to RxJS's `asyncScheduler` (real time). */
  scheduler?: SchedulerLike;
  /** Where warnings about malformed connector events go; defaults to `console`. */
  logger?: Pick<Console, 'warn'>;
}

/**
 * The one service behind a workspace: it reduces the connector's events into one
 * immutable `WorkspaceState`, exposes slices of it as observables, and turns the
 * agent's actions into connector commands.
 *
 * Commands never throw: they resolve `true` when the platform took them and `false`
 * when it refused, in which case the reason is in `errors$`.
 */
export class ChatSession {
  private readonly store: BehaviorSubject<WorkspaceState>;
  private readonly happenings = new Subject<SessionEvent>();
  private readonly scheduler: SchedulerLike;
  private readonly logger: Pick<Console, 'warn'>;
  private readonly subscription: Subscription;
  private readonly typing = new Subject<string>();

  /** The whole state; prefer the narrower selectors below. */
  readonly state$: Observable<WorkspaceState>;
  /** Offers, acceptances, ends and agent-state changes as they happen. */
  readonly events$: Observable<SessionEvent> = this.happenings.asObservable();
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
    this.logger = options.logger ?? console;
    this.store = new BehaviorSubject(initialState(connector.agent));
    this.state$ = this.store.asObservable();
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
      .subscribe((chatId) => void this.run('sendTyping', () => this.connector.sendTyping(chatId), chatId));

    this.subscription = connector.events.subscribe({
      next: (event: unknown) => this.receive(event),
      error: (error: unknown) => this.dispatch({ type: 'connection-lost', message: messageOf(error), at: this.now }),
      complete: () =>
        this.dispatch({ type: 'connection-lost', message: 'The contact center closed the connection.', at: this.now }),
    });
    this.subscription.add(typingSignals);
  }

  /** The current state. */
  get state(): WorkspaceState {
    return this.store.value;
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
    return this.store.pipe(map(selector), distinctUntilChanged(equal));
  }

  /** Asks the platform for Available or Unavailable (R1). */
  async setAgentState(state: SelectableAgentState): Promise<boolean> {
    if (state !== 'Available' && state !== 'Unavailable') {
      this.fail('setAgentState', `An agent can choose Available or Unavailable, not ${String(state)}.`);
      return false;
    }
    this.dispatch({ type: 'agent-state-requested', state });
    const done = await this.run('setAgentState', () => this.connector.setAgentState(state));
    // A platform need not echo a state the agent already has; no event would then clear the request.
    const settled = !done || this.state.agent.state === state;
    if (settled && this.state.requestedAgentState === state) {
      this.dispatch({ type: 'agent-state-requested', state: undefined });
    }
    return done;
  }

  /** Takes an offered chat (R2); it becomes the active chat. */
  acceptOffer(chatId: string): Promise<boolean> {
    return this.answerOffer(chatId, 'accepting', 'acceptOffer', () => this.connector.acceptOffer(chatId));
  }

  /** Declines an offered chat: it returns to the queue and the platform sets Refused (R2). */
  rejectOffer(chatId: string): Promise<boolean> {
    return this.answerOffer(chatId, 'rejecting', 'rejectOffer', () => this.connector.rejectOffer(chatId));
  }

  /** Shows a chat of the workspace. */
  activateChat(chatId: string): void {
    this.dispatch({ type: 'chat-activated', chatId });
  }

  /**
   * Sends the agent's message. It shows at once, marked `sending`; if the platform
   * refuses it, it stays in the transcript marked `failed` for `retryMessage`: its
   * text is never lost. Blank messages and messages over the configured length are
   * not sent.
   */
  async sendMessage(chatId: string, text: string): Promise<boolean> {
    const chat = this.state.chats.find((candidate) => candidate.id === chatId);
    const limit = this.state.configuration.maxMessageLength;
    if (!chat || chat.status !== 'active' || text.trim() === '' || text.length > limit) return false;
    const localId = `local-${this.state.nextLocalId}`;
    this.dispatch({ type: 'message-sending', chatId, text, authorName: this.state.agent.name, at: this.now });
    return this.deliver(chatId, localId, text);
  }

  /** Sends a failed message again. */
  retryMessage(chatId: string, localId: string): Promise<boolean> {
    const message = this.state.chats
      .find((chat) => chat.id === chatId)
      ?.messages.find((candidate) => candidate.id === localId && candidate.delivery === 'failed');
    if (!message) return Promise.resolve(false);
    this.dispatch({ type: 'message-retrying', chatId, localId });
    return this.deliver(chatId, localId, message.text);
  }

  /** Keeps what the agent typed in a chat, so switching tabs loses nothing (R8). */
  setDraft(chatId: string, text: string): void {
    const chat = this.state.chats.find((candidate) => candidate.id === chatId);
    if (chat && chat.draft !== text) this.dispatch({ type: 'draft-changed', chatId, text });
  }

  /** Keeps the disposition, tags and notes being typed in after-contact work (R11). */
  setWrapUp(chatId: string, wrapUp: DispositionRecord): void {
    if (this.state.chats.some((chat) => chat.id === chatId)) this.dispatch({ type: 'wrap-up-changed', chatId, wrapUp });
  }

  /** Signals that the agent is typing; sent to the platform at most every few seconds per chat. */
  notifyTyping(chatId: string): void {
    if (this.state.chats.some((chat) => chat.id === chatId && chat.status === 'active')) this.typing.next(chatId);
  }

  /** Ends a chat; after-contact work begins (R9). */
  endChat(chatId: string): Promise<boolean> {
    return this.run('endChat', () => this.connector.endChat(chatId), chatId);
  }

  /**
   * Hands a chat to an agent, team or skill of the address book (R12). On success the
   * chat leaves this workspace and `events$` reports `chat-transferred`.
   */
  async transferChat(chatId: string, target: TransferTarget, note?: string): Promise<boolean> {
    const chat = this.state.chats.find((candidate) => candidate.id === chatId);
    if (!chat) return false;
    const done = await this.run('transferChat', () => this.connector.transferChat(chatId, target, note), chatId);
    if (done) {
      const trimmed = note?.trim() || undefined;
      this.happenings.next({ type: 'chat-transferred', chat, target, targetName: targetName(this.state, target), note: trimmed });
    }
    return done;
  }

  /** Schedules a follow-up contact from the launch area (R5). */
  createEngagement(request: EngagementRequest): Promise<boolean> {
    return this.run('createEngagement', () => this.connector.createEngagement(request), request.chatId);
  }

  /** Records the disposition and closes the chat's tab (R11). */
  closeChat(chatId: string, disposition?: DispositionRecord): Promise<boolean> {
    return this.run('closeChat', () => this.connector.closeChat(chatId, disposition), chatId);
  }

  /** Forgets an error the agent has seen. */
  dismissError(id: number): void {
    this.dispatch({ type: 'error-dismissed', id });
  }

  /** Stops listening to the connector and disconnects it. */
  dispose(): void {
    this.subscription.unsubscribe();
    this.typing.complete();
    this.connector.disconnect();
    this.happenings.complete();
  }

  private async deliver(chatId: string, localId: string, text: string): Promise<boolean> {
    try {
      const recorded: unknown = await this.connector.sendMessage(chatId, text);
      // The platform's copy is input like any other; a malformed one keeps ours.
      const parsed = parseConnectorEvent({ type: 'message', chatId, message: recorded });
      const message =
        parsed.ok && parsed.event.type === 'message'
          ? parsed.event.message
          : { id: localId, from: 'agent' as const, text, at: this.now, authorName: this.state.agent.name };
      this.dispatch({ type: 'message-delivered', chatId, localId, message });
      return true;
    } catch (error) {
      this.dispatch({ type: 'message-failed', chatId, localId });
      this.fail('sendMessage', messageOf(error), chatId);
      return false;
    }
  }

  private async answerOffer(
    chatId: string,
    status: 'accepting' | 'rejecting',
    command: 'acceptOffer' | 'rejectOffer',
    call: () => Promise<void>,
  ): Promise<boolean> {
    const offer = this.state.offers.find((candidate) => candidate.chatId === chatId);
    if (!offer) {
      this.fail(command, 'This chat is no longer offered to you.', chatId);
      return false;
    }
    if (offer.status !== 'pending') return false;
    this.dispatch({ type: 'offer-status', chatId, status });
    const done = await this.run(command, call, chatId);
    if (!done) this.dispatch({ type: 'offer-status', chatId, status: 'pending' });
    return done;
  }

  private async run(command: SessionCommand, call: () => Promise<unknown>, chatId?: string): Promise<boolean> {
    try {
      await call();
      return true;
    } catch (error) {
      this.fail(command, messageOf(error), chatId);
      return false;
    }
  }

  private fail(command: SessionCommand, message: string, chatId?: string): void {
    this.dispatch({ type: 'error', error: { kind: 'command-failed', command, message, chatId, at: this.now } });
  }

  /** Validates an inbound event; a malformed one is reported and changes nothing else. */
  private receive(raw: unknown): void {
    const parsed = parseConnectorEvent(raw);
    if (!parsed.ok) {
      const chatId = chatIdOf(raw);
      const type = typeof (raw as { type?: unknown } | null)?.type === 'string' ? (raw as { type: string }).type : 'unknown';
      this.warnIgnored(type, parsed.field, parsed.message);
      this.dispatch({
        type: 'error',
        error: { kind: 'invalid-event', field: parsed.field, message: parsed.message, chatId, at: this.now },
      });
      return;
    }
    const before = this.state;
    this.dispatch({ type: 'connector-event', event: parsed.event, at: this.now });
    // Well-formed but about a chat this workspace does not hold: the reducer recorded it.
    const rejected = this.state.nextErrorId !== before.nextErrorId ? this.state.errors.at(-1) : undefined;
    if (rejected?.kind === 'invalid-event') this.warnIgnored(parsed.event.type, rejected.field, rejected.message);
    this.announce(parsed.event, before, this.state);
  }

  private warnIgnored(type: string, field: string, reason: string): void {
    this.logger.warn(
      `[chat-workspace] Ignored a malformed "${type}" event from the connector: field "${field}": ${reason.replace(/\.$/, '')}.`,
    );
  }

  private announce(event: ConnectorEvent, before: WorkspaceState, after: WorkspaceState): void {
    switch (event.type) {
      case 'chat-offered': {
        const offer = after.offers.find((candidate) => candidate.chatId === event.chat.id);
        if (offer) this.happenings.next({ type: 'chat-offered', offer });
        break;
      }
      case 'chat-assigned': {
        const chat = after.chats.find((candidate) => candidate.id === event.chat.id);
        const isNew = !before.chats.some((candidate) => candidate.id === event.chat.id);
        if (chat && isNew) this.happenings.next({ type: 'chat-accepted', chat });
        break;
      }
      case 'chat-ended': {
        const chat = after.chats.find((candidate) => candidate.id === event.chatId);
        const wasActive = before.chats.some((candidate) => candidate.id === event.chatId && candidate.status === 'active');
        if (chat && wasActive) this.happenings.next({ type: 'chat-ended', chat });
        break;
      }
      case 'agent-state':
        if (before.agent.state !== after.agent.state) {
          this.happenings.next({ type: 'agent-state-changed', state: after.agent.state, previous: before.agent.state });
        }
        break;
      default:
        break;
    }
  }

  private dispatch(action: SessionAction): void {
    this.store.next(reduce(this.store.value, action));
  }
}

/** A destination's name in the address book, or its id when the book does not list it. */
function targetName(state: WorkspaceState, target: TransferTarget): string {
  const { directory } = state.configuration;
  const entries: readonly { id: string; name: string }[] =
    target.kind === 'agent' ? directory.agents : target.kind === 'team' ? directory.teams : directory.skills;
  return entries.find((entry) => entry.id === target.id || entry.name === target.id)?.name ?? target.id;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
