import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ChatWorkspace } from '../../src/index.js';
import { button, buttons, connectAgent, deepQuery, deepQueryAll, settle } from '../helpers.js';
import { ManualScheduler } from '../support/manual-scheduler.js';

/** The workspace under an agent's real load (issue 10): twelve chats and four offers at 1280×720. */

const NAMES = ['Marie Tremblay', 'Jean-François Roy', 'Priya Natarajan', 'Olivier Gagnon', 'Emily Chen', 'Sophie Côté', 'Daniel Okafor', 'Chloé Bouchard', 'Lucas Martin', 'Amélie Dubois', 'Noah Bergeron', 'Zoé Lavoie'];

async function loadedWorkspace(width = 1280) {
  const { center, session } = connectAgent({ maxConcurrentChats: 12 });
  const element = await fixture<ChatWorkspace>(html`<chat-workspace style="height: 720px; width: ${width}px" .session=${session}></chat-workspace>`);
  await session.setAgentState('Available');
  for (const name of NAMES.slice(0, 8)) center.startChat({ contact: { name }, skill: 'Billing', text: `Bonjour, ${name} here.` });
  for (const offer of [...session.state.offers]) await session.acceptOffer(offer.chatId);
  for (const chat of session.state.chats) for (let index = 0; index < 6; index++) center.contactSays(chat.id, `Message ${index}`);
  await settle(element);
  return { center, session, element };
}

function composerBox(element: ChatWorkspace): DOMRect {
  const box = deepQuery<HTMLElement>(element, 'textarea[aria-label="Message"]');
  if (!box) throw new Error('no composer');
  return box.getBoundingClientRect();
}

describe('the workspace under load', () => {
  it('keeps the composer and the last messages where they are when four offers arrive', async () => {
    const { center, element } = await loadedWorkspace();
    const before = composerBox(element);
    const lastMessage = () => deepQueryAll<HTMLElement>(element, '.message .text').find((text) => text.textContent === 'Message 5');
    const lastBefore = lastMessage()?.getBoundingClientRect();
    for (const name of NAMES.slice(8)) center.startChat({ contact: { name }, skill: 'Billing', text: 'A new question' });
    await settle(element);
    expect(buttons(element, 'Accept')).to.have.length(3);
    expect(composerBox(element)).to.deep.include({ top: before.top, height: before.height });
    expect(lastMessage()?.getBoundingClientRect().top).to.equal(lastBefore?.top);
    // The offers take at most half of the chats' room, and the rest is one click away.
    const offers = deepQuery<HTMLElement>(element, 'offer-prompt');
    expect(offers?.getBoundingClientRect().height).to.be.at.most(720 * 0.5);
    button(element, '+1 more').click();
    await settle(element);
    expect(buttons(element, 'Accept')).to.have.length(4);
    await expect(element).to.be.accessible();
  });

  it('turns an offer’s countdown into an urgent pill in its last ten seconds', async () => {
    const scheduler = new ManualScheduler(Date.UTC(2026, 10, 30, 14));
    const { center, session } = connectAgent({ offerTimeoutMs: 45_000, scheduler });
    const element = await fixture<ChatWorkspace>(html`<chat-workspace style="height: 720px" .session=${session}></chat-workspace>`);
    await session.setAgentState('Available');
    center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await settle(element);
    const countdown = () => deepQuery<HTMLElement>(element, '[part="countdown"]');
    expect(countdown()?.dataset.urgency).to.equal('calm');
    scheduler.advance(35_000);
    await settle(element);
    expect(countdown()?.dataset.urgency).to.equal('urgent');
    expect(countdown()?.textContent?.trim()).to.equal('0:10');
  });

  it('in a 360 px column shows the offers and keeps the composer on screen', async () => {
    const { center, element } = await loadedWorkspace(360);
    for (const name of NAMES.slice(8)) center.startChat({ contact: { name }, skill: 'Billing', text: 'A new question' });
    await settle(element);
    await waitUntil(() => buttons(element, 'Accept').length === 3);
    const box = composerBox(element);
    expect(box.bottom).to.be.at.most(element.getBoundingClientRect().bottom);
    expect(box.height).to.be.greaterThan(30);
  });
});

