import { msg } from '@lit/localize';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { ParsedKeyCombo, ShortcutBindingInForce } from '../../controllers/shortcuts-controller.js';
import { ModalController, focusTargetAround } from '../../controllers/modal-controller.js';
import { adoptLaterStyles } from './on-demand.js';
import { shortcutHelpDialogStyles } from './shortcut-help.styles.js';
import type { WorkspaceShortcutAction } from './workspace-shortcuts.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** `navigator.keyboard` (Chromium): what each key types on the reader's layout. */
interface KeyboardLayoutSource {
  getLayoutMap(): Promise<ReadonlyMap<string, string>>;
}

const isMac = () => /mac/i.test((navigator as { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform);

/** What an action does, as the help overlay says it. */
export function shortcutDescription(action: WorkspaceShortcutAction): string {
  switch (action) {
    case 'acceptOffer':
      return msg('Accept the oldest chat offer');
    case 'rejectOffer':
      return msg('Reject the oldest chat offer');
    case 'nextChat':
      return msg('Next chat');
    case 'previousChat':
      return msg('Previous chat');
    case 'focusComposer':
      return msg('Go to the message box');
    case 'quickReplies':
      return msg('Open the quick replies');
    case 'transfer':
      return msg('Transfer the chat');
    case 'endChat':
      return msg('End chat (press twice to confirm)');
    case 'help':
      return msg('Show or hide the keyboard shortcuts');
  }
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
 * The keyboard-shortcut help's dialog, loaded the first time the agent opens it
 * (shortcut-help.ts keeps whether it is open): a modal listing the shortcuts in force,
 * with its styles. Focus moves into it; Escape or Close shuts it and focus goes back.
 */
export class ShortcutHelpDialog {
  private layout?: ReadonlyMap<string, string>;
  /** Opens the dialog, focuses Close, and gives focus back on closing (the dialogs' one mechanism). */
  private readonly modal: ModalController;

  /** `onClose`: the dialog closed, however it was closed. */
  constructor(
    private readonly host: Host,
    onClose: () => void,
  ) {
    adoptLaterStyles(host.renderRoot, shortcutHelpDialogStyles);
    this.modal = new ModalController(host, {
      dialog: () => this.dialog,
      initialFocus: () => this.dialog?.querySelector<HTMLElement>('button.close'),
      fallbackFocus: () => focusTargetAround(host),
      onClose,
    });
  }

  /** Shows the rendered dialog; focus goes back to `opener` on closing. */
  show(opener: HTMLElement | undefined): void {
    void this.readLayout();
    this.modal.open(opener);
  }

  close(): void {
    this.modal.close();
  }

  render(open: boolean, bindings: readonly ShortcutBindingInForce<WorkspaceShortcutAction>[]) {
    return html`<dialog part="shortcut-help" class="shortcut-help" aria-labelledby="shortcut-help-title">
      ${open ? this.renderContent(bindings) : nothing}
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
