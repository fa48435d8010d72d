import { msg } from '@lit/localize';
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { SessionController, type SessionHost } from '../../controllers/session-controller.js';
import { contactWaitingSince, shallowEqual } from '../../session/selectors.js';
import type { Chat } from '../../session/state.js';
import type { ContactTab } from '../contact-tab/contact-tab.js';
import { renderHiddenTabs } from './hidden-tabs.js';

/** The chats' ids in the order their tabs show. A sort by a fixed time: stable between messages. */
export function tabOrderOf(chats: readonly Chat[], order: 'accepted' | 'longest-wait'): string[] {
  if (order !== 'longest-wait') return chats.map((chat) => chat.id);
  const since = (chat: Chat) => contactWaitingSince(chat) ?? Number.POSITIVE_INFINITY;
  return [...chats].sort((a, b) => since(a) - since(b)).map((chat) => chat.id);
}

interface TabRailHost extends ReactiveControllerHost, SessionHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  tabOrder: 'accepted' | 'longest-wait';
}

/**
 * The workspace's contact tabs: their order (`tab-order`), the tablist, and the counts of
 * tabs scrolled out of sight with a way to them; the active chat's tab is kept in sight.
 */
export class TabRail implements ReactiveController {
  /** Tabs scrolled out of sight on either side, which a count and a button point to. */
  private hidden = { before: 0, after: 0 };
  private shownActiveChatId?: string;
  private countsChanged = false;
  /**
   * Where each tab is, as the list's IntersectionObserver last told: the counts come from
   * it, so the rail never lays the page out to count (a new message, a tick, a resize).
   */
  private readonly sides = new Map<Element, TabSide>();
  private watcher?: { list: HTMLElement; horizontal: boolean; observer: IntersectionObserver };

  private readonly chatIds: SessionController<string[]>;

  constructor(private readonly host: TabRailHost) {
    host.addController(this);
    this.chatIds = new SessionController(
      host,
      (session) => session.select((state) => tabOrderOf(state.chats, host.tabOrder), shallowEqual),
      { dependsOn: () => [host.tabOrder] },
    );
  }

  /** How many chats the tabs show. */
  get count(): number {
    return this.chatIds.value?.length ?? 0;
  }

  hostDisconnected(): void {
    this.watcher?.observer.disconnect();
    this.watcher = undefined;
    this.sides.clear();
  }

  hostUpdated(): void {
    this.watchTabs();
    const activeChatId = this.host.session?.state.activeChatId;
    // However many chats there are, the one shown has its tab in sight; the counts coming
    // or going take room from the list, so it is looked at again then.
    if (activeChatId === this.shownActiveChatId && !this.countsChanged) return;
    this.shownActiveChatId = activeChatId;
    this.countsChanged = false;
    const tab = Array.from(this.host.renderRoot.querySelectorAll<ContactTab>('contact-tab')).find((candidate) => candidate.chatId === activeChatId);
    // Once it has its size: a new tab is empty until it renders.
    if (tab) void tab.updateComplete.then(() => bringIntoSight(tab, this.list, () => this.shownActiveChatId === tab.chatId));
  }

  render(compact: boolean) {
    const chatIds = this.chatIds.value ?? [];
    return html`<div class="tab-rail">
      ${renderHiddenTabs(this.hidden.before, 'before', compact, this.scrollTabs)}
      <div
        part="tabs"
        class="tabs"
        role="tablist"
        aria-orientation=${compact ? 'horizontal' : 'vertical'}
        aria-label=${msg('Chats')}
      >
        ${repeat(chatIds, (id) => id, (id) => html`<contact-tab chat-id=${id} ?compact=${compact}></contact-tab>`)}
      </div>
      ${renderHiddenTabs(this.hidden.after, 'after', compact, this.scrollTabs)}
    </div>`;
  }

  /** Counts the tabs out of sight before and after the visible part of the list. */
  readonly countHidden = (): void => {
    const next = { before: 0, after: 0 };
    for (const side of this.sides.values()) if (side !== 'in-sight') next[side] += 1;
    if (next.before === this.hidden.before && next.after === this.hidden.after) return;
    this.hidden = next;
    this.countsChanged = true;
    this.host.requestUpdate();
  };

  /** Watches the tabs of the list going in and out of its sight. */
  private watchTabs(): void {
    const list = this.list;
    const horizontal = list?.getAttribute('aria-orientation') === 'horizontal';
    if (this.watcher && (this.watcher.list !== list || this.watcher.horizontal !== horizontal)) this.hostDisconnected();
    if (!list) return;
    if (!this.watcher) {
      // A tab within a pixel of the edge counts as out of sight.
      const observer = new IntersectionObserver((entries) => this.tabsMoved(entries, horizontal), { root: list, rootMargin: '-1px' });
      this.watcher = { list, horizontal, observer };
    }
    for (const tab of Array.from(list.children)) {
      if (this.sides.has(tab)) continue;
      this.sides.set(tab, 'in-sight');
      this.watcher.observer.observe(tab);
    }
    for (const tab of this.sides.keys()) {
      if (tab.parentNode === list) continue;
      this.watcher.observer.unobserve(tab);
      this.sides.delete(tab);
    }
  }

  private tabsMoved(entries: readonly IntersectionObserverEntry[], horizontal: boolean): void {
    for (const entry of entries) {
      if (!this.sides.has(entry.target)) continue;
      this.sides.set(entry.target, sideOf(entry, horizontal));
    }
    this.countHidden();
  }

  /** Brings the next hidden tabs on one side into sight. */
  private readonly scrollTabs = (side: 'before' | 'after'): void => {
    const list = this.list;
    if (!list) return;
    const horizontal = list.getAttribute('aria-orientation') === 'horizontal';
    const page = (horizontal ? list.clientWidth : list.clientHeight) * 0.8;
    const by = side === 'after' ? page : -page;
    list.scrollBy(horizontal ? { left: by, behavior: 'smooth' } : { top: by, behavior: 'smooth' });
  };

  private get list(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('[role="tablist"]');
  }
}

type TabSide = 'before' | 'in-sight' | 'after';

function sideOf(entry: IntersectionObserverEntry, horizontal: boolean): TabSide {
  if (entry.isIntersecting) return 'in-sight';
  const view = entry.rootBounds;
  const box = entry.boundingClientRect;
  if (!view) return 'after';
  return (horizontal ? box.right <= view.left + 1 : box.bottom <= view.top + 1) ? 'before' : 'after';
}

/**
 * Scrolls the tab into its list's sight when it is not in full and `stillWanted()` (the
 * agent may have moved on meanwhile); asks the browser first, so nothing is laid out to check.
 */
function bringIntoSight(tab: HTMLElement, list: HTMLElement | null, stillWanted: () => boolean): void {
  const check = new IntersectionObserver(
    ([entry]) => {
      check.disconnect();
      if (entry && entry.intersectionRatio < 0.99 && stillWanted()) tab.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    },
    { root: list, threshold: [0, 1] },
  );
  check.observe(tab);
}
