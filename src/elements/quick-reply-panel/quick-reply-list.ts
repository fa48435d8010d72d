import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { QuickReply } from '../../protocol/types.js';
import { fillTemplate } from '../../internal/template.js';
import { groupByCategory, type QuickReplyGroup } from './quick-replies.js';

/** What the list of replies needs from the panel. */
export interface ReplyListView {
  /** How many replies are configured, before the search. */
  configuredCount: number;
  /** The replies the search lets through. */
  visible: readonly QuickReply[];
  query: string;
  /** Position in `visible` of the reply Enter selects during a "/" search; -1 otherwise. */
  highlighted: number;
  /** The values the workspace knows, filled into each reply's excerpt. */
  known: Readonly<Record<string, string | undefined>>;
  onSearchInput: (event: InputEvent) => void;
  onSearchKeydown: (event: KeyboardEvent) => void;
  onSelect: (replyId: string) => void;
}

/**
 * The search field and the replies grouped by category (headings only when some reply has a
 * category; the others then go under "Other"). Each reply is a button named by its title and
 * described by its text, filled in with what the workspace knows.
 */
export function renderReplyList(view: ReplyListView) {
  const groups = groupByCategory(view.visible);
  const named = groups.some((group) => group.category !== undefined);
  let position = 0;
  const renderReply = (reply: QuickReply) => {
    const index = position++;
    // The title alone names the button; the excerpt describes it. The button's ::after stretches over the row.
    return html`<li part=${index === view.highlighted ? 'reply reply-highlighted' : 'reply'} class="reply">
      <button
        type="button"
        class="reply-title"
        data-reply-id=${reply.id}
        aria-describedby="reply-${index}-text"
        @click=${() => view.onSelect(reply.id)}
      >
        ${reply.title}
      </button>
      <span class="reply-text" id="reply-${index}-text">${fillTemplate(reply.text, view.known)}</span>
    </li>`;
  };
  const renderGroup = (group: QuickReplyGroup, index: number) => html`
    <div class="group">
      ${named ? html`<h3 part="category" id="category-${index}">${group.category ?? msg('Other')}</h3>` : nothing}
      <ul role="list" aria-labelledby=${named ? `category-${index}` : nothing}>
        ${group.replies.map(renderReply)}
      </ul>
    </div>
  `;
  return html`
    <input
      part="search"
      class="search"
      type="search"
      autocomplete="off"
      aria-label=${msg('Search quick replies')}
      placeholder=${msg('Search')}
      .value=${live(view.query)}
      @input=${view.onSearchInput}
      @keydown=${view.onSearchKeydown}
    />
    ${view.configuredCount === 0
      ? html`<p class="empty">${msg('No quick replies are configured.')}</p>`
      : view.visible.length === 0
        ? html`<p class="empty">${msg(str`No quick replies match "${view.query}".`)}</p>`
        : html`<div part="list" class="list">${groups.map(renderGroup)}</div>`}
  `;
}

/** What the polite status says about the list: the highlighted reply during a "/" search, else how many match. */
export function listAnnouncement(view: Pick<ReplyListView, 'visible' | 'query' | 'highlighted'>): string {
  const searching = view.highlighted >= 0;
  if (!searching && view.query.trim() === '') return '';
  if (view.visible.length === 0) return msg(str`No quick replies match "${view.query}".`);
  if (searching) {
    const title = view.visible[view.highlighted]?.title ?? '';
    return msg(str`${title}, ${view.highlighted + 1} of ${view.visible.length}. Enter selects it.`);
  }
  return view.visible.length === 1 ? msg('1 quick reply') : msg(str`${view.visible.length} quick replies`);
}
