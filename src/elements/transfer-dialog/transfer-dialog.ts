import { contactName } from '../../internal/contact-text.js';
import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { FocusGroupController } from '../../controllers/focus-group-controller.js';
import { ModalController, focusTargetAround } from '../../controllers/modal-controller.js';
import { SessionController } from '../../controllers/session-controller.js';
import { emit, type TransferRequestedDetail } from '../../events/workspace-events.js';
import { SessionElement } from '../../internal/session-element.js';
import { shallowEqual } from '../../session/selectors.js';
import { addressBookEntries, filterEntries, type AddressBookEntry } from './address-book.js';
import { renderResults, groupLabel, type GroupFilter, GROUP_FILTERS } from './address-book-view.js';
import { styles } from './transfer-dialog.styles.js';

export type { TransferRequestedDetail } from '../../events/workspace-events.js';

/**
 * @tagname transfer-dialog
 * @summary The Transfer dialog (R12): a modal address book of agents, teams and skills.
 * The agent types a name or browses a group; hovering or focusing an entry reveals its
 * Transfer button, which hands the chat over at once with an optional note. On success the
 * chat leaves this workspace (the session reports `chat-transferred`, which
 * `<chat-workspace>` relays to the host page) and the dialog closes; on failure it stays
 * open with the reason and the note.
 *
 * It renders no trigger: the host calls `show(chatId)` from its own Transfer button.
 * A native modal `<dialog>` keeps focus inside; Escape closes it and focus returns to
 * the element that had it before.
 *
 * @fires {TransferRequestedEvent} transfer-requested - Cancelable; fired before the transfer is sent. `preventDefault()` keeps the chat where it is. `detail`: `TransferRequestedDetail`.
 *
 * @csspart dialog - The native modal `<dialog>`.
 * @csspart header - The dialog's title bar.
 * @csspart title - The dialog's title.
 * @csspart close-button - The button that closes the dialog.
 * @csspart search - The search field.
 * @csspart note - The optional note's text box.
 * @csspart error - Why the chat was not transferred, or why it cannot be.
 * @csspart groups - The tabs that browse the address book by group.
 * @csspart group-tab - One tab: All, Agents, Teams or Skills.
 * @csspart results - The matching entries, under one heading per group.
 * @csspart entry - One agent, team or skill.
 * @csspart presence - An agent's availability: a dot and its name.
 * @csspart transfer-button - An entry's Transfer button.
 * @csspart empty - The message shown when nothing matches.
 *
 * @cssprop --cw-transfer-dialog-width - Width of the dialog (default: 520px, narrower on small screens).
 * @cssprop --cw-transfer-dialog-backdrop - Colour over the page behind the dialog.
 * @cssprop --cw-color-surface - Background of the dialog.
 * @cssprop --cw-color-surface-raised - Background of a hovered or focused entry.
 * @cssprop --cw-color-border - Borders and dividers.
 * @cssprop --cw-color-accent - The Transfer buttons and the selected tab.
 * @cssprop --cw-color-danger - The failure message.
 * @cssprop --cw-color-available - The Available dot.
 * @cssprop --cw-color-unavailable - The Unavailable and Offline dots.
 * @cssprop --cw-color-refused - The Refused dot.
 */
export class TransferDialog extends SessionElement {
  static override styles = styles;

  /** The chat to transfer. `show(chatId)` sets it too. */
  @property({ attribute: 'chat-id' }) chatId = '';

  /** Whether the dialog is shown, as a modal. Prefer `show()` and `close()`. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private query = '';
  @state() private group: GroupFilter = 'all';
  @state() private note = '';
  /** The entry whose transfer is on its way; every Transfer button waits meanwhile. */
  @state() private pendingKey?: string;
  @state() private failure = '';

  /** Opens and closes the native dialog, and gives focus back where it was (or near, when that is gone). */
  private readonly modal = new ModalController(this, {
    dialog: () => this.dialog,
    fallbackFocus: () => focusTargetAround(this),
    onClose: () => (this.open = false),
  });

  private readonly view = new SessionController(
    this,
    (session) =>
      session.select((state) => {
        const chat = state.chats.find((candidate) => candidate.id === this.chatId);
        return {
          directory: state.configuration.directory,
          presence: state.presence,
          presenceReasons: state.presenceReasons,
          reasons: state.configuration.unavailableReasons,
          selfId: state.agent.id,
          contactName: chat ? contactName(chat.contact.name) : undefined,
          transferable: chat?.status === 'active',
        };
      }, shallowEqual),
    { dependsOn: () => [this.chatId] },
  );

