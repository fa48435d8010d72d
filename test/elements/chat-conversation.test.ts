import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { BehaviorSubject } from 'rxjs';
import sinon from 'sinon';
import { ChatSession, SimulatedContactCenter, useLocale } from '../../src/index.js';
import { ChatConversation } from '../../src/elements/chat-conversation/chat-conversation.js';
import { transcriptEntries, type TranscriptEntry } from '../../src/elements/chat-conversation/transcript.js';
import { linkify } from '../../src/internal/linkify.js';
import type { Chat } from '../../src/session/state.js';
import { AGENT, connectAgent, settle } from '../helpers.js';
import { ManualScheduler } from '../support/manual-scheduler.js';

if (!customElements.get('chat-conversation')) customElements.define('chat-conversation', ChatConversation);

type Center = SimulatedContactCenter;

/** Starts a chat and has agent-1 accept it. */
async function acceptedChat(center: Center, session: ChatSession, name = 'Marie Tremblay', text = 'Bonjour!') {
  if (session.state.agent.state !== 'Available') await session.setAgentState('Available');
  const chatId = center.startChat({ contact: { name }, skill: 'Billing', text });
  expect((await session.acceptOffer(chatId)).ok, 'accepted').to.equal(true);
  return chatId;
}

async function show(session: ChatSession, chatId: string, height = 300) {
  const element = await fixture<ChatConversation>(
    html`<chat-conversation style="height: ${height}px; width: 480px" .session=${session} chat-id=${chatId}></chat-conversation>`,
  );
  await settle(element);
  return element;
}

function root(element: ChatConversation): ShadowRoot {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
}

function transcript(element: ChatConversation): HTMLElement {
  const found = root(element).querySelector<HTMLElement>('[part="transcript"]');
  if (!found) throw new Error('no transcript');
  return found;
}

function messages(element: ChatConversation): HTMLElement[] {
  return Array.from(root(element).querySelectorAll<HTMLElement>('.message'));
}

function messageWithText(element: ChatConversation, text: string): HTMLElement | undefined {
  return messages(element).find((message) => message.querySelector('.text')?.textContent === text);
}

/** The entry is in the DOM and inside the transcript's visible box. */
function isInView(element: ChatConversation, entry: Element | undefined): boolean {
  if (!entry) return false;
  const view = transcript(element).getBoundingClientRect();
  const box = entry.getBoundingClientRect();
  return box.height > 0 && box.top >= view.top - 1 && box.bottom <= view.bottom + 1;
}

function distanceFromBottom(scroller: HTMLElement): number {
  return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
}

/** Waits for a few frames with no change of the scroll position: the transcript has measured its rows. */
async function scrollSettled(scroller: HTMLElement) {
  let last = -1;
  let still = 0;
  await waitUntil(
    () => {
      still = scroller.scrollTop === last ? still + 1 : 0;
      last = scroller.scrollTop;
      return still >= 5;
    },
    'scroll position settles',
    { interval: 20, timeout: 3000 },
  );
}

function newMessagesButton(element: ChatConversation): HTMLButtonElement | null {
  return root(element).querySelector<HTMLButtonElement>('[part="new-messages"]');
}

