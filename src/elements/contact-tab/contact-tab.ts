import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { SessionController } from '../../controllers/session-controller.js';
import { initialOf } from '../../internal/format.js';
import { SessionElement } from '../../internal/session-element.js';
import { styles } from './contact-tab.styles.js';

/**
 * @tagname contact-tab
 * @summary One chat of the workspace, as a tab left of the conversation (R4). Clicking it
 * shows that chat.
 *
 * @csspart base - The tab's content.
 * @csspart avatar - The contact's initial on its colour.
 * @csspart name - The contact's name.
 */
export class ContactTab extends SessionElement {
  static override styles = styles;

  /** The id of the chat this tab stands for. */
  @property({ attribute: 'chat-id' }) chatId = '';

  private readonly view = new SessionController(this, (session) =>
    session.select((state) => ({
      chat: state.chats.find((chat) => chat.id === this.chatId),
      selected: state.activeChatId === this.chatId,
    })),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'tab');
    this.addEventListener('click', this.activate);
    this.addEventListener('keydown', this.onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('click', this.activate);
    this.removeEventListener('keydown', this.onKeydown);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const selected = this.view.value?.selected ?? false;
    this.setAttribute('aria-selected', String(selected));
    this.tabIndex = selected ? 0 : -1;
  }

  override render() {
    const chat = this.view.value?.chat;
    if (!chat) return nothing;
    return html`
      <div part="base" class="tab" data-status=${chat.status}>
        <span part="avatar" class="avatar" aria-hidden="true">${initialOf(chat.contact.name)}</span>
        <span part="name" class="name">${chat.contact.name}</span>
      </div>
    `;
  }

  private readonly activate = (): void => {
    if (this.chatId) this.session?.activateChat(this.chatId);
  };

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.activate();
    }
  };
}
