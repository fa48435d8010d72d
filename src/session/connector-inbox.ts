import { chatIdOf, parseConnectorEvent } from '../protocol/events.js';
import { announcementOf, type SessionEvent } from './session-events.js';
import type { SessionStore } from './session-store.js';
import { WarningLimiter } from './warning-limiter.js';

/**
 * Where the connector's events enter the session. Connector input is untrusted: each
 * event is validated, a malformed one is reported (a warning for the host developer,
 * an error in the state) and changes nothing else, and a good one is reduced and,
 * when it is news, announced.
 */
export class ConnectorInbox {
  private readonly warnings: WarningLimiter;

  constructor(
    private readonly store: SessionStore,
    logger: Pick<Console, 'warn'>,
    private readonly announce: (event: SessionEvent) => void,
  ) {
    this.warnings = new WarningLimiter(logger, () => this.store.now);
  }

  receive(raw: unknown): void {
    const parsed = parseConnectorEvent(raw);
    if (!parsed.ok) {
      const chatId = chatIdOf(raw);
      this.warnings.warn(ignoredEventWarning(eventTypeOf(raw), parsed.field, parsed.message));
      this.store.dispatch({
        type: 'error',
        error: { kind: 'invalid-event', field: parsed.field, message: parsed.message, chatId, at: this.store.now },
      });
      return;
    }
    const before = this.store.state;
    this.store.dispatch({ type: 'connector-event', event: parsed.event, at: this.store.now });
    const after = this.store.state;
    // Well-formed but about a chat this workspace does not hold: the reducer recorded it.
    const rejected = after.nextErrorId !== before.nextErrorId ? after.errors.at(-1) : undefined;
    if (rejected?.kind === 'invalid-event') {
      this.warnings.warn(ignoredEventWarning(parsed.event.type, rejected.field, rejected.message));
    }
    const announcement = announcementOf(parsed.event, before, after);
    if (announcement) this.announce(announcement);
  }
}

/** The `type` of an event that failed validation, when it has a readable one. */
export function eventTypeOf(raw: unknown): string {
  return typeof (raw as { type?: unknown } | null)?.type === 'string' ? (raw as { type: string }).type : 'unknown';
}

/** The console line that tells a host developer which field of which event was wrong. */
export function ignoredEventWarning(type: string, field: string, reason: string): string {
  return `[chat-workspace] Ignored a malformed "${type}" event from the connector: field "${field}": ${reason.replace(/\.$/, '')}.`;
}
