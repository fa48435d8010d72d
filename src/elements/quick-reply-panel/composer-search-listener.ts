import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { WorkspaceEvent } from '../../events/workspace-events.js';
import type { QuickReplyNavigationKey } from './quick-reply-events.js';

/** A panel that follows the "/" searches of its chat's composer. */
export interface ComposerSearchHost extends ReactiveControllerHost, HTMLElement {
  /** Only this chat's composer is followed; every composer when empty. */
  chatId: string;
  search(query: string | null): void;
  navigate(key: QuickReplyNavigationKey): boolean;
}

/**
 * Hears the `quick-reply-search` and `quick-reply-navigate` events of the composers in the
 * host's tree scope (the shadow root or document it sits in), where a composer beside the
 * panel sends them: no host page or workspace has to forward them.
 */
export class ComposerSearchListener implements ReactiveController {
  private root?: Node;

  constructor(private readonly host: ComposerSearchHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.root = this.host.getRootNode();
    this.root.addEventListener('quick-reply-search', this.onSearch);
    this.root.addEventListener('quick-reply-navigate', this.onNavigate);
  }

  hostDisconnected(): void {
    this.root?.removeEventListener('quick-reply-search', this.onSearch);
    this.root?.removeEventListener('quick-reply-navigate', this.onNavigate);
    this.root = undefined;
  }

  private isForHost(chatId: string): boolean {
    return this.host.chatId === '' || chatId === this.host.chatId;
  }

  private readonly onSearch = (event: Event): void => {
    const { detail } = event as WorkspaceEvent<'quick-reply-search'>;
    if (this.isForHost(detail.chatId)) this.host.search(detail.query);
  };

  private readonly onNavigate = (event: Event): void => {
    const { detail } = event as WorkspaceEvent<'quick-reply-navigate'>;
    // Another panel of the same scope already took the key.
    if (event.defaultPrevented || !this.isForHost(detail.chatId)) return;
    if (this.host.navigate(detail.key)) event.preventDefault();
  };
}