describe('<chat-conversation>', () => {
  it('shows author, time and text of every message, and system lines in time order', async () => {
    // The center and the session run on a clock moved by hand, a minute a step; the page keeps
    // real time for the transcript's frames. The agent takes a minute to accept: the offer waits longer.
    const scheduler = new ManualScheduler(new Date(2026, 10, 24, 14, 0).getTime());
    const { center, session } = connectAgent({ scheduler, offerTimeoutMs: 120_000 });
    await session.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    scheduler.advance(60_000);
    await session.acceptOffer(chatId);
    scheduler.advance(60_000);
    center.contactSays(chatId, 'Ma facture est double.');
    scheduler.advance(60_000);
    await session.sendMessage(chatId, 'Je regarde ça.');
    const element = await show(session, chatId);
    await waitUntil(() => messages(element).length === 3, 'three messages');
    await expectTranscript(element);
  });

  async function expectTranscript(element: ChatConversation) {
    const [first, second, third] = messages(element);
    const time = (element: Element | undefined) => element?.querySelector('time')?.textContent;
    expect(first?.querySelector('.author')?.textContent).to.equal('Marie Tremblay');
    expect(first?.querySelector('.text')?.textContent).to.equal('Bonjour!');
    expect(time(first)).to.equal('2:00 PM');
    expect(first?.querySelector('time')?.getAttribute('datetime')).to.equal(new Date(2026, 10, 24, 14, 0).toISOString());
    expect(time(second)).to.equal('2:02 PM');
    expect(time(third)).to.equal('2:03 PM');
    expect(first?.getAttribute('part')).to.equal('message contact-message');
    expect(second?.querySelector('.text')?.textContent).to.equal('Ma facture est double.');
    expect(third?.querySelector('.author')?.textContent).to.equal('Alex Martin');
    expect(third?.querySelector('.text')?.textContent).to.equal('Je regarde ça.');
    expect(third?.getAttribute('part')).to.equal('message agent-message');

    const lines = Array.from(root(element).querySelectorAll('[part="system-line"]'));
    expect(lines.map((line) => line.querySelector('span')?.textContent)).to.deep.equal(['You accepted the chat.']);
    expect(time(lines[0])).to.equal('2:01 PM');
    // The acceptance comes after the first message, which was waiting in the offer.
    const entries = Array.from(transcript(element).querySelectorAll('[role="listitem"]'));
    expect(entries.indexOf(lines[0] as Element)).to.equal(1);
    expect(entries.map((entry) => entry.getAttribute('aria-posinset'))).to.deep.equal(['1', '2', '3', '4']);
    expect(entries.every((entry) => entry.getAttribute('aria-setsize') === '4')).to.equal(true);
  }

  it('says when the contact left, and renders system messages from the platform', async () => {
    const { center, session } = connectAgent();
    const chatId = await acceptedChat(center, session);
    const element = await show(session, chatId);
    center.deliverRawEvent(AGENT.id, {
      type: 'message',
      chatId,
      message: { id: 'sys-1', from: 'system', text: 'Chat transferred from Sam Rivera.', at: Date.now() },
    });
    center.contactLeaves(chatId);
    await settle(element);
    await waitUntil(() => root(element).querySelectorAll('[part="system-line"]').length === 3, 'three system lines');
    const lines = Array.from(root(element).querySelectorAll('[part="system-line"] span')).map((line) => line.textContent);
    expect(lines).to.deep.equal(['You accepted the chat.', 'Chat transferred from Sam Rivera.', 'The contact left the chat.']);
  });

  it('renders hostile contact text as text and links only http(s) addresses', async () => {
    const { center, session } = connectAgent();
    const hostile = '<img src=x onerror="window.pwned=1"> <script>window.pwned=1</script>';
    const chatId = await acceptedChat(center, session, '<b onmouseover=alert(1)>Eve</b>', hostile);
    center.contactSays(
      chatId,
      'See https://example.com/a?b=1&c=2, or (http://example.org/x). Not javascript:alert(1) nor data:text/html,<b>x</b> nor mailto:a@b.c nor www.example.com nor ftp://example.net',
    );
    center.contactSays(chatId, 'javascript:alert(1)');
    const element = await show(session, chatId);
    await waitUntil(() => messages(element).length === 3, 'three messages');

    const [first, second, third] = messages(element);
    expect(first?.querySelector('.text')?.textContent).to.equal(hostile);
    expect(first?.querySelector('.author')?.textContent).to.equal('<b onmouseover=alert(1)>Eve</b>');
    expect(root(element).querySelectorAll('img, script, b')).to.have.length(0);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);

    const links = Array.from(second?.querySelectorAll('a') ?? []);
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['https://example.com/a?b=1&c=2', 'http://example.org/x']);
    expect(links.map((link) => link.textContent)).to.deep.equal(['https://example.com/a?b=1&c=2', 'http://example.org/x']);
    for (const link of links) {
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(link.getAttribute('target')).to.equal('_blank');
    }
    expect(second?.querySelector('.text')?.textContent).to.contain('Not javascript:alert(1) nor data:text/html,<b>x</b>');
    expect(third?.querySelectorAll('a')).to.have.length(0);
    expect(third?.querySelector('.text')?.textContent).to.equal('javascript:alert(1)');
  });

  it('shows a typing indicator while the contact types', async () => {
    const { center, session } = connectAgent();
    const chatId = await acceptedChat(center, session);
    const element = await show(session, chatId);
    expect(root(element).querySelector('[part="typing"]')).to.equal(null);

    center.contactTyping(chatId, true);
    await settle(element);
    expect(root(element).querySelector('[part="typing"]')?.textContent).to.contain('Marie Tremblay is typing');

    center.contactTyping(chatId, false);
    await settle(element);
    expect(root(element).querySelector('[part="typing"]')).to.equal(null);

    center.contactTyping(chatId, true);
    center.contactSays(chatId, 'Voilà');
    await settle(element);
    expect(root(element).querySelector('[part="typing"]'), 'a message ends the typing').to.equal(null);
  });

  it('keeps only the visible part of 2,000 messages in the DOM, pinned to the latest', async () => {
    const { center, session } = connectAgent();
    const chatId = await acceptedChat(center, session);
    for (let index = 1; index < 2000; index++) {
      center.contactSays(chatId, index % 7 === 0 ? `Message ${index}\nwith a second line\nand a third` : `Message ${index}`);
    }
    const element = await show(session, chatId);
    const scroller = transcript(element);
    await waitUntil(() => isInView(element, messageWithText(element, 'Message 1999')), 'the latest message is in view');
    await scrollSettled(scroller);
    expect(messages(element).length).to.be.greaterThan(0).and.lessThan(60);
    expect(isInView(element, messageWithText(element, 'Message 1999'))).to.equal(true);
    expect(distanceFromBottom(scroller)).to.be.lessThan(2);

    // At the bottom, a new message comes into view by itself.
    center.contactSays(chatId, 'One more');
    await waitUntil(() => isInView(element, messageWithText(element, 'One more')), 'follows the new message');
    await scrollSettled(scroller);
    expect(isInView(element, messageWithText(element, 'One more'))).to.equal(true);
    expect(newMessagesButton(element)).to.equal(null);
  });

  it('stays put when scrolled up, offers "New messages", and goes down when it is clicked', async () => {
    const { center, session } = connectAgent();
    const chatId = await acceptedChat(center, session);
    for (let index = 1; index < 300; index++) center.contactSays(chatId, `Message ${index}`);
    const element = await show(session, chatId);
    const scroller = transcript(element);
    await waitUntil(() => isInView(element, messageWithText(element, 'Message 299')), 'at the bottom');
    await scrollSettled(scroller);

    scroller.scrollTop = scroller.scrollTop - 1500;
    await scrollSettled(scroller);
    await settle(element);
    const before = scroller.scrollTop;
    const firstInView = messages(element).find((message) => isInView(element, message));

    center.contactSays(chatId, 'Are you there?');
    await settle(element);
    await waitUntil(() => newMessagesButton(element) !== null, 'the marker shows');
    await scrollSettled(scroller);
    expect(scroller.scrollTop).to.equal(before);
    expect(isInView(element, firstInView)).to.equal(true);
    expect(isInView(element, messageWithText(element, 'Are you there?'))).to.equal(false);
    expect(root(element).querySelector('[role="status"]')?.textContent).to.equal('New messages below.');
    await expect(element).to.be.accessible();

    newMessagesButton(element)?.click();
    await waitUntil(() => isInView(element, messageWithText(element, 'Are you there?')), 'scrolled to the latest');
    await settle(element);
    expect(newMessagesButton(element)).to.equal(null);
    expect(root(element).activeElement).to.equal(scroller);
  });

  it('stays where the agent scrolled up to when the rows there are shorter than the latest ones', async () => {
    const { center, session } = connectAgent();
    const chatId = await acceptedChat(center, session);
    // Short rows first, then tall ones: the rows measured first (the latest) make a poor
    // estimate for the others, and the estimate must not carry the agent's place away.
    for (let index = 1; index < 400; index++) {
      center.contactSays(chatId, index < 360 ? `Short ${index}` : `Tall ${index}\nsecond line\nthird line\nfourth line`);
    }
    const element = await show(session, chatId);
    const scroller = transcript(element);
    await waitUntil(() => isInView(element, messageWithText(element, 'Tall 399\nsecond line\nthird line\nfourth line')), 'at the bottom');
    await scrollSettled(scroller);

    scroller.scrollTop -= 8000;
    await scrollSettled(scroller);
    await settle(element);
    const firstInView = messages(element).find((message) => isInView(element, message));
    expect(firstInView?.querySelector('.text')?.textContent).to.match(/^Short \d+$/);

    center.contactSays(chatId, 'Still there?');
    await settle(element);
    await waitUntil(() => newMessagesButton(element) !== null, 'the marker shows');
    await scrollSettled(scroller);
    expect(isInView(element, firstInView), 'the same messages in view').to.equal(true);
    expect(isInView(element, messageWithText(element, 'Still there?'))).to.equal(false);
  });

  it('brings the agent down to their own message when they send one while scrolled up', async () => {
    const { center, session } = connectAgent();
    const chatId = await acceptedChat(center, session);
    for (let index = 1; index < 200; index++) center.contactSays(chatId, `Message ${index}`);
    const element = await show(session, chatId);
    const scroller = transcript(element);
    await waitUntil(() => isInView(element, messageWithText(element, 'Message 199')), 'at the bottom');
    await scrollSettled(scroller);
    scroller.scrollTop -= 1000;
    await scrollSettled(scroller);
    await settle(element);

    void session.sendMessage(chatId, 'Let me check.');
    await waitUntil(() => isInView(element, messageWithText(element, 'Let me check.')), 'the sent message in view');
  });

  it('comes back to the same place when it is moved in the page', async () => {
    const { center, session } = connectAgent();
    const chatId = await acceptedChat(center, session);
    for (let index = 1; index < 200; index++) center.contactSays(chatId, `Message ${index}`);
    const element = await show(session, chatId);
    await waitUntil(() => isInView(element, messageWithText(element, 'Message 199')), 'at the bottom');
    await scrollSettled(transcript(element));
    transcript(element).scrollTop -= 1200;
    await scrollSettled(transcript(element));
    await settle(element);
    const anchor = messages(element).find((message) => isInView(element, message));
    const anchorText = anchor?.querySelector('.text')?.textContent ?? '';

    const parent = element.parentElement;
    element.remove();
    parent?.append(element);
    await settle(element);
    await waitUntil(() => isInView(element, messageWithText(element, anchorText)), 'the same messages in view');
    await scrollSettled(transcript(element));
    expect(isInView(element, messageWithText(element, anchorText))).to.equal(true);
  });

  it('hands the focus to the transcript when the focused message leaves the rendered rows', async () => {
    const { center, session } = connectAgent();
    const chatId = await acceptedChat(center, session);
    for (let index = 1; index < 50; index++) center.contactSays(chatId, `Message ${index}`);
    center.contactSays(chatId, 'My order: https://shop.example/orders/42');
    const element = await show(session, chatId);
    await waitUntil(() => root(element).querySelector('a[href="https://shop.example/orders/42"]'), 'the link shows');
    const link = root(element).querySelector<HTMLAnchorElement>('a[href="https://shop.example/orders/42"]');
    link?.focus();
    expect(root(element).activeElement).to.equal(link);

    // The agent keeps following: the message with the link goes up and out of the rows rendered.
    for (let index = 0; index < 80; index++) center.contactSays(chatId, `Later ${index}`);
    await settle(element);
    await waitUntil(() => !link?.isConnected, 'the row with the link is no longer rendered');
    expect(root(element).activeElement, 'focus in the transcript, not on the page').to.equal(transcript(element));
  });

  it('announces new contact messages while the agent follows the conversation', async () => {
    const { center, session } = connectAgent();
    const chatId = await acceptedChat(center, session);
    const element = await show(session, chatId);
    const status = () => root(element).querySelector('[role="status"]')?.textContent;
    expect(status()).to.equal('', 'history is not announced');
    center.contactSays(chatId, 'Allô?');
    await settle(element);
    expect(status()).to.equal('Marie Tremblay: Allô?');
    await session.sendMessage(chatId, 'Bonjour Marie');
    await settle(element);
    expect(status(), 'the agent’s own messages are not announced').to.equal('Marie Tremblay: Allô?');
  });

  it('keeps each chat’s scroll position when the chat shown changes', async () => {
    const { center, session } = connectAgent({ maxConcurrentChats: 3 });
    const first = await acceptedChat(center, session, 'Marie Tremblay');
    const second = await acceptedChat(center, session, 'Priya Natarajan');
    for (let index = 1; index < 400; index++) {
      center.contactSays(first, `Marie ${index}`);
      center.contactSays(second, `Priya ${index}`);
    }
    const element = await show(session, first);
    await waitUntil(() => isInView(element, messageWithText(element, 'Marie 399')), 'first chat at the bottom');
    await scrollSettled(transcript(element));

    transcript(element).scrollTop -= 2000;
    await scrollSettled(transcript(element));
    await settle(element);
    const anchor = messages(element).find((message) => isInView(element, message));
    const anchorText = anchor?.querySelector('.text')?.textContent ?? '';
    const anchorTop = (anchor?.getBoundingClientRect().top ?? 0) - transcript(element).getBoundingClientRect().top;
    expect(anchorText).to.match(/^Marie \d+$/);

    element.chatId = second;
    await settle(element);
    await waitUntil(() => isInView(element, messageWithText(element, 'Priya 399')), 'a chat never shown opens at its latest');
    expect(transcript(element).getAttribute('aria-label')).to.equal('Conversation with Priya Natarajan');

    center.contactSays(first, 'While you were away');
    element.chatId = first;
    await settle(element);
    await waitUntil(() => isInView(element, messageWithText(element, anchorText)), 'the first chat where it was');
    await scrollSettled(transcript(element));
    const back = messageWithText(element, anchorText);
    const backTop = (back?.getBoundingClientRect().top ?? 0) - transcript(element).getBoundingClientRect().top;
    expect(Math.abs(backTop - anchorTop)).to.be.lessThan(3);
    expect(newMessagesButton(element), 'what arrived meanwhile waits below').to.not.equal(null);

    element.chatId = second;
    await settle(element);
    await waitUntil(() => isInView(element, messageWithText(element, 'Priya 399')), 'second chat still at its latest');
  });

  it('marks a message that failed, and Retry sends it again', async () => {
    const center = new SimulatedContactCenter();
    const connector = center.connect(AGENT);
    const send = sinon.stub(connector, 'sendMessage').rejects(new Error('Network down'));
    const session = new ChatSession(connector, { logger: { warn: () => undefined } });
    const chatId = await acceptedChat(center, session);
    const element = await show(session, chatId);

    let reject: (error: Error) => void = () => undefined;
    send.callsFake(() => new Promise((_resolve, fail) => (reject = fail)));
    const sending = session.sendMessage(chatId, 'Un instant');
    await settle(element);
    await waitUntil(() => messageWithText(element, 'Un instant')?.dataset.delivery === 'sending', 'shows at once, pending');
    expect(messageWithText(element, 'Un instant')?.querySelector('[part="delivery"]')?.textContent).to.equal('Sending…');
    await expect(element).to.be.accessible();
    reject(new Error('Network down'));
    expect((await sending).ok).to.equal(false);
    await settle(element);
    await waitUntil(() => messageWithText(element, 'Un instant')?.dataset.delivery === 'failed', 'marked failed');
    const failed = messageWithText(element, 'Un instant');
    expect(failed?.querySelector('[part="delivery"]')?.textContent).to.contain('Not sent.');
    expect(failed?.querySelector('[part="delivery"] svg')).to.not.equal(null);
    await expect(element).to.be.accessible();

    send.restore();
    const retry = sinon.spy(session, 'retryMessage');
    const button = failed?.querySelector<HTMLButtonElement>('button.retry');
    expect(button?.textContent?.trim()).to.equal('Retry');
    const localId = failed?.dataset.entryId;
    button?.click();
    expect(retry.calledOnceWith(chatId, localId)).to.equal(true);
    await retry.firstCall.returnValue;
    await settle(element);
    await waitUntil(() => messageWithText(element, 'Un instant')?.dataset.delivery === 'sent', 'delivered');
    expect(center.chat(chatId)?.messages.at(-1)?.text).to.equal('Un instant');
  });

  it('shows the time in the workspace language', async () => {
    const { center, session } = connectAgent();
    const chatId = await acceptedChat(center, session);
    const element = await show(session, chatId);
    await waitUntil(() => messages(element).length === 1, 'one message');
    await useLocale('fr-CA');
    await settle(element);
    try {
      const at = center.chat(chatId)?.messages[0]?.at;
      const time = new Intl.DateTimeFormat('fr-CA', { hour: 'numeric', minute: '2-digit' }).format(at);
      await waitUntil(() => messages(element)[0]?.querySelector('time')?.textContent === time, 'French time');
    } finally {
      await useLocale('en');
    }
  });

  it('is accessible', async () => {
    const { center, session } = connectAgent();
    const chatId = await acceptedChat(center, session);
    center.contactSays(chatId, 'Voir https://example.com');
    center.contactTyping(chatId, true);
    const element = await show(session, chatId);
    await waitUntil(() => messages(element).length === 2, 'two messages');
    const scroller = transcript(element);
    expect(scroller.getAttribute('role')).to.equal('list');
    expect(scroller.getAttribute('aria-label')).to.equal('Conversation with Marie Tremblay');
    await expect(element).to.be.accessible();
  });
});

