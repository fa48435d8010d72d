import { msg } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { DispositionRecord } from '../../protocol/types.js';
import { SessionController } from '../../controllers/session-controller.js';
import { consume } from '@lit/context';
import { dispatchChange, emit } from '../../events/workspace-events.js';
import { workspaceRelayContext } from '../../session/session-context.js';
import { SessionElement } from '../../internal/session-element.js';
import { selectWork, shallowEqual } from '../../session/selectors.js';
import { styles } from './disposition-form.styles.js';
import { renderDeadline } from './wrap-up-deadline.js';
import { renderWrapUpFields, type WrapUpFieldHandlers } from './wrap-up-fields.js';
import { renderUnsentWarning, unsentMessages } from './unsent-warning.js';
import {
  emptyWrapUp,
  isMissingDisposition,
  missingDispositionMessage,
  recordOf,
  toggleTag,
  type WrapUpView,
} from './wrap-up.js';

/**
 * @tagname disposition-form
 * @summary After-contact work (R7, R11): the disposition and tags the administrator
 * configured, notes, then "Save and close", which records them and closes the chat's tab.
 * Shown only for a chat that has ended; it renders nothing for an active one.
 *
 * What the agent chooses and types is kept in the session (`WorkspaceState.work`), so it
 * survives tab switches and the element being rendered for another chat.
 *
 * When the platform limits after-contact work (`acwTimeoutMs`), a countdown shows the
 * time left, read from the chat's deadline, with "Extend" to ask for more; when it runs
 * out the platform closes the chat with the default disposition (the workspace fires
 * `wrap-up-expired`), or, while a disposition is required, the form says the time is up.
 *
 * The element is form-associated: inside a host page's `<form>`, with a `name`, it
 * submits the record as JSON (`{"code":"resolved","tags":["vip"],"notes":"…"}`) under
 * that name; it is invalid (`valueMissing`) while configuration requires a disposition
 * and none is chosen; `form.reset()` clears it; a disabled `<fieldset>` disables it.
 *
 * @fires {DispositionSavedEvent} disposition-saved - The platform recorded the record and closed the chat. `detail`: `DispositionSavedDetail`.
 * @fires {Event} change - The agent changed the disposition, a tag or the notes (bubbles, like a native control's).
 *
 * @csspart base - The frame around the form.
 * @csspart disposition - The disposition drop-down.
 * @csspart tags - The group of tag checkboxes.
 * @csspart tag - One tag checkbox.
 * @csspart notes - The notes text box.
 * @csspart error - An inline error message.
 * @csspart save - The "Save and close" button.
 * @csspart unsent - The question asked before closing a chat with messages the contact never got.
 * @csspart deadline - The time left for after-contact work and the "Extend" button; `data-urgency="urgent"` in its last 30 seconds.
 * @csspart countdown - The time left (`role="timer"`).
 * @csspart extend - The "Extend" button.
 * @csspart deadline-outcome - What happens when time runs out.
 *
 * @cssprop --cw-disposition-gap - Space between the form's fields.
 */
export class DispositionForm extends SessionElement {
  static override styles = styles;
  /** Lets the element take part in a host page's form. */
  static formAssociated = true;

  /** Whether a `<chat-workspace>` around this form tells the host page what happens. */
  @consume({ context: workspaceRelayContext })
  private inWorkspace = false;

  /** The node this form was placed in, to tell the page from there once the form is gone. */
  private placedIn?: Node;
  /** Focusing the element focuses its first control. */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The chat whose after-contact work this form records. */
  @property({ attribute: 'chat-id' }) chatId = '';

  /**
   * The name the record is submitted under in a host form. Reflected, unlike other
   * strings, because form submission reads the `name` attribute.
   */
  @property({ reflect: true }) name = '';

  /** Disables every control and leaves the element out of form submission and validation. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Disabled by an enclosing disabled `<fieldset>`. */
  @state() private disabledByForm = false;
  /** The chat whose missing disposition is being pointed out. */
  @state() private missingShownFor?: string;
  /** The chat the platform refused to close. */
  @state() private failedFor?: string;
  /** The chat whose unsent messages the agent is asked about before closing. */
  @state() private confirmingFor?: string;
  @state() private saving = false;
  @state() private extending = false;

