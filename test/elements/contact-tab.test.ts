import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChatSession, ChatWorkspace, ContactTab } from '../../src/index.js';
import { CONTACT_PALETTE_SIZE, contactColorIndex } from '../../src/elements/contact-tab/contact-color.js';
import { connectAgent, deepQueryAll, settle } from '../helpers.js';
import { ManualScheduler } from '../support/manual-scheduler.js';

type TimerKind = 'handle' | 'wait' | 'acw';

/** Starts and accepts one chat per name; the last one accepted is the active chat. */
async function acceptChats(session: ChatSession, center: ReturnType<typeof connectAgent>['center'], names: string[]) {
  await session.setAgentState('Available');
  const ids: string[] = [];
  for (const name of names) {
    const chatId = center.startChat({ contact: { name }, skill: 'Billing', text: `Bonjour, ici ${name}` });
    await session.acceptOffer(chatId);
    ids.push(chatId);
  }
  return ids;
}

/** Tabs on their own, in a tablist, each given the session by property; the scheduler clocks them. */
async function tabsFor(scheduler: ManualScheduler, names: string[]) {
  const { center, session } = connectAgent({ maxConcurrentChats: 12, scheduler });
  const ids = await acceptChats(session, center, names);
  const list = await fixture<HTMLElement>(html`
    <div role="tablist" aria-label="Chats" aria-orientation="vertical">
      ${ids.map((id) => html`<contact-tab chat-id=${id} .session=${session}></contact-tab>`)}
    </div>
  `);
  const tabs = Array.from(list.querySelectorAll('contact-tab'));
  await Promise.all(tabs.map((tab) => settle(tab)));
  return { center, session, ids, list, tabs };
}

async function oneTab(scheduler: ManualScheduler, name = 'Marie Tremblay') {
  const { tabs, ids, ...rest } = await tabsFor(scheduler, [name]);
  const [tab] = tabs;
  const [chatId] = ids;
  if (!tab || !chatId) throw new Error('no tab');
  return { tab, chatId, ...rest };
}

function timer(tab: ContactTab, kind: TimerKind): HTMLElement | null | undefined {
  return tab.shadowRoot?.querySelector<HTMLElement>(`[part~="timer-${kind}"]`);
}

function timerText(tab: ContactTab, kind: TimerKind): string | undefined {
  return timer(tab, kind)?.textContent?.trim();
}

/** The contact's name as the tab shows it. */
function nameOf(tab: Element | null | undefined): string | undefined {
  return tab?.shadowRoot?.querySelector('[part~="name"]')?.textContent?.trim();
}

function unread(tab: ContactTab): string | undefined {
  return tab.shadowRoot?.querySelector('[part~="unread"]')?.textContent?.trim();
}

function avatarColor(tab: ContactTab): string {
  const avatar = tab.shadowRoot?.querySelector('[part~="avatar"]');
  return avatar ? getComputedStyle(avatar).backgroundColor : '';
}

/** Counts renders of an element from now on. */
function countRenders(element: { render(): unknown }): { count: number } {
  const counter = { count: 0 };
  const render = element.render.bind(element);
  element.render = () => {
    counter.count++;
    return render();
  };
  return counter;
}

