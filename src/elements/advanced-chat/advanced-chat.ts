import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { SessionController } from '../../controllers/session-controller.js';
import { SessionElement } from '../../internal/session-element.js';
import type { CaseInfo } from '../../protocol/types.js';
import { shallowEqual } from '../../session/selectors.js';
import { styles } from './advanced-chat.styles.js';
import { CobrowseViewer } from './cobrowse-viewer.js';


function statusLabel(status: string): string {
  switch (status) {
    case 'open':
      return msg('Open');
    case 'pending':
      return msg('Pending');
    case 'solved':
      return msg('Solved');
    default:
      return status;
  }
}

/**
 * @tagname advanced-chat
 * @summary Advanced chat (R15): the chat's case, and co-browsing with the contact.
 *
 * The advanced chat part of a chat's panel (R15): the "Case" region with the case linked
 * to the chat (id, subject, status, priority, earlier interactions, notes), whose status
 * the agent changes and to which they add notes; and co-browsing: "Co-browse" asks the
 * contact to share their page, which then shows live in the "Co-browse" region (rrweb's
 * replayer, loaded on first use) until "End co-browse". Shown when the configuration
 * enables `advancedChat`.
 *
 * Its host events (`case-updated`, `cobrowse-started`, `cobrowse-ended`) come from the
 * session through `<chat-workspace>`, like every other.
 *
 * @cssprop --cw-case-max-height - The most height the "Case" region takes before it scrolls (14rem).
 *
 * @csspart case - The "Case" region.
 * @csspart cobrowse - The "Co-browse" region.
 */
export class AdvancedChat extends SessionElement {
  static override styles = styles;

  /** The chat this part shows. */
  @property({ attribute: 'chat-id' }) chatId = '';

  @state() private note = '';
  @state() private viewerError = '';
  @query('.viewer') private viewerRoot?: HTMLElement;

  private viewer?: CobrowseViewer;
  private replaying?: string;