  @query('#disposition') private dispositionSelect?: HTMLSelectElement | null;

  private readonly internals: ElementInternals;

  private readonly shown = new SessionController<WrapUpView>(
    this,
    (session) =>
      session.select(
        (workspace) => ({
          chat: workspace.chats.find((chat) => chat.id === this.chatId),
          wrapUp: selectWork(workspace, this.chatId).wrapUp,
          dispositions: workspace.configuration.dispositions,
          dispositionRequired: workspace.configuration.dispositionRequired,
          defaultDisposition: workspace.configuration.defaultDisposition,
          tags: workspace.configuration.tags,
        }),
        shallowEqual,
      ),
    { dependsOn: () => [this.chatId] },
  );

  override connectedCallback(): void {
    super.connectedCallback();
    this.placedIn = this.parentNode ?? undefined;
  }

  constructor() {
    super();
    this.internals = this.attachInternals();
    // A host form's reportValidity() or submit reached an empty required disposition.
    this.addEventListener('invalid', () => {
      if (this.chatId) this.missingShownFor = this.chatId;
    });
  }

  /** The record "Save and close" would send now; `undefined` unless the chat is in after-contact work. */
  get value(): DispositionRecord | undefined {
    const view = this.shown.value;
    return view?.chat?.status === 'ended' ? recordOf(view.wrapUp, view) : undefined;
  }

  /** The host form, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The form validity of the element: `valueMissing` while a required disposition is missing. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** Why the element is invalid, in the UI language; empty when valid. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether a host form validates this element. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Checks validity; on failure fires `invalid`, which also points the problem out inline. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Checks validity and shows the problem to the agent. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /**
   * Records the disposition, tags and notes and closes the chat: what "Save and close"
   * does. While some of the agent's messages were not sent, it asks first and resolves
   * `false`; `{ discardUnsent: true }` is the agent's "Save and close anyway".
   */
  async save(options: { discardUnsent?: boolean } = {}): Promise<boolean> {
    const view = this.shown.value;
    const chat = view?.chat;
    const session = this.session;
    if (!view || !chat || chat.status !== 'ended' || !session || this.saving || this.isDisabled) return false;
    if (isMissingDisposition(view.wrapUp, view)) {
      this.missingShownFor = chat.id;
      await this.updateComplete;
      this.dispositionSelect?.focus();
      return false;
    }
    if (!options.discardUnsent && unsentMessages(chat).length > 0) {
      this.confirmingFor = chat.id;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.unsent button')?.focus();
      return false;
    }
    this.confirmingFor = undefined;
    const disposition = recordOf(view.wrapUp, view);
    this.saving = true;
    this.failedFor = undefined;
    const closed = await session.closeChat(chat.id, disposition);
    this.saving = false;
    if (!closed.ok) {
      this.failedFor = chat.id;
      return false;
    }
    // Inside a workspace, the workspace says it (from the session's events$). Alone, the
    // form does; closing may have taken it out of the page meanwhile, so from where it was.
    if (!this.inWorkspace) emit(this.isConnected ? this : (this.placedIn ?? this), 'disposition-saved', { chatId: chat.id, disposition });
    return true;
  }

  /**
   * Focuses the first field of the after-contact work (the disposition, a tag or the
   * notes), not "Extend" that comes first: what the agent does next is wrap up.
   */
  override focus(options?: FocusOptions): void {
    const field = this.renderRoot.querySelector<HTMLElement>('select, input, textarea');
    if (field) field.focus(options);
    else super.focus(options);
  }

  /** Called by the host form's `reset()`: forgets what was chosen and typed. */
  formResetCallback(): void {
    if (this.chatId) this.session?.setWrapUp(this.chatId, emptyWrapUp());
    this.missingShownFor = undefined;
  }

