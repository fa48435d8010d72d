import { VirtualAction, VirtualTimeScheduler } from 'rxjs';

/**
 * A clock a test moves by hand, for code that takes an RxJS scheduler: `advance(ms)`
 * runs what falls due, in order, and nothing runs by itself. The rest of the page keeps
 * real time, so real sockets and `waitUntil` still work beside it.
 */
export class ManualScheduler extends VirtualTimeScheduler {
  constructor(start = Date.UTC(2026, 10, 30, 14, 0, 0)) {
    super(VirtualAction, Infinity);
    this.frame = start;
  }

  advance(ms: number): void {
    const target = this.frame + ms;
    this.maxFrames = target;
    this.flush();
    this.frame = target;
  }
}
