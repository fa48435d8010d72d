import type { SessionCommand } from './state.js';
import type { SessionStore } from './session-store.js';

/**
 * What a command of the session came to: done, or refused with the reason the agent is
 * shown (the same text as the error it adds to `errors$`).
 */
export type CommandResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** A command done. */
export const DONE: CommandResult = Object.freeze({ ok: true });

/**
 * Runs the agent's commands so that they never throw: the platform's refusal becomes
 * a `command-failed` error in the state (shown to the agent) and a refused result.
 */
export class CommandRunner {
  constructor(private readonly store: SessionStore) {}

  async run(command: SessionCommand, call: () => Promise<unknown>, chatId?: string): Promise<CommandResult> {
    try {
      await call();
      return DONE;
    } catch (error) {
      return this.fail(command, messageOf(error), chatId);
    }
  }

  /** Records why a command was refused, and answers the refusal. */
  fail(command: SessionCommand, message: string, chatId?: string): CommandResult {
    this.store.dispatch({ type: 'error', error: { kind: 'command-failed', command, message, chatId, at: this.store.now } });
    return { ok: false, reason: message };
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
  ): Promise<CommandResult> {
    const offer = this.store.state.offers.find((candidate) => candidate.chatId === chatId);
    if (!offer) return this.fail(command, 'This chat is no longer offered to you.', chatId);
    // A second click while the first answer is on its way: not an error the agent needs to see.
    if (offer.status !== 'pending') return { ok: false, reason: 'This offer is already being answered.' };
    this.store.dispatch({ type: 'offer-status', chatId, status });
    const result = await this.run(command, call, chatId);
    if (!result.ok) this.store.dispatch({ type: 'offer-status', chatId, status: 'pending' });
    return result;
  }
}

/** What to show the agent of whatever a connector threw or an observable errored with. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