  /** Called when an enclosing `<fieldset>` (or the element's own attribute) disables or enables it. */
  formDisabledCallback(disabled: boolean): void {
    this.disabledByForm = disabled;
  }

  override render() {
    const view = this.shown.value;
    const chat = view?.chat;
    if (!view || !chat || chat.status !== 'ended') return nothing;
    const record = recordOf(view.wrapUp, view);
    const disabled = this.isDisabled;
    const showMissing = this.missingShownFor === chat.id && isMissingDisposition(view.wrapUp, view);
    return html`
      <div part="base" class="wrap-up" role="group" aria-labelledby="title">
        <div class="head">
          <p id="title" class="title">${msg('After-contact work')}</p>
          ${this.session
            ? renderDeadline(chat, view, { clock: this.session.clock$, extend: this.onExtendClick, disabled, busy: this.extending })
            : nothing}
        </div>
        ${renderWrapUpFields(view, record, { disabled, showMissing }, this.fieldHandlers)}
        ${this.failedFor === chat.id
          ? html`<p part="error" class="error" role="alert">${msg('The disposition could not be saved. Try again.')}</p>`
          : nothing}
        ${this.confirmingFor === chat.id ? renderUnsentWarning(chat, { keep: this.keepChat, discard: this.discardAndSave }) : nothing}
        <div class="actions">
          <button part="save" class="primary" type="button" ?disabled=${disabled} @click=${this.onSaveClick}>
            ${msg('Save and close')}
          </button>
        </div>
      </div>
    `;
  }

  /** What the fields call as the agent chooses and types. */
  private readonly fieldHandlers: WrapUpFieldHandlers = {
    dispositionChanged: (event) => this.onDispositionChange(event),
    tagChanged: (event) => this.onTagChange(event),
    notesInput: (event) => this.onNotesInput(event),
    notesChanged: () => this.relayChange(),
  };

  private readonly keepChat = (): void => {
    this.confirmingFor = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="save"]')?.focus());
  };

  private readonly discardAndSave = (): void => void this.save({ discardUnsent: true });

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncFormState();
  }

  private get isDisabled(): boolean {
    return this.disabled || this.disabledByForm;
  }

  /** Keeps the host form's view of the element (value and validity) in step with the session. */
  private syncFormState(): void {
    const view = this.shown.value;
    const chat = view?.chat;
    if (!view || !chat || chat.status !== 'ended') {
      this.internals.setFormValue(null);
      this.internals.setValidity({});
      return;
    }
    this.internals.setFormValue(JSON.stringify(recordOf(view.wrapUp, view)));
    if (isMissingDisposition(view.wrapUp, view)) {
      this.internals.setValidity({ valueMissing: true }, missingDispositionMessage(), this.dispositionSelect ?? undefined);
    } else {
      this.internals.setValidity({});
    }
  }

  private updateWrapUp(change: Partial<DispositionRecord>): void {
    const view = this.shown.value;
    if (view?.chat) this.session?.setWrapUp(view.chat.id, { ...view.wrapUp, ...change });
  }

  private onDispositionChange(event: Event): void {
    this.updateWrapUp({ code: (event.target as HTMLSelectElement).value });
    this.relayChange();
  }

  private onTagChange(event: Event): void {
    const box = event.target as HTMLInputElement;
    this.updateWrapUp({ tags: toggleTag(this.shown.value?.wrapUp.tags ?? [], box.value, box.checked) });
    this.relayChange();
  }

  private onNotesInput(event: Event): void {
    this.updateWrapUp({ notes: (event.target as HTMLTextAreaElement).value });
  }

  /** `change` does not cross the shadow boundary; a form control's host page expects it. */
  private relayChange(): void {
    dispatchChange(this);
  }

  private onSaveClick(): void {
    void this.save();
  }

  /** More time for after-contact work; a refusal is in the session's errors, shown by the workspace. */
  private readonly onExtendClick = async (): Promise<void> => {
    const chatId = this.shown.value?.chat?.id;
    if (!chatId || !this.session || this.extending) return;
    this.extending = true;
    await this.session.extendWrapUp(chatId);
    this.extending = false;
  };
}
