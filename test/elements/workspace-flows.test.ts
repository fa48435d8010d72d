import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChatWorkspace } from '../../src/index.js';
import { button, buttons, connectAgent, deepQuery, deepQueryAll, deepText, settle } from '../helpers.js';

/** Whole-workspace journeys of an agent, through the UI as far as possible. */
async function busyWorkspace() {
  const { center, session } = connectAgent({
    maxConcurrentChats: 3,
    dispositions: [
      { code: 'resolved', label: 'Resolved' },
      { code: 'follow-up', label: 'Follow-up needed' },
    ],
    tags: ['billing', 'vip'],
    engagementChannels: ['chat', 'email'],
    quickReplies: [{ id: 'greeting', title: 'Greeting', text: 'Hello {{contact.name}}, my name is {{agent.name}}.' }],
    directory: {
      agents: [
        { id: 'agent-1', name: 'Alex Martin', skills: [] },
        { id: 'agent-2', name: 'Sam Rivera', skills: [] },
      ],
      teams: [{ id: 'tier-2', name: 'Tier 2' }],
      skills: [{ id: 'technical-support', name: 'Technical Support' }],
    },
  });
  const element = await fixture<ChatWorkspace>(html`<chat-workspace style="height: 700px" .session=${session}></chat-workspace>`);
  await session.setAgentState('Available');
  const marie = center.startChat({ contact: { name: 'Marie Tremblay', email: 'marie@example.com' }, skill: 'Billing', text: 'Bonjour!' });
  const jean = center.startChat({ contact: { name: 'Jean Roy' }, skill: 'Billing', text: 'Salut' });
  await settle(element);
  for (const accept of buttons(element, 'Accept')) accept.click();
  await settle(element);
  return { center, session, element, marie, jean };
}

function tab(element: ChatWorkspace, name: string): HTMLElement {
  const found = deepQueryAll<HTMLElement>(element, '[role="tab"]').find((candidate) => deepText(candidate).includes(name));
  if (!found) throw new Error(`No tab for ${name}`);
  return found;
}

function composer(element: ChatWorkspace): HTMLTextAreaElement {
  const box = deepQuery<HTMLTextAreaElement>(element, 'textarea[aria-label="Message"]');
  if (!box) throw new Error('No composer');
  return box;
}

describe('the workspace, end to end', () => {
  it('runs two chats at once: each tab keeps its draft and Enter sends in the active one (R3, R8)', async () => {
    const { center, element, marie, jean } = await busyWorkspace();
    expect(deepQueryAll(element, '[role="tab"]')).to.have.length(2);

    tab(element, 'Marie Tremblay').click();
    await settle(element);
    composer(element).focus();
    await sendKeys({ type: 'Half a thought for Marie' });

    tab(element, 'Jean Roy').click();
    await settle(element);
    expect(composer(element).value).to.equal('');
    composer(element).focus();
    await sendKeys({ type: 'Bonjour Jean' });
    await sendKeys({ press: 'Enter' });
    await settle(element);
    expect(center.chat(jean)?.messages.at(-1)).to.include({ from: 'agent', text: 'Bonjour Jean' });

    tab(element, 'Marie Tremblay').click();
    await settle(element);
    expect(composer(element).value).to.equal('Half a thought for Marie');
    expect(center.chat(marie)?.messages.filter((message) => message.from === 'agent')).to.have.length(0);
  });

  it('ends a chat with two clicks, then records disposition, tags and notes and closes the tab (R9, R11)', async () => {
    const { center, element, marie } = await busyWorkspace();
    tab(element, 'Marie Tremblay').click();
    await settle(element);
    button(element, 'End chat').click();
    await settle(element);
    expect(center.chat(marie)?.state).to.equal('active');
    button(element, 'End chat').click();
    await settle(element);
    expect(center.chat(marie)?.state).to.equal('ended');
    expect(deepQuery(tab(element, 'Marie Tremblay'), '[part~="timer-acw"]'), 'purple timer').to.exist;

    const form = deepQuery(element, 'disposition-form');
    if (!form) throw new Error('no after-contact form');
    const select = deepQuery<HTMLSelectElement>(form, 'select');
    if (!select) throw new Error('no disposition select');
    select.value = 'follow-up';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const vip = deepQueryAll<HTMLInputElement>(form, 'input[type="checkbox"]').find(
      (box) => box.value === 'vip',
    );
    vip?.click();
    const notes = deepQuery<HTMLTextAreaElement>(form, 'textarea');
    notes?.focus();
    await sendKeys({ type: 'Call back Monday' });
    await settle(element);
    await expect(element).to.be.accessible();

    const saved = oneEvent(element, 'disposition-saved');
    button(element, 'Save and close').click();
    expect((await saved).detail.chatId).to.equal(marie);
    await settle(element);
    expect(center.chat(marie)).to.deep.include({
      state: 'closed',
      disposition: { code: 'follow-up', tags: ['vip'], notes: 'Call back Monday' },
    });
    expect(deepQueryAll(element, '[role="tab"]')).to.have.length(1);
  });

  it('inserts a Greeting with both names into the active composer, without sending (R6, R14)', async () => {
    const { center, element, marie } = await busyWorkspace();
    tab(element, 'Marie Tremblay').click();
    await settle(element);
    button(element, 'Quick replies').click();
    await settle(element);
    const panel = deepQuery(element, 'quick-reply-panel');
    if (!panel) throw new Error('no quick-reply panel');
    const greeting = deepQueryAll<HTMLButtonElement>(panel, 'button').find((candidate) => deepText(candidate).startsWith('Greeting'));
    greeting?.click();
    await settle(element);
    button(element, 'Insert').click();
    await settle(element);
    expect(composer(element).value).to.equal('Hello Marie Tremblay, my name is Alex Martin.');
    expect(element.shadowRoot?.activeElement?.localName, 'focus back in the composer').to.equal('chat-composer');
    expect(center.chat(marie)?.messages.filter((message) => message.from === 'agent')).to.have.length(0);
  });

  it('opens a new engagement for the current contact from the launch area (R5)', async () => {
    const { center, element, marie } = await busyWorkspace();
    tab(element, 'Marie Tremblay').click();
    await settle(element);
    button(element, 'New engagement').click();
    await settle(element);
    const host = deepQuery(element, 'new-engagement-dialog');
    if (!host) throw new Error('no engagement dialog');
    expect(deepQuery<HTMLDialogElement>(host, 'dialog')?.open).to.equal(true);
    const name = deepQueryAll<HTMLInputElement>(host, 'input').find((input) => input.value === 'Marie Tremblay');
    expect(name, 'the contact is pre-filled').to.exist;

    const created = oneEvent(element, 'engagement-created');
    button(element, 'Create engagement').click();
    expect((await created).detail).to.include({ chatId: marie, channel: 'chat' });
    expect(center.engagements()).to.have.length(1);
  });
});

