import type { ConnectorEvent } from '../protocol/events.js';
import type { ContactUpdate } from './context.js';

/** Something the core does only once the transaction that caused it has committed. */
export type AfterCommit =
  | { kind: 'agent'; agentId: string; seq: number; event: ConnectorEvent }
  | { kind: 'ephemeral'; agentId: string; event: ConnectorEvent }
  | { kind: 'contact'; chatId: string; update: ContactUpdate }
  /** A change to this process's own state (an offer timer): undone by not happening. */
  | { kind: 'effect'; run: () => void };

/**
 * What the core says and does after a commit, in commit order. A transaction that fails
 * drops what it queued; one that commits while the queue is being drained (a listener that
 * ran a command) queues behind, so agents get their stream in sequence order.
 */
export class AfterCommitQueue {
  private queue: AfterCommit[] = [];
  private draining = false;

  constructor(
    private readonly carryOut: (item: AfterCommit) => void,
    private readonly reportError: (error: unknown) => void,
  ) {}

  push(item: AfterCommit): void {
    this.queue.push(item);
  }

  /** Where the queue stands, to drop what a failed (nested) transaction queued. */
  mark(): number {
    return this.queue.length;
  }

  dropFrom(mark: number): void {
    this.queue.length = Math.min(this.queue.length, mark);
  }

  /** Carries out everything queued; one failure (a link that throws) does not stop the rest. */
  drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let item = this.queue.shift(); item !== undefined; item = this.queue.shift()) {
        try {
          this.carryOut(item);
        } catch (error) {
          this.reportError(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }
}
