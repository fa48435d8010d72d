import { adoptStyles, type CSSResult, type ReactiveControllerHost } from 'lit';

/** The parts of the chat shown: the workspace shows a chat once they are all registered. */
export const CHAT_PARTS = ['offer-prompt', 'contact-tab', 'chat-conversation', 'chat-composer', 'chat-actions', 'launch-area'] as const;

// The chat's parts, one module (one chunk in the standalone file): needed once the agent is
// Available (offers come) or has chats.
const chatParts = () => import('../../define/chat-parts.js');

/**
 * The elements a workspace shows only after something happened, by tag, each with the
 * module that registers it. Imported on demand, so the standalone file leaves them out of
 * its first download (rollup.config.mjs); where the page already registered them (the
 * package's define modules do), the import costs nothing.
 */
export const ON_DEMAND_ELEMENTS = {
  ...(Object.fromEntries(CHAT_PARTS.map((tag) => [tag, chatParts])) as Record<(typeof CHAT_PARTS)[number], typeof chatParts>),
  // What a chat needs later, or only some configurations.
  'transfer-dialog': () => import('../../define/transfer-dialog.js'),
  'new-engagement-dialog': () => import('../../define/new-engagement-dialog.js'),
  'disposition-form': () => import('../../define/disposition-form.js'),
  'quick-reply-panel': () => import('../../define/quick-reply-panel.js'),
  'assist-panel': () => import('../../define/assist-panel.js'),
  'advanced-chat': () => import('../../define/advanced-chat.js'),
} as const;

export type OnDemandTag = keyof typeof ON_DEMAND_ELEMENTS;

/** Loads an element's module (once) and resolves when the tag is registered. */
export function loadOnDemand(tag: OnDemandTag): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  return ON_DEMAND_ELEMENTS[tag]().then(() => customElements.whenDefined(tag).then(() => undefined));
}

/**
 * Which on-demand elements the host may render: one is rendered only once registered, so
 * it never shows empty first and fills in later, and the host's focus moves can wait for
 * it (`load`). A failed load (the network) leaves the element out; a later call tries again.
 * The host's `updateComplete` waits for `settled()`: what is loading, and what waits on a
 * load (`track`, a dialog to open), is part of the update under way.
 */
export class OnDemandElements {
  /** Each element's load, as a part of the host whose value says it is registered. */
  private readonly elements = new Map<OnDemandTag, OnDemandPart<true>>();
  private readonly pending = new Set<Promise<void>>();

  /**
   * `rendered` resolves once the host's update under way is done, without `settled()`
   * (its `super.getUpdateComplete()`): a load waits for the render that shows its element,
   * and the host's `updateComplete` waits for the load.
   */
  constructor(
    readonly host: ReactiveControllerHost,
    readonly rendered: () => Promise<unknown>,
  ) {}

  /** Whether `tag` is registered, so the host renders it. */
  has(tag: OnDemandTag): boolean {
    return customElements.get(tag) !== undefined;
  }

  /** Registers `tag` if needed; resolves once the host has rendered with it. */
  async load(tag: OnDemandTag): Promise<void> {
    if (this.has(tag)) return;
    let element = this.elements.get(tag);
    if (!element) {
      element = new OnDemandPart(this, () => loadOnDemand(tag).then(() => true as const));
      this.elements.set(tag, element);
    }
    await element.load();
  }

  /** Starts loading `tag` ahead of need (a chat is open, so it may end), ignoring a failure: `load` retries. */
  prefetch(tag: OnDemandTag): void {
    if (!this.has(tag)) this.load(tag).catch(() => undefined);
  }

  /**
   * Makes the host's `updateComplete` wait for `work` too (it must not wait for the host's
   * `updateComplete` itself): asks for an update at once, so a caller that waits for the
   * pending updates (a test's `settle`) waits for this as well. A failure is the work's own.
   */
  track(work: Promise<unknown>): void {
    const done: Promise<void> = work.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      this.pending.delete(done);
    });
    this.pending.add(done);
    this.host.requestUpdate();
  }

  /** Whether nothing tracked is under way. */
  get idle(): boolean {
    return this.pending.size === 0;
  }

  /** Resolves once nothing tracked is under way; `true` when it had to wait. */
  async settled(): Promise<boolean> {
    if (this.pending.size === 0) return false;
    while (this.pending.size > 0) await Promise.all(this.pending);
    return true;
  }
}

/**
 * A part of the host's own rendering (code and styles, not an element) loaded on demand:
 * `value` once loaded; the host renders the part only then. Loads count in the host's
 * `updateComplete` as OnDemandElements' do; a failed load is tried again by the next call.
 */
export class OnDemandPart<T> {
  value?: T;
  private loading?: Promise<T>;

  constructor(
    private readonly elements: OnDemandElements,
    private readonly importer: () => Promise<T>,
  ) {}

  /** Loads the part once; resolves once the host has rendered with it. */
  load(): Promise<T> {
    if (this.value) return Promise.resolve(this.value);
    if (!this.loading) {
      const loading = this.importer().then(
        async (value) => {
          this.value = value;
          this.elements.host.requestUpdate();
          await this.elements.rendered();
          return value;
        },
        (error: unknown) => {
          this.loading = undefined;
          throw error;
        },
      );
      this.loading = loading;
      this.elements.track(loading);
    }
    return this.loading;
  }

  /** Starts loading ahead of need, ignoring a failure: `load` retries. */
  prefetch(): void {
    if (!this.value) this.load().catch(() => undefined);
  }
}

/** The shadow roots that have taken each style sheet of a part loaded on demand (where sheets cannot be adopted). */
const styledRoots = new WeakMap<CSSResult, WeakSet<ShadowRoot>>();

/**
 * Adds the styles of a part loaded on demand to a host's shadow root, once: the host's
 * `static styles` hold only what it shows from the start. Adopted style sheets, like Lit's
 * own, so a strict CSP (no inline styles) allows them.
 */
export function adoptLaterStyles(root: HTMLElement | DocumentFragment, styles: CSSResult): void {
  if (!(root instanceof ShadowRoot)) return;
  const sheet = styles.styleSheet;
  if (sheet) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  // No constructable sheets: Lit's fallback appends a <style> (with the page's nonce).
  const roots = styledRoots.get(styles) ?? new WeakSet<ShadowRoot>();
  styledRoots.set(styles, roots);
  if (roots.has(root)) return;
  roots.add(root);
  adoptStyles(root, [styles]);
}
