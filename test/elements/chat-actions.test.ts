import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { ChatActions, COPIED_NOTICE_MS, END_CONFIRM_MS } from '../../src/elements/chat-actions/chat-actions.js';
import { ChatSession, SimulatedContactCenter } from '../../src/index.js';
import { AGENT, button, buttons, connectAgent, settle } from '../helpers.js';
import { ManualScheduler } from '../support/manual-scheduler.js';

if (!customElements.get('chat-actions')) customElements.define('chat-actions', ChatActions);

/** A center and a session on one clock that the test moves by hand. */
function onManualTime(scheduler: ManualScheduler) {
  const center = new SimulatedContactCenter({ scheduler });
  const session = new ChatSession(center.connect(AGENT), { scheduler, storage: null, logger: { warn: () => undefined } });
  return { center, session };
}

/** The actions of an active chat; on the session's real clock unless a scheduler is given. */
async function actionsFor(scheduler?: ManualScheduler) {
  const { center, session } = scheduler ? onManualTime(scheduler) : connectAgent();
  await session.setAgentState('Available');
  const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
  await session.acceptOffer(chatId);
  await session.sendMessage(chatId, 'Hello Marie,\nhow can I help?');
  center.contactSays(chatId, 'My invoice is <b>wrong</b>');
  const element = await fixture<ChatActions>(html`<chat-actions .session=${session} chat-id=${chatId}></chat-actions>`);
  return { center, session, element, chatId };
}

const statusOf = (element: Element) => element.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim() ?? '';

describe('<chat-actions>', () => {
  it('ends the chat only on a second click of the same "End chat" button (R9)', async () => {
    const { center, element, chatId } = await actionsFor();
    const end = button(element, 'End chat');
    end.click();
    await settle(element);
    expect(center.chat(chatId)?.state).to.equal('active');
    const confirming = button(element, 'End chat');
    expect(confirming, 'the same button').to.equal(end);
    expect(confirming.classList.contains('confirming')).to.equal(true);
    expect(element.shadowRoot?.getElementById(confirming.getAttribute('aria-describedby') ?? '')?.textContent).to.contain(
      'again',
    );
    await expect(element).to.be.accessible();

    confirming.click();
    await settle(element);
    expect(center.chat(chatId)?.state).to.equal('ended');
    expect(buttons(element, 'End chat')).to.have.length(0);
  });

  it('returns to normal a few seconds after the first click, on the session’s clock', async () => {
    const scheduler = new ManualScheduler();
    const { center, element, chatId } = await actionsFor(scheduler);
    button(element, 'End chat').click();
    await settle(element);
    scheduler.advance(END_CONFIRM_MS - 1);
    await settle(element);
    expect(button(element, 'End chat').classList.contains('confirming')).to.equal(true);
    scheduler.advance(1);
    await settle(element);
    expect(button(element, 'End chat').classList.contains('confirming')).to.equal(false);
    button(element, 'End chat').click();
    await settle(element);
    expect(center.chat(chatId)?.state, 'one click after the reset only arms it again').to.equal('active');
  });

  it('takes the copy confirmation away a few seconds later, on the session’s clock', async () => {
    const scheduler = new ManualScheduler();
    const { element } = await actionsFor(scheduler);
    const stub = sinon.stub(navigator.clipboard, 'writeText').resolves();
    try {
      button(element, 'Copy all chat content').click();
      await waitUntil(() => statusOf(element) !== '', 'the confirmation');
    } finally {
      stub.restore();
    }
    expect(statusOf(element)).to.equal('Chat content copied to the clipboard.');
    scheduler.advance(COPIED_NOTICE_MS - 1);
    await settle(element);
    expect(statusOf(element)).to.equal('Chat content copied to the clipboard.');
    scheduler.advance(1);
    await settle(element);
    expect(statusOf(element)).to.equal('');
  });

  it('copies the whole transcript with times and both names, and confirms it (R10)', async () => {
    const { element } = await actionsFor();
    const written: string[] = [];
    const stub = sinon.stub(navigator.clipboard, 'writeText').callsFake(async (text: string) => {
      written.push(text);
    });
    try {
      button(element, 'Copy all chat content').click();
      await settle(element);
      await Promise.resolve();
      await settle(element);
    } finally {
      stub.restore();
    }
    expect(written).to.have.length(1);
    const lines = written[0]?.split('\n') ?? [];
    expect(lines[0]).to.match(/^\[\d{1,2}:\d{2}(?: [AP]M)?\] Marie Tremblay: Bonjour!$/);
    expect(lines[1]).to.match(/^\[\d{1,2}:\d{2}(?: [AP]M)?\] Alex Martin: Hello Marie,$/);
    expect(lines[2]).to.equal('    how can I help?');
    expect(lines[3]).to.match(/^\[\d{1,2}:\d{2}(?: [AP]M)?\] Marie Tremblay: My invoice is <b>wrong<\/b>$/);
    const status = element.shadowRoot?.querySelector('[role="status"]');
    expect(status?.textContent?.trim()).to.equal('Chat content copied to the clipboard.');
  });

  it('falls back to the copy command when the Clipboard API is refused', async () => {
    const { element } = await actionsFor();
    const refused = sinon.stub(navigator.clipboard, 'writeText').rejects(new DOMException('Denied', 'NotAllowedError'));
    let copied = '';
    const command = sinon.stub(document, 'execCommand').callsFake((name: string) => {
      const active = element.shadowRoot?.querySelector('textarea');
      copied = name === 'copy' ? (active?.value ?? '') : '';
      return name === 'copy';
    });
    try {
      button(element, 'Copy all chat content').click();
      for (let i = 0; i < 5; i++) await Promise.resolve();
      await settle(element);
    } finally {
      refused.restore();
      command.restore();
    }
    expect(copied).to.contain('Marie Tremblay: Bonjour!');
    expect(element.shadowRoot?.querySelector('textarea'), 'the helper box is removed').to.equal(null);
    expect(element.shadowRoot?.querySelector('[role="status"]')?.textContent?.trim()).to.equal(
      'Chat content copied to the clipboard.',
    );
  });

  it('keeps only the copy action once the chat has ended', async () => {
    const { center, element, chatId } = await actionsFor();
    center.contactLeaves(chatId);
    await settle(element);
    expect(buttons(element, 'End chat')).to.have.length(0);
    expect(buttons(element, 'Transfer')).to.have.length(0);
    expect(buttons(element, 'Copy all chat content')).to.have.length(1);
  });

  it('asks for the transfer dialog with the chat to hand over', async () => {
    const { element, chatId } = await actionsFor();
    const requested = oneEvent(element, 'transfer-dialog-requested');
    button(element, 'Transfer').click();
    expect((await requested).detail).to.deep.equal({ chatId });
  });
});

describe('<chat-actions> at rest', () => {
  it('keeps its live region and takes no room for it while there is nothing to say', async () => {
    const { center, session } = connectAgent();
    await session.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await session.acceptOffer(chatId);
    const element = await fixture<HTMLElement>(html`<chat-actions .session=${session} chat-id=${chatId}></chat-actions>`);
    await settle(element);
    const status = element.shadowRoot?.querySelector<HTMLElement>('[role="status"]');
    expect(status).to.exist;
    expect(status?.getBoundingClientRect().height).to.equal(0);
  });
});
