/**
 * Co-browsing under a host's strict Content-Security-Policy.
 *
 * The replay frame is an about:blank document, so it inherits the host's policy: with
 * `style-src 'self'` a `<style>` element or a `style` attribute in it is refused (and
 * reported), which is how rrweb rebuilds the contact's page. Here the page's styles take
 * the road such a policy leaves open, the CSS object model:
 *
 * - {@link withoutInlineStyles} rewrites the recording before the replayer sees it: a
 *   `<style>` (or a `<link>` whose stylesheet rrweb inlined) becomes an inert
 *   `<template data-cw-css="...">`, and a `style` attribute becomes `data-cw-style`;
 * - {@link StrictReplayStyles} watches the replayed document and turns those back into
 *   constructed stylesheets (adopted by the document, before the page's own adopted ones,
 *   as a `<style>` would cascade) and into `element.style.cssText`.
 *
 * Not covered: rules a page inserts into a `<style>` element's sheet from script
 * (CSS-in-JS), and styles inside the page's shadow roots.
 */

/** rrweb's serialized node, the parts read here. */
interface SerializedNode {
  type: number;
  tagName?: string;
  attributes?: Record<string, unknown>;
  childNodes?: SerializedNode[];
}

/** rrweb's event, the parts read here. */
interface RecordedEvent {
  type?: number;
  data?: {
    node?: SerializedNode;
    source?: number;
    adds?: { node?: SerializedNode }[];
    attributes?: { attributes?: Record<string, unknown> }[];
  };
}

/** rrweb's `EventType.FullSnapshot`, `EventType.IncrementalSnapshot` and `IncrementalSource.Mutation`. */
const FULL_SNAPSHOT = 2;
const INCREMENTAL_SNAPSHOT = 3;
const MUTATION = 0;
/** rrweb's `NodeType.Element`. */
const ELEMENT = 2;

/** Where a rewritten stylesheet keeps its CSS. */
export const CSS_ATTRIBUTE = 'data-cw-css';
/** Where a rewritten `style` attribute keeps its declarations. */
export const STYLE_ATTRIBUTE = 'data-cw-style';

/**
 * The rules rrweb's replayer would add in a `<style>` of its own: the placeholder of a
 * blocked element, and no `<noscript>` (the replay runs no script, so it would show).
 */
const REPLAYER_CSS = '.rr-block { background: currentColor } noscript { display: none !important; }';

function rewriteNode(node: SerializedNode | undefined): void {
  if (!node) return;
  if (node.type === ELEMENT && node.attributes) {
    const attributes = node.attributes;
    const css = attributes['_cssText'];
    if (node.tagName === 'style' || (node.tagName === 'link' && typeof css === 'string')) {
      node.tagName = 'template';
      attributes[CSS_ATTRIBUTE] = typeof css === 'string' ? css : '';
      delete attributes['_cssText'];
    }
    if (typeof attributes['style'] === 'string') {
      attributes[STYLE_ATTRIBUTE] = attributes['style'];
      delete attributes['style'];
    }
  }
  node.childNodes?.forEach(rewriteNode);
}

/**
 * Rewrites one recorded event (in place, and idempotently: a batch replayed twice after
 * a reload is rewritten twice) so that rebuilding it writes no inline style.
 */
export function withoutInlineStyles<T>(event: T): T {
  const recorded = event as RecordedEvent;
  if (recorded.type === FULL_SNAPSHOT) rewriteNode(recorded.data?.node);
  if (recorded.type === INCREMENTAL_SNAPSHOT && recorded.data?.source === MUTATION) {
    for (const add of recorded.data.adds ?? []) rewriteNode(add.node);
    for (const change of recorded.data.attributes ?? []) {
      const attributes = change.attributes;
      // A whole new style string; rrweb applies the object form through the CSSOM itself.
      if (attributes && 'style' in attributes && typeof attributes['style'] !== 'object') {
        attributes[STYLE_ATTRIBUTE] = attributes['style'];
        delete attributes['style'];
      }
    }
  }
  return event;
}

