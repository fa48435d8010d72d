import type { SchedulerLike } from 'rxjs';
import type { AgentCommand } from '../protocol/commands.js';
import type { ConnectorEvent } from '../protocol/events.js';
import type { CommandOutcome } from '../protocol/frames.js';
import type { AgentIdentity, AgentState, ChatMessage, Contact, WorkspaceConfiguration } from '../protocol/types.js';
import { AgentCommands, CommandRefused } from './agent-commands.js';
import type { AgentLink, ContactUpdate, PlatformContext } from './context.js';
import { OfferDesk } from './offers.js';
import { chatSnapshot, presenceEvent, visibleChat, type VisibleChat } from './snapshots.js';
import type { ChatRecord, EngagementRecord, PlatformStore, StreamEntry } from './store.js';

export { CommandRefused } from './agent-commands.js';

/** What a contact sends to open a chat. */
export interface StartChatRequest {
  contact: Contact;
  skill: string;
  /** The contact's first message. */
  text: string;
}

export interface ContactCenterCoreOptions {
  configuration: WorkspaceConfiguration;
  store: PlatformStore;
  /** The clock of offer timeouts and message times. */
  scheduler: SchedulerLike;
  /** Hears what the contact's side of each chat should see (the server's customer page). */
  onContactUpdate?: (chatId: string, update: ContactUpdate) => void;
}

type Delivery =
  | { kind: 'agent'; agentId: string; seq: number; event: ConnectorEvent }
  | { kind: 'ephemeral'; agentId: string; event: ConnectorEvent }
  | { kind: 'contact'; chatId: string; update: ContactUpdate };

/**
 * The contact-center platform without a host: queues per skill, offers and their
 * timeouts, capacity, transfers, dispositions, engagements and presence. It keeps its
 * state in a `PlatformStore` and reaches agents through `AgentLink`s, so one core serves
 * the in-browser simulator and the reference server. It knows nothing of the DOM.
 *
 * Every change runs in one store transaction, and what it tells agents is delivered
 * only after the transaction committed: nothing is said that was not kept.
 */
export class ContactCenterCore {
  readonly configuration: WorkspaceConfiguration;
  private readonly store: PlatformStore;
  private readonly scheduler: SchedulerLike;
  private readonly links = new Map<string, AgentLink>();
  private readonly offers: OfferDesk;
  private readonly commands: AgentCommands;
  private readonly onContactUpdate?: ContactCenterCoreOptions['onContactUpdate'];
  private pending: Delivery[] = [];
  private depth = 0;

  constructor(options: ContactCenterCoreOptions) {
    this.configuration = options.configuration;
    this.store = options.store;
    this.scheduler = options.scheduler;
    this.onContactUpdate = options.onContactUpdate;
    const context: PlatformContext = {
      store: this.store,
      configuration: this.configuration,
      scheduler: this.scheduler,
      now: () => this.scheduler.now(),
      emit: (agentId, event) => {
        const seq = this.store.appendEvent(agentId, event);
        this.pending.push({ kind: 'agent', agentId, seq, event });
      },
      emitEphemeral: (agentId, event) => this.pending.push({ kind: 'ephemeral', agentId, event }),
      tellContact: (chatId, update) => this.pending.push({ kind: 'contact', chatId, update }),
      isConnected: (agentId) => this.links.has(agentId),
      broadcastPresence: () => this.broadcastPresence(),
    };
    this.offers = new OfferDesk(context, (work) => this.atomically(work));
    this.commands = new AgentCommands(context, this.offers);
  }

  /**
   * Picks up where a stopped process left off: each open offer gets its timer back for
   * the time it has left, and one whose deadline passed meanwhile expires now.
   */
  restore(): void {
    for (const chat of this.store.offeredChats()) this.offers.watch(chat);
  }

  /** Stops the offer timers; the store keeps their deadlines for `restore()`. */
  stop(): void {
    this.offers.stop();
  }

  /**
   * Opens an agent's connection (Unavailable the first time). A previous connection of the
   * same agent is closed: one agent, one workspace.
   */
  attach(agent: AgentIdentity, link: AgentLink): void {
    this.atomically(() => {
      const record = this.store.agent(agent.id) ?? { ...agent, state: 'Unavailable', idleSince: this.now() };
      record.name = agent.name;
      this.store.saveAgent(record);
      const previous = this.links.get(agent.id);
      this.links.set(agent.id, link);
      previous?.close('Another connection of this agent took over.');
      this.broadcastPresence();
      this.offers.dispatch();
    });
  }

  /** The connection went away (a network drop): offers keep their deadlines, chats wait. */
  detach(agentId: string, link: AgentLink): void {
    if (this.links.get(agentId) !== link) return;
    this.atomically(() => {
      this.links.delete(agentId);
      this.broadcastPresence();
    });
  }

