/** How long to wait before reconnect attempts: exponential, capped, with full jitter. */
export interface BackoffOptions {
  /** The first attempt's ceiling (ms). */
  initialMs?: number;
  /**
   * The largest ceiling (ms). It bounds how long a workspace stays away once the server is
   * back: 5 s keeps it well within the 15 s the contract promises.
   */
  maxMs?: number;
  /** A number in [0, 1); `Math.random` by default, fixed in tests. */
  random?: () => number;
}

/**
 * "Full jitter": a random delay between 0 and an exponentially growing ceiling, so a
 * server that comes back is not met by every workspace at the same instant.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const initial = options.initialMs ?? 500;
  const max = options.maxMs ?? 5000;
  const ceiling = Math.min(max, initial * 2 ** Math.max(0, attempt));
  return Math.floor((options.random ?? Math.random)() * ceiling);
}
