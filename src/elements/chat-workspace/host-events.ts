import { contactName } from '../../internal/contact-text.js';
import { msg, str } from '@lit/localize';
import type { ReactiveControllerHost } from 'lit';
import { SessionController } from '../../controllers/session-controller.js';
import { emit } from '../../events/workspace-events.js';
import { SameTaskBatch } from '../../internal/same-task-batch.js';
import type { ChatSession, SessionEvent } from '../../session/chat-session.js';
import { firstContactMessage } from '../../session/selectors.js';

/** The workspace as this controller sees it. */
export interface HostEventsHost extends ReactiveControllerHost, EventTarget {
  session?: ChatSession;
}

/** Where the workspace moves focus after what happened. */
export interface FocusMoves {
  chatAccepted(): void;
  chatLeft(): void;
  /** A chat ended; after-contact work begins in its form. */
  chatEnded(chatId: string): void;
  lastOfferRefused(): void;
}

/**
 * Tells the host page what happens in the session, as the workspace's DOM events, and
 * the agent too: a polite announcement of messages that arrive in chats the agent is not
 * looking at (`backgroundNews`). Offer chimes and notifications: `OfferAlertsController`.
 */
export class HostEventsController {
  /** What the workspace's polite live region says about background chats. */
  backgroundNews = '';

  constructor(
    private readonly host: HostEventsHost,
    private readonly focus: FocusMoves,
  ) {
    new SessionController(host, (session) => session.events$, { onValue: (event) => this.relay(event) });
  }

  private relay(event: SessionEvent): void {
    const host = this.host;
    switch (event.type) {
      case 'chat-offered': {
        const { offer } = event;
        const text = firstContactMessage(offer);
        emit(host, 'chat-offered', { chatId: offer.chatId, contact: offer.contact, skill: offer.skill, text, expiresAt: offer.expiresAt });
        break;
      }
      case 'chat-accepted':
        emit(host, 'chat-accepted', { chatId: event.chat.id, contact: event.chat.contact, skill: event.chat.skill });
        this.focus.chatAccepted();
        break;
      case 'chat-transferred': {
        const { chat, target, targetName, note } = event;
        emit(host, 'chat-transferred', { chatId: chat.id, contact: chat.contact, target, targetName, ...(note ? { note } : {}) });
        this.focus.chatLeft();
        break;
      }
      case 'chat-ended':
        emit(host, 'chat-ended', { chatId: event.chat.id, contact: event.chat.contact, endedBy: event.chat.endedBy ?? 'agent' });
        this.focus.chatEnded(event.chat.id);
        // A contact leaving a chat the agent is not looking at is news the agent would miss.
        if (event.chat.endedBy === 'contact' && host.session?.state.activeChatId !== event.chat.id) {
          this.tellAgent(msg(str`${contactName(event.chat.contact.name)} left the chat.`));
        }
        break;
      case 'wrap-up-expired': {
        const { chat, disposition } = event;
        emit(host, 'wrap-up-expired', { chatId: chat.id, contact: chat.contact, ...(disposition ? { disposition } : {}) });
        this.focus.chatLeft();
        // The platform closed it, not the agent: said, so a tab that vanishes is never a mystery.
        this.tellAgent(msg(str`After-contact work for ${contactName(chat.contact.name)} ran out: the chat was closed.`));
        break;
      }
      case 'agent-state-changed': {
        const { state, previous, reason, previousReason } = event;
        emit(host, 'agent-state-changed', {
          state,
          previous,
          ...(reason === undefined ? {} : { reason }),
          ...(previousReason === undefined ? {} : { previousReason }),
        });
        // The last offer was rejected: what the agent does next is choose Available again.
        if (event.state === 'Refused' && host.session?.state.offers.length === 0) this.focus.lastOfferRefused();
        break;
      }
      case 'chat-activated':
        emit(host, 'chat-activated', { chatId: event.chat.id, contact: event.chat.contact, skill: event.chat.skill });
        break;
      case 'message-received':
        // A message in a chat the agent is not looking at is news the agent would miss.
        if (!event.shown && event.message.from === 'contact') this.tellAgent(msg(str`New message from ${contactName(event.chat.contact.name)}.`));
        break;
      case 'disposition-saved':
        emit(host, 'disposition-saved', { chatId: event.chat.id, disposition: event.disposition });
        this.focus.chatLeft();
        break;
      case 'engagement-created':
        emit(host, 'engagement-created', event.engagement);
        break;
      case 'connection-changed': {
        const { status, previous, reason } = event;
        emit(host, 'connection-changed', { status, previous, ...(reason === undefined ? {} : { reason }) });
        break;
      }
      case 'case-updated':
        emit(host, 'case-updated', { chatId: event.chat.id, case: event.case });
        break;
      case 'cobrowse-started':
        emit(host, 'cobrowse-started', { chatId: event.chat.id, contact: event.chat.contact });
        break;
      case 'cobrowse-ended':
        emit(host, 'cobrowse-ended', { chatId: event.chat.id, contact: event.chat.contact, by: event.by });
        break;
    }
  }

  /** Says something in the workspace's polite live region; what comes in one go is said together. */
  private readonly news = new SameTaskBatch<string>((texts) => {
    this.backgroundNews = texts.join(' ');
    this.host.requestUpdate();
  });

  private tellAgent(text: string): void {
    this.news.add(text);
  }

}
