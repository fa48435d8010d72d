import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { ChatWorkspace } from '../../src/index.js';
import { button, connectAgent, deepQuery, deepQueryAll, settle } from '../helpers.js';

async function withOffer(attributes: { theme?: string } = {}) {
  const { center, session } = connectAgent({ maxConcurrentChats: 3 });
  const element = await fixture<ChatWorkspace>(
    html`<chat-workspace .session=${session} theme=${attributes.theme ?? 'auto'}></chat-workspace>`,
  );
  await session.setAgentState('Available');
  center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
  await settle(element);
  return { center, session, element };
}

const accentOf = (element: ChatWorkspace) => getComputedStyle(button(element, 'Accept')).backgroundColor;
const LIGHT_ACCENT = 'rgb(31, 95, 191)';
const DARK_ACCENT = 'rgb(122, 175, 255)';

describe('<chat-workspace> for the host page', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  it('has a dark theme, for every element inside, with theme="dark"', async () => {
    const { element } = await withOffer({ theme: 'dark' });
    expect(accentOf(element)).to.equal(DARK_ACCENT);
    const offer = deepQuery(element, '[part="offer"]');
    expect(offer && getComputedStyle(offer).backgroundColor).to.equal('rgb(27, 33, 41)');
    await expect(element).to.be.accessible();
  });

  it("follows the reader's dark colour scheme unless theme=\"light\"", async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const auto = await withOffer();
    expect(accentOf(auto.element)).to.equal(DARK_ACCENT);
    const light = await withOffer({ theme: 'light' });
    expect(accentOf(light.element)).to.equal(LIGHT_ACCENT);
  });

  it('scales every spacing of the elements inside from one --cw-space', async () => {
    const { element } = await withOffer();
    const offer = deepQuery(element, '[part="offer"]');
    if (!offer) throw new Error('no offer');
    const before = parseFloat(getComputedStyle(offer).paddingTop);
    element.style.setProperty('--cw-space', '16px');
    expect(parseFloat(getComputedStyle(offer).paddingTop)).to.equal(before * 2);
  });

  it('lets the host override a token on the element, in either theme', async () => {
    const { element } = await withOffer({ theme: 'dark' });
    element.style.setProperty('--cw-color-accent', 'rgb(200, 0, 100)');
    expect(accentOf(element)).to.equal('rgb(200, 0, 100)');
  });

  it('reports the chat shown with chat-activated, and focusChat() switches and focuses', async () => {
    const { center, session, element } = await withOffer();
    const first = session.state.offers[0]?.chatId ?? '';
    const activated = oneEvent(element, 'chat-activated');
    button(element, 'Accept').click();
    expect((await activated).detail).to.deep.equal({ chatId: first, contact: { name: 'Marie Tremblay' }, skill: 'Billing' });

    const second = center.startChat({ contact: { name: 'Jean Roy' }, skill: 'Billing', text: 'Salut' });
    await session.acceptOffer(second);
    await settle(element);
    const switched = oneEvent(element, 'chat-activated');
    expect(await element.focusChat(first === session.state.activeChatId ? second : first)).to.equal(true);
    const detail = (await switched).detail;
    expect(detail.chatId).to.equal(session.state.activeChatId);
    expect(element.shadowRoot?.activeElement?.localName).to.equal('chat-composer');
    expect(await element.focusChat('no-such-chat')).to.equal(false);
  });

  it('composeMessage() writes into the message box without sending; setAgentState() changes the state', async () => {
    const { center, session, element } = await withOffer();
    const chatId = session.state.offers[0]?.chatId ?? '';
    await session.acceptOffer(chatId);
    await settle(element);
    expect(await element.composeMessage('Your refund is on its way.')).to.equal(true);
    await settle(element);
    const box = deepQuery<HTMLTextAreaElement>(element, 'textarea[aria-label="Message"]');
    expect(box?.value).to.equal('Your refund is on its way.');
    expect(center.chat(chatId)?.messages.filter((message) => message.from === 'agent')).to.have.length(0);

    expect((await element.setAgentState('Unavailable')).ok).to.equal(true);
    expect(center.agentState('agent-1')).to.equal('Unavailable');
  });

  it("keeps the host page's CSS out and its own CSS in", async () => {
    const style = document.createElement('style');
    style.textContent = `
      * { font-family: Georgia, serif !important; letter-spacing: 3px; text-transform: uppercase; font-size: 22px !important; line-height: 1 !important; text-align: center; font-style: italic; }
      button { text-transform: uppercase; background: rgb(255, 244, 214); border-radius: 0; }
      .primary { color: rgb(255, 0, 0); }
      h3 { font-size: 40px; }
    `;
    document.head.append(style);
    try {
      const { element } = await withOffer();
      const accept = button(element, 'Accept');
      const inside = getComputedStyle(accept);
      expect(inside.textTransform).to.equal('none');
      expect(inside.backgroundColor).to.equal(LIGHT_ACCENT);
      expect(inside.color).to.equal('rgb(255, 255, 255)');
      expect(inside.fontFamily).to.not.contain('Georgia');
      expect(inside.letterSpacing).to.equal('normal');
      expect(inside.fontSize).to.equal('14px');
      expect(inside.fontStyle).to.equal('normal');
      const firstMessage = deepQuery(element, '.first-message');
      expect(firstMessage && getComputedStyle(firstMessage).textAlign).to.equal('start');
      expect(firstMessage && getComputedStyle(firstMessage).textTransform).to.equal('none');
      const name = deepQuery(element, '[part="offer"] h3');
      expect(name && getComputedStyle(name).fontSize).to.equal('15px');

      const pageButton = document.createElement('button');
      pageButton.className = 'primary';
      pageButton.textContent = 'Page';
      document.body.append(pageButton);
      const outside = getComputedStyle(pageButton);
      expect(outside.backgroundColor, "the workspace's button style stays inside").to.equal('rgb(255, 244, 214)');
      expect(outside.color).to.equal('rgb(255, 0, 0)');
      pageButton.remove();
    } finally {
      style.remove();
    }
  });

  it('turns the tabs into a strip above the chat in a narrow 360 px side panel', async () => {
    const { center, session } = connectAgent({ maxConcurrentChats: 3 });
    const column = await fixture<HTMLDivElement>(
      html`<div style="width: 360px; height: 640px"><chat-workspace .session=${session}></chat-workspace></div>`,
    );
    const element = column.querySelector('chat-workspace') as ChatWorkspace;
    await session.setAgentState('Available');
    for (const name of ['Marie Tremblay', 'Jean Roy']) {
      const chatId = center.startChat({ contact: { name }, skill: 'Billing', text: 'Bonjour' });
      await session.acceptOffer(chatId);
    }
    await waitUntil(() => deepQuery(element, '[role="tablist"]')?.getAttribute('aria-orientation') === 'horizontal');
    await settle(element);
    const tabs = deepQueryAll<HTMLElement>(element, '[role="tab"]');
    expect(tabs).to.have.length(2);
    const [first, second] = tabs.map((tab) => tab.getBoundingClientRect());
    expect(second?.top, 'side by side').to.equal(first?.top);
    expect(tabs.every((tab) => tab.hasAttribute('compact'))).to.equal(true);
    await expect(element).to.be.accessible();

    column.style.width = '900px';
    await waitUntil(() => deepQuery(element, '[role="tablist"]')?.getAttribute('aria-orientation') === 'vertical');
  });

  it('announces a message that arrives in a chat the agent is not looking at', async () => {
    const { center, session } = connectAgent({ maxConcurrentChats: 3 });
    const element = await fixture<ChatWorkspace>(html`<chat-workspace .session=${session}></chat-workspace>`);
    await session.setAgentState('Available');
    const marie = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour' });
    const jean = center.startChat({ contact: { name: 'Jean Roy' }, skill: 'Billing', text: 'Salut' });
    await session.acceptOffer(marie);
    await session.acceptOffer(jean);
    session.activateChat(marie);
    await settle(element);
    const live = () => element.shadowRoot?.querySelector('.workspace > [role="status"]')?.textContent?.trim();

    center.contactSays(jean, 'Allô?');
    await settle(element);
    expect(live()).to.equal('New message from Jean Roy.');

    center.contactSays(marie, 'Still here');
    await settle(element);
    expect(live(), 'the chat on screen is not announced again').to.equal('New message from Jean Roy.');
  });
});
