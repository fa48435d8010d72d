import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';
import type { ChatSession } from '../session/chat-session.js';

/** An element that works with a session, from context or set by the host. */
export type SessionHost = ReactiveControllerHost & { session?: ChatSession };

/**
 * Keeps an element subscribed to one observable of its session: subscribes when the
 * element connects or its session changes, re-renders on each new value (or calls
 * `onValue` instead, for streams of happenings), and unsubscribes when the element
 * leaves the page.
 */
export class SessionController<T> implements ReactiveController {
  /** The latest value; `undefined` until the element has a session. */
  value: T | undefined;
  private subscription?: Subscription;
  private boundSession?: ChatSession;

  constructor(
    private readonly host: SessionHost,
    private readonly source: (session: ChatSession) => Observable<T>,
    private readonly onValue?: (value: T) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.bind();
  }

  hostUpdate(): void {
    if (this.host.session !== this.boundSession) this.bind();
  }

  hostDisconnected(): void {
    this.unbind();
  }

  private bind(): void {
    this.unbind();
    const session = this.host.session;
    this.boundSession = session;
    if (!session) return;
    this.subscription = this.source(session).subscribe((value) => {
      this.value = value;
      if (this.onValue) this.onValue(value);
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
