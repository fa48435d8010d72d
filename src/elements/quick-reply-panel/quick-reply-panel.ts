import { msg, str } from '@lit/localize';
import { html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { QuickReply } from '../../protocol/types.js';
import { FocusGroupController } from '../../controllers/focus-group-controller.js';
import { SessionController } from '../../controllers/session-controller.js';
import { SessionElement } from '../../internal/session-element.js';
import { fillTemplate, templateVariables } from '../../internal/template.js';
import { renderReplyDetail, type ReplyDetailView } from './quick-reply-detail.js';
import { consume } from '@lit/context';
import { emit } from '../../events/workspace-events.js';
import {
  QuickReplySearch,
  composeTextContext,
  quickReplySearchContext,
  type ComposeText,
} from '../../controllers/quick-reply-search.js';
import type { QuickReplyComposer, QuickReplyNavigationKey } from '../../events/quick-reply-events.js';
import { listAnnouncement, renderReplyList, type ReplyListView } from './quick-reply-list.js';
import { filterQuickReplies, groupByCategory, quickRepliesEqual, selectQuickReplies } from './quick-replies.js';
import { styles } from './quick-reply-panel.styles.js';

/**
 * @tagname quick-reply-panel
 * @summary The quick replies (R6, R14): the ">>" button slides out a searchable list of
 * pre-written answers, grouped by category. Selecting one shows its preview and its
 * `{{variable}}` fields, pre-filled with what the workspace knows about the chat; Insert
 * puts the filled-in text, as plain text, into the chat's composer at the caret.
 *
 * Insert dispatches `quick-reply-insert`; unless a listener cancels it, the panel then writes
 * the text into the chat's composer: inside `<chat-workspace>` through the workspace's
 * `composeMessage()` (what assist apps' `insertText()` calls too), alone through the
 * `composer` set on it. A host that inserts the text itself cancels the event.
 *
 * "/" at the start of a `<chat-composer>` of the same chat (or of any chat when `chat-id` is
 * empty) opens the panel filtered by what follows, with no wiring: the panel follows the
 * `QuickReplySearch` it shares with that composer (the workspace's, or the one of the
 * shadow root or document they sit in). Hosts that route searches otherwise call `search()`
 * and `navigate()`.
 *
 * @fires {QuickReplyInsertEvent} quick-reply-insert - Insert was pressed. `detail`: `{ chatId, text }`, the text with every variable filled in. Cancelable: cancel it when you insert the text yourself.
 *
 * @csspart toggle - The ">>" button named "Quick replies".
 * @csspart panel - The panel that slides out.
 * @csspart title - The panel's heading.
 * @csspart search - The search field.
 * @csspart list - The replies, grouped by category.
 * @csspart category - The heading of a category.
 * @csspart reply - One reply of the list: its title, a button, and an excerpt of its text.
 * @csspart reply-highlighted - The reply that Enter selects during a "/" search in the composer.
 * @csspart back - The button back to the list.
 * @csspart preview - The selected reply's text with its values filled in.
 * @csspart variables - The fields of the selected reply's variables.
 * @csspart variable - One variable's text field.
 * @csspart insert - The Insert button.
 *
 * @cssprop --cw-quick-reply-panel-width - Width of the open panel (320px).
 * @cssprop --cw-quick-reply-panel-max-height - Height past which the list scrolls (32rem).
 * @cssprop --cw-quick-reply-panel-duration - How long the panel takes to slide (180ms; none when the user prefers reduced motion).
 */
export class QuickReplyPanel extends SessionElement {
  static override styles = styles;

  /** Whether the panel is slid out. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The chat whose values pre-fill the variables, and whose composer's "/" searches the panel follows. */
  @property({ attribute: 'chat-id' }) chatId = '';

  /** Where the panel slides out: `beside` the button (the default), or `above` it, over the content there. */
  @property({ reflect: true }) placement: 'beside' | 'above' = 'beside';

  /** Where Insert puts the text when no listener cancels `quick-reply-insert`; usually the chat's `<chat-composer>`. */
  @property({ attribute: false }) composer?: QuickReplyComposer;

  @state() private query = '';
  @state() private selectedId?: string;
  /** The values the agent typed or changed, by variable name; the others follow the session. */
  @state() private edits: ReadonlyMap<string, string> = new Map();
  @state() private showErrors = false;
  /** A "/" search in the composer drives the panel. */
  @state() private composerSearch = false;
  @state() private highlighted = 0;
  /** How the panel was before a "/" search took it over, to go back to it after. */
  private beforeSearch?: { open: boolean; query: string };

  @consume({ context: quickReplySearchContext })
  private providedSearch?: QuickReplySearch;
  private unfollowSearch?: () => void;

  /** Writes into the composer: the workspace's `composeMessage`, provided to the panels inside it. */
  @consume({ context: composeTextContext })
  private providedCompose?: ComposeText;

  @query('[part="toggle"]') private toggleButton?: HTMLButtonElement;
  @query('[part="search"]') private searchField?: HTMLInputElement;

  private readonly shown = new SessionController(
    this,
    (session) => session.select((state) => selectQuickReplies(state, this.chatId), quickRepliesEqual),
    { dependsOn: () => [this.chatId] },
  );

  constructor() {
    super();
    // Up, Down, Home and End move between the replies; Tab enters the list once.
    new FocusGroupController<HTMLElement>(this, {
      items: () => Array.from(this.renderRoot.querySelectorAll<HTMLElement>('button[data-reply-id]')),
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unfollowSearch = this.quickReplySearch.follow(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unfollowSearch?.();
    this.unfollowSearch = undefined;
  }

  /** The workspace's "/" search, or the one of this element's tree scope when it stands alone. */
  private get quickReplySearch(): QuickReplySearch {
    return this.providedSearch ?? QuickReplySearch.of(this.getRootNode());
  }

  /**
   * Follows a "/" search typed in the composer: opens the panel filtered by `query`, keeping
   * the focus where it is; `null` ends the search and puts the panel back as it was.
   */
  search(query: string | null, _chatId?: string): void {
    if (query === null) {
      this.endComposerSearch();
      return;
    }
    if (!this.composerSearch) this.beforeSearch = { open: this.open, query: this.query };
    this.composerSearch = true;
    this.open = true;
    this.query = query;
    this.highlighted = 0;
    this.clearSelection();
  }

  /**
   * Acts on a key pressed in the composer during a "/" search. Returns `true` when the key
   * was used, and the composer should then skip its own action for it.
   */
  navigate(key: QuickReplyNavigationKey, _chatId?: string): boolean {
    if (!this.composerSearch || !this.open) return false;
    const selected = this.selectedReply();
    const visible = this.visibleReplies();
    switch (key) {
      case 'Escape':
        this.endComposerSearch();
        return true;
      case 'Enter': {
        const highlighted = visible[this.highlightedIndex(visible)];
        if (selected) void this.insert();
        else if (highlighted) void this.select(highlighted.id, 'first-missing');
        return true;
      }
      case 'ArrowDown':
      case 'ArrowUp': {
        if (selected || visible.length === 0) return false;
        const step = key === 'ArrowDown' ? 1 : -1;
        this.highlighted = (this.highlightedIndex(visible) + step + visible.length) % visible.length;
        return true;
      }
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another chat: its own values, and the other chat's "/" search is over.
    if (changed.has('chatId') && changed.get('chatId') !== undefined) {
      this.edits = new Map();
      this.showErrors = false;
      this.endComposerSearch();
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.composerSearch && (changed.has('highlighted') || changed.has('query'))) {
      this.renderRoot.querySelector('[part~="reply-highlighted"]')?.scrollIntoView({ block: 'nearest' });
    }
  }

  override render() {
    const visible = this.visibleReplies();
    const selected = this.selectedReply();
    return html`
      <button
        part="toggle"
        class="toggle"
        aria-label=${msg('Quick replies')}
        title=${msg('Quick replies')}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        @click=${this.onToggle}
      >
        <span class="chevrons" aria-hidden="true">&gt;&gt;</span>
      </button>
      <div class="drawer" ?inert=${!this.open}>
        <section part="panel" id="panel" class="panel" aria-labelledby="title" @keydown=${this.onPanelKeydown}>
          <h2 part="title" id="title">${msg('Quick replies')}</h2>
          ${selected ? renderReplyDetail(this.detailView(selected)) : renderReplyList(this.listView(visible))}
        </section>
      </div>
      <p class="visually-hidden" role="status">${this.open ? this.announcement(visible, selected) : ''}</p>
    `;
  }

  private listView(visible: readonly QuickReply[]): ReplyListView {
    return {
      configuredCount: this.shown.value?.replies.length ?? 0,
      visible,
      query: this.query,
      highlighted: this.highlightedIndex(visible),
      known: this.shown.value?.known ?? {},
      onSearchInput: (event) => {
        this.query = (event.target as HTMLInputElement).value;
        this.highlighted = 0;
      },
      onSearchKeydown: (event) => this.onSearchKeydown(event),
      onSelect: (id) => void this.select(id, 'form'),
    };
  }

  private detailView(reply: QuickReply): ReplyDetailView {
    return {
      reply,
      valueFor: (name) => this.variableValue(name),
      showErrors: this.showErrors,
      onEdit: (name, value) => (this.edits = new Map(this.edits).set(name, value)),
      onBack: () => void this.back(),
      onInsert: () => void this.insert(),
    };
  }

  private announcement(visible: readonly QuickReply[], selected: QuickReply | undefined): string {
    if (!selected) return listAnnouncement({ visible, query: this.query, highlighted: this.highlightedIndex(visible) });
    const ready = templateVariables(selected.text).every((name) => this.variableValue(name).trim() !== '');
    return this.composerSearch && ready ? msg(str`${selected.title}: press Enter to insert it.`) : '';
  }

  /** The replies the search lets through, in the order the list shows them. */
  private visibleReplies(): QuickReply[] {
    const filtered = filterQuickReplies(this.shown.value?.replies ?? [], this.query);
    return groupByCategory(filtered).flatMap((group) => group.replies);
  }

  /** The reply Enter selects during a "/" search, kept within the list; -1 outside a search. */
  private highlightedIndex(visible: readonly QuickReply[]): number {
    if (!this.composerSearch || visible.length === 0) return -1;
    return Math.min(Math.max(0, this.highlighted), visible.length - 1);
  }

  private selectedReply(): QuickReply | undefined {
    return this.selectedId === undefined ? undefined : this.shown.value?.replies.find((reply) => reply.id === this.selectedId);
  }

  /** What a variable holds: the agent's edit, else what the workspace knows, else nothing. */
  private variableValue(name: string): string {
    const edited = this.edits.get(name);
    if (edited !== undefined) return edited;
    const known = this.shown.value?.known ?? {};
    return (Object.hasOwn(known, name) ? known[name] : undefined) ?? '';
  }

  /**
   * Shows a reply's preview and fields. `focus`: `form` moves focus into the form (a click in
   * the list); `first-missing` only when a value is missing (Enter in the composer).
   */
  private async select(id: string, focus: 'form' | 'first-missing'): Promise<void> {
    this.selectedId = id;
    this.clearEdits();
    await this.updateComplete;
    const missing = this.renderRoot.querySelector<HTMLInputElement>('[part~="variable"][data-missing]');
    if (missing) missing.focus();
    else if (focus === 'form') this.renderRoot.querySelector<HTMLElement>('[part~="insert"]')?.focus();
  }

  private async back(): Promise<void> {
    const id = this.selectedId;
    this.clearSelection();
    await this.updateComplete;
    const replies = Array.from(this.renderRoot.querySelectorAll<HTMLElement>('button[data-reply-id]'));
    (replies.find((reply) => reply.dataset['replyId'] === id) ?? this.searchField)?.focus();
  }

  private async insert(): Promise<void> {
    const reply = this.selectedReply();
    if (!reply) return;
    const names = templateVariables(reply.text);
    if (names.some((name) => this.variableValue(name).trim() === '')) {
      this.showErrors = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('[part~="variable"][data-missing]')?.focus();
      return;
    }
    const text = fillTemplate(reply.text, Object.fromEntries(names.map((name) => [name, this.variableValue(name)])));
    const insertHere = emit(this, 'quick-reply-insert', { chatId: this.chatId, text });
    if (insertHere) {
      // In a workspace, the same request as an assist app's insertText(); alone, the composer set on the panel.
      if (this.providedCompose && this.chatId) void this.providedCompose(text, this.chatId);
      else this.composer?.insertText(text);
    }
    // A "/" search is done once its reply is in; a panel opened with ">>" stays for the next
    // one, unless it covers the transcript the agent now wants to read.
    this.clearSelection();
    this.endComposerSearch();
    if (this.placement === 'above') this.open = false;
  }

  private endComposerSearch(): void {
    if (!this.composerSearch) return;
    this.composerSearch = false;
    this.open = this.beforeSearch?.open ?? false;
    this.query = this.beforeSearch?.query ?? '';
    this.beforeSearch = undefined;
    this.clearSelection();
  }

  private clearSelection(): void {
    this.selectedId = undefined;
    this.clearEdits();
  }

  private clearEdits(): void {
    this.edits = new Map();
    this.showErrors = false;
  }

  private async onToggle(): Promise<void> {
    const opening = !this.open;
    this.endComposerSearch();
    this.open = opening;
    if (!opening) return;
    await this.updateComplete;
    this.searchField?.focus();
  }

  /** Down from the search field enters the list. */
  private onSearchKeydown(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown') return;
    const first = this.renderRoot.querySelector<HTMLElement>('button[data-reply-id]');
    if (!first) return;
    event.preventDefault();
    first.focus();
  }

  /** Escape goes back one step: from a reply to the list, from the list to the closed panel. */
  private onPanelKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    if (this.selectedId !== undefined) {
      void this.back();
      return;
    }
    this.endComposerSearch();
    this.open = false;
    this.toggleButton?.focus();
  }
}
