import type { Subscription } from 'rxjs';
import type { OfferWithdrawalReason } from '../protocol/events.js';
import type { AgentState } from '../protocol/types.js';
import type { PlatformContext } from './context.js';
import { pickAgent, routeKey } from './routing.js';
import { chatSnapshot } from './snapshots.js';
import type { AgentRecord, ChatRecord } from './store.js';

/** How soon an offer expiry the store could not record is tried again. */
const EXPIRY_RETRY_MS = 1000;

/**
 * The life of an offer: waiting chats are offered to free agents; an offer is accepted,
 * or rejected, expires or is withdrawn, and then the chat goes back to the head of its
 * line. Agent states live here too, because routing reads them and a refused offer sets Refused.
 */
export class OfferDesk {
  /** Offer expiry timers of this process; the deadlines themselves are in the store. */
  private readonly timers = new Map<string, Subscription>();

  constructor(
    private readonly platform: PlatformContext,
    /** Runs a timer's work as one transaction, with deliveries after commit. */
    private readonly atomically: (work: () => void) => void,
    private readonly reportError: (error: unknown) => void,
  ) {}

  /** Offers waiting chats to free agents until no more can be placed. */
  dispatch(): void {
    const { store, configuration } = this.platform;
    const available = store.agents().filter((agent) => this.platform.isConnected(agent.id) && agent.state === 'Available');
    const held = new Map(available.map((agent) => [agent.id, store.chatsOfAgent(agent.id)]));
    // With wrapUpBeforeNextOffer, an agent finishes after-contact work before the next chat.
    const agents = configuration.wrapUpBeforeNextOffer
      ? available.filter((agent) => !held.get(agent.id)?.some((chat) => chat.state === 'ended'))
      : available;
    if (agents.length === 0) return;
    const loads = new Map(agents.map((agent) => [agent.id, held.get(agent.id)?.length ?? 0]));
    const blocked = new Set<string>();
    for (const chat of store.queuedChats()) {
      const key = routeKey(chat.route);
      if (blocked.has(key)) continue;
      const candidates = agents
        .filter((agent) => agent.id !== chat.transferredFrom)
        .map((agent) => ({ ...agent, connected: true, load: loads.get(agent.id) ?? 0 }));
      const pick = pickAgent(candidates, chat.route, configuration.maxConcurrentChats, configuration.directory);
      const agent = pick && agents.find((candidate) => candidate.id === pick.id);
      if (!agent) {
        // First come, first served: nobody behind this chat in its line goes before it. A
        // transferred chat that only its transferrer could take blocks nobody, though.
        if (!chat.transferredFrom || !this.wouldServe(agents, loads, chat)) blocked.add(key);
        continue;
      }
      loads.set(agent.id, (loads.get(agent.id) ?? 0) + 1);
      agent.idleSince = this.platform.now();
      this.offer(chat, agent);
    }
  }

  /** Whether someone, the transferrer included, could take the chat now. */
  private wouldServe(agents: readonly AgentRecord[], loads: ReadonlyMap<string, number>, chat: ChatRecord): boolean {
    const { configuration } = this.platform;
    const candidates = agents.map((agent) => ({ ...agent, connected: true, load: loads.get(agent.id) ?? 0 }));
    return pickAgent(candidates, chat.route, configuration.maxConcurrentChats, configuration.directory) !== undefined;
  }

  /** Reject or expiry: back to the head of the queue, and the agent becomes Refused (R2). */
  refuse(chat: ChatRecord, reason: 'rejected' | 'expired'): void {
    const agent = chat.agentId ? this.platform.store.agent(chat.agentId) : undefined;
    this.requeue(chat, reason);
    if (agent) this.setAgentState(agent, 'Refused');
    this.dispatch();
  }

  /** The offer goes; the chat waits at the head of its line. */
  requeue(chat: ChatRecord, reason: OfferWithdrawalReason = 'cancelled'): void {
    this.withdraw(chat, reason);
    chat.state = 'queued';
    chat.queueOrder = -this.platform.store.nextSequence('queue');
    this.platform.store.saveChat(chat);
  }

