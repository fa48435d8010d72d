import type { SessionCommand } from './state.js';
import type { SessionStore } from './session-store.js';

/**
 * Runs the agent's commands so that they never throw: the platform's refusal becomes
 * a `command-failed` error in the state (shown to the agent) and a `false` result.
 */
export class CommandRunner {
  constructor(private readonly store: SessionStore) {}

  async run(command: SessionCommand, call: () => Promise<unknown>, chatId?: string): Promise<boolean> {
    try {
      await call();
      return true;
    } catch (error) {
      this.fail(command, messageOf(error), chatId);
      return false;
    }
  }

  fail(command: SessionCommand, message: string, chatId?: string): void {
    this.store.dispatch({ type: 'error', error: { kind: 'command-failed', command, message, chatId, at: this.store.now } });
  }

  /**
   * Accept or Reject: the offer shows `accepting`/`rejecting` while the command is on
   * its way, so a second click cannot send it twice, and is pending again if refused.
   */
  async answerOffer(
    chatId: string,
    status: 'accepting' | 'rejecting',
    command: 'acceptOffer' | 'rejectOffer',
    call: () => Promise<void>,
  ): Promise<boolean> {
    const offer = this.store.state.offers.find((candidate) => candidate.chatId === chatId);
    if (!offer) {
      this.fail(command, 'This chat is no longer offered to you.', chatId);
      return false;
    }
    if (offer.status !== 'pending') return false;
    this.store.dispatch({ type: 'offer-status', chatId, status });
    const done = await this.run(command, call, chatId);
    if (!done) this.store.dispatch({ type: 'offer-status', chatId, status: 'pending' });
    return done;
  }
}

/** What to show the agent of whatever a connector threw or an observable errored with. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
