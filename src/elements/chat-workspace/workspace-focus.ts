import type { ReactiveControllerHost } from 'lit';

/** The dialogs that act on the chat shown: focus in them is focus on the chat. */
const CHAT_DIALOGS = new Set(['transfer-dialog', 'new-engagement-dialog']);

interface FocusHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly shadowRoot: ShadowRoot | null;
}

type FocusTarget = () => HTMLElement | null | undefined | Promise<HTMLElement | null | undefined>;

/**
 * Where focus goes in the workspace after what happened, so that it never falls to the
 * page: the composer of an accepted chat, the tab now shown when a chat leaves, the
 * after-contact form when the agent ends a chat, the agent state when the last offer was
 * refused.
 */
export class WorkspaceFocus {
  constructor(private readonly host: FocusHost) {}

  /**
   * A chat left (transferred, or saved and closed). When the agent was working in it, focus
   * goes to the tab now shown, or to the agent state when no chat is left: never the page,
   * and never the next customer's Transfer button, which now stands where the old one was.
   */
  async afterChatLeft(): Promise<void> {
    await this.host.updateComplete;
    // The transfer dialog gives focus back to its opener as it closes; move on from there.
    await this.host.renderRoot.querySelector('transfer-dialog')?.whenClosed();
    if (!this.wasOnTheChat()) return;
    const tab = this.host.renderRoot.querySelector<HTMLElement>('contact-tab[aria-selected="true"]');
    (tab ?? this.host.renderRoot.querySelector<HTMLElement>('agent-state-control'))?.focus();
  }

  /** The agent confirmed End chat in the chat shown: the after-contact form takes the focus. */
  async afterChatEnded(): Promise<void> {
    await this.host.updateComplete;
    if (!this.wasOnTheChat()) return;
    const form = this.host.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('disposition-form');
    await form?.updateComplete;
    form?.focus();
  }

  /** Moves focus on when the control that had it goes away (an answered offer). */
  async fromAnsweredOffer(target: FocusTarget): Promise<void> {
    if (this.host.shadowRoot?.activeElement?.localName !== 'offer-prompt') return;
    await this.host.updateComplete;
    (await target())?.focus();
  }

  /** Whether focus is in the chat's panel or its dialogs, or lost (on the page, or on a control gone). */
  private wasOnTheChat(): boolean {
    const active = this.host.shadowRoot?.activeElement;
    if (!active || !active.isConnected) return true;
    return active.closest('.panel') !== null || CHAT_DIALOGS.has(active.localName);
  }
}