describe('linkify', () => {
  const links = (text: string) => linkify(text).filter((segment) => segment.kind === 'link');

  it('keeps every character of the text, in order', () => {
    for (const text of ['', 'plain', 'a https://x.io b', 'https://x.io', '(https://x.io/a_(b)).', '<b>https://x.io/"y"</b>']) {
      expect(linkify(text).map((segment) => segment.text).join('')).to.equal(text);
    }
  });

  it('links http and https addresses only', () => {
    expect(links('see https://example.com/a?b=1 and http://example.org').map((link) => link.href)).to.deep.equal([
      'https://example.com/a?b=1',
      'http://example.org/',
    ]);
    expect(links('HTTPS://EXAMPLE.COM/Path')[0]?.href).to.equal('https://example.com/Path');
    for (const text of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'mailto:marie@example.com',
      'www.example.com',
      'ftp://example.com',
      'file:///etc/passwd',
      'https://',
      'http:///nohost',
      'xhttps://example.com',
    ]) {
      expect(links(text), text).to.deep.equal([]);
    }
  });

  it('leaves sentence punctuation and unmatched brackets out of the address', () => {
    expect(links('Go to https://example.com.')[0]?.text).to.equal('https://example.com');
    expect(links('Really? https://example.com/a?!')[0]?.text).to.equal('https://example.com/a');
    expect(links('(see https://example.com/x)')[0]?.text).to.equal('https://example.com/x');
    expect(links('https://en.wikipedia.org/wiki/Lit_(library)')[0]?.text).to.equal('https://en.wikipedia.org/wiki/Lit_(library)');
  });

  it('stops an address at quotes and angle brackets', () => {
    const [link] = links('<a href="https://evil.example/"onmouseover=alert(1)>');
    expect(link?.text).to.equal('https://evil.example/');
    expect(links('javascript:alert("https://evil.example")')[0]?.href).to.equal('https://evil.example/');
  });
});