describe('the workspace, transfers', () => {
  it('transfers the active chat to a colleague from the Transfer button, who sees its history (R12, R13)', async () => {
    const { ChatSession } = await import('../../src/index.js');
    const { center, element, marie } = await busyWorkspace();
    const sam = new ChatSession(center.connect({ id: 'agent-2', name: 'Sam Rivera' }), { logger: { warn: () => undefined } });
    await sam.setAgentState('Available');
    tab(element, 'Marie Tremblay').click();
    await settle(element);

    button(element, 'Transfer').click();
    await settle(element);
    const dialog = deepQuery(element, 'transfer-dialog');
    if (!dialog) throw new Error('no transfer dialog');
    expect(deepQuery<HTMLDialogElement>(dialog, 'dialog')?.open).to.equal(true);
    const search = deepQuery<HTMLInputElement>(dialog, 'input[type="search"]');
    expect(dialog.shadowRoot?.activeElement, 'focus starts in the search').to.equal(search);
    await sendKeys({ type: 'sam' });
    await settle(element);

    const transferred = oneEvent(element, 'chat-transferred');
    const transferTo = deepQueryAll<HTMLButtonElement>(dialog, 'button').find((candidate) =>
      (candidate.getAttribute('aria-label') ?? '').startsWith('Transfer to Sam Rivera'),
    );
    if (!transferTo) throw new Error('no Transfer button for Sam');
    transferTo.click();
    const detail = (await transferred).detail;
    expect(detail).to.deep.include({ chatId: marie, targetName: 'Sam Rivera', target: { kind: 'agent', id: 'agent-2' } });
    await settle(element);
    expect(deepQueryAll(element, '[role="tab"]').map((found) => deepText(found))).to.have.length(1);
    expect(sam.state.offers.map((offer) => offer.chatId)).to.deep.equal([marie]);
    await sam.acceptOffer(marie);
    expect(sam.state.chats[0]?.messages[0]?.text).to.equal('Bonjour!');
    // Focus went to the chat now shown, not to the next customer's Transfer button.
    await waitUntil(() => element.shadowRoot?.activeElement?.localName === 'contact-tab', 'focus on the tab shown');
    expect(element.shadowRoot?.activeElement?.getAttribute('aria-selected')).to.equal('true');
  });

  it('puts focus in the after-contact form once End chat is confirmed, never on the page', async () => {
    const { element } = await busyWorkspace();
    const end = button(element, 'End chat');
    end.focus();
    end.click();
    await settle(element);
    button(element, 'End chat').click();
    await settle(element);
    await waitUntil(() => element.shadowRoot?.activeElement?.localName === 'disposition-form', 'focus in the after-contact form');
    expect(document.activeElement).to.equal(element);
  });

  it('lets the host veto a transfer', async () => {
    const { center, element, marie } = await busyWorkspace();
    element.addEventListener('transfer-requested', (event) => event.preventDefault());
    tab(element, 'Marie Tremblay').click();
    await settle(element);
    button(element, 'Transfer').click();
    await settle(element);
    const dialog = deepQuery(element, 'transfer-dialog');
    const toSkill = deepQueryAll<HTMLButtonElement>(dialog as Element, 'button').find((candidate) =>
      (candidate.getAttribute('aria-label') ?? '').startsWith('Transfer to'),
    );
    toSkill?.click();
    await settle(element);
    expect(center.chat(marie)?.state).to.equal('active');
  });

  it('lets the host open its own engagement form instead of the built-in dialog', async () => {
    const { element } = await busyWorkspace();
    const taken: string[] = [];
    const takeOver = (event: HTMLElementEventMap['new-engagement-requested']) => {
      event.preventDefault();
      taken.push(event.detail.chatId);
    };
    document.addEventListener('new-engagement-requested', takeOver);
    try {
      button(element, 'New engagement').click();
      await settle(element);
    } finally {
      document.removeEventListener('new-engagement-requested', takeOver);
    }
    expect(taken).to.have.length(1);
    const host = deepQuery(element, 'new-engagement-dialog');
    expect(host && deepQuery<HTMLDialogElement>(host, 'dialog')?.open).to.not.equal(true);
  });
});
