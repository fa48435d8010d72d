import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ChatWorkspace } from '../../src/index.js';
import { localeSettled } from '../../src/index.js';
import { button, buttons, connectAgent, deepQuery, deepQueryAll, deepText, settle } from '../helpers.js';

async function workspaceWith(options = {}, attributes = '') {
  const { center, session } = connectAgent(options);
  const element = await fixture<ChatWorkspace>(html`<chat-workspace .session=${session}></chat-workspace>`);
  for (const name of attributes.split(' ').filter(Boolean)) element.setAttribute(name, '');
  await settle(element);
  return { center, session, element };
}

describe('<chat-workspace>', () => {
  it('defines the five elements of the contract when the entry is imported', () => {
    for (const tag of ['chat-workspace', 'contact-tab', 'quick-reply-panel', 'transfer-dialog', 'disposition-form']) {
      expect(customElements.get(tag), tag).to.be.a('function');
    }
  });

  it('gives its session to the elements inside through context', async () => {
    const { center, element } = await workspaceWith();
    const select = deepQuery<HTMLSelectElement>(element, 'select[aria-label="Agent state"]');
    expect(select, 'agent state control').to.exist;
    if (!select) return;
    select.value = 'Available';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(element);
    expect(center.agentState('agent-1')).to.equal('Available');

    center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await settle(element);
    expect(buttons(element, 'Accept')).to.have.length(1);
  });

  it('tells the host page about offers, acceptance and agent state, from outside the shadow roots', async () => {
    const { center, session, element } = await workspaceWith();
    const stateChanged = oneEvent(document, 'agent-state-changed');
    await session.setAgentState('Available');
    const stateEvent = await stateChanged;
    expect(stateEvent.detail).to.deep.equal({ state: 'Available', previous: 'Unavailable' });
    expect(stateEvent.bubbles && stateEvent.composed).to.equal(true);

    const offered = oneEvent(element, 'chat-offered');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay', email: 'marie@example.com' }, skill: 'Billing', text: 'Bonjour!' });
    const offer = await offered;
    expect(offer.detail).to.include({ chatId, skill: 'Billing', text: 'Bonjour!' });
    expect(offer.detail.contact.name).to.equal('Marie Tremblay');

    await settle(element);
    const accepted = oneEvent(document.body, 'chat-accepted');
    button(element, 'Accept').click();
    const pop = await accepted;
    expect(pop.detail).to.deep.equal({
      chatId,
      contact: { name: 'Marie Tremblay', email: 'marie@example.com' },
      skill: 'Billing',
    });
  });

  it('fires chat-ended when the contact leaves', async () => {
    const { center, session, element } = await workspaceWith();
    await session.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await session.acceptOffer(chatId);
    const ended = oneEvent(element, 'chat-ended');
    center.contactLeaves(chatId);
    expect((await ended).detail).to.include({ chatId, endedBy: 'contact' });
  });

  it('shows the accepted chat in a tab and its transcript as text', async () => {
    const { center, session, element } = await workspaceWith();
    await session.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: '<b>Bonjour!</b>' });
    await session.acceptOffer(chatId);
    center.contactSays(chatId, 'Are you there?');
    await settle(element);
    const tab = deepQuery(element, '[role="tab"]');
    expect(tab && deepText(tab)).to.contain('Marie Tremblay');
    expect(tab?.getAttribute('aria-selected')).to.equal('true');
    const conversation = deepQuery(element, '[part="conversation"]');
    expect(conversation && deepText(conversation)).to.contain('<b>Bonjour!</b>');
    expect(conversation?.querySelector('b')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('switches to French when lang="fr-CA" is set on a workspace already shown', async () => {
    const { center, session, element } = await workspaceWith();
    await session.setAgentState('Available');
    center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await settle(element);
    expect(buttons(element, 'Accept')).to.have.length(1);

    element.setAttribute('lang', 'fr-CA');
    await Promise.resolve();
    await localeSettled();
    await settle(element);
    expect(buttons(element, 'Accepter')).to.have.length(1);
    expect(buttons(element, 'Rejeter')).to.have.length(1);
    expect(deepQuery(element, 'select')?.getAttribute('aria-label')).to.equal("État de l'agent");
    await expect(element).to.be.accessible();

    element.removeAttribute('lang');
    await Promise.resolve();
    await localeSettled();
    await settle(element);
    expect(buttons(element, 'Accept')).to.have.length(1);
  });

  it('reports a malformed connector event clearly and keeps every other chat', async () => {
    const { center, session, element } = await workspaceWith({ maxConcurrentChats: 2 });
    await session.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await session.acceptOffer(chatId);
    const before = session.state.chats;

    center.deliverRawEvent('agent-1', { type: 'chat-offered', chat: { id: 'chat-x', contact: {}, skill: 'Billing', messages: [] }, timeoutMs: 45000 });
    await settle(element);
    expect(session.state.chats).to.deep.equal(before);
    const alert = deepQuery(element, '[role="alert"]');
    expect(alert?.textContent).to.contain('chat.contact.name');
    expect(deepText(element)).to.contain('Bonjour!');

    button(element, 'Dismiss').click();
    await settle(element);
    expect(deepQuery(element, '[role="alert"]')).to.equal(undefined);
  });

  it('plays a chime on a new offer only when offer-sound is set', async () => {
    const created: string[] = [];
    const original = window.AudioContext;
    class FakeAudioContext extends original {
      constructor() {
        super();
        created.push('context');
      }
    }
    window.AudioContext = FakeAudioContext;
    try {
      const quiet = await workspaceWith();
      await quiet.session.setAgentState('Available');
      quiet.center.startChat({ contact: { name: 'A' }, skill: 'Billing', text: 'hi' });
      expect(created).to.have.length(0);

      const loud = await workspaceWith({}, 'offer-sound');
      await loud.session.setAgentState('Available');
      loud.center.startChat({ contact: { name: 'B' }, skill: 'Billing', text: 'hi' });
      expect(created.length).to.be.greaterThan(0);
    } finally {
      window.AudioContext = original;
    }
  });

  it('shows a desktop notification on a new offer when offer-notifications is set and allowed', async () => {
    const shown: { title: string; body?: string }[] = [];
    const original = Object.getOwnPropertyDescriptor(window, 'Notification');
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      constructor(title: string, options?: NotificationOptions) {
        shown.push({ title, body: options?.body });
      }
    }
    Object.defineProperty(window, 'Notification', { value: FakeNotification, configurable: true, writable: true });
    try {
      const { center, session } = await workspaceWith({}, 'offer-notifications');
      await session.setAgentState('Available');
      center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
      expect(shown).to.deep.equal([{ title: 'New chat from Marie Tremblay', body: 'Billing: Bonjour!' }]);
    } finally {
      if (original) Object.defineProperty(window, 'Notification', original);
    }
  });

  it('is accessible with stacked offers', async () => {
    const { center, session, element } = await workspaceWith({ maxConcurrentChats: 3 });
    await session.setAgentState('Available');
    center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    center.startChat({ contact: { name: 'Priya Natarajan' }, skill: 'Technical Support', text: 'Hello' });
    await settle(element);
    expect(deepQueryAll(element, '[part="offer"]')).to.have.length(2);
    await expect(element).to.be.accessible();
  });

  it('takes a theme set on the workspace all the way into nested elements', async () => {
    const { center, session, element } = await workspaceWith();
    element.style.setProperty('--cw-color-accent', 'rgb(1, 2, 3)');
    await session.setAgentState('Available');
    center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await settle(element);
    expect(getComputedStyle(button(element, 'Accept')).backgroundColor).to.equal('rgb(1, 2, 3)');
    element.style.removeProperty('--cw-color-accent');
    expect(getComputedStyle(button(element, 'Accept')).backgroundColor).to.equal('rgb(31, 95, 191)');
  });
});
