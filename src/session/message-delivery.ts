import type { ContactCenterConnector } from '../connectors/connector.js';
import { parseConnectorEvent } from '../protocol/events.js';
import { messageOf, type CommandRunner } from './command-runner.js';
import type { SessionStore } from './session-store.js';

/** A fresh id for one of the agent's messages: unique across page loads, as the platform dedupes by it. */
export function newClientId(): string {
  const random =
    typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `local-${random}`;
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
  ) {}

  async send(chatId: string, text: string): Promise<boolean> {
    const { state } = this.store;
    const chat = state.chats.find((candidate) => candidate.id === chatId);
    const limit = state.configuration.maxMessageLength;
    if (!chat || chat.status !== 'active' || text.trim() === '' || text.length > limit) return false;
    const localId = newClientId();
    this.store.dispatch({ type: 'message-sending', chatId, localId, text, authorName: state.agent.name, at: this.store.now });
    return this.deliver(chatId, localId, text);
  }

  retry(chatId: string, localId: string): Promise<boolean> {
    const message = this.store.state.chats
      .find((chat) => chat.id === chatId)
      ?.messages.find((candidate) => candidate.id === localId && candidate.delivery === 'failed');
    if (!message) return Promise.resolve(false);
    this.store.dispatch({ type: 'message-retrying', chatId, localId });
    return this.deliver(chatId, localId, message.text);
  }

  /** Sends a message that is already in the transcript as `sending` (one restored after a reload). */
  async deliver(chatId: string, localId: string, text: string): Promise<boolean> {
    try {
      const recorded: unknown = await this.connector.sendMessage(chatId, text, localId);
      // The platform's copy is input like any other; a malformed one keeps ours.
      const parsed = parseConnectorEvent({ type: 'message', chatId, message: recorded });
      const message =
        parsed.ok && parsed.event.type === 'message'
          ? parsed.event.message
          : { id: localId, from: 'agent' as const, text, at: this.store.now, authorName: this.store.state.agent.name };
      this.store.dispatch({ type: 'message-delivered', chatId, localId, message });
      return true;
    } catch (error) {
      this.store.dispatch({ type: 'message-failed', chatId, localId });
      this.runner.fail('sendMessage', messageOf(error), chatId);
      return false;
    }
  }
}
