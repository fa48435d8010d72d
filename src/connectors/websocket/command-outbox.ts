import type { AgentCommand, CommandOutcome } from '../../protocol/commands.js';
import { PROTOCOL_VERSION, type ClientFrame } from '../../protocol/frames.js';
import type { ChatMessage } from '../../protocol/types.js';

type CommandFrame = Extract<ClientFrame, { type: 'command' }>;

interface Waiter {
  resolve: (value: ChatMessage | undefined) => void;
  reject: (error: Error) => void;
}

/**
 * The commands sent and not yet answered, in the order they were made. On every new
 * connection they all go again, in that order, under their own ids: the server applies
 * each id once, so a command whose answer was lost is not applied twice.
 */
export class CommandOutbox {
  private readonly pending = new Map<string, { frame: CommandFrame; waiters: Waiter[] }>();

  /**
   * Keeps a command until its answer. The same id asked again (a retry of a message that
   * timed out) waits for the same answer; every caller's promise settles.
   */
  add(id: string, command: AgentCommand): { frame: CommandFrame; isNew: boolean; answer: Promise<ChatMessage | undefined> } {
    const existing = this.pending.get(id);
    const entry = existing ?? { frame: { v: PROTOCOL_VERSION, type: 'command' as const, id, command }, waiters: [] };
    if (!existing) this.pending.set(id, entry);
    const answer = new Promise<ChatMessage | undefined>((resolve, reject) => entry.waiters.push({ resolve, reject }));
    return { frame: entry.frame, isNew: !existing, answer };
  }

  /** Every unanswered command's frame, oldest first. */
  frames(): CommandFrame[] {
    return [...this.pending.values()].map((entry) => entry.frame);
  }

  /** The server's answer; one for a command answered already (sent twice) is ignored. */
  settle(id: string, outcome: CommandOutcome): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    for (const waiter of entry.waiters) {
      if (outcome.ok) waiter.resolve(outcome.value);
      else waiter.reject(new Error(outcome.error));
    }
  }

  /** The connection is closed for good: nothing will be answered. */
  rejectAll(error: Error): void {
    for (const entry of this.pending.values()) for (const waiter of entry.waiters) waiter.reject(error);
    this.pending.clear();
  }
}
