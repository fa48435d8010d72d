import { msg } from '@lit/localize';
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { SessionController, type SessionHost } from '../../controllers/session-controller.js';
import { contactWaitingSince, shallowEqual } from '../../session/selectors.js';
import type { Chat } from '../../session/state.js';
import type { ContactTab } from '../contact-tab/contact-tab.js';
import { hiddenTabsOf, renderHiddenTabs } from './hidden-tabs.js';

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

  hostUpdated(): void {
    const activeChatId = this.host.session?.state.activeChatId;
    if (activeChatId !== this.shownActiveChatId) {
      this.shownActiveChatId = activeChatId;
      // However many chats there are, the one shown has its tab in sight.
      const tabs = Array.from(this.host.renderRoot.querySelectorAll<ContactTab>('contact-tab'));
      // Once the tabs have their size: a new tab is empty until it renders.
      void Promise.all(tabs.map((tab) => tab.updateComplete)).then(() => {
        tabs.find((tab) => tab.chatId === activeChatId)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        this.countHidden();
      });
    }
    this.countHidden();
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
        @scroll=${this.countHidden}
      >
        ${repeat(chatIds, (id) => id, (id) => html`<contact-tab chat-id=${id} ?compact=${compact}></contact-tab>`)}
      </div>
      ${renderHiddenTabs(this.hidden.after, 'after', compact, this.scrollTabs)}
    </div>`;
  }

  /** Counts the tabs out of sight before and after the visible part of the list. */
  readonly countHidden = (): void => {
    const list = this.list;
    const next = list ? hiddenTabsOf(list) : { before: 0, after: 0 };
    if (next.before === this.hidden.before && next.after === this.hidden.after) return;
    this.hidden = next;
    this.host.requestUpdate();
  };

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
