import type { SchedulerLike } from 'rxjs';
import type { AgentCommand, CommandOutcome } from '../protocol/commands.js';
import type { ConnectorEvent } from '../protocol/events.js';
import type { AgentIdentity, AgentState, WorkspaceConfiguration } from '../protocol/types.js';
import { AfterCommitQueue, type AfterCommit } from './after-commit.js';
import { AgentCommands, CommandRefused } from './agent-commands.js';
import { clone } from './clone.js';
import { ContactSide } from './contact-side.js';
import type { AgentLink, ContactUpdate, PlatformContext } from './context.js';
import { OfferDesk } from './offers.js';
import { WrapUpDesk } from './wrap-up.js';
import { agentSnapshot, replayAfter } from './agent-catch-up.js';
import { presenceEvent, visibleChat, type VisibleChat } from './snapshots.js';
import type { ChatRecord, EngagementRecord, PlatformStore, StreamEntry } from './store.js';

export { CommandRefused } from './agent-commands.js';
export type { StartChatRequest } from './contact-side.js';

export interface ContactCenterCoreOptions {
  configuration: WorkspaceConfiguration;
  store: PlatformStore;
  /** The clock of offer timeouts and message times. */
  scheduler: SchedulerLike;
  /** Hears what the contact's side of each chat should see (the server's customer page). */
  onContactUpdate?: (chatId: string, update: ContactUpdate) => void;
  /**
   * Hears what failed after a commit (a link that threw, an offer timer whose store write
   * failed): the change is kept, and the core goes on. Thrown asynchronously by default.
   */
  reportError?: (error: unknown) => void;
  /**
   * Whether the core keeps its own timers for offer and after-contact deadlines (true by
   * default). A host whose processes share one database says false and calls `runDeadline`
   * from the one process that owns each deadline.
   */
  deadlineTimers?: boolean;
}

/**
 * The contact-center platform without a host: queues per skill, offers and their
 * timeouts, capacity, transfers, dispositions, engagements and presence. It keeps its
 * state in a `PlatformStore` and reaches agents through `AgentLink`s, so one core serves
 * the in-browser simulator and the reference server. It knows nothing of the DOM.
 *
 * Every change runs in one store transaction, and what it tells agents (and does to its
 * own timers) happens only after the transaction committed: nothing is said that was not kept.
 */
export class ContactCenterCore {
  readonly configuration: WorkspaceConfiguration;
  /** The contact's side of chats: start, type, leave. */
  readonly contacts: ContactSide;
  private readonly store: PlatformStore;
  private readonly scheduler: SchedulerLike;
  private readonly links = new Map<string, AgentLink>();
  private readonly offers: OfferDesk;
  private readonly wrapUp: WrapUpDesk;
  private readonly commands: AgentCommands;
  private readonly afterCommit: AfterCommitQueue;
  private depth = 0;

  constructor(options: ContactCenterCoreOptions) {
    this.configuration = options.configuration;
    this.store = options.store;
    this.scheduler = options.scheduler;
    const reportError = options.reportError ?? ((error: unknown) => options.scheduler.schedule(() => {
      throw error;
    }));
    this.afterCommit = new AfterCommitQueue((item) => this.carryOut(item, options.onContactUpdate), reportError);
    const context: PlatformContext = {
      store: this.store,
      configuration: this.configuration,
      scheduler: this.scheduler,
      now: () => this.scheduler.now(),
      emit: (agentId, event) => {
        const seq = this.store.appendEvent(agentId, event);
        this.afterCommit.push({ kind: 'agent', agentId, seq, event });
      },
      emitEphemeral: (agentId, event) => this.afterCommit.push({ kind: 'ephemeral', agentId, event }),
      tellContact: (chatId, update) => this.afterCommit.push({ kind: 'contact', chatId, update }),
      afterCommit: (run) => this.afterCommit.push({ kind: 'effect', run }),
      isConnected: (agentId) => this.links.has(agentId),
      broadcastPresence: () => this.broadcastPresence(),
      deadlineTimers: options.deadlineTimers ?? true,
    };
    this.offers = new OfferDesk(context, (work) => this.atomically(work), reportError);
    this.wrapUp = new WrapUpDesk(context, this.offers, (work) => this.atomically(work), reportError);
    this.commands = new AgentCommands(context, this.offers, this.wrapUp);
    this.contacts = new ContactSide(context, this.offers, this.wrapUp, (work) => this.atomically(work), (agentId, event) =>
      this.tellNow(agentId, event),
    );
  }

  /**
   * Picks up where a stopped process left off: each open offer and each after-contact
   * work deadline gets its timer back for the time it has left, and one whose deadline
   * passed meanwhile runs out now.
   */
  restore(): void {
    for (const chat of this.store.offeredChats()) this.offers.watch(chat);
    this.wrapUp.restore();
  }

  /** Stops the offer and after-contact work timers; the store keeps their deadlines for `restore()`. */
  stop(): void {
    this.offers.stop();
    this.wrapUp.stop();
  }