describe('transcriptEntries', () => {
  const chat = (messages: Chat['messages'], extra: Partial<Chat> = {}): Chat => ({
    id: 'c',
    contact: { name: 'Marie' },
    skill: 'Billing',
    messages,
    unread: 0,
    contactTyping: false,
    transfers: [],
    status: 'active',
    acceptedAt: 100,
    ...extra,
  });
  const kinds = (entries: TranscriptEntry[]) =>
    entries.map((entry) => (entry.kind === 'happening' ? entry.happening.type : `${entry.message.from}@${entry.at}`));

  it('places the acceptance and the end by time', () => {
    const entries = transcriptEntries(
      chat(
        [
          { id: '1', from: 'contact', text: 'a', at: 50 },
          { id: '2', from: 'agent', text: 'b', at: 60, authorName: 'Sam Rivera' },
          { id: '3', from: 'contact', text: 'c', at: 150 },
        ],
        { status: 'ended', endedAt: 200, endedBy: 'contact' },
      ),
    );
    expect(kinds(entries)).to.deep.equal(['contact@50', 'agent@60', 'accepted', 'contact@150', 'contact-left']);
  });

  it('at the same moment, accepts before the agent answers and ends after the last word', () => {
    const entries = transcriptEntries(
      chat(
        [
          { id: '1', from: 'contact', text: 'a', at: 100 },
          { id: '2', from: 'agent', text: 'b', at: 100 },
          { id: '3', from: 'agent', text: 'c', at: 300 },
        ],
        { status: 'ended', endedAt: 300, endedBy: 'agent' },
      ),
    );
    expect(kinds(entries)).to.deep.equal(['contact@100', 'accepted', 'agent@100', 'agent@300', 'ended']);
  });

  it('places an earlier transfer, with its note, before this agent accepted', () => {
    const entries = transcriptEntries(
      chat(
        [
          { id: '1', from: 'contact', text: 'a', at: 50 },
          { id: '2', from: 'agent', text: 'b', at: 60, authorName: 'Alex Martin' },
          { id: '3', from: 'contact', text: 'c', at: 150 },
        ],
        { transfers: [{ fromAgentName: 'Alex Martin', toName: 'Sam Rivera', note: 'Refund approved', at: 80 }] },
      ),
    );
    expect(kinds(entries)).to.deep.equal(['contact@50', 'agent@60', 'transferred', 'accepted', 'contact@150']);
  });
});