  /** Whether the agent has a connection open now. */
  isAttached(agentId: string): boolean {
    return this.links.has(agentId);
  }

  /**
   * Runs an agent's command. With a `commandId`, the command runs once: asked again, it
   * answers what it answered the first time, and the outcome is stored with its effects.
   */
  execute(agentId: string, command: AgentCommand, requestedId?: string): CommandOutcome {
    // Typing is a hint that repeats every few seconds: nothing to apply twice, nothing to keep.
    const commandId = command.name === 'typing' ? undefined : requestedId;
    return this.atomically(() => {
      if (commandId !== undefined) {
        const known = this.store.commandOutcome(agentId, commandId);
        if (known) return known;
      }
      let outcome: CommandOutcome;
      const mark = this.pending.length;
      try {
        const value = this.store.transaction(() => this.commands.run(agentId, command, commandId));
        outcome = value ? { ok: true, value } : { ok: true };
      } catch (error) {
        if (!(error instanceof CommandRefused)) throw error;
        // The refused command's writes are undone; what it would have said goes too.
        this.pending.length = mark;
        outcome = { ok: false, error: error.message };
      }
      if (commandId !== undefined) this.store.saveCommandOutcome(agentId, commandId, outcome);
      return outcome;
    });
  }

  /** The latest sequence number of the agent's stream. */
  lastSeq(agentId: string): number {
    return this.store.lastSeq(agentId);
  }

  /**
   * The stored events after `seq`, or `undefined` when they are too old to replay. A
   * replayed offer tells the time it has left now, not the time it had when it was made:
   * a reconnect does not buy more time (an offer since answered or withdrawn gets 0, and its
   * end follows in the replay).
   */
  eventsAfter(agentId: string, seq: number): StreamEntry[] | undefined {
    const entries = this.store.eventsAfter(agentId, seq);
    return entries?.map((entry) => {
      if (entry.event.type !== 'chat-offered') return entry;
      const chat = this.store.chat(entry.event.chat.id);
      const current = chat?.state === 'offered' && chat.agentId === agentId;
      const timeoutMs = current ? Math.max(0, (chat.offerExpiresAt ?? this.now()) - this.now()) : 0;
      return { ...entry, event: { ...entry.event, timeoutMs } };
    });
  }

  /**
   * The agent's whole picture now, for a workspace that (re)connects: configuration, state,
   * presence, then every chat the agent holds or is offered; `seq` is where the stream stands.
   */
  snapshot(agentId: string): { seq: number; events: ConnectorEvent[] } {
    const agent = this.store.agent(agentId);
    const seq = this.store.lastSeq(agentId);
    if (!agent) return { seq, events: [] };
    const events: ConnectorEvent[] = [
      { type: 'configuration', configuration: JSON.parse(JSON.stringify(this.configuration)) },
      { type: 'agent-state', state: agent.state },
      this.presence(),
    ];
    for (const chat of this.store.chatsOfAgent(agentId)) {
      const messages = this.store.messages(chat.id);
      if (chat.state === 'offered') {
        // The offer keeps its original deadline: a reconnect does not buy more time.
        const timeoutMs = Math.max(0, (chat.offerExpiresAt ?? this.now()) - this.now());
        events.push({ type: 'chat-offered', chat: chatSnapshot(chat, messages), timeoutMs });
      } else {
        events.push({ type: 'chat-assigned', chat: chatSnapshot(chat, messages) });
        if (chat.state === 'ended') events.push({ type: 'chat-ended', chatId: chat.id, by: chat.endedBy ?? 'contact' });
      }
    }
    return { seq, events };
  }

  /** A contact opens a chat; it waits in its skill's queue until an agent accepts it. */
  startChat(request: StartChatRequest): string {
    this.checkContactText(request.text);
    return this.atomically(() => {
      const id = `chat-${this.store.nextSequence('chat')}`;
      const chat: ChatRecord = {
        id,
        state: 'queued',
        route: { kind: 'skill', skill: request.skill },
        skill: request.skill,
        contact: { ...request.contact },
        queueOrder: this.store.nextSequence('queue'),
      };
      this.store.saveChat(chat);
      this.store.appendMessage(id, this.contactMessage(chat, request.text));
      this.offers.dispatch();
      return id;
    });
  }

  /** The contact types a message; the agent holding the chat receives it. */
  contactSays(chatId: string, text: string): ChatMessage {
    this.checkContactText(text);
    return this.atomically(() => {
      const chat = this.chatOrThrow(chatId);
      if (chat.state === 'ended' || chat.state === 'closed') throw new CommandRefused(`Chat ${chatId} is ${chat.state}.`);
      const message = this.contactMessage(chat, text);
      this.store.appendMessage(chatId, message);
      if (chat.agentId && chat.state === 'active') this.platformEmit(chat.agentId, { type: 'message', chatId, message });
      return message;
    });
  }

