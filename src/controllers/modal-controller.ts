import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ModalOptions {
  /** The host's native `<dialog>`, once rendered. */
  dialog: () => HTMLDialogElement | null | undefined;
  /**
   * Where focus goes on closing when neither the element that had it before opening nor a
   * control near where that element was can take it: a control of the host's choosing, so
   * focus never falls to the page. `focusTargetAround(host)` suits a dialog that knows
   * nothing of the page around it.
   */
  fallbackFocus: () => HTMLElement | null | undefined;
  /** The control that takes focus on opening. Default: the dialog's `[autofocus]`, else its first form field. */
  initialFocus?: () => HTMLElement | null | undefined;
  /** The dialog has closed, however it was closed (Escape, `close()`): the host updates its own state. */
  onClose?: () => void;
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The mechanics of a modal `<dialog>`: `open()` shows it with `showModal()` (the page
 * behind turns inert, Escape closes it) and focuses its first field; however it closes,
 * focus goes back to the element that had it before. When that element is gone (the chat
 * it acted on left), focus goes to the first control in the closest container that held
 * it and is still there, else to the host's fallback, not to the page's body. The host
 * keeps its own `open` state and calls `open()` and `close()` as that state changes;
 * `onClose` tells it the dialog closed by itself (Escape).
 *
 * ```ts
 * private readonly modal = new ModalController(this, {
 *   dialog: () => this.renderRoot.querySelector('dialog'),
 *   fallbackFocus: () => focusTargetAround(this),
 *   onClose: () => (this.open = false),
 * });
 * ```
 */
export class ModalController implements ReactiveController {
  private returnFocusTo?: HTMLElement;
  /** The containers around `returnFocusTo` as the dialog opened, innermost first. */
  private returnPath: Element[] = [];
  private shown = false;
  private closeWaiters: (() => void)[] = [];

  constructor(
    private readonly host: Host,
    private readonly options: ModalOptions,
  ) {
    host.addController(this);
  }

  /** Whether the dialog is shown, until its `close` event has been handled. */
  get isOpen(): boolean {
    return this.shown;
  }

  /**
   * Shows the dialog as a modal and focuses its first field. Focus returns on closing to
   * `returnFocusTo`, by default the element focused now (none when the page has it). Does
   * nothing while it is open (the element to return to stays the first one) or before the
   * dialog is in the page.
   */
  open(returnFocusTo?: HTMLElement): void {
    const dialog = this.options.dialog();
    if (!dialog?.isConnected || dialog.open) return;
    this.returnFocusTo = returnFocusTo ?? focusedElement();
    this.returnPath = this.returnFocusTo ? containersOf(this.returnFocusTo) : [];
    dialog.addEventListener('close', this.closed, { once: true });
    dialog.showModal();
    this.shown = true;
    (this.options.initialFocus?.() ?? firstField(dialog))?.focus();
  }

  /** Closes the dialog; focus goes back once the dialog's `close` event comes. */
  close(): void {
    const dialog = this.options.dialog();
    if (dialog?.open) dialog.close();
  }

  /** Resolves once the dialog has closed and given focus back; at once when it is not open. */
  whenClosed(): Promise<void> {
    if (!this.shown) return Promise.resolve();
    return new Promise((resolve) => this.closeWaiters.push(resolve));
  }

  /**
   * Taken out of the page while open: the browser drops the dialog from the top layer but
   * leaves it open. Closed instead, so the host's state, `whenClosed()` and focus follow.
   */
  hostDisconnected(): void {
    if (this.shown) this.close();
  }

  /** Escape, `close()` or a form's `method="dialog"` closed the native dialog. */
  private readonly closed = (): void => {
    this.shown = false;
    this.options.onClose?.();
    this.restoreFocus();
    for (const resolve of this.closeWaiters.splice(0)) resolve();
  };

  /**
   * Not every engine gives focus back by itself, and none when the element is gone. When
   * nothing had focus (the page had it), there is nothing to give back: whatever opened the
   * dialog without focus, such as a host's script, decides.
   */
  private restoreFocus(): void {
    const target = this.returnFocusTo;
    const path = this.returnPath;
    this.returnFocusTo = undefined;
    this.returnPath = [];
    if (!target || (target.isConnected && takesFocus(target))) return;
    for (const container of path) {
      if (!container.isConnected) continue;
      const near = firstFocusableIn(container, this.host);
      if (near && takesFocus(near)) return;
    }
    const fallback = this.options.fallbackFocus();
    if (fallback) takesFocus(fallback);
  }
}

/**
 * The first control that can take focus in the closest container around `element` that has
 * one (through shadow roots, `element` itself left out, the page's body never): where focus
 * goes when the control that opened a dialog has gone, such as the agent state beside a
 * workspace whose last chat left.
 */
export function focusTargetAround(element: Element): HTMLElement | undefined {
  for (const container of containersOf(element)) {
    const found = firstFocusableIn(container, element);
    if (found) return found;
  }
  return undefined;
}

/** The focused element, looking inside shadow roots (`document.activeElement` stops at the first host); never the body. */
function focusedElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

function firstField(dialog: HTMLDialogElement): HTMLElement | null {
  return (
    dialog.querySelector<HTMLElement>('[autofocus]') ??
    dialog.querySelector<HTMLElement>('input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled)')
  );
}

/** Focuses `element` and tells whether focus is now there (or inside it, for a shadow host). */
function takesFocus(element: HTMLElement): boolean {
  element.focus();
  return element.matches(':focus-within');
}

function composedParent(element: Element): Element | undefined {
  if (element.parentElement) return element.parentElement;
  const root = element.parentNode;
  return root instanceof ShadowRoot ? root.host : undefined;
}

/** The elements around `element`, innermost first, through shadow roots, up to the page's body (left out). */
function containersOf(element: Element): Element[] {
  const containers: Element[] = [];
  for (let container = composedParent(element); container && container !== document.body; container = composedParent(container)) {
    containers.push(container);
  }
  return containers;
}

function isFocusable(element: HTMLElement): boolean {
  // checkVisibility() is recent (Safari 17.4); an element without boxes is not shown either.
  const shown = element.checkVisibility?.() ?? element.getClientRects().length > 0;
  return element.tabIndex >= 0 && !element.matches(':disabled') && !element.inert && shown;
}

/** Depth first, a shadow root before the light children it shows. */
function firstFocusableIn(container: Element, skipped: Element): HTMLElement | undefined {
  const children = [...(container.shadowRoot?.children ?? []), ...container.children];
  for (const child of children) {
    if (child === skipped) continue;
    if (child instanceof HTMLElement && isFocusable(child)) return child;
    const inside = firstFocusableIn(child, skipped);
    if (inside) return inside;
  }
  return undefined;
}
