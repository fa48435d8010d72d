import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ChatComposer, quickReplyQuery } from '../../src/elements/chat-composer/chat-composer.js';
import { QuickReplySearch, type QuickReplySearchFollower } from '../../src/controllers/quick-reply-search.js';
import type { QuickReplyNavigationKey } from '../../src/events/quick-reply-events.js';
import '../../src/index.js';
import type { SimulatedContactCenterOptions } from '../../src/index.js';
import { connectAgent, settle } from '../helpers.js';
import { ManualScheduler } from '../support/manual-scheduler.js';

if (!customElements.get('chat-composer')) customElements.define('chat-composer', ChatComposer);

async function composerFor(options: SimulatedContactCenterOptions = {}) {
  const { center, session } = connectAgent({ maxConcurrentChats: 3, ...options });
  await session.setAgentState('Available');
  const first = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
  await session.acceptOffer(first);
  const element = await fixture<ChatComposer>(html`<chat-composer .session=${session} chat-id=${first}></chat-composer>`);
  const textarea = element.shadowRoot?.querySelector('textarea') as HTMLTextAreaElement;
  return { center, session, element, textarea, first };
}

function agentMessages(center: ReturnType<typeof connectAgent>['center'], chatId: string): string[] {
  return (center.chat(chatId)?.messages ?? []).filter((message) => message.from === 'agent').map((message) => message.text);
}

