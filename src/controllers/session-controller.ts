import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';
import type { ChatSession } from '../session/chat-session.js';

/** An element that works with a session, from context or set by the host. */
export type SessionHost = ReactiveControllerHost & { session?: ChatSession };

export interface SessionControllerOptions<T> {
  /** Called with each value instead of re-rendering: for streams of happenings. */
  onValue?: (value: T) => void;
  /** Values the source reads from the host (a chat id); a change re-subscribes. */
  dependsOn?: () => readonly unknown[];
}

/**
 * Keeps an element subscribed to one observable of its session: subscribes when the
 * element connects, when its session changes or when what the source depends on
 * changes; re-renders on each new value; unsubscribes when the element leaves the page.
 */
export class SessionController<T> implements ReactiveController {
  /** The latest value; `undefined` until the element has a session. */
  value: T | undefined;
  private subscription?: Subscription;
  private boundSession?: ChatSession;
  private boundDependencies: readonly unknown[] = [];

  constructor(
    private readonly host: SessionHost,
    private readonly source: (session: ChatSession) => Observable<T>,
    private readonly options: SessionControllerOptions<T> = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.bind();
  }

  hostUpdate(): void {
    if (this.host.session !== this.boundSession || this.dependenciesChanged()) {
      this.bind();
      // This update's willUpdate() ran before the new value arrived: render once more with it.
      void this.host.updateComplete.then(() => this.host.requestUpdate());
    }
  }

  hostDisconnected(): void {
    this.unbind();
  }

  private dependenciesChanged(): boolean {
    const next = this.options.dependsOn?.() ?? [];
    return next.length !== this.boundDependencies.length || next.some((value, index) => !Object.is(value, this.boundDependencies[index]));
  }

  private bind(): void {
    this.unbind();
    const session = this.host.session;
    this.boundSession = session;
    this.boundDependencies = this.options.dependsOn?.() ?? [];
    if (!session) return;
    this.subscription = this.source(session).subscribe((value) => {
      this.value = value;
      if (this.options.onValue) this.options.onValue(value);
      else this.host.requestUpdate();
    });
  }

  private unbind(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.boundSession = undefined;
    this.value = undefined;
  }
}
