import { expect, fixture, html } from '@open-wc/testing';
import type { AgentStateControl, ChatWorkspace } from '../../src/index.js';
import { connectAgent, deepQuery, settle } from '../helpers.js';
import { ManualScheduler } from '../support/manual-scheduler.js';

/** Every oscillator the chime starts: two notes a chime. The chime caches its first context, so this is installed first. */
let oscillators = 0;
const RealAudioContext = window.AudioContext;
class CountingAudioContext extends RealAudioContext {
  override createOscillator(): OscillatorNode {
    oscillators++;
    return super.createOscillator();
  }
}
const chimes = () => oscillators / 2;

/** A stand-in for the browser's Notification, recording what the workspace asks of it. */
class FakeNotification {
  static permission: NotificationPermission = 'default';
  static requests = 0;
  static shown: FakeNotification[] = [];
  static requestPermission(): Promise<NotificationPermission> {
    FakeNotification.requests++;
    return Promise.resolve(FakeNotification.permission);
  }
  onclick: (() => void) | null = null;
  closed = false;
  constructor(
    readonly title: string,
    readonly options?: NotificationOptions,
  ) {
    FakeNotification.shown.push(this);
  }
  close(): void {
    this.closed = true;
  }
}

function withFakeNotification(permission: NotificationPermission) {
  let original: PropertyDescriptor | undefined;
  beforeEach(() => {
    original = Object.getOwnPropertyDescriptor(window, 'Notification');
    FakeNotification.permission = permission;
    FakeNotification.requests = 0;
    FakeNotification.shown = [];
    Object.defineProperty(window, 'Notification', { value: FakeNotification, configurable: true, writable: true });
  });
  afterEach(() => {
    if (original) Object.defineProperty(window, 'Notification', original);
  });
}

/** A workspace on a session of its own; with a scheduler, the center and the session run on it. */
async function workspaceWith(attributes: Record<string, string> = {}, scheduler?: ManualScheduler) {
  const { center, session } = connectAgent({ maxConcurrentChats: 4, ...(scheduler ? { scheduler } : {}) });
  const element = await fixture<ChatWorkspace>(html`<chat-workspace .session=${session}></chat-workspace>`);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  await settle(element);
  return { center, session, element };
}

const offerTo = (center: ReturnType<typeof connectAgent>['center'], name: string) =>
  center.startChat({ contact: { name }, skill: 'Billing', text: `Bonjour, ici ${name}` });

/** Chooses a state in the workspace's state control, as the agent does. */
async function choose(element: ChatWorkspace, state: 'Available' | 'Unavailable') {
  const select = deepQuery<HTMLSelectElement>(element, 'select[aria-label="Agent state"]');
  if (!select) throw new Error('no state control');
  select.value = state;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(element);
}

function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('offer alerts: the state control tells the page what the agent chose', () => {
  it('dispatches a bubbling, composed change from its host, with the chosen value', async () => {
    const { session } = connectAgent();
    const element = await fixture<AgentStateControl>(html`<agent-state-control .session=${session}></agent-state-control>`);
    const heard: { value: unknown; composed: boolean }[] = [];
    const listener = (event: Event) => heard.push({ value: (event.target as AgentStateControl).value, composed: event.composed });
    document.addEventListener('change', listener);
    try {
      const select = element.shadowRoot?.querySelector('select');
      if (!select) throw new Error('no select');
      select.value = 'Available';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      expect(heard).to.deep.equal([{ value: 'Available', composed: true }]);
    } finally {
      document.removeEventListener('change', listener);
    }
  });
});