  /**
   * Opens an agent's connection (Unavailable the first time). A previous connection of the
   * same agent is closed: one agent, one workspace.
   */
  attach(agent: AgentIdentity, link: AgentLink): void {
    const previous = this.links.get(agent.id);
    // Routing in this very transaction already counts the agent as connected.
    this.links.set(agent.id, link);
    try {
      this.atomically(() => {
        const record = this.store.agent(agent.id) ?? { ...agent, state: 'Unavailable', idleSince: this.now() };
        record.name = agent.name;
        this.store.saveAgent(record);
        this.broadcastPresence();
        this.offers.dispatch();
      });
    } catch (error) {
      if (previous) this.links.set(agent.id, previous);
      else this.links.delete(agent.id);
      throw error;
    }
    previous?.close('Another connection of this agent took over.');
  }

  /** The connection went away (a network drop): offers keep their deadlines, chats wait. */
  detach(agentId: string, link: AgentLink): void {
    if (this.links.get(agentId) !== link) return;
    this.links.delete(agentId);
    this.atomically(() => this.broadcastPresence());
  }

  /**
   * Knows of a connection that another process of the same database opened and recorded
   * (`undefined`: it closed): no transaction and no routing here, that process ran them.
   * Routing and presence count it; ephemeral events reach it through `link`.
   */
  linkElsewhere(agentId: string, link: AgentLink | undefined): void {
    if (link) this.links.set(agentId, link);
    else this.links.delete(agentId);
  }

  /** The link the core delivers this agent's events to, if connected here or known elsewhere. */
  linkOf(agentId: string): AgentLink | undefined {
    return this.links.get(agentId);
  }

  /**
   * Fires the chat's offer or after-contact deadline if it has passed (the host's timers,
   * with `deadlineTimers: false`); answers whether anything ran out.
   */
  runDeadline(chatId: string): boolean {
    return this.atomically(() => {
      const chat = this.store.chat(chatId);
      if (!chat) return false;
      return this.offers.expireIfDue(chat) || this.wrapUp.expireIfDue(chat);
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
      const mark = this.afterCommit.mark();
      try {
        const value = this.store.transaction(() => this.commands.run(agentId, command, commandId));
        outcome = value ? { ok: true, value } : { ok: true };
      } catch (error) {
        if (!(error instanceof CommandRefused)) throw error;
        // The refused command's writes are undone; what it would have said and done goes too.
        this.afterCommit.dropFrom(mark);
        outcome = { ok: false, error: error.message };
      }
      if (commandId !== undefined) this.store.saveCommandOutcome(agentId, commandId, outcome, this.now());
      return outcome;
    });
  }

  /** Where the agent's stream stands: the store's id (new when the data is) and its latest sequence number. */
  stream(agentId: string): { id: string; seq: number } {
    return { id: this.store.id, seq: this.store.lastSeq(agentId) };
  }

  /** The latest sequence number of the agent's stream. */
  lastSeq(agentId: string): number {
    return this.store.lastSeq(agentId);
  }

  /** The stored events after `seq` (offers with the time they have left now), or `undefined` when pruned. */
  eventsAfter(agentId: string, seq: number): StreamEntry[] | undefined {
    return replayAfter(this.store, agentId, seq, this.now());
  }

  /**
   * The agent's whole picture now, for a workspace that (re)connects: configuration, state,
   * presence, then every chat the agent holds or is offered; `seq` is where the stream
   * stands. Read in one transaction, so no event falls between the picture and `seq`.
   */
  snapshot(agentId: string): { seq: number; events: ConnectorEvent[] } {
    return this.store.transaction(() => agentSnapshot(this.store, this.configuration, this.presence(), agentId, this.now()));
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

  /** The reason the agent gave with Unavailable (a configured code), if any. */
  agentReason(agentId: string): string | undefined {
    return this.store.agent(agentId)?.reason;
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
    this.tellNow(agentId, event as ConnectorEvent);
  }

  /** An ephemeral event to the agent's open connection, now: it carries the stream's latest number. */
  private tellNow(agentId: string, event: ConnectorEvent): void {
    this.links.get(agentId)?.deliver(this.store.lastSeq(agentId), event, true);
  }

  private now(): number {
    return this.scheduler.now();
  }

  private presence(): ConnectorEvent {
    return presenceEvent(this.configuration.directory, this.store.agents(), (agentId) => this.links.has(agentId));
  }

  private broadcastPresence(): void {
    const event = this.presence();
    for (const agentId of this.links.keys()) this.afterCommit.push({ kind: 'ephemeral', agentId, event });
  }

  /**
   * One transaction, nested calls included; what it queued is carried out after the
   * outermost commit, and dropped with the writes when it fails.
   */
  private atomically<T>(work: () => T): T {
    const mark = this.afterCommit.mark();
    this.depth += 1;
    let result: T;
    try {
      result = this.store.transaction(work);
    } catch (error) {
      this.afterCommit.dropFrom(mark);
      throw error;
    } finally {
      this.depth -= 1;
    }
    if (this.depth === 0) this.afterCommit.drain();
    return result;
  }

  private carryOut(item: AfterCommit, onContactUpdate: ContactCenterCoreOptions['onContactUpdate']): void {
    switch (item.kind) {
      case 'effect':
        return item.run();
      case 'contact':
        return onContactUpdate?.(item.chatId, item.update);
      case 'agent':
        return this.links.get(item.agentId)?.deliver(item.seq, item.event, false);
      case 'ephemeral':
        return this.tellNow(item.agentId, clone(item.event));
    }
  }
}