describe('<contact-tab>', () => {
  /** Each test's clock, moved by hand: the center, the session and so the timers run on it. */
  let scheduler: ManualScheduler;
  beforeEach(() => {
    scheduler = new ManualScheduler();
  });

  async function tick(milliseconds: number, ...elements: Element[]) {
    scheduler.advance(milliseconds);
    await Promise.all(elements.map((element) => settle(element)));
  }

  it('is a tab named after the contact, selected while its chat is shown', async () => {
    const { tabs, session, ids } = await tabsFor(scheduler, ['Marie Tremblay', 'Priya Natarajan']);
    const [marie, priya] = tabs as [ContactTab, ContactTab];
    expect(marie.getAttribute('role')).to.equal('tab');
    expect(nameOf(marie)).to.equal('Marie Tremblay');
    expect(nameOf(priya)).to.equal('Priya Natarajan');
    // Assistive technology gets the name first, then the timers by their labels, never hidden.
    const timers = Array.from(marie.shadowRoot?.querySelectorAll('[role="timer"]') ?? []);
    expect(timers.map((found) => found.getAttribute('aria-label'))).to.deep.equal(['Handling time', 'Contact waiting']);
    expect(timers.some((found) => found.closest('[aria-hidden="true"]'))).to.equal(false);
    expect(marie.getAttribute('aria-selected')).to.equal('false');
    expect(priya.getAttribute('aria-selected')).to.equal('true');

    session.activateChat(ids[0] ?? '');
    await settle(marie);
    await settle(priya);
    expect(marie.getAttribute('aria-selected')).to.equal('true');
    expect(priya.getAttribute('aria-selected')).to.equal('false');
  });

  it('renders contact input as text, never as HTML', async () => {
    const { tab } = await oneTab(scheduler, '<img src=x onerror="window.__pwned=1">');
    expect(tab.shadowRoot?.querySelector('img')).to.equal(null);
    expect(nameOf(tab)).to.equal('<img src=x onerror="window.__pwned=1">');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('counts the handling time from Accept in a grey timer, m:ss then h:mm:ss', async () => {
    const { tab } = await oneTab(scheduler);
    const handle = timer(tab, 'handle');
    expect(handle?.getAttribute('role')).to.equal('timer');
    expect(handle?.getAttribute('aria-label')).to.equal('Handling time');
    expect(timerText(tab, 'handle')).to.equal('0:00');
    await tick(65_000, tab);
    expect(timerText(tab, 'handle')).to.equal('1:05');
    await tick(3_600_000, tab);
    expect(timerText(tab, 'handle')).to.equal('1:01:05');
  });

  it('shows the blue timer only while the contact sent the last message, counting from it', async () => {
    const { tab, chatId, session, center } = await oneTab(scheduler);
    expect(timer(tab, 'wait')?.getAttribute('role'), 'the first message waits for a reply').to.equal('timer');
    expect(timer(tab, 'wait')?.getAttribute('aria-label')).to.equal('Contact waiting');
    await tick(12_000, tab);
    expect(timerText(tab, 'wait')).to.equal('0:12');

    await session.sendMessage(chatId, 'Bonjour Marie, je regarde.');
    await settle(tab);
    expect(timer(tab, 'wait'), 'the agent replied').to.equal(null);
    await tick(20_000, tab);
    expect(timer(tab, 'wait')).to.equal(null);

    center.contactSays(chatId, 'Merci!');
    await settle(tab);
    expect(timerText(tab, 'wait')).to.equal('0:00');
    await tick(7_000, tab);
    expect(timerText(tab, 'wait')).to.equal('0:07');
    center.contactSays(chatId, 'Vous êtes là?');
    await tick(3_000, tab);
    expect(timerText(tab, 'wait'), 'from the latest message').to.equal('0:03');
    expect(timerText(tab, 'handle')).to.equal('0:42');
    expect(timer(tab, 'acw')).to.equal(null);
  });

  it('shows the purple timer from the moment the contact leaves; the blue one goes, the grey one runs on', async () => {
    const { tab, chatId, center } = await oneTab(scheduler);
    await tick(30_000, tab);
    center.contactLeaves(chatId);
    await settle(tab);
    expect(timer(tab, 'acw')?.getAttribute('role')).to.equal('timer');
    expect(timer(tab, 'acw')?.getAttribute('aria-label')).to.equal('After-contact work');
    expect(timerText(tab, 'acw')).to.equal('0:00');
    expect(timer(tab, 'wait'), 'no one waits for an ended chat').to.equal(null);
    await tick(45_000, tab);
    expect(timerText(tab, 'acw')).to.equal('0:45');
    expect(timerText(tab, 'handle')).to.equal('1:15');
  });

  it('shows the purple timer when the agent ends the chat', async () => {
    const { tab, chatId, session } = await oneTab(scheduler);
    await session.sendMessage(chatId, 'Bonne journée!');
    await tick(10_000, tab);
    expect(timer(tab, 'acw')).to.equal(null);
    await session.endChat(chatId);
    await settle(tab);
    expect(timerText(tab, 'acw')).to.equal('0:00');
    await tick(61_000, tab);
    expect(timerText(tab, 'acw')).to.equal('1:01');
    expect(timerText(tab, 'handle')).to.equal('1:11');
    expect(timer(tab, 'wait')).to.equal(null);
  });

  it('counts unread messages of a background chat and clears them when the tab is activated', async () => {
    const { tabs, ids, center, session } = await tabsFor(scheduler, ['Marie Tremblay', 'Priya Natarajan']);
    const [marie, priya] = tabs as [ContactTab, ContactTab];
    const [marieId = '', priyaId = ''] = ids;
    expect(unread(marie)).to.equal(undefined);

    center.contactSays(marieId, 'Allô?');
    await settle(marie);
    expect(unread(marie)).to.equal('1');
    // After the unread count, the timers' values: a tab's content is presentational to screen readers.
    expect(marie.getAttribute('aria-description')).to.equal('1 unread message. Handling time 0:00. Contact waiting 0:00.');
    expect(nameOf(marie), 'the name stays the name').to.equal('Marie Tremblay');

    center.contactSays(marieId, 'Il y a quelqu’un?');
    center.contactSays(priyaId, 'Merci');
    await settle(marie);
    await settle(priya);
    expect(unread(marie)).to.equal('2');
    expect(marie.getAttribute('aria-description')).to.match(/^2 unread messages\. Handling time /);
    expect(unread(priya), 'the shown chat has nothing unread').to.equal(undefined);

    marie.click();
    await settle(marie);
    expect(session.state.activeChatId).to.equal(marieId);
    expect(marie.getAttribute('aria-selected')).to.equal('true');
    expect(unread(marie)).to.equal(undefined);
    expect(marie.getAttribute('aria-description')).not.to.contain('unread');
  });

  it('changes the blue timer’s look, with a mark, past the configured wait thresholds', async () => {
    const { center, session } = connectAgent({ maxConcurrentChats: 2, waitWarningMs: 30_000, waitAlertMs: 60_000, scheduler });
    const [chatId = ''] = await acceptChats(session, center, ['Marie Tremblay']);
    const list = await fixture<HTMLElement>(
      html`<div role="tablist" aria-label="Chats"><contact-tab chat-id=${chatId} .session=${session}></contact-tab></div>`,
    );
    const tab = list.querySelector('contact-tab') as ContactTab;
    await session.sendMessage(chatId, 'Hello');
    center.contactSays(chatId, 'Are you there?');
    await settle(tab);
    const timer = () => tab.shadowRoot?.querySelector<HTMLElement>('[part~="timer-wait"]');
    expect(timer()?.dataset.level).to.equal('normal');
    await tick(30_000, tab);
    expect(timer()?.dataset.level).to.equal('warning');
    expect(timer()?.querySelector('.wait-mark')?.textContent).to.equal('!');
    expect(tab.getAttribute('aria-description')).to.contain('Waiting long');
    await tick(30_000, tab);
    expect(timer()?.dataset.level).to.equal('alert');
    expect(timer()?.querySelector('.wait-mark')?.textContent).to.equal('!!');
    expect(tab.getAttribute('aria-description')).to.contain('Waiting too long');
    await expect(list).to.be.accessible();
  });

  it('tells screen readers the timers’ values as they run, and shows the whole name on hover', async () => {
    const { tabs, ids, center, session } = await tabsFor(scheduler, ['Marie Tremblay ' + 'Longname'.repeat(4)]);
    const [marie] = tabs as [ContactTab];
    await tick(5_000, marie);
    center.contactSays(ids[0] ?? '', 'Allô?');
    await tick(65_000, marie);
    expect(session.state.chats).to.have.length(1);
    expect(marie.title).to.equal('Marie Tremblay ' + 'Longname'.repeat(4));
    expect(marie.getAttribute('aria-description')).to.equal('Handling time 1:10. Contact waiting 1:05.');
  });

  it('activates with Enter and Space', async () => {
    const { tabs, ids, session } = await tabsFor(scheduler, ['Marie Tremblay', 'Priya Natarajan']);
    const [marie, priya] = tabs as [ContactTab, ContactTab];
    const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true });
    marie.dispatchEvent(enter);
    expect(session.state.activeChatId).to.equal(ids[0]);
    expect(enter.defaultPrevented).to.equal(true);
    const space = new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true, cancelable: true });
    priya.dispatchEvent(space);
    expect(session.state.activeChatId).to.equal(ids[1]);
    expect(space.defaultPrevented, 'Space does not scroll the page').to.equal(true);
  });

  it('keeps a contact’s colour from its name, and spreads names over the palette', async () => {
    // Pinned: the colour of a name must not change between reloads or releases.
    expect(contactColorIndex('Marie Tremblay')).to.equal(contactColorIndex('Marie Tremblay'));
    expect(contactColorIndex('Marie Tremblay')).to.equal(PINNED_MARIE_COLOR);
    expect(contactColorIndex('  Marie Tremblay ')).to.equal(PINNED_MARIE_COLOR);

    const names = Array.from({ length: 60 }, (_, index) => `Contact ${index}`);
    const used = new Set(names.map(contactColorIndex));
    expect(used.size, 'every palette entry is used').to.equal(CONTACT_PALETTE_SIZE);
    for (const index of used) expect(index).to.be.within(1, CONTACT_PALETTE_SIZE);

    const { tabs } = await tabsFor(scheduler, ['Marie Tremblay', 'Marie Tremblay', 'Priya Natarajan', 'Jean Roy']);
    const [first, again, priya, jean] = tabs as [ContactTab, ContactTab, ContactTab, ContactTab];
    expect(avatarColor(first)).to.match(/^rgb/);
    expect(avatarColor(again), 'same name, same colour').to.equal(avatarColor(first));
    const distinctNames = [first, priya, jean];
    const indexes = ['Marie Tremblay', 'Priya Natarajan', 'Jean Roy'].map(contactColorIndex);
    expect(new Set(indexes).size, 'these names fall on different entries').to.equal(3);
    expect(new Set(distinctNames.map(avatarColor)).size, 'different entries, different colours').to.equal(3);
  });

  it('offers twelve distinct palette colours, each themable through a custom property', async () => {
    const { tab } = await oneTab(scheduler);
    // The defaults in force live in the private --_cw-* twins of the public --cw-* tokens.
    const style = getComputedStyle(tab);
    const palette = Array.from({ length: CONTACT_PALETTE_SIZE }, (_, index) =>
      style.getPropertyValue(`--_cw-contact-color-${index + 1}`).trim(),
    );
    expect(palette.every(Boolean)).to.equal(true);
    expect(new Set(palette).size).to.equal(12);
    for (const name of ['--_cw-timer-handle-bg', '--_cw-timer-wait-bg', '--_cw-timer-acw-bg']) {
      expect(style.getPropertyValue(name).trim(), name).to.not.equal('');
    }
    tab.style.setProperty('--cw-contact-color-1', 'rgb(9, 9, 9)');
    expect(getComputedStyle(tab).getPropertyValue('--_cw-contact-color-1').trim()).to.equal('rgb(9, 9, 9)');
    tab.style.removeProperty('--cw-contact-color-1');
  });

  it('keeps tabs, timers, the selection and the contact colour visible in forced-colors mode', async () => {
    const { tabs, ids, center } = await tabsFor(scheduler, ['Marie Tremblay', 'Priya Natarajan']);
    const [marie, priya] = tabs as [ContactTab, ContactTab];
    center.contactLeaves(ids[0] ?? '');
    await settle(marie);
    // The browser here cannot emulate forced colors: apply the rules of that media query as they are.
    for (const tab of tabs) {
      const root = tab.shadowRoot;
      if (!root) throw new Error('no shadow root');
      const forced = root.adoptedStyleSheets
        .flatMap((sheet) => Array.from(sheet.cssRules))
        .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.conditionText.includes('forced-colors'));
      expect(forced, 'a forced-colors block').to.have.length(1);
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(Array.from(forced[0]?.cssRules ?? []).map((rule) => rule.cssText).join('\n'));
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
    const border = (element: Element | null | undefined) => {
      const style = element ? getComputedStyle(element) : undefined;
      return style ? `${style.borderTopStyle} ${style.borderTopWidth}` : '';
    };
    expect(border(marie)).to.equal('solid 1px');
    expect(border(priya), 'the selected tab').to.equal('solid 3px');
    expect(border(timer(priya, 'handle'))).to.equal('solid 1px');
    expect(border(timer(priya, 'wait'))).to.equal('solid 2px');
    expect(border(timer(marie, 'acw'))).to.equal('dashed 2px');
    const avatar = marie.shadowRoot?.querySelector('[part~="avatar"]');
    expect(avatar && getComputedStyle(avatar).forcedColorAdjust, 'the contact colour stays').to.equal('none');
  });

  it('rewrites the timer text on a tick without re-rendering the tab', async () => {
    const { tab } = await oneTab(scheduler);
    const renders = countRenders(tab);
    await tick(5_000, tab);
    expect(timerText(tab, 'handle')).to.equal('0:05');
    expect(timerText(tab, 'wait')).to.equal('0:05');
    await tick(60_000, tab);
    expect(timerText(tab, 'handle')).to.equal('1:05');
    expect(renders.count, 'ticks rewrite the timer text only').to.equal(0);
  });

  it('does not re-render when another chat changes', async () => {
    const { tabs, ids, session, center } = await tabsFor(scheduler, ['Marie Tremblay', 'Priya Natarajan']);
    const [marie] = tabs as [ContactTab];
    const renders = countRenders(marie);
    session.setDraft(ids[1] ?? '', 'Un instant');
    center.contactSays(ids[1] ?? '', 'Merci');
    await settle(marie);
    expect(renders.count).to.equal(0);
  });

  it('follows a new chat-id', async () => {
    const { tabs, ids } = await tabsFor(scheduler, ['Marie Tremblay', 'Priya Natarajan']);
    const [marie] = tabs as [ContactTab];
    marie.setAttribute('chat-id', ids[1] ?? '');
    await settle(marie);
    expect(nameOf(marie)).to.equal('Priya Natarajan');
    expect(marie.getAttribute('aria-selected')).to.equal('true');
  });

  it('passes axe with timers, an unread count and an ended chat', async () => {
    const { list, tabs, ids, center } = await tabsFor(scheduler, ['Marie Tremblay', 'Priya Natarajan', 'Jean Roy']);
    center.contactSays(ids[0] ?? '', 'Allô?');
    center.contactLeaves(ids[1] ?? '');
    await Promise.all(tabs.map((tab) => settle(tab)));
    expect(unread(tabs[0] as ContactTab)).to.equal('1');
    expect(timer(tabs[1] as ContactTab, 'acw')).to.exist;
    await expect(list).to.be.accessible();
  });

  describe('in a workspace', () => {
    async function workspaceWith(names: string[]) {
      const { center, session } = connectAgent({ maxConcurrentChats: 3, scheduler });
      const element = await fixture<ChatWorkspace>(html`<chat-workspace .session=${session}></chat-workspace>`);
      const ids = await acceptChats(session, center, names);
      await settle(element);
      const tabs = deepQueryAll<ContactTab>(element, '[role="tablist"] > contact-tab');
      return { center, session, element, ids, tabs };
    }

    it('ticks the timers of every tab without re-rendering the workspace or the tabs', async () => {
      const { element, tabs } = await workspaceWith(['Marie Tremblay', 'Priya Natarajan', 'Jean Roy']);
      expect(tabs).to.have.length(3);
      const workspaceRenders = countRenders(element);
      const tabRenders = tabs.map(countRenders);
      await tick(3_000, element);
      for (const tab of tabs) expect(timerText(tab, 'handle')).to.equal('0:03');
      expect(workspaceRenders.count).to.equal(0);
      expect(tabRenders.map((renders) => renders.count)).to.deep.equal([0, 0, 0]);
    });
  });
});

