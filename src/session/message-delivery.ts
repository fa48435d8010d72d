import type { SchedulerLike, Subscription } from 'rxjs';
import type { ContactCenterConnector } from '../connectors/connector.js';
import { randomId } from '../internal/random-id.js';
import type { ChatMessage } from '../protocol/types.js';
import { parseConnectorEvent } from '../protocol/events.js';
import { DONE, messageOf, type CommandResult, type CommandRunner } from './command-runner.js';
import type { SessionStore } from './session-store.js';

/** A fresh id for one of the agent's messages: unique across page loads, as the platform dedupes by it. */
export function newClientId(): string {
  return randomId('local');
}

/**
 * The agent's messages on their way to the platform. A message enters the transcript at
 * once under a client id, marked `sending`; the platform's copy (its answer or its echo,
 * whichever comes first) takes its place, or it stays marked `failed` with its text, for
 * a retry under the same id. A connector that is reconnecting holds the message and
 * sends it once it is back; the platform records one message per client id.
 */
export class MessageDelivery {
  constructor(
    private readonly store: SessionStore,
    private readonly connector: ContactCenterConnector,
    private readonly runner: CommandRunner,
    private readonly scheduler: SchedulerLike,
    /** Tells the session's `events$` that a message of the agent went into the transcript. */
    private readonly sent: (chatId: string, localId: string) => void = () => undefined,
  ) {}

  async send(chatId: string, text: string): Promise<CommandResult> {
    const { state } = this.store;
    const chat = state.chats.find((candidate) => candidate.id === chatId);
    const limit = state.configuration.maxMessageLength;
    // What the composer does not let through either: nothing to tell the agent beyond it.
    if (!chat || chat.status !== 'active') return { ok: false, reason: 'This chat is not in progress.' };
    if (text.trim() === '') return { ok: false, reason: 'The message is empty.' };
    if (text.length > limit) return { ok: false, reason: `The message is longer than ${limit} characters.` };
    const localId = newClientId();
    this.store.dispatch({ type: 'message-sending', chatId, localId, text, authorName: state.agent.name, at: this.store.now });
    this.sent(chatId, localId);
    return this.deliver(chatId, localId, text);
  }

  retry(chatId: string, localId: string): Promise<CommandResult> {
    const message = this.store.state.chats
      .find((chat) => chat.id === chatId)
      ?.messages.find((candidate) => candidate.id === localId && candidate.delivery === 'failed');
    if (!message) return Promise.resolve({ ok: false, reason: 'No such message waits to be sent again.' });
    this.store.dispatch({ type: 'message-retrying', chatId, localId });
    return this.deliver(chatId, localId, message.text);
  }

  /**
   * Sends a message that is already in the transcript as `sending` (one restored after a
   * reload, or retried). A platform that does not answer within `SEND_TIMEOUT_MS` of
   * connected time gets the message marked failed, for Retry; an answer that still comes
   * later confirms it all the same.
   */
  async deliver(chatId: string, localId: string, text: string): Promise<CommandResult> {
    const sending = this.connector.sendMessage(chatId, text, localId);
    const timeout = this.timeout();
    try {
      const recorded: unknown = await Promise.race([sending, timeout.expired]);
      this.confirm(chatId, localId, text, recorded);
      return DONE;
    } catch (error) {
      this.store.dispatch({ type: 'message-failed', chatId, localId });
      const refused = this.runner.fail('sendMessage', messageOf(error), chatId);
      if (error instanceof SendTimeout) {
        sending.then(
          (late) => this.confirm(chatId, localId, text, late),
          () => undefined,
        );
      }
      return refused;
    } finally {
      timeout.cancel();
    }
  }

  private confirm(chatId: string, localId: string, text: string, recorded: unknown): void {
    // The platform's copy is input like any other; a malformed one keeps ours.
    const parsed = parseConnectorEvent({ type: 'message', chatId, message: recorded });
    const message: ChatMessage =
      parsed.ok && parsed.event.type === 'message'
        ? parsed.event.message
        : { id: localId, from: 'agent', text, at: this.store.now, authorName: this.store.state.agent.name };
    this.store.dispatch({ type: 'message-delivered', chatId, localId, message });
  }

  /**
   * Rejects once the platform has been connected for `SEND_TIMEOUT_MS` in all without
   * answering. Time away from the connection does not count: the message waits in the
   * outbox then, which is no failure.
   */
  private timeout(): { expired: Promise<never>; cancel: () => void } {
    let timer: Subscription | undefined;
    let connectedFor = 0;
    const expired = new Promise<never>((_, reject) => {
      const tick = () => {
        timer = this.scheduler.schedule(() => {
          if (this.store.state.connection === 'connected') connectedFor += SEND_TIMEOUT_TICK_MS;
          if (connectedFor >= SEND_TIMEOUT_MS) reject(new SendTimeout());
          else tick();
        }, SEND_TIMEOUT_TICK_MS);
      };
      tick();
    });
    return { expired, cancel: () => timer?.unsubscribe() };
  }
}

/** How long a connected platform may take to confirm a message before it shows as not sent. */
export const SEND_TIMEOUT_MS = 20_000;
const SEND_TIMEOUT_TICK_MS = 1000;

class SendTimeout extends Error {
  constructor() {
    super('The contact center did not confirm the message in time.');
  }
}
