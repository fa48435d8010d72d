import { provide } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { LitElement, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { LangController } from '../../controllers/lang-controller.js';
import { SessionController } from '../../controllers/session-controller.js';
import { emit } from '../../events/workspace-events.js';
import { playOfferChime, requestNotificationPermission, showOfferNotification } from '../../internal/offer-alerts.js';
import type { ChatSession, SessionEvent } from '../../session/chat-session.js';
import { firstContactMessage, selectActiveChat } from '../../session/selectors.js';
import { sessionContext } from '../../session/session-context.js';
import type { SessionCommand, WorkspaceError } from '../../session/state.js';
import { renderConversation } from './conversation-view.js';
import { styles } from './chat-workspace.styles.js';

/**
 * @tagname chat-workspace
 * @summary The agent's chat workspace: agent state, chat offers, the open chats and
 * their conversation. Give it a `ChatSession`; every element inside takes it from here.
 *
 * @event chat-offered - A chat waits for the agent's Accept. `detail`: `ChatOfferedDetail`.
 * @event chat-accepted - The agent accepted a chat; a CRM opens the customer's record. `detail`: `ChatAcceptedDetail`.
 * @event chat-ended - A chat ended; after-contact work begins. `detail`: `ChatEndedDetail`.
 * @event agent-state-changed - The platform confirmed a new agent state. `detail`: `AgentStateChangedDetail`.
 *
 * @csspart base - The workspace's frame.
 * @csspart header - The bar with the agent state.
 * @csspart offers - The stack of chat offers.
 * @csspart errors - The list of problems the agent should know about.
 * @csspart tabs - The vertical list of contact tabs.
 * @csspart conversation - The active chat's transcript.
 *
 * @cssprop --cw-font-family - Font of the whole workspace.
 * @cssprop --cw-font-size - Base font size.
 * @cssprop --cw-color-text - Main text colour.
 * @cssprop --cw-color-text-muted - Secondary text colour.
 * @cssprop --cw-color-surface - Background of cards and panels.
 * @cssprop --cw-color-surface-raised - Background of the workspace frame and quiet areas.
 * @cssprop --cw-color-border - Borders and dividers.
 * @cssprop --cw-color-accent - Primary actions, focus and highlights.
 * @cssprop --cw-color-accent-text - Text on the accent colour.
 * @cssprop --cw-color-danger - Errors.
 * @cssprop --cw-color-available - The Available state dot.
 * @cssprop --cw-color-refused - The Refused state dot and hint.
 * @cssprop --cw-radius - Corner radius of cards.
 * @cssprop --cw-space - The spacing unit.
 */
@localized()
export class ChatWorkspace extends LitElement {
  static override styles = styles;

  /** The session to show, shared with every element inside through context. */
  @provide({ context: sessionContext })
  @property({ attribute: false })
  session?: ChatSession;

  /** Plays a short chime when a chat is offered. */
  @property({ type: Boolean, reflect: true, attribute: 'offer-sound' }) offerSound = false;

  /** Shows a desktop notification when a chat is offered (asks permission on the first state change). */
  @property({ type: Boolean, reflect: true, attribute: 'offer-notifications' }) offerNotifications = false;

  private readonly view = new SessionController(this, (session) =>
    session.select((state) => ({
      chats: state.chats,
      activeChat: selectActiveChat(state),
      agentName: state.agent.name,
      available: state.agent.state === 'Available',
      capacity: state.configuration.maxConcurrentChats,
      errors: state.errors,
    })),
  );

  constructor() {
    super();
    new LangController(this);
    new SessionController(this, (session) => session.events$, { onValue: (event) => this.relay(event) });
  }

  override render() {
    const view = this.view.value;
    return html`
      <div part="base" class="workspace">
        <header part="header">
          <h2>${msg('Chats')}</h2>
          ${view
            ? html`<span class="load" title=${msg('Open chats and capacity')}>
                ${view.chats.length}/${view.capacity}
              </span>`
            : nothing}
          <agent-state-control @change=${this.onStateChosen}></agent-state-control>
        </header>
        <offer-prompt part="offers"></offer-prompt>
        ${view && view.errors.length > 0 ? this.renderErrors(view.errors) : nothing}
        ${view && view.chats.length > 0
          ? html`<div class="body">
              <div part="tabs" class="tabs" role="tablist" aria-orientation="vertical" aria-label=${msg('Chats')}>
                ${repeat(view.chats, (chat) => chat.id, (chat) => html`<contact-tab chat-id=${chat.id}></contact-tab>`)}
              </div>
              <section part="conversation" class="conversation" role="tabpanel" aria-label=${view.activeChat?.contact.name ?? ''}>
                ${view.activeChat ? renderConversation(view.activeChat, view.agentName) : nothing}
              </section>
            </div>`
          : html`<p class="empty">
              ${view?.available
                ? msg('You are available. New chats will appear here.')
                : msg('No chats yet. Choose Available to receive chats.')}
            </p>`}
      </div>
    `;
  }

  private renderErrors(errors: readonly WorkspaceError[]) {
    return html`
      <ul part="errors" class="errors" role="alert">
        ${repeat(errors, (error) => error.id, (error) => html`
          <li>
            <span>${describeError(error)}</span>
            <button class="dismiss" aria-label=${msg('Dismiss')} @click=${() => this.session?.dismissError(error.id)}>×</button>
          </li>
        `)}
      </ul>
    `;
  }

  private readonly onStateChosen = (): void => {
    if (this.offerNotifications) requestNotificationPermission();
  };

  /** Turns what the session reports into the host page's DOM events. */
  private relay(event: SessionEvent): void {
    switch (event.type) {
      case 'chat-offered': {
        const { offer } = event;
        const text = firstContactMessage(offer);
        emit(this, 'chat-offered', { chatId: offer.chatId, contact: offer.contact, skill: offer.skill, text, expiresAt: offer.expiresAt });
        if (this.offerSound) playOfferChime();
        if (this.offerNotifications) {
          showOfferNotification(msg(str`New chat from ${offer.contact.name}`), `${offer.skill}: ${text}`, offer.chatId);
        }
        break;
      }
      case 'chat-accepted':
        emit(this, 'chat-accepted', { chatId: event.chat.id, contact: event.chat.contact, skill: event.chat.skill });
        break;
      case 'chat-ended':
        emit(this, 'chat-ended', { chatId: event.chat.id, contact: event.chat.contact, endedBy: event.chat.endedBy ?? 'agent' });
        break;
      case 'agent-state-changed':
        emit(this, 'agent-state-changed', { state: event.state, previous: event.previous });
        break;
    }
  }
}

function commandFailure(command: SessionCommand): string {
  switch (command) {
    case 'setAgentState':
      return msg('The agent state could not be changed.');
    case 'acceptOffer':
      return msg('The chat could not be accepted.');
    case 'rejectOffer':
      return msg('The chat could not be rejected.');
    case 'sendMessage':
      return msg('The message could not be sent.');
    case 'sendTyping':
      return msg('The typing indicator could not be sent.');
    case 'endChat':
      return msg('The chat could not be ended.');
    case 'closeChat':
      return msg('The chat could not be closed.');
  }
}

function describeError(error: WorkspaceError): string {
  switch (error.kind) {
    case 'invalid-event':
      return msg(str`The contact center sent data the workspace could not read (${error.field}). Other chats are unaffected.`);
    case 'command-failed':
      // The platform's reason follows, in the platform's words.
      return `${commandFailure(error.command)} ${error.message}`;
    case 'disconnected':
      return msg('The connection to the contact center was lost.');
  }
}
