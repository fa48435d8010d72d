import { noChange } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import type { Observable, Subscription } from 'rxjs';

/**
 * Renders text computed from a clock, and on each tick rewrites only that text node:
 * one shared clock drives every timer without re-rendering the elements around it.
 *
 * ```ts
 * html`<span role="timer">${clockText(session.clock$, (now) => format(now - start))}</span>`
 * ```
 */
class ClockTextDirective extends AsyncDirective {
  private clock?: Observable<number>;
  private format: (now: number) => string = () => '';
  private subscription?: Subscription;
  private lastNow?: number;
  private rendering = false;

  render(clock: Observable<number>, format: (now: number) => string): unknown {
    this.format = format;
    if (clock !== this.clock || !this.subscription) {
      this.clock = clock;
      this.rendering = true;
      this.subscribe();
      this.rendering = false;
    }
    return this.lastNow === undefined ? noChange : format(this.lastNow);
  }

  protected override disconnected(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }

  protected override reconnected(): void {
    this.subscribe();
  }

  private subscribe(): void {
    this.subscription?.unsubscribe();
    this.subscription = this.clock?.subscribe((now) => {
      this.lastNow = now;
      // During render the value is returned instead: setValue is for later ticks.
      if (!this.rendering) this.setValue(this.format(now));
    });
  }
}

/** Text that follows a clock observable; see `ClockTextDirective`. */
export const clockText = directive(ClockTextDirective);
