/**
 * Console warnings for a host developer, at most `perWindow` a minute: a platform that
 * sends 100,000 bad events must not write 100,000 lines. What was held back is counted
 * and said once the next minute begins.
 */
export class WarningLimiter {
  private windowStart = Number.NEGATIVE_INFINITY;
  private shown = 0;
  private held = 0;

  constructor(
    private readonly logger: Pick<Console, 'warn'>,
    private readonly now: () => number,
    private readonly perWindow = 5,
    private readonly windowMs = 60_000,
  ) {}

  warn(line: string): void {
    const now = this.now();
    if (now - this.windowStart >= this.windowMs) {
      if (this.held > 0) {
        this.logger.warn(
          `[chat-workspace] ${this.held} more warnings about malformed connector events were held back (at most ${this.perWindow} a minute).`,
        );
      }
      this.windowStart = now;
      this.shown = 0;
      this.held = 0;
    }
    if (this.shown < this.perWindow) {
      this.shown += 1;
      this.logger.warn(line);
    } else {
      this.held += 1;
    }
  }
}
