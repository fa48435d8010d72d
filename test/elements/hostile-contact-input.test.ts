import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ChatWorkspace } from '../../src/index.js';
import { button, connectAgent, deepQuery, deepQueryAll, deepText, settle } from '../helpers.js';

/**
 * Contact input is hostile (issue 9): a megabyte message, direction overrides that make
 * text read backwards. Each case was reproduced before its fix.
 */

const RLO = '\u202E';

async function workspaceWithChat(name = 'Marie Tremblay', text = 'Bonjour!') {
  const { center, session } = connectAgent({ maxConcurrentChats: 3 });
  const element = await fixture<ChatWorkspace>(html`<chat-workspace style="height: 720px; width: 900px" .session=${session}></chat-workspace>`);
  await session.setAgentState('Available');
  const chatId = center.startChat({ contact: { name }, skill: 'Billing', text });
  await session.acceptOffer(chatId);
  await settle(element);
  return { center, session, element, chatId };
}

function bubbles(element: ChatWorkspace): HTMLElement[] {
  return deepQueryAll<HTMLElement>(element, '.message .text');
}

describe('hostile contact input in the workspace', () => {
  it('refuses contact text over the configured maximum at the platform, and touches no chat', async () => {
    const { center, session, chatId } = await workspaceWithChat();
    const before = session.state.chats[0]?.messages.length;
    expect(() => center.contactSays(chatId, 'x'.repeat(2001))).to.throw(/longer than 2000/);
    expect(center.chat(chatId)?.messages).to.have.length(1);
    expect(session.state.chats[0]?.messages.length).to.equal(before);
  });

  it('shows a megabyte message collapsed with "Show all", and announces only an excerpt', async () => {
    const { center, session, element, chatId } = await workspaceWithChat('Marie Tremblay');
    const other = center.startChat({ contact: { name: 'Jean Roy' }, skill: 'Billing', text: 'Salut' });
    await session.acceptOffer(other);
    session.activateChat(chatId);
    await settle(element);
    const huge = `Start ${'é'.repeat(1024 * 1024)} end`;
    // A platform that does not enforce the limit delivers it anyway, in both chats.
    for (const id of [chatId, other]) {
      center.deliverRawEvent('agent-1', {
        type: 'message',
        chatId: id,
        message: { id: `${id}-huge`, from: 'contact', text: huge, at: Date.now() },
      });
    }
    await settle(element);
    const shown = bubbles(element).find((bubble) => bubble.textContent?.startsWith('Start'));
    expect(shown, 'the message is shown').to.not.equal(undefined);
    expect(shown?.textContent?.length).to.be.below(700);
    const liveRegions = deepQueryAll<HTMLElement>(element, '[role="status"]').map((region) => region.textContent ?? '');
    expect(Math.max(...liveRegions.map((text) => text.length)), 'what live regions read out').to.be.below(300);

    button(element, 'Show all').click();
    await settle(element);
    const expanded = bubbles(element).find((bubble) => bubble.textContent?.startsWith('Start'));
    expect(expanded?.textContent?.length).to.be.within(20_000, 20_100);
    expect(deepQuery(element, '.message .truncated')?.textContent).to.contain('1,048,586');
  });

  it('isolates a name and a message that carry a right-to-left override, and shows a link’s real host', async () => {
    const name = `Jean ${RLO}yoR`;
    const { element, center, chatId } = await workspaceWithChat(name, `Invoice attached: ${RLO}fdp.exe`);
    center.contactSays(chatId, `Download https://evil.example/${RLO}gpj.exe now`);
    await settle(element);
    const texts = [
      deepText(deepQuery(element, '[role="tab"]') ?? element),
      deepQuery(element, '.chat-head h3')?.textContent ?? '',
      ...bubbles(element).map((bubble) => bubble.textContent ?? ''),
      ...deepQueryAll(element, '.message .author').map((author) => author.textContent ?? ''),
    ];
    expect(texts.join('\n')).not.to.contain(RLO);
    expect(texts.join('\n')).to.contain('fdp.exe');
    for (const bubble of bubbles(element)) expect(bubble.getAttribute('dir')).to.equal('auto');
    const link = deepQuery<HTMLAnchorElement>(element, '.message .text a');
    expect(link?.textContent).not.to.contain(RLO);
    expect(deepQuery(element, '.message .text .link-host')?.textContent).to.equal('evil.example');
    await waitUntil(() => deepQuery(element, '[role="tab"]'));
  });
});

describe('problems never take the agent’s room', () => {
  it('shows 20 errors as one summary line in a 760 px workspace, the composer in place, details on demand', async () => {
    const { center, session } = connectAgent({ maxConcurrentChats: 3 });
    const element = await fixture<ChatWorkspace>(html`<chat-workspace style="height: 760px; width: 900px" .session=${session}></chat-workspace>`);
    await session.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await session.acceptOffer(chatId);
    await settle(element);
    const composer = () => deepQuery<HTMLElement>(element, 'textarea[aria-label="Message"]');
    const composerTop = composer()?.getBoundingClientRect().top;
    for (let index = 0; index < 25; index++) {
      center.deliverRawEvent('agent-1', { type: 'chat-offered', chat: { id: `bad-${index}`, contact: {}, skill: 'Billing', messages: [] }, timeoutMs: 1 });
    }
    await settle(element);
    const errors = deepQuery<HTMLElement>(element, '[part="errors"]');
    expect(errors?.getBoundingClientRect().height, 'the summary line').to.be.below(64);
    expect(deepText(errors ?? element)).to.contain('20 problems.');
    const box = composer()?.getBoundingClientRect();
    const frame = element.getBoundingClientRect();
    expect(box && box.bottom <= frame.bottom, 'the composer is still inside the workspace').to.equal(true);
    expect(box && composerTop !== undefined && box.top - composerTop).to.be.below(64);
    await expect(element).to.be.accessible();

    button(element, 'Details').click();
    await settle(element);
    expect(deepQueryAll(element, '#error-list li')).to.have.length(20);
    expect(deepQuery<HTMLElement>(element, '#error-list')?.getBoundingClientRect().height).to.be.at.most(160);
    button(element, 'Dismiss all').click();
    await settle(element);
    expect(deepQuery(element, '[part="errors"]')).to.equal(undefined);
    expect(session.state.errors).to.deep.equal([]);
  });
});

describe('hostile contact input in an offer', () => {
  it('shows and announces a capped, isolated excerpt of a huge first message and name', async () => {
    const { center, session } = connectAgent({ maxConcurrentChats: 3, maxMessageLength: 2000 });
    const element = await fixture<ChatWorkspace>(html`<chat-workspace style="height: 720px; width: 900px" .session=${session}></chat-workspace>`);
    await session.setAgentState('Available');
    center.startChat({ contact: { name: `${RLO}${'Jean '.repeat(100)}` }, skill: 'Billing', text: `${RLO}${'word '.repeat(399)}` });
    await settle(element);
    await waitUntil(() => deepQuery(element, '.first-message'), 'the offer');
    const first = deepQuery<HTMLElement>(element, '.first-message');
    expect(first?.textContent?.length).to.be.at.most(281);
    expect(first?.getAttribute('dir')).to.equal('auto');
    const heading = deepQuery<HTMLElement>(element, '.offer h3');
    expect(heading?.textContent?.length).to.be.at.most(81);
    expect(heading?.textContent).not.to.contain(RLO);
    const announced = deepQueryAll<HTMLElement>(element, '[role="status"]').map((region) => region.textContent ?? '');
    expect(Math.max(...announced.map((text) => text.length))).to.be.below(200);
  });
});
