import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RowHeights } from './row-heights.js';

/** Within this distance of the end, the agent counts as reading the latest messages. */
const BOTTOM_TOLERANCE_PX = 4;
/** Rows rendered beyond each edge of the view: the next step of a scroll is already there. */
const OVERSCAN_PX = 480;
/** The view's height until the transcript is measured. */
const FIRST_VIEW_PX = 800;

/** Where the agent was in a chat's transcript. */
interface ScrollMemory {
  atBottom: boolean;
  /**
   * The row at the top of the view and how far it was scrolled past: heights of rows
   * not rendered are estimates, so a row is a steadier landmark than a `scrollTop`.
   */
  anchorId?: string;
  anchorOffset: number;
  /** How many rows the chat had; more on return means new ones below. */
  entryCount: number;
  /** The "New messages" marker was showing. */
  unseen: boolean;
}

/** The rows to render, and the room the others take above and below them. */
export interface RowWindow {
  first: number;
  /** One past the last row rendered. */
  last: number;
  before: number;
  after: number;
}

/** A transcript's rows, as far as the view is concerned: each has an id. */
type Rows = readonly { id: string }[];

/**
 * The scrolling of a chat transcript of any length. Only the rows in and near the view
 * are rendered, in the normal flow between two spacers whose heights come from
 * `RowHeights`; each rendered row is measured by a ResizeObserver. While the agent is at
 * the bottom the view follows new rows; scrolled up, it stays put (the browser's scroll
 * anchoring keeps rows in place as estimates turn into measurements) and "New messages"
 * waits below. Each chat's position is remembered, and a switch of chats comes back to it.
 *
 * What counts as the agent scrolling up is a move above the place this view last put the
 * scroller: its own scrolls, and rows that grow, never stop the following.
 */
export class TranscriptView implements ReactiveController {
  /** The agent is at the bottom: new rows scroll into view. */
  following = true;
  /** Rows arrived below while the agent was scrolled up. */
  unseen = false;

  private readonly memory = new Map<string, ScrollMemory>();
  private readonly heights = new Map<string, RowHeights>();
  private shown?: { chatId: string; rows: RowHeights; entryCount: number };
  private range = { first: 0, last: 0 };
  private rendered: RowWindow = { first: 0, last: 0, before: 0, after: 0 };
  private scrollTop = 0;
  private viewHeight = FIRST_VIEW_PX;
  /** Where this view last put the scroller, while following. */
  private placedAt = 0;
  private restoreTo?: { anchorId: string; offset: number };
  private listenedTo?: HTMLElement;
  private readonly observed = new Set<Element>();
  private scrollFrame = 0;
  private rangeFrame = 0;
  private readonly rowObserver = new ResizeObserver((records) => this.rowsResized(records));
  private readonly viewObserver = new ResizeObserver((records) => this.viewResized(records));

  /** `scroller` finds the transcript's scrolling box, whose row elements carry `data-entry-id` and `aria-posinset`. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly scroller: () => HTMLElement | null,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.scrollFrame);
    cancelAnimationFrame(this.rangeFrame);
    this.rowObserver.disconnect();
    this.viewObserver.disconnect();
    this.observed.clear();
    this.listenedTo?.removeEventListener('scroll', this.onScroll);
    this.listenedTo = undefined;
  }

  /**
   * Before a render, once the rows to render are known: a focused row (its link, its
   * "Show all" or "Retry") about to leave the DOM hands the focus to the scroller, so the
   * focus never falls to the page.
   */
  keepFocus(): void {
    const scroller = this.scroller();
    const focused = (scroller?.getRootNode() as ShadowRoot | undefined)?.activeElement?.closest<HTMLElement>('[aria-posinset]');
    if (!scroller || !focused || !scroller.contains(focused)) return;
    const index = Number(focused.getAttribute('aria-posinset')) - 1;
    if (index < this.range.first || index >= this.range.last) scroller.focus({ preventScroll: true });
  }

  hostUpdated(): void {
    const scroller = this.scroller();
    if (!scroller) return;
    if (scroller !== this.listenedTo) {
      this.listenedTo?.removeEventListener('scroll', this.onScroll);
      if (this.listenedTo) this.viewObserver.unobserve(this.listenedTo);
      scroller.addEventListener('scroll', this.onScroll, { passive: true });
      this.viewObserver.observe(scroller);
      this.listenedTo = scroller;
    }
    setHeight(scroller.firstElementChild, this.rendered.before);
    setHeight(scroller.lastElementChild, this.rendered.after);
    const newRows = this.observeRows(scroller);
    const restore = this.restoreTo;
    this.restoreTo = undefined;
    if (restore) this.placeAnchor(scroller, restore.anchorId, restore.offset);
    // New rows are measured in this frame, after its layout: the view goes down then, with
    // nothing laid out ahead of time. Otherwise (rows gone, a spacer changed) at once.
    else if (this.following && newRows === 0) this.stickToBottom(scroller);
  }

