import { msg } from '@lit/localize';
import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { asyncScheduler, type Subscription } from 'rxjs';
import { SessionController } from '../../controllers/session-controller.js';
import { copyText } from '../../internal/clipboard.js';
import { emit } from '../../events/workspace-events.js';
import { SessionElement } from '../../internal/session-element.js';
import { currentLocale } from '../../i18n/localization.js';
import { selectOnline, shallowEqual } from '../../session/selectors.js';
import { transcriptText } from '../../session/transcript-text.js';
import { styles } from './chat-actions.styles.js';

const copyIcon = html`<svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
  ${svg`<rect x="6.5" y="6.5" width="10" height="11" rx="2" fill="none" stroke="currentColor" stroke-width="1.6" />
  <path d="M4 13.5V4.5a2 2 0 0 1 2-2h7" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />`}
</svg>`;

/** How long "End chat" waits for its confirming second click. */
export const END_CONFIRM_MS = 4000;
/** How long the copy confirmation stays visible. */
export const COPIED_NOTICE_MS = 3000;

/**
 * @tagname chat-actions
 * @summary The actions on the active chat: "Transfer" (R12), "Copy all chat content" (R10)
 * and "End chat", which asks for a second click on the same button (R9).
 *
 * @fires {TransferDialogRequestedEvent} transfer-dialog-requested - The agent pressed "Transfer"; `detail.chatId` is the chat to hand over.
 *
 * @csspart transfer - The "Transfer" button.
 * @csspart copy - The "Copy all chat content" button.
 * @csspart end - The "End chat" button; it carries the `confirming` class while it waits for the second click.
 * @csspart status - The confirmation text of an action.
 */
export class ChatActions extends SessionElement {
  static override styles = styles;

  /** The chat these actions apply to. */
  @property({ attribute: 'chat-id' }) chatId = '';

  @state() private confirmingEnd = false;
  @state() private notice = '';
  private confirmTimer?: Subscription;
  private noticeTimer?: Subscription;

  private readonly view = new SessionController(this, (session) =>
    session.select((state) => ({
      chat: state.chats.find((chat) => chat.id === this.chatId),
      agentName: state.agent.name,
      online: selectOnline(state),
    }), shallowEqual),
    { dependsOn: () => [this.chatId] },
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('chatId')) this.reset();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.reset();
  }

  override render() {
    const chat = this.view.value?.chat;
    if (!chat) return nothing;
    // Transfer and End cannot wait in an outbox: they stay focusable but wait for the connection.
    const waiting = this.view.value?.online === false;
    const waitingHint = waiting ? 'waiting-hint' : nothing;
    return html`
      <div class="actions">
        ${chat.status === 'active'
          ? html`<button
              part="transfer"
              aria-disabled=${waiting ? 'true' : nothing}
              aria-describedby=${waitingHint}
              @click=${this.requestTransfer}
            >
              ${msg('Transfer')}
            </button>`
          : nothing}
        <button
          part="copy"
          class="icon"
          aria-label=${msg('Copy all chat content')}
          title=${msg('Copy all chat content')}
          @click=${this.copy}
        >
          ${copyIcon}
        </button>
        ${chat.status === 'active'
          ? html`<button
              part="end"
              class="end ${this.confirmingEnd ? 'confirming' : ''}"
              aria-disabled=${waiting ? 'true' : nothing}
              aria-describedby=${this.confirmingEnd ? 'end-hint' : waitingHint}
              @click=${this.end}
            >
              ${msg('End chat')}
            </button>`
          : nothing}
      </div>
      <p class="status" part="status" role="status">${this.renderStatus(chat.status === 'active' && waiting)}</p>
    `;
  }

  /** Written flush inside the live region, which takes no room while it is empty. */
  private renderStatus(waiting: boolean) {
    if (this.confirmingEnd) return html`<span id="end-hint">${msg('Click End chat again to end the chat.')}</span>`;
    if (waiting) return html`<span id="waiting-hint">${msg('Transfer and End chat wait for the connection.')}</span>`;
    return this.notice || nothing;
  }

  private end(): void {
    if (this.view.value?.online === false) return;
    if (!this.confirmingEnd) {
      this.confirmingEnd = true;
      this.confirmTimer?.unsubscribe();
      this.confirmTimer = this.later(END_CONFIRM_MS, () => (this.confirmingEnd = false));
      return;
    }
    this.reset();
    void this.session?.endChat(this.chatId);
  }

  private requestTransfer(): void {
    if (this.view.value?.online === false) return;
    emit(this, 'transfer-dialog-requested', { chatId: this.chatId });
  }

  private async copy(): Promise<void> {
    const view = this.view.value;
    if (!view?.chat) return;
    const time = new Intl.DateTimeFormat(currentLocale(), { hour: '2-digit', minute: '2-digit' });
    const text = transcriptText(view.chat, view.agentName, (at) => time.format(at));
    const copied = await copyText(text, this.renderRoot);
    this.showNotice(copied ? msg('Chat content copied to the clipboard.') : msg('The chat content could not be copied.'));
  }

  private showNotice(text: string): void {
    this.notice = text;
    this.noticeTimer?.unsubscribe();
    this.noticeTimer = this.later(COPIED_NOTICE_MS, () => (this.notice = ''));
  }

  private reset(): void {
    this.confirmTimer?.unsubscribe();
    this.noticeTimer?.unsubscribe();
    this.confirmingEnd = false;
    this.notice = '';
  }

  /** Runs `action` in `ms` on the session's clock, the one its timers follow (and tests move). */
  private later(ms: number, action: () => void): Subscription {
    return (this.session?.scheduler ?? asyncScheduler).schedule(action, ms);
  }
}