describe('<chat-conversation> when a transcript shrinks', () => {
  it('shows the shorter transcript without an error', async () => {
    const { center, session } = connectAgent();
    const chatId = await acceptedChat(center, session);
    for (let index = 1; index < 300; index++) center.contactSays(chatId, `Message ${index}`);
    const full = session.state.chats.find((chat) => chat.id === chatId);
    if (!full) throw new Error('no chat');
    // A session stand-in whose chat loses all but three messages (what a platform that
    // replaces transcripts would do), with everything else taken from the real session.
    const chats = new BehaviorSubject<readonly Chat[]>([full]);
    const standIn = Object.assign(Object.create(session) as ChatSession, { chats$: chats.asObservable() });
    const element = await show(standIn, chatId);
    await waitUntil(() => isInView(element, messageWithText(element, 'Message 299')), 'at the bottom');
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
    window.addEventListener('error', onError);
    try {
      chats.next([{ ...full, messages: full.messages.slice(0, 3) }]);
      await settle(element);
      await waitUntil(() => messages(element).length === 3, 'three messages');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(errors.filter((error) => !String(error).includes('ResizeObserver'))).to.deep.equal([]);
      expect(messages(element).map((message) => message.querySelector('.text')?.textContent)).to.deep.equal([
        'Bonjour!',
        'Message 1',
        'Message 2',
      ]);
    } finally {
      window.removeEventListener('error', onError);
    }
  });
});