describe('<contact-tab> keyboard in a workspace', () => {
  async function workspaceWithThreeChats() {
    const { center, session } = connectAgent({ maxConcurrentChats: 3 });
    const page = await fixture<HTMLElement>(html`
      <div>
        <button>Before</button>
        <chat-workspace .session=${session}></chat-workspace>
      </div>
    `);
    const element = page.querySelector('chat-workspace') as ChatWorkspace;
    const ids = await acceptChats(session, center, ['Marie Tremblay', 'Priya Natarajan', 'Jean Roy']);
    await settle(element);
    const tabs = deepQueryAll<ContactTab>(element, '[role="tablist"] > contact-tab');
    return { center, session, page, element, ids, tabs };
  }

  const focused = (element: ChatWorkspace) => nameOf(element.shadowRoot?.activeElement);
  const tabStops = (tabs: ContactTab[]) => tabs.filter((tab) => tab.tabIndex === 0).map(nameOf);

  it('has one tab stop, on the active chat, and arrows, Home and End move focus among the tabs', async () => {
    const { element, tabs, session, ids } = await workspaceWithThreeChats();
    expect(tabs).to.have.length(3);
    expect(tabStops(tabs)).to.deep.equal(['Jean Roy']);
    expect(session.state.activeChatId).to.equal(ids[2]);

    tabs[2]?.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(element), 'wraps to the first').to.equal('Marie Tremblay');
    expect(tabStops(tabs)).to.deep.equal(['Marie Tremblay']);
    expect(session.state.activeChatId, 'moving focus does not switch chats').to.equal(ids[2]);

    await sendKeys({ press: 'ArrowDown' });
    expect(focused(element)).to.equal('Priya Natarajan');
    await sendKeys({ press: 'End' });
    expect(focused(element)).to.equal('Jean Roy');
    await sendKeys({ press: 'Home' });
    expect(focused(element)).to.equal('Marie Tremblay');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(element), 'wraps to the last').to.equal('Jean Roy');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(element)).to.equal('Priya Natarajan');
    expect(tabStops(tabs)).to.deep.equal(['Priya Natarajan']);
  });

  it('activates the focused tab with Enter and Space', async () => {
    const { element, tabs, session, ids } = await workspaceWithThreeChats();
    tabs[2]?.focus();
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Enter' });
    await settle(element);
    expect(session.state.activeChatId).to.equal(ids[1]);
    expect(tabs[1]?.getAttribute('aria-selected')).to.equal('true');
    expect(focused(element)).to.equal('Priya Natarajan');
    expect(tabStops(tabs)).to.deep.equal(['Priya Natarajan']);

    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Space' });
    await settle(element);
    expect(session.state.activeChatId).to.equal(ids[0]);
    expect(tabs[0]?.getAttribute('aria-selected')).to.equal('true');
  });

  it('gives the tab stop back to the active chat when focus leaves the tablist, and never takes focus', async () => {
    const { page, element, tabs, center, session } = await workspaceWithThreeChats();
    tabs[2]?.focus();
    await sendKeys({ press: 'ArrowDown' });
    expect(tabStops(tabs)).to.deep.equal(['Marie Tremblay']);

    const before = page.querySelector('button');
    before?.focus();
    expect(tabStops(tabs)).to.deep.equal(['Jean Roy']);

    // A closed chat re-renders the tablist: still one tab stop, and focus stays put.
    const marieId = session.state.chats[0]?.id ?? '';
    center.contactLeaves(marieId);
    await session.closeChat(marieId);
    await settle(element);
    const remaining = deepQueryAll<ContactTab>(element, '[role="tablist"] > contact-tab');
    expect(remaining).to.have.length(2);
    expect(tabStops(remaining)).to.deep.equal(['Jean Roy']);
    expect(document.activeElement).to.equal(before);
  });
});

/** `contactColorIndex('Marie Tremblay')`, pinned. */
const PINNED_MARIE_COLOR = 12;