  /** Tells the agent the offer is gone and frees their slot; the caller decides where the chat goes. */
  withdraw(chat: ChatRecord, reason: OfferWithdrawalReason): void {
    this.platform.afterCommit(() => this.cancelTimer(chat.id));
    const agent = chat.agentId ? this.platform.store.agent(chat.agentId) : undefined;
    chat.agentId = undefined;
    chat.offeredAt = undefined;
    chat.offerExpiresAt = undefined;
    this.platform.store.saveChat(chat);
    if (agent) {
      this.release(agent);
      this.platform.emit(agent.id, { type: 'offer-withdrawn', chatId: chat.id, reason });
    }
  }

  /** The idle clock restarts when a slot frees, so the longest-idle rule stays fair. */
  release(agent: AgentRecord): void {
    agent.idleSince = this.platform.now();
    this.platform.store.saveAgent(agent);
  }

  /** Sets the state; a reason (a configured code) goes with Unavailable only, and any other state clears it. */
  setAgentState(agent: AgentRecord, state: AgentState, reason?: string): void {
    const kept = state === 'Unavailable' ? reason : undefined;
    if (agent.state === state && agent.reason === kept) return;
    if (state === 'Available' && agent.state !== 'Available') agent.idleSince = this.platform.now();
    agent.state = state;
    agent.reason = kept;
    this.platform.store.saveAgent(agent);
    this.platform.emit(agent.id, { type: 'agent-state', state, ...(kept === undefined ? {} : { reason: kept }) });
    this.platform.broadcastPresence();
  }

  cancelTimer(chatId: string): void {
    this.timers.get(chatId)?.unsubscribe();
    this.timers.delete(chatId);
  }

  /**
   * Sets the expiry timer of an offer from its stored deadline (also after a restart).
   * An expiry the store could not record (busy, full) is reported and tried again: the
   * offer expires late rather than never, and the process goes on.
   */
  watch(chat: ChatRecord, delay = Math.max(0, (chat.offerExpiresAt ?? 0) - this.platform.now())): void {
    this.cancelTimer(chat.id);
    const deadline = chat.offerExpiresAt;
    if (deadline === undefined || !this.platform.deadlineTimers) return;
    const timer = this.platform.scheduler.schedule(() => {
      this.timers.delete(chat.id);
      try {
        this.atomically(() => {
          const current = this.platform.store.chat(chat.id);
          // Only the offer this timer was set for: it may have been answered and offered again.
          if (current?.state === 'offered' && current.offerExpiresAt === deadline) this.refuse(current, 'expired');
        });
      } catch (error) {
        this.reportError(error);
        this.watch(chat, EXPIRY_RETRY_MS);
      }
    }, delay);
    this.timers.set(chat.id, timer);
  }

  /** Refuses the offer as expired when its deadline passed; answers whether it did. */
  expireIfDue(chat: ChatRecord): boolean {
    if (chat.state !== 'offered' || chat.offerExpiresAt === undefined || chat.offerExpiresAt > this.platform.now()) return false;
    this.refuse(chat, 'expired');
    return true;
  }

  /** Stops every timer (the process is going away). */
  stop(): void {
    for (const timer of this.timers.values()) timer.unsubscribe();
    this.timers.clear();
  }

  private offer(chat: ChatRecord, agent: AgentRecord): void {
    const { store, configuration } = this.platform;
    const timeoutMs = configuration.offerTimeoutMs;
    const now = this.platform.now();
    chat.state = 'offered';
    chat.agentId = agent.id;
    chat.offeredAt = now;
    chat.offerExpiresAt = now + timeoutMs;
    chat.queueOrder = undefined;
    store.saveChat(chat);
    store.saveAgent(agent);
    this.platform.emit(agent.id, { type: 'chat-offered', chat: chatSnapshot(chat, store.messages(chat.id)), timeoutMs });
    const offered = { ...chat };
    this.platform.afterCommit(() => this.watch(offered));
  }
}
