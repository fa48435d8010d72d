import { Subscription, VirtualAction, VirtualTimeScheduler } from 'rxjs';

/**
 * A `VirtualAction` that moves when it is rescheduled. RxJS's own makes a new action for
 * each repeat and nests it in the last, so an interval run for an hour of ticks becomes a
 * chain of 3,600 subscriptions that overflows the stack when it is unsubscribed.
 */
class ManualAction<T> extends VirtualAction<T> {
  override schedule(state?: T, delay = 0): Subscription {
    if (this.closed || !Number.isFinite(delay)) return Subscription.EMPTY;
    if (this.id !== undefined) {
      const queue = this.scheduler.actions;
      const at = queue.indexOf(this);
      if (at >= 0) queue.splice(at, 1);
      this.id = undefined;
      // Queued as a new action would be: after what is already due at the same time.
      this.index = this.scheduler.index += 1;
    }
    return super.schedule(state, delay);
  }
}

/**
 * A clock a test moves by hand, for code that takes an RxJS scheduler: `advance(ms)`
 * runs what falls due, in order, and nothing runs by itself. The rest of the page keeps
 * real time, so real sockets and `waitUntil` still work beside it.
 */
export class ManualScheduler extends VirtualTimeScheduler {
  constructor(start = Date.UTC(2026, 10, 30, 14, 0, 0)) {
    super(ManualAction, Infinity);
    this.frame = start;
  }

  advance(ms: number): void {
    const target = this.frame + ms;
    this.maxFrames = target;
    this.flush();
    this.frame = target;
  }

  /**
   * Moves the clock on by `ms` and runs nothing: what was pending falls due that much
   * later, as timers do in a background tab the browser throttles.
   */
  skip(ms: number): void {
    for (const action of this.actions) action.delay += ms;
    this.frame += ms;
  }
}
