import type { Subscription } from 'rxjs';
import type { DispositionRecord } from '../protocol/types.js';
import { clone } from './clone.js';
import type { PlatformContext } from './context.js';
import type { OfferDesk } from './offers.js';
import type { ChatRecord } from './store.js';

/** How soon a deadline the store could not act on is tried again. */
const DEADLINE_RETRY_MS = 1000;

/**
 * After-contact work and its deadline. A chat that ends gets `acwExpiresAt` when the
 * configuration limits after-contact work (`acwTimeoutMs`); the platform owns that
 * deadline as it owns offer deadlines: a timer of this process, set after commit and
 * restored after a restart, closes the chat with the default disposition when it passes
 * (or, while a disposition is required, tells the agent the time is up and waits).
 */
export class WrapUpDesk {
  /** Deadline timers of this process; the deadlines themselves are in the store. */
  private readonly timers = new Map<string, Subscription>();

  constructor(
    private readonly platform: PlatformContext,
    private readonly offers: OfferDesk,
    /** Runs a timer's work as one transaction, with deliveries after commit. */
    private readonly atomically: (work: () => void) => void,
    private readonly reportError: (error: unknown) => void,
  ) {}

  /** The chat is over, by the agent or because the contact left: after-contact work begins. */
  begin(chat: ChatRecord, by: 'agent' | 'contact'): void {
    const agentId = chat.agentId;
    if (!agentId) return;
    const now = this.platform.now();
    const timeoutMs = this.platform.configuration.acwTimeoutMs;
    chat.state = 'ended';
    chat.endedBy = by;
    chat.endedAt = now;
    chat.acwExpiresAt = timeoutMs > 0 ? now + timeoutMs : undefined;
    // A chat that ends ends its co-browse: the contact's page stops sharing.
    const sharing = chat.cobrowse !== undefined;
    chat.cobrowse = undefined;
    this.platform.store.saveChat(chat);
    if (sharing) {
      this.platform.emit(agentId, { type: 'cobrowse', chatId: chat.id, status: 'ended', by });
      this.platform.tellContact(chat.id, { type: 'cobrowse-ended', by });
    }
    const deadline = chat.acwExpiresAt === undefined ? {} : { acwExpiresAt: chat.acwExpiresAt };
    this.platform.emit(agentId, { type: 'chat-ended', chatId: chat.id, by, at: now, ...deadline });
    this.platform.tellContact(chat.id, { type: 'ended', by });
    this.watchAfterCommit(chat);
  }

  /**
   * The agent asks for more time: the deadline moves by the configured timeout (from now,
   * if it passed). The caller checked that the chat is the agent's and has a deadline.
   */
  extend(chat: ChatRecord & { acwExpiresAt: number }, agentId: string): void {
    chat.acwExpiresAt = Math.max(chat.acwExpiresAt, this.platform.now()) + this.platform.configuration.acwTimeoutMs;
    chat.acwOverdue = undefined;
    this.platform.store.saveChat(chat);
    this.platform.emit(agentId, { type: 'wrap-up-extended', chatId: chat.id, acwExpiresAt: chat.acwExpiresAt });
    this.watchAfterCommit(chat);
  }

  /**
   * Closes the chat for its agent: the disposition is recorded, the slot frees and routing
   * runs. `expired` says the platform closed it because after-contact work ran out.
   */
  close(chat: ChatRecord, disposition: DispositionRecord | undefined, expired = false): void {
    const agentId = chat.agentId;
    const agent = agentId ? this.platform.store.agent(agentId) : undefined;
    if (disposition) chat.disposition = clone(disposition);
    chat.state = 'closed';
    chat.acwOverdue = undefined;
    this.platform.store.saveChat(chat);
    this.platform.afterCommit(() => this.cancelTimer(chat.id));
    if (agent) {
      this.offers.release(agent);
      const outcome = expired ? { reason: 'wrap-up-expired' as const, ...(disposition ? { disposition: clone(disposition) } : {}) } : {};
      this.platform.emit(agent.id, { type: 'chat-closed', chatId: chat.id, ...outcome });
    }
    this.offers.dispatch();
  }

  /** Sets every stored deadline's timer again (a restarted process); one that passed meanwhile runs now. */
  restore(): void {
    for (const chat of this.platform.store.endedChats()) this.watch(chat);
  }

  /** Runs out the after-contact work when its deadline passed; answers whether it did. */
  expireIfDue(chat: ChatRecord): boolean {
    if (chat.state !== 'ended' || chat.acwOverdue || chat.acwExpiresAt === undefined || chat.acwExpiresAt > this.platform.now()) return false;
    this.expire(chat);
    return true;
  }

  /** Stops every timer (the process is going away). */
  stop(): void {
    for (const timer of this.timers.values()) timer.unsubscribe();
    this.timers.clear();
  }

  private watchAfterCommit(chat: ChatRecord): void {
    const ended = { ...chat };
    this.platform.afterCommit(() => this.watch(ended));
  }

  /**
   * Sets the timer of a deadline from the store. An expiry the store could not record is
   * reported and tried again: late rather than never.
   */
  private watch(chat: ChatRecord, delay = Math.max(0, (chat.acwExpiresAt ?? 0) - this.platform.now())): void {
    this.cancelTimer(chat.id);
    const deadline = chat.acwExpiresAt;
    if (deadline === undefined || chat.acwOverdue || !this.platform.deadlineTimers) return;
    const timer = this.platform.scheduler.schedule(() => {
      this.timers.delete(chat.id);
      try {
        this.atomically(() => {
          const current = this.platform.store.chat(chat.id);
          // Only the deadline this timer was set for: an extension set its own timer.
          if (current?.state === 'ended' && current.acwExpiresAt === deadline && !current.acwOverdue) this.expire(current);
        });
      } catch (error) {
        this.reportError(error);
        this.watch(chat, DEADLINE_RETRY_MS);
      }
    }, delay);
    this.timers.set(chat.id, timer);
  }

  /** Time is up: closed with the default disposition, or, while one is required, the agent is told. */
  private expire(chat: ChatRecord): void {
    const { dispositions, dispositionRequired, defaultDisposition } = this.platform.configuration;
    if (dispositionRequired && dispositions.length > 0) {
      chat.acwOverdue = true;
      this.platform.store.saveChat(chat);
      if (chat.agentId) this.platform.emit(chat.agentId, { type: 'wrap-up-overdue', chatId: chat.id });
      return;
    }
    const known = dispositions.some((option) => option.code === defaultDisposition);
    this.close(chat, known && defaultDisposition ? { code: defaultDisposition, tags: [], notes: '' } : undefined, true);
  }

  private cancelTimer(chatId: string): void {
    this.timers.get(chatId)?.unsubscribe();
    this.timers.delete(chatId);
  }
}
