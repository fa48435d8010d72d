import { msg } from '@lit/localize';
import { html, type ReactiveControllerHost } from 'lit';
import { assistStyles } from './assist.styles.js';
import { adoptLaterStyles } from './on-demand.js';

interface AssistHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The "Agent assist" panel of the workspace (R16): its header button, and the panel, a
 * column beside the chat or, in a narrow workspace, an overlay over it.
 *
 * A chat accepted shows the panel again. As an overlay it covers the conversation, so
 * the agent's "no" sticks there: once they close the overlay, accepted chats no longer
 * open it (the button does). An overlay closes on Escape and on a press outside it, and
 * gives focus back where the agent works: the button that opened it, or the composer
 * when a chat accepted opened it. Loaded with its styles only when the configuration has
 * assist apps.
 */
export class AssistController {
  /** Whether the panel is shown. */
  open = true;
  /** The agent closed the panel while it covered the chat: accepted chats do not reopen it. */
  private overlayDeclined = false;
  /** What gets focus when the overlay closes. */
  private returnFocusTo: 'button' | 'composer' = 'button';

  constructor(private readonly host: AssistHost) {
    adoptLaterStyles(host.renderRoot, assistStyles);
  }

  /**
   * A chat was accepted: shows the panel, unless it would cover the chat against the
   * agent's earlier choice. Answers whether it now covers the chat (focus goes into it then).
   */
  chatAccepted(overlays: boolean): boolean {
    if (overlays && this.overlayDeclined) return false;
    this.set(true);
    this.returnFocusTo = 'composer';
    return overlays;
  }

  /** The header button: shows the panel, or hides it. */
  toggle(): void {
    if (this.open && this.overlays) this.overlayDeclined = true;
    if (!this.open) {
      this.overlayDeclined = false;
      this.returnFocusTo = 'button';
    }
    this.set(!this.open);
  }

  /** The panel's first control (its selected app's tab), once the panel has rendered. */
  async focusTarget(): Promise<HTMLElement | undefined> {
    await this.host.updateComplete;
    const panel = this.host.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('assist-panel');
    await panel?.updateComplete;
    return panel?.shadowRoot?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"], button') ?? undefined;
  }

  renderButton() {
    return html`<button
      part="assist-button"
      class="assist-button"
      type="button"
      aria-expanded=${this.open ? 'true' : 'false'}
      aria-controls="assist"
      @click=${() => this.toggle()}
    >
      ${msg('Agent assist')}
    </button>`;
  }

  render(chatId: string, overlay: boolean) {
    return html`<aside
      part="assist"
      id="assist"
      class="assist ${overlay ? 'overlay' : ''}"
      aria-label=${msg('Agent assist')}
      ?hidden=${!this.open}
      @keydown=${overlay ? this.closeOnEscape : undefined}
    >
      <assist-panel chat-id=${chatId} ?open=${this.open}></assist-panel>
    </aside>`;
  }

  /**
   * For the workspace's body: a press outside an open overlay closes it (the agent went
   * back to the chat), and focus stays where they pressed.
   */
  readonly pressOutside = (event: PointerEvent): void => {
    const overlay = this.host.renderRoot.querySelector('.assist.overlay');
    if (!this.open || !overlay || event.composedPath().includes(overlay)) return;
    this.overlayDeclined = true;
    this.set(false);
  };

  private readonly closeOnEscape = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.overlayDeclined = true;
    this.set(false);
    const target = this.returnFocusTo === 'composer' ? 'chat-composer' : '.assist-button';
    void this.host.updateComplete.then(() => {
      const root = this.host.renderRoot;
      (root.querySelector<HTMLElement>(target) ?? root.querySelector<HTMLElement>('.assist-button'))?.focus();
    });
  };

  /** Whether the panel is an overlay now (its rendered class). */
  private get overlays(): boolean {
    return Boolean(this.host.renderRoot.querySelector('.assist.overlay'));
  }

  private set(open: boolean): void {
    if (this.open === open) return;
    this.open = open;
    this.host.requestUpdate();
  }
}
