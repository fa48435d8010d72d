import type { ConnectorEvent } from '../protocol/events.js';
import { MAX_COBROWSE_BATCH } from '../protocol/events.js';
import type { CaseInfo, ChatMessage, Contact } from '../protocol/types.js';
import { clone } from './clone.js';
import { CommandRefused } from './agent-commands.js';
import type { PlatformContext } from './context.js';
import type { OfferDesk } from './offers.js';
import type { ChatRecord } from './store.js';
import type { WrapUpDesk } from './wrap-up.js';

/** What a contact sends to open a chat. */
export interface StartChatRequest {
  contact: Contact;
  skill: string;
  /** The contact's first message. */
  text: string;
  /** The case the chat is about (R15), as the contact's CRM has it. */
  case?: CaseInfo;
}

/**
 * The contact's side of the platform: a chat starts, the contact types and leaves. Contact
 * text is checked against the configured maximum here, at the platform, before anything
 * is stored or shown.
 */
export class ContactSide {
  constructor(
    private readonly platform: PlatformContext,
    private readonly offers: OfferDesk,
    private readonly wrapUp: WrapUpDesk,
    private readonly atomically: <T>(work: () => T) => T,
    /** Tells an agent's open connection, now and without storing it (typing is worth nothing later). */
    private readonly tellAgent: (agentId: string, event: ConnectorEvent) => void,
  ) {}

  /** A contact opens a chat; it waits in its skill's queue until an agent accepts it. */
  startChat(request: StartChatRequest): string {
    this.checkText(request.text);
    return this.atomically(() => {
      const { store } = this.platform;
      const id = store.newChatId();
      const chat: ChatRecord = {
        id,
        state: 'queued',
        route: { kind: 'skill', skill: request.skill },
        skill: request.skill,
        contact: { ...request.contact },
        queueOrder: store.nextSequence('queue'),
        ...(request.case ? { case: clone(request.case) } : {}),
      };
      store.saveChat(chat);
      store.appendMessage(id, this.message(chat, request.text));
      this.offers.dispatch();
      return id;
    });
  }

  /**
   * The contact types a message; the agent holding the chat receives it. With a
   * `clientId`, a message sent again (its answer was lost) is stored once.
   */
  says(chatId: string, text: string, clientId?: string): ChatMessage {
    this.checkText(text);
    return this.atomically(() => {
      const { store } = this.platform;
      const sender = `contact:${chatId}`;
      const known = clientId === undefined ? undefined : store.commandOutcome(sender, clientId);
      if (known?.ok && known.value) return known.value;
      const chat = this.chatOrThrow(chatId);
      if (chat.state === 'ended' || chat.state === 'closed') throw new CommandRefused(`Chat ${chatId} is ${chat.state}.`);
      const message = this.message(chat, text);
      store.appendMessage(chatId, message);
      if (clientId !== undefined) store.saveCommandOutcome(sender, clientId, { ok: true, value: message }, this.platform.now());
      if (chat.agentId && chat.state === 'active') this.platform.emit(chat.agentId, { type: 'message', chatId, message });
      return message;
    });
  }

  /** The contact starts (or stops) typing; the agent holding the chat sees an indicator. */
  typing(chatId: string, typing: boolean): void {
    const chat = this.chatOrThrow(chatId);
    if (chat.agentId && chat.state === 'active') this.tellAgent(chat.agentId, { type: 'contact-typing', chatId, typing });
  }

  /** The contact closes the chat: an active chat ends (ACW begins); a waiting one is dropped. */
  leaves(chatId: string): void {
    this.atomically(() => {
      const { store } = this.platform;
      const chat = this.chatOrThrow(chatId);
      if (chat.state === 'queued') {
        chat.state = 'closed';
        chat.queueOrder = undefined;
        store.saveChat(chat);
      } else if (chat.state === 'offered') {
        this.offers.withdraw(chat, 'cancelled');
        chat.state = 'closed';
        store.saveChat(chat);
        this.offers.dispatch();
      } else if (chat.state === 'active' && chat.agentId) {
        this.wrapUp.begin(chat, 'contact');
      }
    });
  }

  /** The contact answers the agent's co-browse request: shares their page, or declines. */
  answerCobrowse(chatId: string, accept: boolean): void {
    this.atomically(() => {
      const chat = this.chatOrThrow(chatId);
      if (chat.cobrowse !== 'requested' || !chat.agentId) throw new CommandRefused('No co-browse is asked for in this chat.');
      chat.cobrowse = accept ? 'active' : undefined;
      this.platform.store.saveChat(chat);
      this.platform.emit(chat.agentId, { type: 'cobrowse', chatId, status: accept ? 'active' : 'declined', by: 'contact' });
    });
  }

  /** The contact stops sharing their page. */
  endsCobrowse(chatId: string): void {
    this.atomically(() => {
      const chat = this.chatOrThrow(chatId);
      if (!chat.cobrowse || !chat.agentId) throw new CommandRefused('No co-browse is running in this chat.');
      chat.cobrowse = undefined;
      this.platform.store.saveChat(chat);
      this.platform.emit(chat.agentId, { type: 'cobrowse', chatId, status: 'ended', by: 'contact' });
    });
  }

  /**
   * A batch of the contact's page recording (rrweb events, masked on the contact's side)
   * goes to the agent, live and unstored. Refused when the chat does not share its page.
   */
  cobrowseEvents(chatId: string, events: unknown[]): void {
    const chat = this.chatOrThrow(chatId);
    if (chat.cobrowse !== 'active' || !chat.agentId) throw new CommandRefused('This chat does not share its page.');
    if (!Array.isArray(events) || events.length > MAX_COBROWSE_BATCH) {
      throw new CommandRefused(`A co-browse batch carries at most ${MAX_COBROWSE_BATCH} events.`);
    }
    this.tellAgent(chat.agentId, { type: 'cobrowse-events', chatId, events });
  }

  private message(chat: ChatRecord, text: string): ChatMessage {
    return {
      id: `${chat.id}-m${this.platform.store.nextSequence('message')}`,
      from: 'contact',
      text,
      at: this.platform.now(),
      authorName: chat.contact.name,
    };
  }

  private checkText(text: string): void {
    const limit = this.platform.configuration.maxMessageLength;
    if (text.length > limit) throw new CommandRefused(`The message is longer than ${limit} characters.`);
  }

  private chatOrThrow(chatId: string): ChatRecord {
    const chat = this.platform.store.chat(chatId);
    if (!chat) throw new CommandRefused(`No chat ${chatId}.`);
    return chat;
  }
}
