import type { ReactiveControllerHost } from 'lit';
import {
  ShortcutsController,
  type KeyCombo,
  type ShortcutBinding,
  type ShortcutBindingInForce,
} from '../../controllers/shortcuts-controller.js';
import type { ChatSession } from '../../session/chat-session.js';
import { selectOnline } from '../../session/selectors.js';
import type { Offer, WorkspaceState } from '../../session/state.js';

/** What a workspace shortcut does. */
export type WorkspaceShortcutAction =
  | 'acceptOffer'
  | 'rejectOffer'
  | 'nextChat'
  | 'previousChat'
  | 'focusComposer'
  | 'quickReplies'
  | 'transfer'
  | 'endChat'
  | 'help';

/** The host's changes to the workspace shortcuts: a combination per action, `false` or `null` for none. */
export type WorkspaceShortcuts = Partial<Record<WorkspaceShortcutAction, ShortcutBinding>>;

/**
 * Alt+Shift (Option+Shift on macOS) and a letter, matched by the key's position. Clear of
 * the browsers' own (Ctrl/Cmd+letter, Alt+letter menus on Windows, F-keys, and Chrome's
 * Alt+Shift+A, I and T) and of screen readers (Insert or Caps Lock for NVDA, JAWS and
 * Narrator, Ctrl+Option for VoiceOver, single letters in browse mode).
 */
export const DEFAULT_SHORTCUTS: Readonly<Record<WorkspaceShortcutAction, KeyCombo>> = {
  acceptOffer: 'Alt+Shift+O',
  rejectOffer: 'Alt+Shift+R',
  nextChat: 'Alt+Shift+N',
  previousChat: 'Alt+Shift+P',
  focusComposer: 'Alt+Shift+M',
  quickReplies: 'Alt+Shift+Q',
  transfer: 'Alt+Shift+X',
  endChat: 'Alt+Shift+E',
  help: 'Alt+Shift+H',
};

/** The workspace as its shortcuts see it. */
export interface ShortcutsHost extends ReactiveControllerHost, HTMLElement {
  session?: ChatSession;
  shortcuts: WorkspaceShortcuts | false | null;
  readonly renderRoot: HTMLElement | DocumentFragment;
  focusChat(chatId: string): Promise<boolean>;
  focusComposer(): void;
  toggleShortcutHelp(): void;
}

/** The offer that has waited longest for an answer. */
export function oldestPendingOffer(state: WorkspaceState): Offer | undefined {
  return state.offers
    .filter((offer) => offer.status === 'pending')
    .reduce<Offer | undefined>((oldest, offer) => (!oldest || offer.receivedAt < oldest.receivedAt ? offer : oldest), undefined);
}

/**
 * The workspace's keyboard shortcuts: each does what its button does, through the same
 * element or session command, so the same rules hold (End chat asks twice, Transfer can be
 * taken over by the host, nothing is answered while the connection is away), and focus
 * lands where the button would leave it. Inside a modal dialog only the help's own key
 * works, to close the help.
 */
export class WorkspaceShortcutsController {
  private readonly keys: ShortcutsController<WorkspaceShortcutAction>;

  constructor(private readonly host: ShortcutsHost) {
    this.keys = new ShortcutsController<WorkspaceShortcutAction>(host, {
      defaults: DEFAULT_SHORTCUTS,
      overrides: () => host.shortcuts,
      accepts: (event, action) => {
        const dialog = event.composedPath().find((node): node is HTMLDialogElement => node instanceof HTMLDialogElement && node.open);
        return !dialog || (action === 'help' && dialog.matches('[part~="shortcut-help"]'));
      },
      run: (action) => void this.run(action),
    });
  }

  /** The shortcuts in force, in the help's order. */
  get bindings(): readonly ShortcutBindingInForce<WorkspaceShortcutAction>[] {
    return this.keys.bindings;
  }

  /** The combination of an action, for `aria-keyshortcuts`; `undefined` when it has none. */
  comboFor(action: WorkspaceShortcutAction): KeyCombo | undefined {
    return this.keys.comboFor(action);
  }

  private async run(action: WorkspaceShortcutAction): Promise<void> {
    const session = this.host.session;
    if (!session) return;
    switch (action) {
      case 'acceptOffer': {
        const offer = oldestPendingOffer(session.state);
        // As the Accept button: nothing is answered while the connection is away.
        if (!offer || !selectOnline(session.state)) return;
        if ((await session.acceptOffer(offer.chatId)).ok) await this.host.focusChat(offer.chatId);
        return;
      }
      case 'rejectOffer': {
        const offer = oldestPendingOffer(session.state);
        if (offer && selectOnline(session.state)) await session.rejectOffer(offer.chatId);
        return;
      }
      case 'nextChat':
      case 'previousChat':
        return this.showNeighbour(action === 'nextChat' ? 1 : -1);
      case 'focusComposer':
        return this.host.focusComposer();
      case 'quickReplies':
        return this.openQuickReplies();
      case 'transfer':
        // The button's click: the host may take the request over, and the dialog takes focus.
        return this.chatAction('transfer')?.click();
      case 'endChat': {
        const end = this.chatAction('end');
        // Focused first, so the second press (or Enter) confirms and its hint is read.
        end?.focus();
        return end?.click();
      }
      case 'help':
        return this.host.toggleShortcutHelp();
    }
  }

  /** The chat beside the one shown, in the order of the tabs, then its message box (or its tab once it ended). */
  private async showNeighbour(step: 1 | -1): Promise<void> {
    const session = this.host.session;
    const tabs = Array.from(this.host.renderRoot.querySelectorAll<HTMLElement & { chatId: string }>('[role="tablist"] > contact-tab'));
    if (!session || tabs.length === 0) return;
    const current = tabs.findIndex((tab) => tab.chatId === session.state.activeChatId);
    const next = tabs[(current + step + tabs.length) % tabs.length];
    if (!next) return;
    await this.host.focusChat(next.chatId);
    if (!this.host.renderRoot.querySelector('chat-composer')) next.focus();
  }

  /** Opens the panel as ">>" does (focus in its search field); when open, focus goes back into it. */
  private openQuickReplies(): void {
    const panel = this.host.renderRoot.querySelector('quick-reply-panel');
    const root = panel?.shadowRoot;
    if (!panel || !root) return;
    if (!panel.open) {
      root.querySelector<HTMLElement>('[part~="toggle"]')?.click();
      return;
    }
    (root.querySelector<HTMLElement>('[part~="search"]') ?? root.querySelector<HTMLElement>('[part~="insert"]'))?.focus();
  }

  private chatAction(part: 'transfer' | 'end'): HTMLElement | null | undefined {
    return this.host.renderRoot.querySelector('chat-actions')?.shadowRoot?.querySelector<HTMLElement>(`[part~="${part}"]`);
  }
}
