import { asyncScheduler, type SchedulerAction, type SchedulerLike, type Subscription } from 'rxjs';
import WebSocket from 'ws';
import type { WebSocketLike } from '../src/connectors/websocket/websocket-connector.js';

/**
 * The clock of one simulated page: real time, until the page dies. A dead page's timers
 * do nothing when they fire and never fire again, as a closed tab's would; so the old
 * connector of a "reloaded" page neither reconnects nor pings behind the new one's back.
 */
export class PageScheduler implements SchedulerLike {
  private alive = true;

  now(): number {
    return asyncScheduler.now();
  }

  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay?: number, state?: T): Subscription {
    const page = this;
    // Rescheduling from inside `work` (this.schedule) reuses this wrapper, so the check holds for every run.
    return asyncScheduler.schedule<T>(
      function (this: SchedulerAction<T>, value?: T) {
        if (page.alive) work.call(this, value);
      },
      delay,
      state as T,
    );
  }

  /** From now on nothing scheduled runs. */
  freeze(): void {
    this.alive = false;
  }
}

/**
 * The sockets one page opens (through `ws`, as `WebSocketConnector` takes them in Node).
 * `destroyAll` is what closing the tab does to them: the TCP connection goes at once, and
 * the page hears nothing of it.
 */
export class PageSockets {
  private readonly open = new Set<WebSocket>();
  private dead = false;

  readonly openSocket = (url: string): WebSocketLike => {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    // ws emits 'error' as an EventEmitter: without a listener it would throw once the page's own is gone.
    socket.on('error', () => undefined);
    socket.once('close', () => this.open.delete(socket));
    this.open.add(socket);
    if (this.dead) socket.terminate();
    return socket as unknown as WebSocketLike;
  };

  destroyAll(): void {
    this.dead = true;
    for (const socket of this.open) {
      socket.onopen = null;
      socket.onmessage = null;
      socket.onclose = null;
      socket.onerror = null;
      socket.terminate();
    }
    this.open.clear();
  }
}