  private readonly shown = new SessionController(
    this,
    (session) =>
      session.select(
        (state) => ({
          chat: state.chats.find((chat) => chat.id === this.chatId),
          enabled: state.configuration.advancedChat,
          statuses: state.configuration.caseStatuses,
        }),
        shallowEqual,
      ),
    { dependsOn: () => [this.chatId] },
  );

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopViewer();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const chat = this.shown.value?.chat;
    const sharing = chat?.cobrowse === 'active' && this.shown.value?.enabled ? chat.id : undefined;
    if (sharing !== this.replaying) {
      this.stopViewer();
      if (sharing) void this.startViewer(sharing);
    }
  }

  override render() {
    const value = this.shown.value;
    const chat = value?.chat;
    if (!chat || !value.enabled) return nothing;
    return html`${chat.case ? this.renderCase(chat.case, chat.status === 'active' || chat.status === 'ended') : nothing}
    ${this.renderCobrowse(chat.cobrowse, chat.status === 'active')}`;
  }

  private renderCase(info: CaseInfo, editable: boolean) {
    // The configured statuses, and the case's own when the configuration does not name it.
    const configured = this.shown.value?.statuses ?? [];
    const statuses = configured.includes(info.status) ? configured : [info.status, ...configured];
    return html`<section part="case" role="region" aria-label=${msg('Case')}>
      <h2>${msg('Case')}</h2>
      <dl>
        <dt>${msg('Case ID')}</dt>
        <dd class="case-id">${info.id}</dd>
        <dt>${msg('Subject')}</dt>
        <dd class="case-subject">${info.subject}</dd>
        <dt><label for="status">${msg('Status')}</label></dt>
        <dd>
          <select id="status" .value=${info.status} ?disabled=${!editable} @change=${this.changeStatus}>
            ${statuses.map((status) => html`<option value=${status} ?selected=${status === info.status}>${statusLabel(status)}</option>`)}
          </select>
        </dd>
        ${info.priority ? html`<dt>${msg('Priority')}</dt><dd>${info.priority}</dd>` : nothing}
      </dl>
      ${info.interactions?.length
        ? html`<details>
            <summary>${msg(str`Earlier interactions (${info.interactions.length})`)}</summary>
            <ul>
              ${info.interactions.map(
                (item) => html`<li><time datetime=${new Date(item.at).toISOString()}>${new Date(item.at).toLocaleDateString(this.lang || undefined)}</time>
                  · ${item.channel}: ${item.summary}</li>`,
              )}
            </ul>
          </details>`
        : nothing}
      ${info.notes?.length
        ? html`<ul class="notes" aria-label=${msg('Case notes')}>
            ${info.notes.map((note) => html`<li>${note.text}${note.authorName ? html` <span class="muted">(${note.authorName})</span>` : nothing}</li>`)}
          </ul>`
        : nothing}
      ${editable
        ? html`<div class="row">
            <label for="note" class="muted">${msg('Case note')}</label>
            <textarea id="note" rows="2" .value=${this.note} @input=${(event: Event) => (this.note = (event.target as HTMLTextAreaElement).value)}></textarea>
            <button type="button" ?disabled=${this.note.trim() === ''} @click=${this.addNote}>${msg('Add note')}</button>
          </div>`
        : nothing}
    </section>`;
  }

  private renderCobrowse(status: 'requested' | 'active' | 'declined' | undefined, active: boolean) {
    if (status === 'active') {
      return html`<section part="cobrowse" role="region" aria-label=${msg('Co-browse')}>
        <h2>${msg('Co-browse')}</h2>
        <div class="viewer"></div>
        ${this.viewerError ? html`<p class="muted" role="alert">${this.viewerError}</p>` : nothing}
        <div class="row">
          <button type="button" class="end-cobrowse" @click=${this.endCobrowse}>${msg('End co-browse')}</button>
        </div>
      </section>`;
    }
    if (!active) return nothing;
    return html`<div class="row">
      ${status === 'requested'
        ? html`<p class="muted" role="status">${msg('Waiting for the contact to share their page…')}</p>
            <button type="button" @click=${this.endCobrowse}>${msg('Cancel co-browse')}</button>`
        : html`<button type="button" class="cobrowse" @click=${this.requestCobrowse}>${msg('Co-browse')}</button>
            ${status === 'declined' ? html`<p class="muted" role="status">${msg('The contact declined co-browsing.')}</p>` : nothing}`}
    </div>`;
  }

  private changeStatus = (event: Event): void => {
    const status = (event.target as HTMLSelectElement).value;
    void this.session?.updateCase(this.chatId, { status });
  };

  private addNote = async (): Promise<void> => {
    const note = this.note.trim();
    if (!note || !this.session) return;
    if ((await this.session.updateCase(this.chatId, { note })).ok) this.note = '';
  };

  private requestCobrowse = (): void => {
    void this.session?.requestCobrowse(this.chatId);
  };

  private endCobrowse = (): void => {
    void this.session?.endCobrowse(this.chatId);
  };

  /** Replays the contact's page live in the "Co-browse" region. */
  private async startViewer(chatId: string): Promise<void> {
    this.replaying = chatId;
    this.viewerError = '';
    await this.updateComplete;
    const root = this.viewerRoot;
    const session = this.session;
    if (this.replaying !== chatId || !root || !session) return;
    try {
      const viewer = await CobrowseViewer.open(root, session.cobrowseEvents$(chatId), msg("The contact's page"));
      if (this.replaying === chatId && this.isConnected) this.viewer = viewer;
      else viewer.close();
    } catch {
      if (this.replaying === chatId) this.viewerError = msg('The co-browse viewer could not load.');
    }
  }

  private stopViewer(): void {
    this.viewer?.close();
    this.viewer = undefined;
    this.replaying = undefined;
  }
}
