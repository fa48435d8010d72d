import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ChatSession, type ChatWorkspace } from '../../src/index.js';
import { altShift, connectAgent, deepQuery, focused, press, settle } from '../helpers.js';

/**
 * The help page's whole flow, by keyboard alone, at 1280×720 with eight chats open and
 * four offers waiting (issue 10): focus is never lost to the page and the composer never moves.
 */

const NAMES = ['Marie Tremblay', 'Jean-François Roy', 'Priya Natarajan', 'Olivier Gagnon', 'Emily Chen', 'Sophie Côté', 'Daniel Okafor', 'Chloé Bouchard'];
const WAITING = ['Lucas Martin', 'Amélie Dubois', 'Noah Bergeron', 'Zoé Lavoie'];

describe('the workspace by keyboard alone, under load', () => {
  it('accepts, answers, uses a quick reply, transfers, ends and saves, with focus never lost', async function () {
    this.timeout(30_000);
    const { center, session } = connectAgent({
      maxConcurrentChats: 12,
      dispositions: [{ code: 'resolved', label: 'Resolved' }],
      quickReplies: [{ id: 'greeting', title: 'Greeting', text: 'Hello {{contact.name}}, {{agent.name}} here.' }],
      directory: {
        agents: [
          { id: 'agent-1', name: 'Alex Martin', skills: [] },
          { id: 'agent-2', name: 'Sam Rivera', skills: [] },
        ],
        teams: [],
        skills: [],
      },
    });
    const sam = new ChatSession(center.connect({ id: 'agent-2', name: 'Sam Rivera' }), { logger: { warn: () => undefined } });
    const element = await fixture<ChatWorkspace>(html`<chat-workspace style="height: 720px; width: 1280px" .session=${session}></chat-workspace>`);
    await session.setAgentState('Available');
    for (const name of NAMES) center.startChat({ contact: { name }, skill: 'Billing', text: `Bonjour, ${name} here.` });
    for (const offer of [...session.state.offers]) await session.acceptOffer(offer.chatId);
    for (const name of WAITING) center.startChat({ contact: { name }, skill: 'Billing', text: 'A question' });
    await settle(element);
    expect(session.state.offers).to.have.length(4);

    // Where the message box sits in the workspace (the test page itself may scroll to show it).
    const composerBox = () => {
      const box = deepQuery<HTMLElement>(element, 'textarea[aria-label="Message"]')?.getBoundingClientRect();
      const frame = element.getBoundingClientRect();
      return box && { top: box.top - frame.top, left: box.left - frame.left, width: box.width, height: box.height };
    };
    const composerAt = composerBox();
    const focusStaysInside = (step: string) => {
      expect(document.activeElement, `${step}: focus in the workspace`).to.equal(element);
      expect(focused(), `${step}: something focused`).not.to.equal(null);
    };
    deepQuery<HTMLElement>(element, 'textarea[aria-label="Message"]')?.focus();

    // Accept the oldest offer: its chat shows, focus in its message box.
    await altShift('KeyO');
    await waitUntil(() => session.state.offers.length === 3, 'one offer accepted');
    const chatId = session.state.activeChatId ?? '';
    expect(session.state.chats.find((chat) => chat.id === chatId)?.contact.name).to.equal('Lucas Martin');
    await waitUntil(() => focused()?.matches('textarea[aria-label="Message"]'), 'focus in the message box');
    expect(composerBox()).to.deep.equal(composerAt);

    // Answer with Enter.
    await sendKeys({ type: 'Bonjour Lucas!' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => center.chat(chatId)?.messages.some((message) => message.text === 'Bonjour Lucas!'), 'sent');
    focusStaysInside('after Enter');

    // A quick reply: open, choose Greeting, Insert.
    await altShift('KeyQ');
    await settle(element);
    await waitUntil(() => focused()?.closest?.('quick-reply-panel') !== null || focused()?.getRootNode() !== document, 'in the quick replies');
    await sendKeys({ type: 'Greet' });
    await settle(element);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await settle(element);
    const insert = deepQuery<HTMLButtonElement>(element, 'button[part="insert"]');
    insert?.focus();
    await sendKeys({ press: 'Enter' });
    await settle(element);
    await waitUntil(
      () => (deepQuery<HTMLTextAreaElement>(element, 'textarea[aria-label="Message"]')?.value ?? '').startsWith('Hello Lucas Martin'),
      'the reply in the message box',
    );
    focusStaysInside('after Insert');
    expect(composerBox()).to.deep.equal(composerAt);

    // Transfer to Sam: the dialog, the search, its Transfer button.
    await sam.setAgentState('Available');
    await altShift('KeyX');
    await settle(element);
    await waitUntil(() => focused()?.matches('input[type="search"]'), 'focus in the transfer search');
    await sendKeys({ type: 'Sam' });
    await settle(element);
    const transferTo = deepQuery<HTMLButtonElement>(element, 'button[aria-label^="Transfer to Sam Rivera"]');
    transferTo?.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !session.state.chats.some((chat) => chat.id === chatId), 'transferred');
    await waitUntil(() => focused()?.getAttribute('role') === 'tab', 'focus on the chat now shown');
    focusStaysInside('after the transfer');

    // End the chat now shown (two presses), then after-contact work by keyboard.
    const next = session.state.activeChatId ?? '';
    deepQuery<HTMLElement>(element, 'textarea[aria-label="Message"]')?.focus();
    await altShift('KeyE');
    await altShift('KeyE');
    await waitUntil(() => center.chat(next)?.state === 'ended', 'ended');
    await waitUntil(() => focused()?.closest?.('.wrap-up') !== null && focused()?.getRootNode() !== document, 'focus in the after-contact form');
    const select = deepQuery<HTMLSelectElement>(element, 'disposition-form select');
    select?.focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(element);
    deepQuery<HTMLButtonElement>(element, 'button[part="save"]')?.focus();
    await press('Enter');
    await waitUntil(() => center.chat(next)?.state === 'closed', 'saved and closed');
    expect(center.chat(next)?.disposition?.code).to.equal('resolved');
    await waitUntil(() => focused()?.getAttribute('role') === 'tab', 'focus on the chat now shown');
    focusStaysInside('after Save and close');
    expect(composerBox()).to.deep.equal(composerAt);
    await expect(element).to.be.accessible();
    sam.dispose();
  });
});