  /**
   * The rows to render now. The room the others take goes to the scroller's first and
   * last children (spacers) after the render, through the CSSOM: a strict CSP refuses
   * style attributes in templates.
   */
  window(): RowWindow {
    const rows = this.shown?.rows;
    if (!rows) return (this.rendered = { first: 0, last: 0, before: 0, after: 0 });
    const { first, last } = this.range;
    const before = rows.offsetOf(first);
    return (this.rendered = { first, last, before, after: Math.max(0, rows.total - rows.offsetOf(last)) });
  }

  /** Shows a chat's rows: where the agent left them, or at the latest row the first time. */
  show(chatId: string, rows: Rows): void {
    const heights = this.heights.get(chatId) ?? new RowHeights();
    this.heights.set(chatId, heights);
    heights.sync(rows);
    this.shown = { chatId, rows: heights, entryCount: rows.length };
    const saved = this.memory.get(chatId);
    const index = saved?.anchorId === undefined || saved.atBottom ? -1 : rows.findIndex((row) => row.id === saved.anchorId);
    if (!saved?.anchorId || index < 0) {
      this.restoreTo = undefined;
      this.setState(true, false);
    } else {
      this.restoreTo = { anchorId: saved.anchorId, offset: saved.anchorOffset };
      this.scrollTop = heights.offsetOf(index) + saved.anchorOffset;
      this.setState(false, saved.unseen || rows.length > saved.entryCount);
    }
    this.updateRange();
  }

  /** Remembers where the agent is in the chat shown, before it goes away. */
  leave(): void {
    this.capture();
    this.shown = undefined;
    this.range = { first: 0, last: 0 };
  }

  /** The chat shown has other rows (usually one more at the end). */
  rowsChanged(rows: Rows): void {
    if (!this.shown) return;
    this.shown.rows.sync(rows);
    this.shown.entryCount = rows.length;
    this.updateRange();
  }

  /**
   * New rows arrived in the chat shown. Returns whether the agent sees them (and a
   * screen reader should read them) or whether they wait below, newly marked.
   */
  arrived(fresh: { sentByAgent: boolean; noteworthy: boolean }): 'seen' | 'newly-waiting' | 'unchanged' {
    // The agent's own message just sent: they want to see it, wherever they were.
    if (fresh.sentByAgent) this.setState(true, false);
    if (this.following) return 'seen';
    if (!fresh.noteworthy || this.unseen) return 'unchanged';
    this.setState(false, true);
    return 'newly-waiting';
  }

  /** Scrolls to the latest row and follows again. */
  showLatest(): void {
    this.setState(true, false);
  }

  /** Drops what is remembered of chats that left the workspace. */
  forgetAllBut(chatIds: readonly string[]): void {
    if (this.heights.size <= chatIds.length && this.memory.size <= chatIds.length) return;
    const kept = new Set(chatIds);
    for (const chatId of this.heights.keys()) if (!kept.has(chatId)) this.heights.delete(chatId);
    for (const chatId of this.memory.keys()) if (!kept.has(chatId)) this.memory.delete(chatId);
  }

  private setState(following: boolean, unseen: boolean): void {
    if (following === this.following && unseen === this.unseen) return;
    this.following = following;
    this.unseen = unseen;
    this.updateRange();
    this.host.requestUpdate();
  }

  /** Works out the rows to render; answers whether they changed. */
  private updateRange(): boolean {
    const rows = this.shown?.rows;
    const count = rows?.length ?? 0;
    let range = { first: 0, last: 0 };
    if (rows && count > 0) {
      const top = this.following ? rows.total - this.viewHeight : this.scrollTop;
      range = {
        first: rows.indexAt(Math.max(0, top - OVERSCAN_PX)),
        last: Math.min(count, rows.indexAt(top + this.viewHeight + OVERSCAN_PX) + 1),
      };
    }
    const changed = range.first !== this.range.first || range.last !== this.range.last;
    this.range = range;
    return changed;
  }

  /** Renders again in the next frame when the rows to render changed (not from inside a ResizeObserver). */
  private updateRangeSoon(): void {
    cancelAnimationFrame(this.rangeFrame);
    this.rangeFrame = requestAnimationFrame(() => {
      // Where the view is now: scroll anchoring may have moved it since the last scroll event.
      const scroller = this.scroller();
      if (scroller && !this.following) this.scrollTop = scroller.scrollTop;
      if (this.updateRange()) this.host.requestUpdate();
    });
  }

  /** Measures the rows new in the DOM; answers how many there are. */
  private observeRows(scroller: HTMLElement): number {
    let added = 0;
    for (const element of this.observed) {
      if (element.parentNode !== scroller) {
        this.rowObserver.unobserve(element);
        this.observed.delete(element);
      }
    }
    for (let row = scroller.firstElementChild; row; row = row.nextElementSibling) {
      if (row.hasAttribute('aria-posinset') && !this.observed.has(row)) {
        this.rowObserver.observe(row);
        this.observed.add(row);
        added += 1;
      }
    }
    return added;
  }

