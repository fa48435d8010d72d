import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { virtualizerRef, type VirtualizeDirectiveConfig, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Within this distance of the end, the agent counts as reading the latest messages. */
const BOTTOM_TOLERANCE_PX = 4;

/** Where the agent was in a chat's transcript. */
interface ScrollMemory {
  atBottom: boolean;
  /**
   * The entry at the top of the view and how far it was scrolled past. Positions in a
   * virtualized list are estimates until measured, so an entry is a steadier landmark
   * than a `scrollTop`.
   */
  anchorId?: string;
  anchorOffset: number;
  /** How many entries the chat had; more on return means new ones below. */
  entryCount: number;
  /** The "New messages" marker was showing. */
  unseen: boolean;
}

/**
 * The scrolling behaviour of a virtualized chat transcript: it follows new entries
 * while the agent is at the bottom (by pinning the virtualizer's layout to the last
 * entry), leaves the view alone when the agent scrolled up, and remembers each chat's
 * position so a switch of chats comes back to it.
 */
export class TranscriptScroll implements ReactiveController {
  /** The agent is at the bottom: new entries scroll into view. */
  following = true;
  /** Entries arrived below while the agent was scrolled up. */
  unseen = false;

  /** The layout holds a pin; scroll events until it lets go are the virtualizer's own. */
  private pinned = false;
  private restoreTo?: { index: number; anchorId: string; offset: number };
  private readonly memory = new Map<string, ScrollMemory>();
  private shown?: { chatId: string; entryCount: number };
  private listenedTo?: HTMLElement;
  private frame = 0;

  /** `scroller` finds the transcript's virtualizer host, whose items carry `data-entry-id`. */
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly scroller: () => VirtualizerHostElement | null,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
  }

  hostUpdated(): void {
    const scroller = this.scroller();
    if (scroller && scroller !== this.listenedTo) {
      this.listenedTo?.removeEventListener('scroll', this.onScroll);
      this.listenedTo?.removeEventListener('unpinned', this.onUnpinned);
      scroller.addEventListener('scroll', this.onScroll, { passive: true });
      scroller.addEventListener('unpinned', this.onUnpinned);
      this.listenedTo = scroller;
    }
    const target = this.restoreTo;
    this.restoreTo = undefined;
    scroller?.[virtualizerRef]?.layoutComplete
      .then(() => this.afterLayout(scroller, target))
      .catch(() => undefined);
  }

  /** The virtualizer layout for this render: pinned to the end while following, or to a remembered entry. */
  layout(entryCount: number): VirtualizeDirectiveConfig<unknown>['layout'] {
    if (this.following) {
      this.pinned = true;
      return flow({ pin: { index: entryCount - 1, block: 'end' } });
    }
    if (this.restoreTo) {
      this.pinned = true;
      return flow({ pin: { index: this.restoreTo.index, block: 'start' } });
    }
    return flow();
  }

  /** Shows a chat, given its entries' ids: where the agent left it, or at its latest entry the first time. */
  show(chatId: string, ids: readonly string[]): void {
    this.shown = { chatId, entryCount: ids.length };
    const saved = this.memory.get(chatId);
    const index = saved?.anchorId === undefined ? -1 : ids.indexOf(saved.anchorId);
    if (!saved?.anchorId || saved.atBottom || index < 0) {
      this.restoreTo = undefined;
      this.setState(true, false);
      return;
    }
    this.restoreTo = { index, anchorId: saved.anchorId, offset: saved.anchorOffset };
    this.setState(false, saved.unseen || ids.length > saved.entryCount);
  }

  /** Remembers where the agent is in the chat shown, before it goes away. */
  leave(): void {
    this.capture();
    this.shown = undefined;
  }

  /** Keeps the count of entries the agent has in the chat shown. */
  entriesChanged(entryCount: number): void {
    if (this.shown) this.shown.entryCount = entryCount;
  }

  /**
   * New entries arrived in the chat shown. Returns whether the agent sees them (and a
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

  /** Scrolls to the latest entry and follows again. */
  showLatest(): void {
    this.setState(true, false);
  }

  /** Drops what is remembered of chats that left the workspace. */
  forgetAllBut(chatIds: readonly string[]): void {
    if (this.memory.size <= chatIds.length) return;
    for (const chatId of this.memory.keys()) if (!chatIds.includes(chatId)) this.memory.delete(chatId);
  }

  private setState(following: boolean, unseen: boolean): void {
    if (following === this.following && unseen === this.unseen) return;
    this.following = following;
    this.unseen = unseen;
    this.host.requestUpdate();
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

  /** The layout may settle a few pixels off the end while following; finish the way down. */
  private afterLayout(scroller: HTMLElement, restored?: { anchorId: string; offset: number }): void {
    if (scroller !== this.scroller()) return;
    if (restored) void this.offsetAnchor(scroller, restored.anchorId, restored.offset);
    else if (this.following && distanceFromBottom(scroller) > 1) scroller.scrollTop = scroller.scrollHeight;
  }

  /**
   * The pin brings the remembered entry to the top; the rest of the way is a scroll of
   * our own. The virtualizer takes scrolls made while it corrects its estimates for its
   * own and undoes them, so check, and scroll again, over a few frames.
   */
  private async offsetAnchor(scroller: HTMLElement, anchorId: string, offset: number): Promise<void> {
    for (let attempt = 0; attempt < 6; attempt++) {
      const item = Array.from(scroller.children).find(
        (child): child is HTMLElement => child instanceof HTMLElement && child.dataset.entryId === anchorId,
      );
      if (!item || scroller !== this.scroller() || this.following) return;
      const error = offset - (scroller.getBoundingClientRect().top - item.getBoundingClientRect().top);
      if (Math.abs(error) < 1) return;
      scroller.scrollTop += error;
      await frames(3);
    }
  }

  /** The virtualizer let go of its pin: the agent, the host page or the browser moved the view. */
  private readonly onUnpinned = (): void => {
    this.pinned = false;
  };

  private readonly onScroll = (): void => {
    // Decided after every scroll listener ran, the virtualizer's (which unpins) included.
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      const scroller = this.scroller();
      if (!scroller) return;
      const atBottom = distanceFromBottom(scroller) <= BOTTOM_TOLERANCE_PX;
      if (!this.pinned) {
        this.setState(atBottom, atBottom ? false : this.unseen);
        // Still at the bottom after, say, the browser clamped the position: pin again.
        if (atBottom) this.host.requestUpdate();
      } else if (atBottom) {
        // Brought to the end by a pin (a remembered position can be the end): follow from here.
        this.setState(true, false);
      }
      this.capture();
    });
  };
}

function frames(count: number): Promise<void> {
  return new Promise((resolve) => {
    const next = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
    next(count);
  });
}

function distanceFromBottom(scroller: Element): number {
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
}

/** Reads the view of a virtualized scroller whose items carry `data-entry-id`. */
function captureView(scroller: HTMLElement, following: boolean): Pick<ScrollMemory, 'atBottom' | 'anchorId' | 'anchorOffset'> {
  if (following || distanceFromBottom(scroller) <= BOTTOM_TOLERANCE_PX) return { atBottom: true, anchorOffset: 0 };
  const top = scroller.getBoundingClientRect().top;
  for (const item of Array.from(scroller.children)) {
    if (!(item instanceof HTMLElement) || item.dataset.entryId === undefined) continue;
    const box = item.getBoundingClientRect();
    if (box.bottom > top) return { atBottom: false, anchorId: item.dataset.entryId, anchorOffset: top - box.top };
  }
  return { atBottom: false, anchorOffset: 0 };
}
