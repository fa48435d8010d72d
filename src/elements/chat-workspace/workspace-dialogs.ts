import type { ReactiveControllerHost } from 'lit';
import type { OnDemandElements } from './on-demand.js';

interface DialogsHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

type DialogTag = 'transfer-dialog' | 'new-engagement-dialog';

/**
 * The workspace's Transfer and New engagement dialogs, opened by their cancelable requests.
 * Both bubble out to the page: a dialog opens once every listener had its turn, unless the
 * host took the request over with preventDefault(). Each dialog is loaded on the first
 * request, and focus stays where it was until it shows; the workspace's update completes
 * once the dialog is open.
 */
export class WorkspaceDialogs {
  constructor(
    private readonly host: DialogsHost,
    private readonly onDemand: OnDemandElements,
  ) {}

  /** For `transfer-dialog-requested`. */
  readonly openTransfer = (event: CustomEvent<{ chatId: string }>): void => {
    this.onDemand.track(this.open('transfer-dialog', event));
  };

  /** For `new-engagement-requested`. */
  readonly openEngagement = (event: CustomEvent<{ chatId: string }>): void => {
    this.onDemand.track(this.open('new-engagement-dialog', event));
  };

  private async open(tag: DialogTag, event: CustomEvent<{ chatId: string }>): Promise<void> {
    await Promise.resolve(); // the page's listeners first
    if (event.defaultPrevented) return;
    await this.onDemand.load(tag);
    // Registered by the page since the last render: render it first.
    if (!this.host.renderRoot.querySelector(tag)) {
      this.host.requestUpdate();
      await this.onDemand.rendered();
    }
    const dialog = this.host.renderRoot.querySelector(tag);
    dialog?.show(event.detail.chatId);
    await dialog?.updateComplete;
  }
}
