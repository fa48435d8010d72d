import { expect } from '@open-wc/testing';
import type { ContactCenterConnector } from '../../src/connectors/connector.js';
import { ChatSession, SimulatedContactCenter } from '../../src/index.js';
import type { ConnectorEvent } from '../../src/protocol/events.js';
import type { ChatMessage } from '../../src/protocol/types.js';
import { reduce } from '../../src/session/reducer.js';
import { contactWaitingSince } from '../../src/session/selectors.js';
import { initialState, type Chat } from '../../src/session/state.js';
import { transcriptText } from '../../src/session/transcript-text.js';
import { ManualScheduler } from '../support/manual-scheduler.js';

/** Findings of an outside probe of the session, each reproduced here first (issue 9). */

const T0 = Date.UTC(2026, 10, 30, 14, 0, 0);
const AGENT = { id: 'agent-1', name: 'Alex Martin' };

function chatWith(messages: ChatMessage[], contactName = 'Marie Tremblay'): Chat {
  const state = reduce(initialState(AGENT), {
    type: 'connector-event',
    event: { type: 'chat-assigned', chat: { id: 'chat-1', contact: { name: contactName }, skill: 'Billing', messages } },
    at: T0,
  });
  const chat = state.chats[0];
  if (!chat) throw new Error('no chat');
  return chat;
}

