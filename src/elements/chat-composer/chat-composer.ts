import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { SessionController } from '../../controllers/session-controller.js';
import { SessionElement } from '../../internal/session-element.js';
import { styles } from './chat-composer.styles.js';

/** The counter shows once fewer characters than this share of the limit remain. */
const COUNTER_THRESHOLD = 0.1;

/**
 * @tagname chat-composer
 * @summary Where the agent writes to the contact (R8): Enter sends, Shift+Enter adds a
 * line, and each chat keeps its own draft when the agent switches tabs.
 *
 * @csspart textarea - The text box, named "Message".
 * @csspart send - The Send button.
 * @csspart counter - The characters left, shown near the configured limit.
 */
export class ChatComposer extends SessionElement {
  static override styles = styles;

  /** The chat this composer writes to. */
  @property({ attribute: 'chat-id' }) chatId = '';

  @query('textarea') private textarea?: HTMLTextAreaElement;

  private readonly view = new SessionController(this, (session) =>
    session.select((state) => ({
      chat: state.chats.find((chat) => chat.id === this.chatId),
      limit: state.configuration.maxMessageLength,
    })),
    { dependsOn: () => [this.chatId] },
  );

  /** Puts the cursor in the text box. */
  override focus(options?: FocusOptions): void {
    this.textarea?.focus(options);
  }

  /** Inserts text at the caret (replacing any selection), without sending, and focuses the box. */
  insertText(text: string): void {
    const box = this.textarea;
    const chat = this.view.value?.chat;
    if (!box || !chat) return;
    const start = box.selectionStart ?? box.value.length;
    const end = box.selectionEnd ?? start;
    box.setRangeText(text, start, end, 'end');
    this.session?.setDraft(chat.id, box.value);
    box.focus();
  }

  override render() {
    const view = this.view.value;
    const chat = view?.chat;
    if (!view || !chat) return nothing;
    if (chat.status === 'ended') {
      return html`<p class="closed">${msg('This chat has ended. The contact can no longer read new messages.')}</p>`;
    }
    const length = chat.draft.length;
    const left = view.limit - length;
    const showCounter = left <= Math.max(20, Math.round(view.limit * COUNTER_THRESHOLD));
    const tooLong = left < 0;
    return html`
      <div class="composer" ?data-too-long=${tooLong}>
        <textarea
          part="textarea"
          rows="3"
          aria-label=${msg('Message')}
          aria-describedby=${showCounter ? 'counter' : nothing}
          aria-invalid=${tooLong ? 'true' : nothing}
          placeholder=${msg('Write a message. Enter sends, Shift+Enter adds a line.')}
          .value=${live(chat.draft)}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
        ></textarea>
        <div class="footer">
          ${showCounter
            ? html`<span part="counter" id="counter" class="counter">
                ${tooLong
                  ? msg(str`${-left} characters over the limit`)
                  : msg(str`${left} characters left`)}
              </span>`
            : nothing}
          <button
            part="send"
            class="primary"
            ?disabled=${tooLong || chat.draft.trim() === ''}
            @click=${this.send}
          >
            ${msg('Send')}
          </button>
        </div>
      </div>
    `;
  }

  private onInput(event: InputEvent): void {
    const text = (event.target as HTMLTextAreaElement).value;
    this.session?.setDraft(this.chatId, text);
    if (text.trim() !== '') this.session?.notifyTyping(this.chatId);
  }

  private onKeydown(event: KeyboardEvent): void {
    // keyCode 229 is what some IMEs report for the Enter that confirms a composition.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
    event.preventDefault();
    this.send();
  }

  private send(): void {
    const chat = this.view.value?.chat;
    if (!chat || chat.draft.trim() === '') return;
    void this.session?.sendMessage(chat.id, chat.draft);
  }
}
