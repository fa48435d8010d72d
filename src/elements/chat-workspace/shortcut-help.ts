import { msg } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ShortcutBindingInForce } from '../../controllers/shortcuts-controller.js';
import type { OnDemandElements } from './on-demand.js';
import type { ShortcutHelpDialog } from './shortcut-help-dialog.js';
import type { WorkspaceShortcutAction } from './workspace-shortcuts.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** The focused element, inside shadow roots too: `document.activeElement` stops at the first host. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

/**
 * The keyboard-shortcut help of the workspace: its header button, and a modal dialog
 * listing the shortcuts in force (shortcut-help-dialog.ts, loaded the first time it opens).
 * Focus moves into it once it shows; Escape or Close shuts it and focus goes back where it was.
 */
export class ShortcutHelp implements ReactiveController {
  /** Whether the help is shown, or asked for while its dialog loads. */
  open = false;
  private dialog?: ShortcutHelpDialog;

  /** `onDemand` loads the dialog: the host's `updateComplete` waits until it is open. */
  constructor(
    private readonly host: Host,
    private readonly onDemand: OnDemandElements,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.open = false;
  }

  /** Opens the help; resolves once it is open (or could not load). */
  show(): Promise<void> {
    if (this.open) return Promise.resolve();
    // Where focus was before the help renders: the element to give it back to.
    const opener = deepActiveElement();
    this.open = true;
    const opening = this.openDialog(opener);
    this.onDemand.track(opening);
    return opening;
  }

  close(): void {
    // Closed before its dialog loaded: it does not open.
    if (this.dialog) this.dialog.close();
    else this.open = false;
  }

  toggle(): void {
    if (this.open) this.close();
    else void this.show();
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

  /** The dialog, once loaded (closed until opened). */
  render(bindings: readonly ShortcutBindingInForce<WorkspaceShortcutAction>[]) {
    return this.dialog ? this.dialog.render(this.open, bindings) : nothing;
  }

  /** Loads the dialog the first time, renders it open, then shows it: focus stays where it was until then. */
  private async openDialog(opener: HTMLElement | undefined): Promise<void> {
    try {
      this.dialog ??= await this.loadDialog();
    } catch {
      // Not loaded (the network): nothing opens, and the button or key can try again.
      this.open = false;
      return;
    }
    if (!this.open) return;
    this.host.requestUpdate();
    // The render under way, not the host's updateComplete: that one waits for this.
    await this.onDemand.rendered();
    if (this.open) this.dialog.show(opener);
  }

  private async loadDialog(): Promise<ShortcutHelpDialog> {
    const { ShortcutHelpDialog } = await import('./shortcut-help-dialog.js');
    return new ShortcutHelpDialog(this.host, () => {
      this.open = false;
      this.host.requestUpdate();
    });
  }
}
