import { msg } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ParsedKeyCombo, ShortcutBindingInForce } from '../../controllers/shortcuts-controller.js';
import { ModalController, focusTargetAround } from '../../controllers/modal-controller.js';
import { shortcutDescription, type WorkspaceShortcutAction } from './workspace-shortcuts.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** `navigator.keyboard` (Chromium): what each key types on the reader's layout. */
interface KeyboardLayoutSource {
  getLayoutMap(): Promise<ReadonlyMap<string, string>>;
}

const isMac = () => /mac/i.test((navigator as { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform);

/** The focused element, inside shadow roots too: `document.activeElement` stops at the first host. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

/**
 * The keys of a combination as the reader's keyboard shows them: the modifiers named for
 * the platform (Option on macOS), the key as the layout labels it when the browser can tell
 * (the letter on a French AZERTY key differs from its position's US name), else its name.
 */
export function comboKeys(combo: ParsedKeyCombo, layout?: ReadonlyMap<string, string>): string[] {
  const mac = isMac();
  const keys: string[] = [];
  if (combo.ctrl) keys.push(mac ? 'Control' : 'Ctrl');
  if (combo.alt) keys.push(mac ? 'Option' : 'Alt');
  if (combo.shift) keys.push(msg('Shift'));
  if (combo.meta) keys.push(mac ? 'Cmd' : 'Meta');
  const typed = layout?.get(combo.code)?.trim();
  keys.push(typed ? typed.toUpperCase() : combo.code.replace(/^(Key|Digit)(?=.$)/, ''));
  return keys;
}

/**
 * The keyboard-shortcut help of the workspace: a modal dialog listing the shortcuts in
 * force. Focus moves into it; Escape or Close shuts it and focus goes back where it was.
 */
export class ShortcutHelp implements ReactiveController {
  /** Whether the help is shown. */
  open = false;
  private layout?: ReadonlyMap<string, string>;
  /** Opens the dialog, focuses Close, and gives focus back on closing (the dialogs' one mechanism). */
  private readonly modal: ModalController;

  constructor(private readonly host: Host) {
    host.addController(this);
    this.modal = new ModalController(host, {
      dialog: () => this.dialog,
      initialFocus: () => this.dialog?.querySelector<HTMLElement>('button.close'),
      fallbackFocus: () => focusTargetAround(host),
      onClose: () => {
        this.open = false;
        this.host.requestUpdate();
      },
    });
  }

  hostDisconnected(): void {
    this.open = false;
  }

  async show(): Promise<void> {
    if (this.open) return;
    // Where focus was before the help renders: the element to give it back to.
    const opener = deepActiveElement();
    this.open = true;
    this.host.requestUpdate();
    void this.readLayout();
    await this.host.updateComplete;
    this.modal.open(opener);
  }

  close(): void {
    this.modal.close();
  }

  /** The header's "Keyboard shortcuts" button, when any shortcut is in force; `help` is the combination that opens it. */
  renderButton(help: string | undefined, anyInForce: boolean) {
    if (!anyInForce) return nothing;
    return html`<button
      part="shortcuts-button"
      class="shortcuts-button"
      type="button"
      aria-label=${msg('Keyboard shortcuts')}
      title=${help ? `${msg('Keyboard shortcuts')} (${help})` : msg('Keyboard shortcuts')}
      aria-keyshortcuts=${help ?? nothing}
      aria-haspopup="dialog"
      @click=${() => void this.show()}
    >
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
        <rect x="1.5" y="4.5" width="17" height="11" rx="2" fill="none" stroke="currentColor" stroke-width="1.5" />
        <path d="M5 8h1M9.5 8h1M14 8h1M5 12h10" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
      </svg>
    </button>`;
  }

  toggle(): void {
    if (this.open) this.close();
    else void this.show();
  }

  render(bindings: readonly ShortcutBindingInForce<WorkspaceShortcutAction>[]) {
    return html`<dialog part="shortcut-help" class="shortcut-help" aria-labelledby="shortcut-help-title">
      ${this.open ? this.renderContent(bindings) : nothing}
    </dialog>`;
  }

  private renderContent(bindings: readonly ShortcutBindingInForce<WorkspaceShortcutAction>[]) {
    return html`
      <div class="help-head">
        <h2 id="shortcut-help-title">${msg('Keyboard shortcuts')}</h2>
        <button class="close" type="button" aria-label=${msg('Close')} @click=${() => this.close()}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      ${bindings.length === 0
        ? html`<p>${msg('No keyboard shortcut is turned on.')}</p>`
        : html`<p class="intro">${msg('They work while the focus is anywhere in the workspace.')}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">${msg('Action')}</th>
                  <th scope="col">${msg('Keys')}</th>
                </tr>
              </thead>
              <tbody>
                ${bindings.map(
                  ({ action, combo }) => html`<tr>
                    <td>${shortcutDescription(action)}</td>
                    <td class="keys">${comboKeys(combo, this.layout).map((key, index) => html`${index > 0 ? '+' : ''}<kbd>${key}</kbd>`)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`}
    `;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog[part~="shortcut-help"]');
  }

  private async readLayout(): Promise<void> {
    const keyboard = (navigator as { keyboard?: KeyboardLayoutSource }).keyboard;
    if (this.layout || !keyboard?.getLayoutMap) return;
    try {
      this.layout = await keyboard.getLayoutMap();
      this.host.requestUpdate();
    } catch {
      // Not in a frame, or not allowed: the keys keep their US names.
    }
  }
}
