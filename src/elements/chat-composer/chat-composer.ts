import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { SessionController } from '../../controllers/session-controller.js';
import { consume } from '@lit/context';
import { QuickReplySearch, quickReplySearchContext } from '../../controllers/quick-reply-search.js';
import { SessionElement } from '../../internal/session-element.js';
import { selectChat, selectDraft, shallowEqual } from '../../session/selectors.js';
import {
  QUICK_REPLY_NAVIGATION_KEYS,
  type QuickReplyNavigationKey,
} from '../../events/quick-reply-events.js';
import { styles } from './chat-composer.styles.js';

/** The counter shows once fewer characters than this share of the limit remain. */
const COUNTER_THRESHOLD = 0.1;

/** The quick-reply search a draft holds: the text after a leading "/", on one line; else `null`. */
export function quickReplyQuery(draft: string): string | null {
  return draft.startsWith('/') && !draft.includes('\n') ? draft.slice(1) : null;
}

/**
 * @tagname chat-composer
 * @summary Where the agent writes to the contact (R8): Enter sends, Shift+Enter adds a
 * line, and each chat keeps its own draft when the agent switches tabs.
 *
 * Typing "/" at the start of the box searches the quick replies: the composer tells the
 * `QuickReplySearch` it shares with the `<quick-reply-panel>` (the workspace's, or the one
 * of its document or shadow root) the text after "/", and while that search is open it
 * offers Up, Down, Enter and Escape to the panel before acting on them itself. The cursor
 * stays in the box.
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

  /** The workspace's "/" search, or the one of this element's tree scope when it stands alone. */
  @consume({ context: quickReplySearchContext })
  @state()
  private providedSearch?: QuickReplySearch;

  private get quickReplies(): QuickReplySearch {
    return this.providedSearch ?? QuickReplySearch.of(this.getRootNode());
  }

  /** The "/" search last reported, or `null` when none is open. */
  private quickReplySearch: string | null = null;
  /** Escape closed the "/" search: the draft keeps its text and stops searching until the "/" goes. */
  private quickReplySearchDismissed = false;

  // The chat's status and draft only: what else happens in the chat is not the composer's.
  private readonly shown = new SessionController(this, (session) =>
    session.select((state) => {
      const chat = selectChat(state, this.chatId);
      return {
        chat: chat ? { id: chat.id, status: chat.status, draft: selectDraft(state, chat.id) } : undefined,
        limit: state.configuration.maxMessageLength,
      };
    }, (before, after) => before.limit === after.limit && shallowEqual(before.chat, after.chat)),
    { dependsOn: () => [this.chatId] },
  );

  /** Puts the cursor in the text box. */
  override focus(options?: FocusOptions): void {
    this.textarea?.focus(options);
  }

  /**
   * Inserts text at the caret (replacing any selection), without sending, and focuses the box.
   * During a "/" quick-reply search the text replaces the "/search" itself.
   */
  insertText(text: string): void {
    const box = this.textarea;
    const chat = this.shown.value?.chat;
    if (!box || !chat) return;
    if (this.quickReplySearch !== null) {
      box.setRangeText(text, 0, box.value.length, 'end');
    } else {
      const start = box.selectionStart ?? box.value.length;
      const end = box.selectionEnd ?? start;
      box.setRangeText(text, start, end, 'end');
    }
    this.session?.setDraft(chat.id, box.value);
    this.followQuickReplySearch(box.value);
    box.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The search belonged to the chat shown before.
    const previousChatId = changed.get('chatId');
    if (changed.has('chatId') && previousChatId !== undefined) {
      if (this.quickReplySearch !== null) {
        this.quickReplies.searched(previousChatId, null);
      }
      this.quickReplySearch = null;
      this.quickReplySearchDismissed = false;
    }
  }

  override render() {
    const view = this.shown.value;
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
    this.followQuickReplySearch(text);
  }

  private onKeydown(event: KeyboardEvent): void {
    // keyCode 229 is what some IMEs report for the Enter that confirms a composition.
    if (event.isComposing || event.keyCode === 229) return;
    if (this.offerKeyToQuickReplies(event)) return;
    if (event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    this.send();
  }

  /** Tells the quick replies when the draft starts, changes or stops being a "/" search. */
  private followQuickReplySearch(draft: string): void {
    const query = quickReplyQuery(draft);
    if (query === null) this.quickReplySearchDismissed = false;
    const next = this.quickReplySearchDismissed ? null : query;
    if (next === this.quickReplySearch) return;
    this.quickReplySearch = next;
    this.quickReplies.searched(this.chatId, next);
  }

  /** During a "/" search, lets the quick replies act on a steering key first; `true` when they did. */
  private offerKeyToQuickReplies(event: KeyboardEvent): boolean {
    if (this.quickReplySearch === null || !QUICK_REPLY_NAVIGATION_KEYS.has(event.key)) return false;
    if (event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return false;
    const key = event.key as QuickReplyNavigationKey;
    if (!this.quickReplies.steer(this.chatId, key)) return false;
    event.preventDefault();
    if (key === 'Escape') {
      this.quickReplySearch = null;
      this.quickReplySearchDismissed = true;
    }
    return true;
  }

  private send(): void {
    const chat = this.shown.value?.chat;
    if (!chat || chat.draft.trim() === '') return;
    void this.session?.sendMessage(chat.id, chat.draft);
  }
}