describe('probe findings in the session', () => {
  describe('"Copy all chat content" cannot be forged by a contact', () => {
    const breaks = ['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\v', '\f'];
    for (const lineBreak of breaks) {
      const label = JSON.stringify(lineBreak);
      it(`keeps every ${label} of a contact's text and name inside that contact's message`, () => {
        const forged = `Hello${lineBreak}[2:05 PM] Alex Martin: I refunded you 500 $.`;
        const chat = chatWith(
          [
            { id: 'm1', from: 'contact', text: forged, at: T0 },
            { id: 'm2', from: 'agent', text: 'Let me check.', at: T0 + 1_000 },
          ],
          `Marie${lineBreak}[2:06 PM] Alex Martin: ok`,
        );
        const copy = transcriptText(chat, 'Alex Martin', () => '2:00 PM');
        const lines = copy.split('\n');
        // Every line either starts a message with its time, or continues one, indented.
        const starts = lines.filter((line) => line.startsWith('['));
        expect(starts.map((line) => line.slice(0, 20))).to.deep.equal(['[2:00 PM] Marie [2:0', '[2:00 PM] Alex Marti']);
        expect(lines.every((line) => line.startsWith('[2:00 PM] ') || line.startsWith('    '))).to.equal(true);
        expect(copy).not.to.match(/[\r\u2028\u2029\u0085\v\f]/);
      });
    }
  });

  it('keeps the blue waiting timer running when the agent’s answer failed', () => {
    const contactAt = T0 + 5_000;
    const chat = chatWith([{ id: 'm1', from: 'contact', text: 'Are you there?', at: contactAt }]);
    const withFailedAnswer: Chat = {
      ...chat,
      messages: [...chat.messages, { id: 'local-1', from: 'agent', text: 'Yes', at: T0 + 9_000, delivery: 'failed' }],
    };
    expect(contactWaitingSince(withFailedAnswer)).to.equal(contactAt);
    const withSentAnswer: Chat = {
      ...chat,
      messages: [...chat.messages, { id: 'm2', from: 'agent', text: 'Yes', at: T0 + 9_000 }],
    };
    expect(contactWaitingSince(withSentAnswer)).to.equal(undefined);
  });

  it('takes a connector whose events are any Subscribable, not only an RxJS Observable', () => {
    const center = new SimulatedContactCenter();
    const simulated = center.connect(AGENT);
    const plain: ContactCenterConnector = {
      agent: simulated.agent,
      // A subscribe method and nothing else, as another reactive library would hand it over.
      events: {
        subscribe: (observer: { next?: (event: ConnectorEvent) => void }) => {
          const subscription = simulated.events.subscribe((event) => observer.next?.(event));
          return { unsubscribe: () => subscription.unsubscribe() };
        },
      },
      setAgentState: (state) => simulated.setAgentState(state),
      acceptOffer: (chatId) => simulated.acceptOffer(chatId),
      rejectOffer: (chatId) => simulated.rejectOffer(chatId),
      sendMessage: (chatId, text, clientId) => simulated.sendMessage(chatId, text, clientId),
      sendTyping: (chatId) => simulated.sendTyping(chatId),
      endChat: (chatId) => simulated.endChat(chatId),
      transferChat: (chatId, target, note) => simulated.transferChat(chatId, target, note),
      createEngagement: (request) => simulated.createEngagement(request),
      closeChat: (chatId, disposition) => simulated.closeChat(chatId, disposition),
      disconnect: () => simulated.disconnect(),
    };
    const session = new ChatSession(plain, { logger: { warn: () => undefined } });
    expect(session.state.configured).to.equal(true);
    expect(session.state.connection).to.equal('connected');
    session.dispose();
  });

  describe('a send that never resolves', () => {
    function sessionWithSilentPlatform() {
      const scheduler = new ManualScheduler(T0);
      const center = new SimulatedContactCenter({ scheduler });
      const simulated = center.connect(AGENT);
      let answer: ((message: ChatMessage) => void) | undefined;
      const connector: ContactCenterConnector = Object.assign(Object.create(simulated) as ContactCenterConnector, {
        // The platform takes the message and never answers.
        sendMessage: () => new Promise<ChatMessage>((resolve) => (answer = resolve)),
      });
      const session = new ChatSession(connector, { scheduler, logger: { warn: () => undefined } });
      return { scheduler, center, session, answer: (message: ChatMessage) => answer?.(message) };
    }

    async function acceptedChat(session: ChatSession, center: SimulatedContactCenter): Promise<string> {
      await session.setAgentState('Available');
      const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
      await session.acceptOffer(chatId);
      return chatId;
    }

    it('is marked failed with Retry after the send timeout, not "Sending…" forever', async () => {
      const { scheduler, center, session } = sessionWithSilentPlatform();
      const chatId = await acceptedChat(session, center);
      const sent = session.sendMessage(chatId, 'Hello?');
      scheduler.advance(19_999);
      expect(session.state.chats[0]?.messages.at(-1)?.delivery).to.equal('sending');
      scheduler.advance(1);
      expect((await sent).ok).to.equal(false);
      expect(session.state.chats[0]?.messages.at(-1)).to.include({ text: 'Hello?', delivery: 'failed' });
      expect(session.state.errors.at(-1)).to.include({ kind: 'command-failed', command: 'sendMessage' });
      session.dispose();
    });

    it('takes a late answer as the message after all, once', async () => {
      const { scheduler, center, session, answer } = sessionWithSilentPlatform();
      const chatId = await acceptedChat(session, center);
      void session.sendMessage(chatId, 'Hello?');
      scheduler.advance(20_000);
      await Promise.resolve();
      const local = session.state.chats[0]?.messages.at(-1);
      answer({ id: 'chat-1-m9', from: 'agent', text: 'Hello?', at: T0 + 21_000, clientId: local?.id });
      await Promise.resolve();
      await Promise.resolve();
      expect(session.state.chats[0]?.messages.map((message) => [message.text, message.delivery])).to.deep.equal([
        ['Bonjour!', undefined],
        ['Hello?', undefined],
      ]);
      session.dispose();
    });
  });
});

describe('probe findings: malformed events at volume', () => {
  it('writes a handful of console warnings for 100,000 invalid events, keeps 20 errors, and changes no chat', () => {
    const scheduler = new ManualScheduler(T0);
    const center = new SimulatedContactCenter({ scheduler });
    const warnings: string[] = [];
    const session = new ChatSession(center.connect(AGENT), { scheduler, logger: { warn: (line: string) => void warnings.push(line) } });
    const chatsBefore = session.state.chats;
    for (let index = 0; index < 100_000; index++) center.deliverRawEvent('agent-1', { type: 'message', chatId: 7 });
    expect(warnings.length).to.be.at.most(5);
    expect(session.state.errors).to.have.length(20);
    expect(session.state.chats).to.equal(chatsBefore);
    // A minute later the next warning says how many were held back.
    scheduler.advance(60_000);
    center.deliverRawEvent('agent-1', { type: 'message', chatId: 7 });
    expect(warnings.at(-2)).to.contain('99995 more warnings');
    session.dispose();
  });
});
