import { expect, fixture, html } from '@open-wc/testing';
import type { ChatWorkspace } from '../../src/index.js';
import { connectAgent, deepQuery, settle } from '../helpers.js';

/** The host's own content in the workspace: its named slots (issue 12). */
async function hostedWorkspace() {
  const { center, session } = connectAgent({ maxConcurrentChats: 3 });
  const element = await fixture<ChatWorkspace>(html`
    <chat-workspace .session=${session} style="width: 1100px; height: 640px">
      <button slot="header-end" type="button">Call back</button>
      <button slot="chat-actions" type="button">Open case</button>
      <aside slot="beside" aria-label="Customer record"><p>Account NW-10482</p></aside>
      <p slot="empty">Nothing to do. Take a break.</p>
    </chat-workspace>
  `);
  await settle(element);
  return { center, session, element };
}

const slotted = (element: ChatWorkspace, name: string) => element.querySelector<HTMLElement>(`[slot="${name}"]`)!;
const isShown = (node: HTMLElement) => node.getClientRects().length > 0 && node.getBoundingClientRect().width > 0;

describe('<chat-workspace> slots', () => {
  it('shows the host’s empty state and header content before any chat', async () => {
    const { element } = await hostedWorkspace();
    expect(isShown(slotted(element, 'empty')), 'the empty slot').to.equal(true);
    const ownLine = deepQuery<HTMLElement>(element, 'slot[name="empty"] > p')!;
    expect(ownLine.textContent).to.contain('No chats yet');
    expect(isShown(ownLine), 'the workspace’s own line gives way').to.equal(false);
    const header = deepQuery(element, '[part="header"]')!;
    const callBack = slotted(element, 'header-end');
    expect(isShown(callBack)).to.equal(true);
    const inHeader = callBack.getBoundingClientRect();
    const headerBox = header.getBoundingClientRect();
    expect(inHeader.top >= headerBox.top && inHeader.bottom <= headerBox.bottom, 'in the header').to.equal(true);
    // No chat yet: nothing beside a chat, and no chat actions.
    expect(isShown(slotted(element, 'beside'))).to.equal(false);
    expect(isShown(slotted(element, 'chat-actions'))).to.equal(false);
    await expect(element).to.be.accessible();
  });

  it('puts the host’s chat actions in the chat header and its content in a column beside the chat', async () => {
    const { center, session, element } = await hostedWorkspace();
    await session.setAgentState('Available');
    await session.acceptOffer(center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' }));
    await settle(element);
    expect(isShown(slotted(element, 'empty')), 'no empty state with a chat open').to.equal(false);

    const openCase = slotted(element, 'chat-actions');
    const chatHead = deepQuery(element, '.chat-head')!.getBoundingClientRect();
    const actionBox = openCase.getBoundingClientRect();
    expect(isShown(openCase)).to.equal(true);
    expect(actionBox.top >= chatHead.top && actionBox.bottom <= chatHead.bottom, 'in the chat header').to.equal(true);

    const record = slotted(element, 'beside');
    const panel = deepQuery(element, '[part="panel"]')!.getBoundingClientRect();
    const recordBox = record.getBoundingClientRect();
    expect(isShown(record)).to.equal(true);
    expect(recordBox.left, 'to the right of the chat').to.be.at.least(panel.right);
    expect(panel.width, 'the chat keeps most of the width').to.be.greaterThan(recordBox.width);
    await expect(element).to.be.accessible();

    // Without beside content, the chat takes the column back.
    record.remove();
    await settle(element);
    expect(deepQuery(element, '[part="panel"]')!.getBoundingClientRect().width).to.be.greaterThan(panel.width);
  });
});