describe('offer alerts: permission to notify', () => {
  withFakeNotification('default');

  it('is asked when the agent chooses Available, once, and only with offer-notifications', async () => {
    const quiet = await workspaceWith();
    await choose(quiet.element, 'Available');
    expect(FakeNotification.requests, 'without offer-notifications').to.equal(0);

    const { element } = await workspaceWith({ 'offer-notifications': '' });
    await choose(element, 'Available');
    expect(FakeNotification.requests).to.equal(1);
    await choose(element, 'Unavailable');
    await choose(element, 'Available');
    expect(FakeNotification.requests, 'the agent dismissed it: not asked again').to.equal(1);
  });

  it('is not asked for Unavailable', async () => {
    const { element, session } = await workspaceWith({ 'offer-notifications': '' });
    await session.setAgentState('Available');
    await choose(element, 'Unavailable');
    expect(FakeNotification.requests).to.equal(0);
  });
});

describe('offer alerts: notifications', () => {
  withFakeNotification('granted');

  it('a click focuses the window and the offer’s Accept; an answered offer’s notification closes', async () => {
    const { center, session, element } = await workspaceWith({ 'offer-notifications': '' });
    await session.setAgentState('Available');
    const marie = offerTo(center, 'Marie Tremblay');
    const jean = offerTo(center, 'Jean Roy');
    await settle(element);
    expect(FakeNotification.shown.map((shown) => [shown.title, shown.options?.tag])).to.deep.equal([
      ['New chat from Marie Tremblay', marie],
      ['New chat from Jean Roy', jean],
    ]);
    const [forMarie, forJean] = FakeNotification.shown;

    forJean?.onclick?.();
    await settle(element);
    const accept = focused();
    expect(accept?.getAttribute('part')).to.equal('accept');
    expect(accept?.closest('[part~="offer"]')?.querySelector('h3')?.textContent).to.contain('Jean Roy');
    expect(forJean?.closed).to.equal(true);

    await session.acceptOffer(marie);
    await settle(element);
    expect(forMarie?.closed, 'answered: nothing to click any more').to.equal(true);
  });
});

describe('offer alerts: the document title while the page is hidden', () => {
  let visibility: DocumentVisibilityState = 'visible';
  let pageTitle = '';
  const setVisibility = (state: DocumentVisibilityState) => {
    visibility = state;
    document.dispatchEvent(new Event('visibilitychange'));
  };
  beforeEach(() => {
    pageTitle = document.title;
    document.title = 'Accounts — CRM';
    visibility = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  });
  afterEach(() => {
    delete (document as { visibilityState?: unknown }).visibilityState;
    document.title = pageTitle;
  });

  it('counts the offers waiting while hidden, and gives the page its title back when shown or answered', async () => {
    const { center, session, element } = await workspaceWith();
    await session.setAgentState('Available');
    const marie = offerTo(center, 'Marie Tremblay');
    await settle(element);
    expect(document.title, 'visible: untouched').to.equal('Accounts — CRM');

    setVisibility('hidden');
    expect(document.title).to.equal('(1) New chat — Accounts — CRM');
    const jean = offerTo(center, 'Jean Roy');
    await settle(element);
    expect(document.title).to.equal('(2) New chats — Accounts — CRM');

    setVisibility('visible');
    expect(document.title).to.equal('Accounts — CRM');

    setVisibility('hidden');
    expect(document.title).to.equal('(2) New chats — Accounts — CRM');
    await session.acceptOffer(marie);
    expect(document.title).to.equal('(1) New chat — Accounts — CRM');
    await session.rejectOffer(jean);
    expect(document.title, 'nothing waits').to.equal('Accounts — CRM');
  });

  it('keeps a title the page set meanwhile, and lets go when the workspace leaves', async () => {
    const { center, session, element } = await workspaceWith();
    await session.setAgentState('Available');
    setVisibility('hidden');
    offerTo(center, 'Marie Tremblay');
    await settle(element);
    expect(document.title).to.equal('(1) New chat — Accounts — CRM');
    document.title = 'Invoices — CRM';
    offerTo(center, 'Jean Roy');
    await settle(element);
    expect(document.title).to.equal('(2) New chats — Invoices — CRM');
    element.remove();
    expect(document.title).to.equal('Invoices — CRM');
  });

  it('lets go when the host takes the session away', async () => {
    const { center, session, element } = await workspaceWith();
    await session.setAgentState('Available');
    setVisibility('hidden');
    offerTo(center, 'Marie Tremblay');
    await settle(element);
    expect(document.title).to.equal('(1) New chat — Accounts — CRM');
    element.session = undefined;
    await settle(element);
    expect(document.title).to.equal('Accounts — CRM');
  });
});

