import type { SchedulerLike, Subscription } from 'rxjs';

export interface LivenessOptions {
  /** How often a ping goes out (ms). */
  heartbeatMs?: number;
  /** Silence after which a welcomed connection counts as dead (ms). */
  deadAfterMs?: number;
  /** How long a new connection may take to be welcomed (ms). */
  connectTimeoutMs?: number;
}

/**
 * Whether a connection is alive, by what it hears: it pings now and then, and calls a
 * connection dead after `deadAfterMs` of silence, or a new one after `connectTimeoutMs`
 * without its welcome (packets dropped on the way), so a workspace is back soon after
 * the server is, and a dead link is found within 10 s.
 */
export class Liveness {
  private lastHeard = 0;
  private timer?: Subscription;

  constructor(
    private readonly scheduler: SchedulerLike,
    private readonly options: LivenessOptions,
    private readonly act: { ping: () => void; dead: (reason: string) => void },
  ) {}

  /** Starts watching a new connection; `welcomed` tells which limit applies. */
  watch(welcomed: () => boolean): void {
    this.stop();
    this.lastHeard = this.scheduler.now();
    const every = this.options.heartbeatMs ?? 4000;
    const deadAfter = this.options.deadAfterMs ?? 10_000;
    const connectTimeout = this.options.connectTimeoutMs ?? 5000;
    const beat = () => {
      const isWelcomed = welcomed();
      const limit = isWelcomed ? deadAfter : connectTimeout;
      const silence = this.scheduler.now() - this.lastHeard;
      if (silence >= limit) {
        this.timer = undefined;
        this.act.dead(isWelcomed ? 'The server stopped answering.' : 'The server did not answer in time.');
        return;
      }
      this.act.ping();
      this.timer = this.scheduler.schedule(beat, Math.max(0, Math.min(every, limit - silence)));
    };
    this.timer = this.scheduler.schedule(beat, Math.min(every, connectTimeout));
  }

  /** A frame arrived: the connection is alive. */
  heard(): void {
    this.lastHeard = this.scheduler.now();
  }

  stop(): void {
    this.timer?.unsubscribe();
    this.timer = undefined;
  }
}