  private rowsResized(records: readonly ResizeObserverEntry[]): void {
    const rows = this.shown?.rows;
    if (!rows) return;
    let changed = false;
    for (const record of records) {
      const row = record.target as HTMLElement;
      const height = record.borderBoxSize[0]?.blockSize ?? row.getBoundingClientRect().height;
      const index = Number(row.getAttribute('aria-posinset')) - 1;
      if (row.isConnected && rows.measure(index, row.dataset.entryId ?? '', height)) changed = true;
    }
    const scroller = this.scroller();
    // The spacers take the new heights at once: the browser's scroll anchoring keeps the rows
    // in view where they are, and the rows to render are worked out again next frame.
    if (changed && scroller) this.resizeSpacers(scroller, rows);
    // Layout is done and nothing is painted yet: going down now costs no extra layout.
    if (this.following && scroller) this.stickToBottom(scroller);
    if (changed) this.updateRangeSoon();
  }

  private resizeSpacers(scroller: HTMLElement, rows: RowHeights): void {
    const { first, last } = this.rendered;
    this.rendered = { first, last, before: rows.offsetOf(first), after: Math.max(0, rows.total - rows.offsetOf(last)) };
    setHeight(scroller.firstElementChild, this.rendered.before);
    setHeight(scroller.lastElementChild, this.rendered.after);
  }

  private viewResized(records: readonly ResizeObserverEntry[]): void {
    const height = records.at(-1)?.contentRect.height ?? 0;
    if (height === 0) return;
    this.viewHeight = height;
    const scroller = this.scroller();
    if (this.following && scroller) this.stickToBottom(scroller);
    this.updateRangeSoon();
  }

  private stickToBottom(scroller: HTMLElement): void {
    const bottom = scroller.scrollHeight - scroller.clientHeight;
    if (Math.abs(scroller.scrollTop - bottom) > 0.5) scroller.scrollTop = bottom;
    this.placedAt = scroller.scrollTop;
    this.scrollTop = this.placedAt;
  }

  /** Scrolls so the remembered row is `offset` pixels past the top of the view, as it was. */
  private placeAnchor(scroller: HTMLElement, anchorId: string, offset: number): void {
    const row = rowWithId(scroller, anchorId);
    if (!row) return;
    scroller.scrollTop += row.getBoundingClientRect().top - scroller.getBoundingClientRect().top + offset;
    this.scrollTop = scroller.scrollTop;
  }

  private readonly onScroll = (): void => {
    // Decided once per frame, after the browser's own scroll adjustments.
    cancelAnimationFrame(this.scrollFrame);
    this.scrollFrame = requestAnimationFrame(() => this.scrolled());
  };

  private scrolled(): void {
    const scroller = this.scroller();
    if (!scroller) return;
    const top = scroller.scrollTop;
    const atBottom = scroller.scrollHeight - top - scroller.clientHeight <= BOTTOM_TOLERANCE_PX;
    this.scrollTop = top;
    if (this.following && !atBottom) {
      // Above where this view put it: the agent scrolled up. Below: rows grew; follow them.
      if (top < this.placedAt - BOTTOM_TOLERANCE_PX) this.setState(false, this.unseen);
      else this.stickToBottom(scroller);
    } else if (!this.following && atBottom) {
      this.setState(true, false);
    }
    if (this.updateRange()) this.host.requestUpdate();
    this.capture();
  }

  private capture(): void {
    const scroller = this.scroller();
    if (!this.shown || !scroller?.isConnected || scroller.clientHeight === 0) return;
    this.memory.set(this.shown.chatId, {
      ...captureView(scroller, this.following),
      entryCount: this.shown.entryCount,
      unseen: this.unseen,
    });
  }
}

function setHeight(spacer: Element | null, height: number): void {
  if (spacer instanceof HTMLElement && !spacer.hasAttribute('aria-posinset')) spacer.style.height = `${height}px`;
}

function rowWithId(scroller: HTMLElement, id: string): HTMLElement | undefined {
  for (let row = scroller.firstElementChild; row; row = row.nextElementSibling) {
    if (row instanceof HTMLElement && row.dataset.entryId === id) return row;
  }
  return undefined;
}

/** Reads the view of a scroller whose rows carry `data-entry-id`. */
function captureView(scroller: HTMLElement, following: boolean): Pick<ScrollMemory, 'atBottom' | 'anchorId' | 'anchorOffset'> {
  const distance = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
  if (following || distance <= BOTTOM_TOLERANCE_PX) return { atBottom: true, anchorOffset: 0 };
  const top = scroller.getBoundingClientRect().top;
  for (let row = scroller.firstElementChild; row; row = row.nextElementSibling) {
    if (!(row instanceof HTMLElement) || row.dataset.entryId === undefined) continue;
    const box = row.getBoundingClientRect();
    if (box.bottom > top) return { atBottom: false, anchorId: row.dataset.entryId, anchorOffset: top - box.top };
  }
  return { atBottom: false, anchorOffset: 0 };
}
