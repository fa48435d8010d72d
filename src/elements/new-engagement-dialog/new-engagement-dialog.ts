import { msg } from '@lit/localize';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ModalController, focusTargetAround } from '../../controllers/modal-controller.js';
import { SessionController } from '../../controllers/session-controller.js';
import { consume } from '@lit/context';
import { emit } from '../../events/workspace-events.js';
import { workspaceRelayContext } from '../../session/session-context.js';
import { SessionElement } from '../../internal/session-element.js';
import {
  draftFor,
  effectiveChannel,
  requestFromDraft,
  toLocalInputValue,
  type DraftError,
  type EngagementDraft,
} from './engagement-draft.js';
import { styles } from './new-engagement-dialog.styles.js';

/**
 * @tagname new-engagement-dialog
 * @summary "New engagement" (R5): a modal dialog for a follow-up contact, now or at a
 * scheduled time, with the current chat's contact pre-filled and the channels from
 * configuration. Submitting asks the platform to create it; on success the dialog fires
 * `engagement-created` and closes.
 *
 * A native modal `<dialog>`: focus stays inside while it is open, Escape or Cancel closes
 * it, and focus returns to the control that opened it.
 *
 * @fires {EngagementCreatedEvent} engagement-created - The platform took the engagement. `detail`: `EngagementCreatedDetail`.
 *
 * @csspart dialog - The `<dialog>` element.
 * @csspart form - The form inside the dialog.
 * @csspart title - The dialog's heading.
 * @csspart contact-name - The contact's name field.
 * @csspart contact-email - The contact's email field.
 * @csspart contact-phone - The contact's phone field.
 * @csspart channel - The channel drop-down.
 * @csspart close-button - The × that closes the dialog, as Cancel and Escape do.
 * @csspart scheduled-at - The date and time field, shown for "Later".
 * @csspart note - The note text box.
 * @csspart error - An inline error message.
 * @csspart cancel - The Cancel button.
 * @csspart submit - The "Create engagement" button.
 *
 * @cssprop --cw-dialog-width - Width of the dialog (30rem by default; never wider than the viewport).
 * @cssprop --cw-dialog-backdrop - Colour laid over the page behind the dialog.
 */
export class NewEngagementDialog extends SessionElement {
  /** Whether a `<chat-workspace>` around this dialog tells the host page what happens. */
  @consume({ context: workspaceRelayContext })
  private inWorkspace = false;

  static override styles = styles;

  /** Whether the dialog is shown. Setting it opens or closes the dialog, as `show()` and `close()` do. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The chat the engagement follows up; its contact is pre-filled. `show(chatId)` sets it. */
  @property({ attribute: 'chat-id' }) chatId = '';

  @state() private draft: EngagementDraft = draftFor(undefined, []);
  @state() private errors: readonly DraftError[] = [];
  @state() private failed = false;
  @state() private submitting = false;

  @query('dialog') private dialog?: HTMLDialogElement | null;

  /** The fields were filled in for the current opening. */
  private prepared = false;

  /** Opens and closes the native dialog, and gives focus back to the control that opened it (or near, when that is gone). */
  private readonly modal = new ModalController(this, {
    dialog: () => this.dialog,
    fallbackFocus: () => focusTargetAround(this),
    onClose: () => {
      this.open = false;
      this.prepared = false;
    },
  });

  private readonly channels = new SessionController(this, (session) =>
    session.select((workspace) => workspace.configuration.engagementChannels),
  );

  /** Opens the dialog for a chat (or none), with its contact pre-filled. */
  show(chatId?: string): void {
    if (chatId !== undefined) this.chatId = chatId;
    this.prepare();
    this.open = true;
  }

  /** Closes the dialog without creating anything. */
  close(): void {
    this.open = false;
  }

  override render() {
    const channels = this.channels.value ?? [];
    const draft = this.draft;
    const channel = effectiveChannel(draft.channel, channels);
    const nameError = this.errorFor('contact-name');
    const timeError = this.errorFor('scheduled-at');
    return html`
      <dialog part="dialog" aria-labelledby="title">
        <form part="form" novalidate @submit=${this.onSubmit}>
          <header class="head">
            <h2 id="title" part="title">${msg('New engagement')}</h2>
            <button part="close-button" class="close" type="button" aria-label=${msg('Close')} @click=${this.close}>
              <span aria-hidden="true">×</span>
            </button>
          </header>
          ${this.renderContact(draft, nameError)}
          ${this.renderChannel(channels, channel)}
          ${this.renderTiming(draft, timeError)}
          <div class="field">
            <label for="note">${msg('Note')}</label>
            <textarea
              id="note"
              part="note"
              rows="3"
              .value=${live(draft.note)}
              @input=${(event: Event) => this.edit({ note: valueOf(event) })}
            ></textarea>
          </div>
          ${this.failed
            ? html`<p part="error" class="error" role="alert">${msg('The engagement could not be created. Try again.')}</p>`
            : nothing}
          <div class="actions">
            <button part="cancel" type="button" @click=${this.close}>${msg('Cancel')}</button>
            <button part="submit" class="primary" type="submit" ?disabled=${channels.length === 0 || this.submitting}>
              ${msg('Create engagement')}
            </button>
          </div>
        </form>
      </dialog>
    `;
  }