describe('offer alerts: the repeated chime', () => {
  /** Each test's clock, moved by hand. */
  let scheduler: ManualScheduler;
  before(() => {
    window.AudioContext = CountingAudioContext;
  });
  after(() => {
    window.AudioContext = RealAudioContext;
  });
  beforeEach(() => {
    oscillators = 0;
    scheduler = new ManualScheduler();
  });

  it('plays every offer-sound-repeat ms until the offer is answered, and stops then', async () => {
    const { center, session, element } = await workspaceWith({ 'offer-sound': '', 'offer-sound-repeat': '3000' }, scheduler);
    await session.setAgentState('Available');
    const marie = offerTo(center, 'Marie Tremblay');
    await settle(element);
    expect(chimes()).to.equal(1);
    scheduler.advance(10_000);
    expect(chimes(), 'at 3, 6 and 9 s').to.equal(4);
    await session.acceptOffer(marie);
    scheduler.advance(30_000);
    expect(chimes(), 'answered: silence').to.equal(4);
  });

  it('is one loop for every offer, and stops when the last offer expires', async () => {
    const { center, session, element } = await workspaceWith({ 'offer-sound': '', 'offer-sound-repeat': '' }, scheduler);
    expect(element.offerSoundRepeat, 'the attribute alone: every 5 s').to.equal(5000);
    await session.setAgentState('Available');
    offerTo(center, 'Marie Tremblay');
    offerTo(center, 'Jean Roy');
    await settle(element);
    expect(chimes()).to.equal(2);
    scheduler.advance(15_000);
    expect(chimes(), 'one repeat every 5 s for both').to.equal(5);
    scheduler.advance(30_000);
    await settle(element);
    expect(session.state.offers, 'expired').to.have.length(0);
    const atExpiry = chimes();
    scheduler.advance(60_000);
    expect(chimes()).to.equal(atExpiry);
  });

  it('never repeats without offer-sound, or without offer-sound-repeat', async () => {
    const { center, session, element } = await workspaceWith({ 'offer-sound-repeat': '3000' }, scheduler);
    await session.setAgentState('Available');
    offerTo(center, 'Marie Tremblay');
    await settle(element);
    scheduler.advance(10_000);
    expect(chimes()).to.equal(0);
    const once = await workspaceWith({ 'offer-sound': '' }, scheduler);
    await once.session.setAgentState('Available');
    offerTo(once.center, 'Jean Roy');
    await settle(once.element);
    scheduler.advance(10_000);
    expect(chimes()).to.equal(1);
  });
});

describe('offer alerts: timers read the clock, not ticks', () => {
  let scheduler: ManualScheduler;
  beforeEach(() => {
    scheduler = new ManualScheduler();
  });

  it('a throttled tab that missed 30 s of ticks shows the right countdown and handling time at the next tick', async () => {
    const { center, session, element } = await workspaceWith({}, scheduler);
    await session.setAgentState('Available');
    const marie = offerTo(center, 'Marie Tremblay');
    offerTo(center, 'Jean Roy');
    await settle(element);
    const countdown = () => deepQuery(element, '[part~="countdown"]')?.textContent?.trim();
    expect(countdown()).to.equal('0:45');
    // A background tab: the clock moves on, the timers do not run.
    scheduler.skip(30_000);
    scheduler.advance(1000);
    expect(countdown()).to.equal('0:14');

    await session.acceptOffer(marie);
    await settle(element);
    scheduler.skip(600_000);
    scheduler.advance(1000);
    expect(deepQuery(element, '[part~="timer-handle"]')?.textContent).to.contain('10:01');
  });
});