describe('<chat-composer>', () => {
  it('is a text box named "Message" that sends with Enter and clears itself (R8)', async () => {
    const { center, element, textarea, first } = await composerFor();
    expect(textarea.getAttribute('aria-label')).to.equal('Message');
    textarea.focus();
    await sendKeys({ type: 'Hello Marie' });
    await sendKeys({ press: 'Enter' });
    await settle(element);
    expect(agentMessages(center, first)).to.deep.equal(['Hello Marie']);
    expect(textarea.value).to.equal('');
    await expect(element).to.be.accessible();
  });

  it('adds a line with Shift+Enter instead of sending', async () => {
    const { center, element, textarea, first } = await composerFor();
    textarea.focus();
    await sendKeys({ type: 'Line one' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'Line two' });
    await settle(element);
    expect(textarea.value).to.equal('Line one\nLine two');
    expect(agentMessages(center, first)).to.deep.equal([]);
    await sendKeys({ press: 'Enter' });
    expect(agentMessages(center, first)).to.deep.equal(['Line one\nLine two']);
  });

  it('does not send on the Enter that ends an IME composition', async () => {
    const { center, session, element, textarea, first } = await composerFor();
    session.setDraft(first, 'こんにちは');
    await settle(element);
    const composing = new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true });
    textarea.dispatchEvent(composing);
    expect(composing.defaultPrevented).to.equal(false);
    expect(agentMessages(center, first)).to.deep.equal([]);
  });

  it('never sends an empty or whitespace-only message', async () => {
    const { center, element, textarea, first } = await composerFor();
    textarea.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: '   ' });
    await sendKeys({ press: 'Enter' });
    await settle(element);
    expect(agentMessages(center, first)).to.deep.equal([]);
    const send = element.shadowRoot?.querySelector('[part="send"]') as HTMLButtonElement;
    expect(send.disabled).to.equal(true);
  });

  it('shows a counter near the configured limit and refuses to send past it', async () => {
    const { center, session, element, textarea, first } = await composerFor({ maxMessageLength: 40 });
    session.setDraft(first, 'x'.repeat(10));
    await settle(element);
    expect(element.shadowRoot?.querySelector('[part="counter"]')).to.equal(null);

    session.setDraft(first, 'x'.repeat(25));
    await settle(element);
    expect(element.shadowRoot?.querySelector('[part="counter"]')?.textContent?.trim()).to.equal('15 characters left');
    expect(textarea.getAttribute('aria-describedby')).to.equal('counter');

    session.setDraft(first, 'x'.repeat(43));
    await settle(element);
    expect(element.shadowRoot?.querySelector('[part="counter"]')?.textContent?.trim()).to.equal('3 characters over the limit');
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    textarea.focus();
    await sendKeys({ press: 'Enter' });
    expect(agentMessages(center, first)).to.deep.equal([]);
    expect(textarea.value, 'the text stays').to.have.length(43);
  });

  it('keeps a separate draft for each chat when the agent switches', async () => {
    const { center, session, element, textarea, first } = await composerFor();
    const second = center.startChat({ contact: { name: 'Priya Natarajan' }, skill: 'Billing', text: 'Hi' });
    await session.acceptOffer(second);
    textarea.focus();
    await sendKeys({ type: 'Draft for Marie' });

    element.chatId = second;
    await settle(element);
    const secondBox = element.shadowRoot?.querySelector('textarea') as HTMLTextAreaElement;
    expect(secondBox.value).to.equal('');
    secondBox.focus();
    await sendKeys({ type: 'Draft for Priya' });

    element.chatId = first;
    await settle(element);
    expect((element.shadowRoot?.querySelector('textarea') as HTMLTextAreaElement).value).to.equal('Draft for Marie');
    expect(session.state.work[second]?.draft).to.equal('Draft for Priya');
  });

  it('inserts text at the caret without sending and keeps the focus in the box', async () => {
    const { center, session, element, textarea, first } = await composerFor();
    session.setDraft(first, 'Hello , welcome');
    await settle(element);
    textarea.setSelectionRange(6, 6);
    element.insertText('Marie');
    await settle(element);
    expect(textarea.value).to.equal('Hello Marie, welcome');
    expect(element.shadowRoot?.activeElement).to.equal(textarea);
    expect(agentMessages(center, first)).to.deep.equal([]);
  });

  it('tells the platform the agent is typing, at most every 3 seconds', async () => {
    const scheduler = new ManualScheduler();
    const { center, element, textarea, first } = await composerFor({ scheduler });
    const type = (text: string) => {
      textarea.value += text;
      textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    };
    const start = scheduler.now();
    type('H');
    expect(center.agentTypingAt(first)).to.equal(start);
    scheduler.advance(1000);
    type('e');
    scheduler.advance(1000);
    type('l');
    expect(center.agentTypingAt(first), 'throttled').to.equal(start);
    scheduler.advance(1500);
    type('l');
    expect(center.agentTypingAt(first)).to.equal(start + 3500);
    await settle(element);
  });

  it('says the chat has ended instead of offering a box once it is over', async () => {
    const { center, element, first } = await composerFor();
    center.contactLeaves(first);
    await settle(element);
    expect(element.shadowRoot?.querySelector('textarea')).to.equal(null);
    expect(element.shadowRoot?.textContent).to.contain('This chat has ended');
  });

  describe('"/" quick-reply search', () => {
    /** Follows the searches of every composer of the element's tree scope, as a panel there would. */
    function follow(element: ChatComposer, take: (key: QuickReplyNavigationKey) => boolean = () => false) {
      const searches: { chatId: string; query: string | null }[] = [];
      const offered: QuickReplyNavigationKey[] = [];
      const follower: QuickReplySearchFollower = {
        chatId: '',
        search: (query, chatId) => searches.push({ chatId, query }),
        navigate: (key) => {
          offered.push(key);
          return take(key);
        },
      };
      const stop = QuickReplySearch.of(element.getRootNode()).follow(follower);
      return { searches, queries: () => searches.map((search) => search.query), offered, stop };
    }

    it('reads the search from a draft that starts with "/" on one line', () => {
      expect(quickReplyQuery('/greet')).to.equal('greet');
      expect(quickReplyQuery('/')).to.equal('');
      expect(quickReplyQuery('Hello /greet')).to.equal(null);
      expect(quickReplyQuery('/greet\nmore')).to.equal(null);
    });

    it('reports the text after "/" as the agent types, and null when the "/" goes', async () => {
      const { element, textarea, first } = await composerFor();
      const followed = follow(element);
      textarea.focus();
      await sendKeys({ type: '/gr' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: 'Hi /gr' });
      await settle(element);
      expect(followed.queries()).to.deep.equal(['', 'g', 'gr', 'g', '', null]);
      expect(followed.searches.every((search) => search.chatId === first)).to.equal(true);
      followed.stop();
    });

    it('offers Up, Down, Enter and Escape to the quick replies first, and sends when nobody takes Enter', async () => {
      const { center, element, textarea, first } = await composerFor();
      let take = true;
      const followed = follow(element, () => take);
      const offered = followed.offered;
      textarea.focus();
      await sendKeys({ type: '/thanks' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'Enter' });
      await settle(element);
      expect(offered).to.deep.equal(['ArrowDown', 'ArrowUp', 'Enter']);
      expect(agentMessages(center, first), 'a taken Enter does not send').to.deep.equal([]);
      expect(textarea.value).to.equal('/thanks');

      take = false;
      await sendKeys({ press: 'Enter' });
      expect(agentMessages(center, first), 'nobody took it: Enter sends as always').to.deep.equal(['/thanks']);
      followed.stop();
    });

    it('stops searching after a taken Escape until the "/" is gone', async () => {
      const { element, textarea } = await composerFor();
      const followed = follow(element, () => true);
      textarea.focus();
      await sendKeys({ type: '/a' });
      await sendKeys({ press: 'Escape' });
      await sendKeys({ type: 'b' });
      expect(followed.queries()).to.deep.equal(['', 'a']);
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ type: '/c' });
      expect(followed.queries()).to.deep.equal(['', 'a', '', 'c']);
      followed.stop();
    });

    it('puts inserted text in place of the "/search"', async () => {
      const { center, element, textarea, first } = await composerFor();
      const followed = follow(element);
      textarea.focus();
      await sendKeys({ type: '/ref' });
      element.insertText('Your refund is on its way.');
      await settle(element);
      expect(textarea.value).to.equal('Your refund is on its way.');
      expect(followed.queries().at(-1), 'the search is over').to.equal(null);
      followed.stop();
      expect(element.shadowRoot?.activeElement).to.equal(textarea);
      expect(agentMessages(center, first)).to.deep.equal([]);
    });

    it('ends the search of the chat it leaves', async () => {
      const { center, session, element, textarea, first } = await composerFor();
      const second = center.startChat({ contact: { name: 'Priya Natarajan' }, skill: 'Billing', text: 'Hi' });
      await session.acceptOffer(second);
      const followed = follow(element);
      textarea.focus();
      await sendKeys({ type: '/a' });
      element.chatId = second;
      await settle(element);
      expect(followed.searches.at(-1)).to.deep.equal({ chatId: first, query: null });
      followed.stop();
    });
  });
});