  private renderContact(draft: EngagementDraft, nameError: string | undefined) {
    return html`<fieldset>
    <legend>${msg('Contact')}</legend>
    <div class="field">
      <label for="contact-name">${msg('Name')}</label>
      <input
        id="contact-name"
        part="contact-name"
        autocomplete="off"
        required
        autofocus
        aria-invalid=${nameError ? 'true' : nothing}
        aria-describedby=${nameError ? 'contact-name-error' : nothing}
        .value=${live(draft.name)}
        @input=${(event: Event) => this.edit({ name: valueOf(event) })}
      />
      ${nameError ? html`<p id="contact-name-error" part="error" class="error">${nameError}</p>` : nothing}
    </div>
    <div class="field">
      <label for="contact-email">${msg('Email')}</label>
      <input
        id="contact-email"
        part="contact-email"
        type="email"
        autocomplete="off"
        .value=${live(draft.email)}
        @input=${(event: Event) => this.edit({ email: valueOf(event) })}
      />
    </div>
    <div class="field">
      <label for="contact-phone">${msg('Phone')}</label>
      <input
        id="contact-phone"
        part="contact-phone"
        type="tel"
        autocomplete="off"
        .value=${live(draft.phone)}
        @input=${(event: Event) => this.edit({ phone: valueOf(event) })}
      />
    </div>
  </fieldset>`;
  }

  private renderChannel(channels: readonly string[], channel: string) {
    return html`<div class="field">
    <label for="channel">${msg('Channel')}</label>
    <select
      id="channel"
      part="channel"
      ?disabled=${channels.length === 0}
      aria-describedby=${channels.length === 0 ? 'channel-error' : nothing}
      @change=${(event: Event) => this.edit({ channel: valueOf(event) })}
    >
      ${channels.map((option) => html`<option value=${option} .selected=${option === channel}>${channelLabel(option)}</option>`)}
    </select>
    ${channels.length === 0
      ? html`<p id="channel-error" part="error" class="error">${msg('No channel is configured for new engagements.')}</p>`
      : nothing}
  </div>`;
  }

  private renderTiming(draft: EngagementDraft, timeError: string | undefined) {
    return html`<fieldset>
    <legend>${msg('When')}</legend>
    <div class="choices">
      <label class="choice">
        <input
          type="radio"
          name="timing"
          value="now"
          .checked=${live(draft.timing === 'now')}
          @change=${() => this.edit({ timing: 'now' })}
        />${msg('Now')}
      </label>
      <label class="choice">
        <input
          type="radio"
          name="timing"
          value="later"
          .checked=${live(draft.timing === 'later')}
          @change=${() => this.edit({ timing: 'later' })}
        />${msg('Later')}
      </label>
    </div>
    ${draft.timing === 'later'
      ? html`<div class="field">
          <label for="scheduled-at">${msg('Date and time')}</label>
          <input
            id="scheduled-at"
            part="scheduled-at"
            type="datetime-local"
            required
            min=${toLocalInputValue(this.session?.now ?? Date.now())}
            aria-invalid=${timeError ? 'true' : nothing}
            aria-describedby=${timeError ? 'scheduled-at-error' : nothing}
            .value=${live(draft.scheduledFor)}
            @input=${(event: Event) => this.edit({ scheduledFor: valueOf(event) })}
          />
          ${timeError ? html`<p id="scheduled-at-error" part="error" class="error">${timeError}</p>` : nothing}
        </div>`
      : nothing}
  </fieldset>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Opened through the attribute or property rather than show(): start from the contact too.
    if (changed.has('open') && this.open && !this.prepared) this.prepare();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!changed.has('open')) return;
    // Focus goes to the contact's name, the dialog's first field.
    if (this.open) this.modal.open();
    else this.modal.close();
  }

  private prepare(): void {
    const contact = this.session?.state.chats.find((chat) => chat.id === this.chatId)?.contact;
    this.draft = draftFor(contact, this.channels.value ?? []);
    this.errors = [];
    this.failed = false;
    this.prepared = true;
  }

  private edit(change: Partial<EngagementDraft>): void {
    this.draft = { ...this.draft, ...change };
    // A fixed field stops being pointed out; the others keep their message until the next submit.
    if (change.name !== undefined) this.errors = this.errors.filter((error) => error.field !== 'contact-name');
    if (change.scheduledFor !== undefined || change.timing !== undefined) {
      this.errors = this.errors.filter((error) => error.field !== 'scheduled-at');
    }
  }

  private errorFor(field: DraftError['field']): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const session = this.session;
    if (!session || this.submitting) return;
    const channels = this.channels.value ?? [];
    const { errors, request } = requestFromDraft(this.draft, { chatId: this.chatId, channels, now: session.now });
    this.errors = errors;
    const [first] = errors;
    if (first) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${first.field}`)?.focus();
      return;
    }
    if (!request) return;
    this.submitting = true;
    this.failed = false;
    const created = await session.createEngagement(request);
    this.submitting = false;
    if (!created.ok) {
      this.failed = true;
      return;
    }
    // Inside a workspace, the workspace says it (from the session's events$); alone, the dialog does.
    if (!this.inWorkspace) emit(this, 'engagement-created', request);
    this.close();
  }

}

function valueOf(event: Event): string {
  return (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;
}

/** A channel's name for the agent; a code the workspace does not know shows as configured. */
function channelLabel(channel: string): string {
  switch (channel) {
    case 'chat':
      return msg('Chat');
    case 'email':
      return msg('Email');
    case 'phone':
      return msg('Phone call');
    case 'sms':
      return msg('Text message');
    default:
      return channel;
  }
}