type RealmWindow = Window & typeof globalThis;

/** Applies the rewritten styles in the replayed document, and keeps them applied as it changes. */
export class StrictReplayStyles {
  private document?: Document;
  private observer?: MutationObserver;
  /** The page's own adopted stylesheets, as the replayer set them. */
  private pageSheets: CSSStyleSheet[] = [];
  private readonly sheets = new WeakMap<Element, { css: string; sheet: CSSStyleSheet }>();
  private readonly declarations = new WeakMap<Element, string>();
  private replayerSheet?: CSSStyleSheet;

  /** Starts on the replay frame's document (again after each full rebuild: idempotent). */
  attach(document: Document | null | undefined): void {
    const view = document?.defaultView as RealmWindow | null | undefined;
    if (!document || !view) return;
    if (this.document !== document) {
      this.detach();
      this.document = document;
      this.pageSheets = [...document.adoptedStyleSheets];
      this.replayerSheet = new view.CSSStyleSheet();
      this.replayerSheet.replaceSync(REPLAYER_CSS);
      this.interceptAdoptedSheets(document, view);
      this.observer = new view.MutationObserver(() => this.sync());
      this.observer.observe(document, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
        attributeFilter: [CSS_ATTRIBUTE, STYLE_ATTRIBUTE],
      });
    }
    this.sync();
  }

  detach(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    if (this.document) delete (this.document as unknown as Record<string, unknown>)['adoptedStyleSheets'];
    this.document = undefined;
    this.pageSheets = [];
  }

  /** The page's adopted sheets go through here, so that the document's own come first. */
  private interceptAdoptedSheets(document: Document, view: RealmWindow): void {
    const native = Object.getOwnPropertyDescriptor(view.Document.prototype, 'adoptedStyleSheets');
    if (!native?.set) return;
    Object.defineProperty(document, 'adoptedStyleSheets', {
      configurable: true,
      get: () => this.pageSheets,
      set: (sheets: CSSStyleSheet[]) => {
        this.pageSheets = [...sheets];
        this.sync();
      },
    });
  }

  /** Brings the document's constructed sheets and elements' declarations up to date. */
  private sync(): void {
    const document = this.document;
    const view = document?.defaultView as RealmWindow | null | undefined;
    if (!document || !view) return;
    const inline: CSSStyleSheet[] = [];
    for (const element of document.querySelectorAll(`[${CSS_ATTRIBUTE}]`)) {
      // A text change (rrweb's mutation of the stylesheet's text node) wins over the snapshot's CSS.
      const css = (element.textContent ?? '').trim() || (element.getAttribute(CSS_ATTRIBUTE) ?? '');
      let entry = this.sheets.get(element);
      if (!entry) {
        entry = { css: '', sheet: new view.CSSStyleSheet() };
        this.sheets.set(element, entry);
      }
      if (entry.css !== css) {
        entry.sheet.replaceSync(css);
        entry.css = css;
      }
      inline.push(entry.sheet);
    }
    for (const element of document.querySelectorAll<HTMLElement>(`[${STYLE_ATTRIBUTE}]`)) {
      const declarations = element.getAttribute(STYLE_ATTRIBUTE) ?? '';
      if (this.declarations.get(element) !== declarations) {
        element.style.cssText = declarations;
        this.declarations.set(element, declarations);
      }
    }
    const native = Object.getOwnPropertyDescriptor(view.Document.prototype, 'adoptedStyleSheets');
    const sheets = [...(this.replayerSheet ? [this.replayerSheet] : []), ...inline, ...this.pageSheets];
    // Most mutations (typing, a class) change no sheet: setting the list anyway would restyle the page.
    const current = (native?.get?.call(document) ?? []) as CSSStyleSheet[];
    if (current.length !== sheets.length || current.some((sheet, index) => sheet !== sheets[index])) native?.set?.call(document, sheets);
  }
}
