import { expect, fixture, html } from '@open-wc/testing';
import type { ChatConversation } from '../../src/elements/chat-conversation/chat-conversation.js';
import '../../src/index.js';
import { connectAgent, settle } from '../helpers.js';

/**
 * Following the conversation: every message that arrives while the agent is at the bottom
 * is on screen in full within a few frames, whatever its height (rows the transcript can
 * only estimate before it measures them).
 */
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Lines of varied length and count: rows whose height the transcript cannot guess. */
function varied(index: number): string {
  const words = ['invoice', 'modem', 'refund', 'account', 'Bonjour', 'merci', 'plan', 'payment', 'router', 'billing'];
  const length = 3 + ((index * 7919) % 41);
  const text = Array.from({ length }, (_, word) => words[(index + word * 31) % words.length]).join(' ');
  return index % 9 === 0 ? `${text}\n${text.slice(0, 40)}\n${text.slice(0, 20)}` : text;
}

describe('<chat-conversation> following new messages', () => {
  it('shows every appended message in full, whatever its height', async function () {
    this.timeout(60_000);
    const { center, session } = connectAgent();
    await session.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await session.acceptOffer(chatId);
    for (let index = 0; index < 300; index++) center.contactSays(chatId, varied(index));
    const element = await fixture<ChatConversation>(
      html`<chat-conversation style="height: 360px; width: 420px" .session=${session} chat-id=${chatId}></chat-conversation>`,
    );
    await settle(element);
    const scroller = element.shadowRoot!.querySelector<HTMLElement>('[part="transcript"]')!;
    for (let frame = 0; frame < 10; frame++) await nextFrame();

    const hidden: number[] = [];
    for (let index = 300; index < 420; index++) {
      center.contactSays(chatId, varied(index));
      await settle(element);
      // A person sees it within a few frames; the row is then whole inside the view.
      for (let frame = 0; frame < 6; frame++) await nextFrame();
      const rows = Array.from(scroller.querySelectorAll<HTMLElement>('[part~="message"]'));
      const last = rows.find((row) => row.querySelector('.text')?.textContent === varied(index));
      const view = scroller.getBoundingClientRect();
      const box = last?.getBoundingClientRect();
      if (!box || box.bottom > view.bottom + 1 || box.top < view.top - 1) hidden.push(index);
    }
    expect(hidden, 'messages left out of sight').to.deep.equal([]);
  });
});
