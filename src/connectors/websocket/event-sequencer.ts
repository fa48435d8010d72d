import type { ConnectorEvent } from '../../protocol/events.js';

/**
 * Puts the agent's event stream back in order. Each stored event carries its sequence
 * number: one already applied (a duplicate or a replay) is dropped, one that arrives
 * early waits for the gap before it to fill, and the rest go out in order.
 */
export class EventSequencer {
  private applied = 0;
  private readonly early = new Map<number, ConnectorEvent>();

  constructor(private readonly apply: (event: ConnectorEvent) => void) {}

  /** The last sequence number applied, the one to resume from. */
  get lastApplied(): number {
    return this.applied;
  }

  /** Whether events wait for a gap to fill. */
  get hasGap(): boolean {
    return this.early.size > 0;
  }

  /** Takes one stored event; `false` when it was a duplicate. */
  receive(seq: number, event: ConnectorEvent): boolean {
    if (seq <= this.applied || this.early.has(seq)) return false;
    if (seq > this.applied + 1) {
      this.early.set(seq, event);
      return true;
    }
    this.apply(event);
    this.applied = seq;
    this.drain();
    return true;
  }

  /**
   * A snapshot stands for the whole stream up to `seq`, and is where it goes on from: what
   * waited and is covered by it goes. (It may be lower than what was applied: a server
   * whose data was reset starts a new stream.)
   */
  resetTo(seq: number): void {
    this.applied = seq;
    for (const key of [...this.early.keys()]) if (key <= this.applied) this.early.delete(key);
    this.drain();
  }

  /** Forgets the events that wait: a resume will replay them. */
  dropEarly(): void {
    this.early.clear();
  }

  private drain(): void {
    for (let next = this.early.get(this.applied + 1); next !== undefined; next = this.early.get(this.applied + 1)) {
      this.early.delete(this.applied + 1);
      this.applied += 1;
      this.apply(next);
    }
  }
}