  constructor() {
    super();
    // Arrows, Home and End move between the group tabs; the tab that takes focus is shown.
    new FocusGroupController<HTMLElement>(this, {
      items: () => Array.from(this.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')),
      direction: 'horizontal',
    });
  }

  /** Opens the dialog, for `chatId` when given; focus goes to the search field. */
  show(chatId?: string): void {
    if (chatId !== undefined) this.chatId = chatId;
    this.open = true;
  }

  /** Closes the dialog; focus returns to where it was before `show()`, or near there when that control is gone. */
  close(): void {
    this.open = false;
  }

  /**
   * Resolves once the dialog has closed and given focus back (the native dialog closes a
   * moment after `close()`), so a host can move focus on from there.
   */
  whenClosed(): Promise<void> {
    // Asked to open but not shown yet: the update that shows it comes first.
    return this.updateComplete.then(() => this.modal.whenClosed());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A note belongs to its chat; kept when the agent closes and reopens the dialog for it.
    if (changed.has('chatId') && changed.get('chatId') !== undefined) this.note = '';
    if (changed.has('open') && this.open) {
      this.query = '';
      this.group = 'all';
      this.failure = '';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!changed.has('open')) return;
    // Focus goes to the search field, the dialog's first field.
    if (this.open) this.modal.open();
    else this.modal.close();
  }

  override render() {
    const view = this.view.value;
    return html`
      <dialog
        part="dialog"
        aria-labelledby="title"
        aria-describedby=${this.open && view?.contactName ? 'subtitle' : nothing}
      >
        ${this.open ? this.renderContent() : nothing}
      </dialog>
    `;
  }

  private renderContent() {
    const view = this.view.value;
    const entries = view ? addressBookEntries(view.directory, view.presence, view.selfId, view.presenceReasons, view.reasons) : [];
    const matches = filterEntries(entries, this.query);
    const visible = this.group === 'all' ? matches : matches.filter((entry) => entry.target.kind === this.group);
    const blocked = view !== undefined && !view.transferable;
    return html`
      <header part="header">
        <div class="heading">
          <h2 id="title" part="title">${msg('Transfer chat')}</h2>
          ${view?.contactName ? html`<p id="subtitle" class="subtitle"><bdi>${msg(str`Chat with ${view.contactName}`)}</bdi></p>` : nothing}
        </div>
        <button part="close-button" class="close" type="button" aria-label=${msg('Close')} @click=${this.close}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div class="fields">
        <label for="search">${msg('Search agents, teams and skills')}</label>
        <input
          id="search"
          part="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-controls="results"
          .value=${live(this.query)}
          @input=${this.onSearchInput}
        />
        <label for="note">${msg('Note (optional)')}</label>
        <textarea
          id="note"
          part="note"
          rows="2"
          aria-describedby="note-hint"
          .value=${live(this.note)}
          @input=${this.onNoteInput}
        ></textarea>
        <p id="note-hint" class="hint">${msg('Whoever picks up the chat sees this note.')}</p>
      </div>
      <div part="error" class="error ${this.failure || blocked ? 'shown' : ''}" role="alert">
        ${this.failure || (blocked ? msg('This chat is no longer in progress and cannot be transferred.') : '')}
      </div>
      <div part="groups" class="groups" role="tablist" aria-label=${msg('Address book')}>
        ${GROUP_FILTERS.map(
          (group) => html`<button
            id="tab-${group}"
            part="group-tab"
            role="tab"
            type="button"
            aria-selected=${group === this.group ? 'true' : 'false'}
            aria-controls="results"
            @click=${() => (this.group = group)}
            @focus=${() => (this.group = group)}
          >
            ${groupLabel(group)}
          </button>`,
        )}
      </div>
      <div id="results" part="results" class="results" role="tabpanel" aria-labelledby="tab-${this.group}">
        ${renderResults(visible, {
          group: this.group,
          query: this.query,
          pendingKey: this.pendingKey,
          blocked,
          onTransfer: (entry) => void this.transferTo(entry),
        })}
      </div>
      <p class="visually-hidden" role="status">${this.query.trim() ? msg(str`Results: ${visible.length}`) : ''}</p>
    `;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private onSearchInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
  }

  private onNoteInput(event: Event): void {
    this.note = (event.target as HTMLTextAreaElement).value;
  }

  /** Sends the chat to an entry unless the host vetoes it; keeps the dialog open with the reason when it fails. */
  private async transferTo(entry: AddressBookEntry): Promise<void> {
    const session = this.session;
    if (!session || this.pendingKey !== undefined || !this.view.value?.transferable) return;
    const chatId = this.chatId;
    const note = this.note.trim() || undefined;
    const detail: TransferRequestedDetail = { chatId, target: entry.target, targetName: entry.name, ...(note ? { note } : {}) };
    const allowed = emit(this, 'transfer-requested', detail);
    if (!allowed) return;
    this.failure = '';
    this.pendingKey = entry.key;
    const result = await session.transferChat(chatId, entry.target, note);
    this.pendingKey = undefined;
    if (result.ok) {
      this.note = '';
      this.close();
      return;
    }
    this.failure = `${msg('The chat could not be transferred.')} ${result.reason}`;
  }
}
