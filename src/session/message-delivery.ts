import type { ContactCenterConnector } from '../connectors/connector.js';
import { parseConnectorEvent } from '../connectors/events.js';
import { messageOf, type CommandRunner } from './command-runner.js';
import type { SessionStore } from './session-store.js';

/**
 * The agent's messages on their way to the platform. A message enters the transcript at
 * once under a local id, marked `sending`; the platform's copy replaces it, or it stays
 * marked `failed` with its text, for a retry under the same local id.
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
    const localId = `local-${state.nextLocalId}`;
    this.store.dispatch({ type: 'message-sending', chatId, text, authorName: state.agent.name, at: this.store.now });
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

  private async deliver(chatId: string, localId: string, text: string): Promise<boolean> {
    try {
      const recorded: unknown = await this.connector.sendMessage(chatId, text);
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