  /** The contact starts (or stops) typing; the agent sees an indicator. */
  contactTyping(chatId: string, typing: boolean): void {
    const chat = this.chatOrThrow(chatId);
    if (chat.agentId && chat.state === 'active' && this.links.has(chat.agentId)) {
      this.links.get(chat.agentId)?.deliver(this.store.lastSeq(chat.agentId), { type: 'contact-typing', chatId, typing }, true);
    }
  }

  /** The contact closes the chat: an active chat ends (ACW begins); a waiting one is dropped. */
  contactLeaves(chatId: string): void {
    this.atomically(() => {
      const chat = this.chatOrThrow(chatId);
      if (chat.state === 'queued') {
        chat.state = 'closed';
        chat.queueOrder = undefined;
        this.store.saveChat(chat);
      } else if (chat.state === 'offered') {
        this.offers.withdraw(chat, 'cancelled');
        chat.state = 'closed';
        this.store.saveChat(chat);
        this.offers.dispatch();
      } else if (chat.state === 'active' && chat.agentId) {
        chat.state = 'ended';
        chat.endedBy = 'contact';
        this.store.saveChat(chat);
        this.platformEmit(chat.agentId, { type: 'chat-ended', chatId, by: 'contact' });
        this.pending.push({ kind: 'contact', chatId, update: { type: 'ended', by: 'contact' } });
      }
    });
  }

  /** A copy of the chat, or `undefined` for an unknown id. */
  chat(chatId: string): VisibleChat | undefined {
    const chat = this.store.chat(chatId);
    return chat ? visibleChat(chat, this.store.messages(chatId)) : undefined;
  }

  /** The chat with its bookkeeping, for the hosts (typing times, who ended it). */
  chatRecord(chatId: string): ChatRecord | undefined {
    return this.store.chat(chatId);
  }

  agentState(agentId: string): AgentState | undefined {
    return this.store.agent(agentId)?.state;
  }

  agentName(agentId: string): string | undefined {
    return this.store.agent(agentId)?.name;
  }

  /** The ids of the chats waiting for a skill, next first. */
  queued(skill: string): string[] {
    return this.store
      .queuedChats()
      .filter((chat) => chat.route.kind === 'skill' && chat.route.skill === skill)
      .map((chat) => chat.id);
  }

  engagements(): EngagementRecord[] {
    return this.store.engagements();
  }

  /** Delivers an event as given, well-formed or not, without storing it (a faulty platform, for tests). */
  deliverRaw(agentId: string, event: unknown): void {
    this.links.get(agentId)?.deliver(this.store.lastSeq(agentId), event as ConnectorEvent, true);
  }

  private now(): number {
    return this.scheduler.now();
  }

  private platformEmit(agentId: string, event: ConnectorEvent): void {
    const seq = this.store.appendEvent(agentId, event);
    this.pending.push({ kind: 'agent', agentId, seq, event });
  }

  private contactMessage(chat: ChatRecord, text: string): ChatMessage {
    return {
      id: `${chat.id}-m${this.store.nextSequence('message')}`,
      from: 'contact',
      text,
      at: this.now(),
      authorName: chat.contact.name,
    };
  }

  private checkContactText(text: string): void {
    const limit = this.configuration.maxMessageLength;
    if (text.length > limit) throw new CommandRefused(`The message is longer than ${limit} characters.`);
  }

  private chatOrThrow(chatId: string): ChatRecord {
    const chat = this.store.chat(chatId);
    if (!chat) throw new CommandRefused(`No chat ${chatId}.`);
    return chat;
  }

  private presence(): ConnectorEvent {
    return presenceEvent(this.configuration.directory, this.store.agents(), (agentId) => this.links.has(agentId));
  }

  private broadcastPresence(): void {
    const event = this.presence();
    for (const agentId of this.links.keys()) this.pending.push({ kind: 'ephemeral', agentId, event });
  }

  /**
   * One transaction, nested calls included; deliveries wait for the outermost commit and
   * are dropped with the writes when it fails.
   */
  private atomically<T>(work: () => T): T {
    const mark = this.pending.length;
    this.depth += 1;
    let result: T;
    try {
      result = this.store.transaction(work);
    } catch (error) {
      this.pending.length = mark;
      throw error;
    } finally {
      this.depth -= 1;
    }
    if (this.depth === 0) this.flush();
    return result;
  }

  private flush(): void {
    const deliveries = this.pending;
    this.pending = [];
    for (const delivery of deliveries) {
      if (delivery.kind === 'contact') {
        this.onContactUpdate?.(delivery.chatId, delivery.update);
        continue;
      }
      const link = this.links.get(delivery.agentId);
      if (!link) continue;
      if (delivery.kind === 'agent') link.deliver(delivery.seq, delivery.event, false);
      else link.deliver(this.store.lastSeq(delivery.agentId), JSON.parse(JSON.stringify(delivery.event)), true);
    }
  }
}
