import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Which arrow keys move focus: Up/Down, Left/Right, or all four. */
export type FocusGroupDirection = 'vertical' | 'horizontal' | 'both';

export interface FocusGroupOptions<T extends HTMLElement> {
  /** The items in order. Called afresh each time: items may come and go. */
  items: () => readonly T[];
  /** Default `vertical`. */
  direction?: FocusGroupDirection;
  /**
   * The item that Tab lands on when focus enters the group, such as the selected tab.
   * Default: the item with `aria-selected="true"`, else the first focusable one.
   */
  isCurrent?: (item: T) => boolean;
  /** Items that may take focus; the keys skip the others. Default: not disabled, not hidden. */
  isFocusable?: (item: T) => boolean;
  /** Whether moving past the last item comes back to the first, and back. Default `true`. */
  wrap?: boolean;
}

type Host = ReactiveControllerHost & HTMLElement;

const isSelected = (item: HTMLElement) => item.getAttribute('aria-selected') === 'true';

const isEnabled = (item: HTMLElement) =>
  !item.hidden && !item.hasAttribute('disabled') && item.getAttribute('aria-disabled') !== 'true';

/** Keys that edit text: a text field inside an item keeps its arrows. */
const isTextEntry = (target: EventTarget | undefined) =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLTextAreaElement ||
  target instanceof HTMLSelectElement ||
  (target instanceof HTMLElement && target.isContentEditable);

/**
 * Arrow-key navigation over a group of items with a roving tabindex: exactly one item
 * has `tabIndex` 0 (the focused one while focus is inside the group, the current one
 * otherwise), so Tab enters and leaves the group in one step. Arrows move focus to the
 * previous or next item, wrapping around; Home and End go to the first and last.
 *
 * The items may live in the host's light DOM or its shadow root, at any depth, and may
 * come and go: the tabindexes are set again after every host update (or on `sync()`).
 * The controller moves focus only in answer to a key the user pressed in the group.
 *
 * ```ts
 * new FocusGroupController(this, {
 *   items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[role="tab"]')],
 *   direction: 'vertical',
 * });
 * ```
 */
export class FocusGroupController<T extends HTMLElement> implements ReactiveController {
  private readonly items: () => readonly T[];
  private readonly direction: FocusGroupDirection;
  private readonly isCurrent: (item: T) => boolean;
  private readonly isFocusable: (item: T) => boolean;
  private readonly wrap: boolean;

  constructor(
    private readonly host: Host,
    options: FocusGroupOptions<T>,
  ) {
    this.items = options.items;
    this.direction = options.direction ?? 'vertical';
    this.isCurrent = options.isCurrent ?? isSelected;
    this.isFocusable = options.isFocusable ?? isEnabled;
    this.wrap = options.wrap ?? true;
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeydown);
    for (const scope of this.focusScopes()) {
      scope.addEventListener('focusin', this.onFocusin);
      scope.addEventListener('focusout', this.onFocusout);
    }
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeydown);
    for (const scope of this.focusScopes()) {
      scope.removeEventListener('focusin', this.onFocusin);
      scope.removeEventListener('focusout', this.onFocusout);
    }
  }

  hostUpdated(): void {
    this.sync();
  }

  /** Sets the tabindexes again: for hosts whose items change without an update. */
  sync(): void {
    const items = this.items();
    this.rove(items, this.focusedItem(items) ?? this.currentItem(items));
  }

  private readonly onKeydown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const path = event.composedPath();
    if (isTextEntry(path[0])) return;
    const items = this.items();
    const from = this.itemOnPath(items, path);
    if (!from) return;
    const focusable = items.filter(this.isFocusable);
    const to = this.target(focusable, focusable.indexOf(from), event.key, from);
    if (to === undefined) return;
    event.preventDefault();
    this.rove(items, to);
    to.focus();
  };

  private readonly onFocusin = (event: Event): void => {
    const items = this.items();
    const item = this.itemOnPath(items, event.composedPath());
    this.rove(items, item && this.isFocusable(item) ? item : this.currentItem(items));
  };

  private readonly onFocusout = (event: Event): void => {
    const next = event instanceof FocusEvent ? event.relatedTarget : null;
    // Seen from the host, a move inside its shadow root goes to the host itself: the shadow root's listener decides.
    if (next === this.host) return;
    const items = this.items();
    if (next instanceof Node && items.some((item) => item === next || item.contains(next))) return;
    this.rove(items, this.currentItem(items));
  };

  /**
   * Where focus changes are heard. Focus moving between two elements of the host's shadow
   * root never reaches the host (both ends retarget to it), so the shadow root listens too.
   */
  private focusScopes(): EventTarget[] {
    return this.host.shadowRoot ? [this.host, this.host.shadowRoot] : [this.host];
  }

  /** The item a key moves to, or `undefined` when the key is not for this group. */
  private target(focusable: readonly T[], index: number, key: string, from: T): T | undefined {
    const last = focusable.length - 1;
    if (last < 0) return undefined;
    const step = (delta: number) => {
      // An item that cannot take focus (disabled while focused) starts from the edge.
      const start = index < 0 ? (delta > 0 ? -1 : focusable.length) : index;
      const next = start + delta;
      if (this.wrap) return focusable[(next + focusable.length) % focusable.length];
      return focusable[Math.min(last, Math.max(0, next))];
    };
    const backwards = this.isRightToLeft(from) ? 1 : -1;
    switch (key) {
      case 'Home':
        return focusable[0];
      case 'End':
        return focusable[last];
      case 'ArrowUp':
        return this.direction === 'horizontal' ? undefined : step(-1);
      case 'ArrowDown':
        return this.direction === 'horizontal' ? undefined : step(1);
      case 'ArrowLeft':
        return this.direction === 'vertical' ? undefined : step(backwards);
      case 'ArrowRight':
        return this.direction === 'vertical' ? undefined : step(-backwards);
      default:
        return undefined;
    }
  }

  private isRightToLeft(item: T): boolean {
    return getComputedStyle(item).direction === 'rtl';
  }

  private rove(items: readonly T[], active: T | undefined): void {
    for (const item of items) {
      const tabIndex = item === active ? 0 : -1;
      // Only real changes: attribute writes wake mutation observers and re-style.
      if (item.tabIndex !== tabIndex || !item.hasAttribute('tabindex')) item.tabIndex = tabIndex;
    }
  }

  private currentItem(items: readonly T[]): T | undefined {
    return items.find((item) => this.isFocusable(item) && this.isCurrent(item)) ?? items.find(this.isFocusable);
  }

  /** The item that holds focus, through shadow roots: `document.activeElement` stops at the first host. */
  private focusedItem(items: readonly T[]): T | undefined {
    let active: Element | null = document.activeElement;
    while (active) {
      const holder = items.find((item) => item === active || (active !== null && item.contains(active)));
      if (holder) return holder;
      active = active.shadowRoot?.activeElement ?? null;
    }
    return undefined;
  }

  private itemOnPath(items: readonly T[], path: readonly EventTarget[]): T | undefined {
    return path.find((node): node is T => items.includes(node as T));
  }
}