describe('twelve tabs', () => {
  async function twelveChats(width: number) {
    const { center, session } = connectAgent({ maxConcurrentChats: 12 });
    const element = await fixture<ChatWorkspace>(html`<chat-workspace style="height: 720px; width: ${width}px" .session=${session}></chat-workspace>`);
    await session.setAgentState('Available');
    for (const name of NAMES) center.startChat({ contact: { name }, skill: 'Billing', text: `Bonjour, ${name} here.` });
    for (const offer of [...session.state.offers]) await session.acceptOffer(offer.chatId);
    await settle(element);
    return { center, session, element };
  }

  function inSight(element: ChatWorkspace, chatId: string | undefined): boolean {
    const list = deepQuery<HTMLElement>(element, '[role="tablist"]');
    const tab = deepQueryAll<HTMLElement & { chatId: string }>(element, 'contact-tab').find((candidate) => candidate.chatId === chatId);
    if (!list || !tab) return false;
    const outer = list.getBoundingClientRect();
    const inner = tab.getBoundingClientRect();
    return inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1 && inner.left >= outer.left - 1 && inner.right <= outer.right + 1;
  }

  for (const width of [1280, 360]) {
    it(`at ${width} px keeps the active tab in sight and says how many more there are`, async () => {
      const { session, element } = await twelveChats(width);
      await waitUntil(() => inSight(element, session.state.activeChatId), 'the last accepted chat in sight');
      session.activateChat(session.state.chats[0]?.id ?? '');
      await settle(element);
      await waitUntil(() => inSight(element, session.state.chats[0]?.id), 'the first chat in sight');
      const more = deepQueryAll<HTMLButtonElement>(element, '[part="more-tabs"]');
      expect(more.length, 'a count of the tabs out of sight').to.be.greaterThan(0);
      expect(more[0]?.getAttribute('aria-label')).to.match(/^\d+ more chats (before|after)$/);
      await expect(element).to.be.accessible();
    });
  }

  it('announces a contact who leaves a chat the agent is not looking at', async () => {
    const { center, session, element } = await twelveChats(1280);
    const background = session.state.chats.find((chat) => chat.id !== session.state.activeChatId);
    center.contactLeaves(background?.id ?? '');
    await settle(element);
    const news = element.shadowRoot?.querySelector('.workspace > [role="status"]')?.textContent?.trim();
    expect(news).to.equal(`${background?.contact.name} left the chat.`);
  });
});

describe('tabs ordered by the longest wait', () => {
  it('puts the contacts who have waited longest for a reply first, when the host asks', async () => {
    const scheduler = new ManualScheduler(Date.UTC(2026, 10, 30, 14));
    const { center, session } = connectAgent({ maxConcurrentChats: 4, scheduler });
    const element = await fixture<ChatWorkspace>(html`<chat-workspace tab-order="longest-wait" .session=${session}></chat-workspace>`);
    await session.setAgentState('Available');
    const ids = ['Marie Tremblay', 'Jean Roy', 'Emily Chen'].map((name) => center.startChat({ contact: { name }, skill: 'Billing', text: 'Bonjour' }));
    for (const id of ids) await session.acceptOffer(id);
    const [marie, jean, emily] = ids as [string, string, string];
    for (const id of ids) await session.sendMessage(id, 'Hello');
    scheduler.advance(1_000);
    center.contactSays(emily, 'First to wait');
    scheduler.advance(1_000);
    center.contactSays(marie, 'Second to wait');
    await settle(element);
    const order = () => deepQueryAll<HTMLElement & { chatId: string }>(element, 'contact-tab').map((tab) => tab.chatId);
    expect(order()).to.deep.equal([emily, marie, jean]);
    await session.sendMessage(emily, 'Here I am');
    await settle(element);
    expect(order()).to.deep.equal([marie, jean, emily]);
  });
});
