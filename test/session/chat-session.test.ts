import { expect } from '@open-wc/testing';
import type { Observable, Subscription } from 'rxjs';
import { SimulatedContactCenter } from '../../src/connectors/simulated/simulated-contact-center.js';
import { ChatSession, type SessionEvent } from '../../src/session/chat-session.js';
import { secondsLeft, selectRequestedAgentState } from '../../src/session/selectors.js';
import type { WorkspaceError } from '../../src/session/state.js';
import { ManualScheduler } from '../support/manual-scheduler.js';

const START = Date.UTC(2025, 0, 6, 14, 0, 0);
const alex = { id: 'agent-1', name: 'Alex Martin' };

describe('ChatSession over a SimulatedContactCenter', () => {
  /** The clock of the center and the session, moved by hand. */
  let scheduler: ManualScheduler;
  let center: SimulatedContactCenter;
  let session: ChatSession;
  let warnings: string[];
  let happenings: SessionEvent[];
  const subscriptions: Subscription[] = [];

  function open(options: ConstructorParameters<typeof SimulatedContactCenter>[0] = {}): void {
    center = new SimulatedContactCenter({ ...options, scheduler });
    session = new ChatSession(center.connect(alex), { scheduler, logger: { warn: (line: string) => warnings.push(line) } });
    subscriptions.push(session.events$.subscribe((event) => happenings.push(event)));
  }

  /** Every value an observable emits from now on. */
  function record<T>(observable: Observable<T>): T[] {
    const values: T[] = [];
    subscriptions.push(observable.subscribe((value) => values.push(value)));
    return values;
  }

  function lastError(): WorkspaceError | undefined {
    return session.state.errors.at(-1);
  }

  function startChat(name = 'Marie Tremblay', text = 'Bonjour!'): string {
    return center.startChat({ contact: { name }, skill: 'Billing', text });
  }

  beforeEach(() => {
    scheduler = new ManualScheduler(START);
    warnings = [];
    happenings = [];
    open();
  });

  afterEach(() => {
    for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
    session.dispose();
  });

  describe('agent state (R1)', () => {
    it('starts connected, configured and Unavailable', () => {
      expect(session.state.connection).to.equal('connected');
      expect(session.state.configured).to.equal(true);
      expect(session.state.configuration).to.deep.equal(center.configuration);
      expect(record(session.agentState$)).to.deep.equal(['Unavailable']);
    });

    it('becomes Available when the agent picks it', async () => {
      const states = record(session.agentState$);
      const done = await session.setAgentState('Available');

      expect(done.ok).to.equal(true);
      expect(states).to.deep.equal(['Unavailable', 'Available']);
      expect(session.state.agent.state).to.equal('Available');
      expect(session.state.requestedAgentState).to.equal(undefined);
      expect(center.agentState('agent-1')).to.equal('Available');
      expect(happenings).to.deep.equal([{ type: 'agent-state-changed', state: 'Available', previous: 'Unavailable' }]);
    });

    it('does not leave a request pending when the agent picks the state it is already in', async () => {
      await session.setAgentState('Available');
      const requested = record(session.select(selectRequestedAgentState));

      expect((await session.setAgentState('Available')).ok).to.equal(true);
      expect(session.state.requestedAgentState).to.equal(undefined);

      startChat();
      scheduler.advance(45_000);
      expect(session.state.agent.state).to.equal('Refused');
      expect(requested.at(-1), 'the control must show Refused, not a stale Available').to.equal(undefined);
    });

    it('refuses Refused as a choice and says why', async () => {
      const done = await session.setAgentState('Refused' as 'Available');
      expect(done).to.deep.equal({ ok: false, reason: 'An agent can choose Available or Unavailable, not Refused.' });
      expect(lastError()).to.deep.include({ kind: 'command-failed', command: 'setAgentState' });
      expect(center.agentState('agent-1')).to.equal('Unavailable');
    });
  });

  describe('offers (R2)', () => {
    it('shows an offer with the contact, skill, first message and its deadline', async () => {
      const offers = record(session.offers$);
      await session.setAgentState('Available');
      scheduler.advance(2_000);
      const chatId = startChat('Marie Tremblay', 'Bonjour!');

      expect(offers.at(-1)).to.have.length(1);
      const [offer] = session.state.offers;
      expect(offer).to.deep.include({
        chatId,
        contact: { name: 'Marie Tremblay' },
        skill: 'Billing',
        status: 'pending',
        receivedAt: START + 2_000,
        expiresAt: START + 47_000,
      });
      expect(offer.messages.map((message) => message.text)).to.deep.equal(['Bonjour!']);
      expect(happenings.at(-1)).to.deep.equal({ type: 'chat-offered', offer });
    });

    it('accepts an offer into the active chat and announces it (screen pop)', async () => {
      const active = record(session.activeChat$);
      await session.setAgentState('Available');
      const chatId = startChat();

      expect((await session.acceptOffer(chatId)).ok).to.equal(true);

      expect(session.state.offers).to.deep.equal([]);
      expect(session.state.chats.map((chat) => chat.id)).to.deep.equal([chatId]);
      expect(active.at(-1)).to.deep.include({ id: chatId, status: 'active', contact: { name: 'Marie Tremblay' } });
      expect(active.at(-1)?.acceptedAt).to.equal(START);
      expect(center.chat(chatId)?.state).to.equal('active');
      expect(happenings.map((event) => event.type)).to.deep.equal([
        'agent-state-changed',
        'chat-offered',
        'chat-activated',
        'chat-accepted',
      ]);
      const accepted = happenings[3];
      expect(accepted.type === 'chat-accepted' && accepted.chat.id).to.equal(chatId);
    });

    it('shows a newly accepted chat while another is open, each offer needing its own Accept (R3)', async () => {
      await session.setAgentState('Available');
      const first = startChat('Marie Tremblay');
      await session.acceptOffer(first);
      const second = startChat('Jean Roy');

      expect(session.state.chats.map((chat) => chat.id)).to.deep.equal([first]);
      expect(session.state.offers.map((offer) => offer.chatId)).to.deep.equal([second]);
      await session.acceptOffer(second);
      expect(session.state.activeChatId).to.equal(second);
      expect(session.state.chats.map((chat) => chat.id)).to.deep.equal([first, second]);
    });

    it('rejects an offer: the offer goes, the chat returns to the queue, the agent becomes Refused', async () => {
      const chats = record(session.chats$);
      await session.setAgentState('Available');
      const chatId = startChat();

      expect((await session.rejectOffer(chatId)).ok).to.equal(true);

      expect(session.state.offers).to.deep.equal([]);
      expect(chats.at(-1)).to.deep.equal([]);
      expect(session.state.agent.state).to.equal('Refused');
      expect(center.queued('Billing')).to.deep.equal([chatId]);
      expect(happenings.at(-1)).to.deep.equal({ type: 'agent-state-changed', state: 'Refused', previous: 'Available' });
    });

    it('takes the offer away at exactly 45 s and shows Refused', async () => {
      const states = record(session.agentState$);
      await session.setAgentState('Available');
      startChat();
      const [offer] = session.state.offers;

      scheduler.advance(44_999);
      expect(session.state.offers).to.have.length(1);
      expect(secondsLeft(offer, session.now)).to.equal(1);

      scheduler.advance(1);
      expect(session.state.offers).to.deep.equal([]);
      expect(states).to.deep.equal(['Unavailable', 'Available', 'Refused']);
      expect(happenings.at(-1)).to.deep.equal({ type: 'agent-state-changed', state: 'Refused', previous: 'Available' });
    });

    it('resolves false and says why when accepting an offer that expired', async () => {
      await session.setAgentState('Available');
      const chatId = startChat();
      scheduler.advance(45_000);

      expect((await session.acceptOffer(chatId)).ok).to.equal(false);

      expect(lastError()).to.deep.include({ kind: 'command-failed', command: 'acceptOffer', chatId });
      expect(session.state.chats).to.deep.equal([]);
      expect(center.chat(chatId)?.state).to.equal('queued');
    });

    it('resolves false and says why when accepting or rejecting an unknown offer', async () => {
      expect((await session.acceptOffer('chat-404')).ok).to.equal(false);
      expect(lastError()).to.deep.include({ kind: 'command-failed', command: 'acceptOffer', chatId: 'chat-404' });
      expect((await session.rejectOffer('chat-405')).ok).to.equal(false);
      expect(lastError()).to.deep.include({ kind: 'command-failed', command: 'rejectOffer', chatId: 'chat-405' });
      expect(session.state.agent.state).to.equal('Unavailable');
    });

    it('shows the remaining time of an offer to a workspace that connects late', async () => {
      await session.setAgentState('Available');
      const chatId = startChat();
      scheduler.advance(15_000);

      const later = new ChatSession(center.connect(alex), { scheduler, logger: { warn: () => undefined } });
      try {
        expect(later.state.offers.map((offer) => offer.chatId)).to.deep.equal([chatId]);
        expect(later.state.offers[0].expiresAt).to.equal(START + 45_000);
        expect(session.state.connection, 'the replaced workspace knows it lost the connection').to.equal('offline');
      } finally {
        later.dispose();
      }
    });
  });

  describe('in a chat', () => {
    let chatId: string;

    beforeEach(async () => {
      await session.setAgentState('Available');
      chatId = startChat('Marie Tremblay', 'Bonjour!');
      await session.acceptOffer(chatId);
    });

    it('adds what the contact types to the transcript', () => {
      scheduler.advance(3_000);
      center.contactSays(chatId, 'Ma facture est erronée.');
      const transcript = session.state.chats[0].messages;
      expect(transcript.map(({ from, text }) => ({ from, text }))).to.deep.equal([
        { from: 'contact', text: 'Bonjour!' },
        { from: 'contact', text: 'Ma facture est erronée.' },
      ]);
      expect(transcript[1]).to.deep.include({ at: START + 3_000, authorName: 'Marie Tremblay' });
    });

    it("shows the agent's message once, with the agent's name", async () => {
      expect((await session.sendMessage(chatId, 'Je regarde cela.')).ok).to.equal(true);
      const transcript = session.state.chats[0].messages;
      expect(transcript).to.have.length(2);
      expect(transcript[1]).to.deep.include({ from: 'agent', text: 'Je regarde cela.', authorName: 'Alex Martin' });
    });

    it('ends the chat for after-contact work and announces it', async () => {
      scheduler.advance(60_000);
      expect((await session.endChat(chatId)).ok).to.equal(true);
      expect(session.state.chats[0]).to.deep.include({ status: 'ended', endedAt: START + 60_000, endedBy: 'agent' });
      expect(happenings.at(-1)?.type).to.equal('chat-ended');
    });

    it('shows that the contact left', () => {
      center.contactLeaves(chatId);
      expect(session.state.chats[0]).to.deep.include({ status: 'ended', endedBy: 'contact' });
    });

    it('saves the disposition and closes the tab', async () => {
      await session.endChat(chatId);
      const disposition = { code: 'resolved', tags: ['billing'], notes: 'Crédit appliqué.' };

      expect((await session.closeChat(chatId, disposition)).ok).to.equal(true);

      expect(session.state.chats).to.deep.equal([]);
      expect(session.state.activeChatId).to.equal(undefined);
      expect(center.chat(chatId)?.disposition).to.deep.equal(disposition);
    });

    it('resolves false and says why when the platform refuses a command', async () => {
      expect((await session.closeChat(chatId)).ok).to.equal(false);
      expect(lastError()).to.deep.include({ kind: 'command-failed', command: 'closeChat', chatId });
      expect(session.state.chats.map((chat) => chat.status)).to.deep.equal(['active']);
    });
  });

  describe('malformed events from the connector', () => {
    let activeChatId: string;
    let offeredChatId: string;

    beforeEach(async () => {
      await session.setAgentState('Available');
      activeChatId = startChat('Marie Tremblay');
      await session.acceptOffer(activeChatId);
      offeredChatId = startChat('Jean Roy');
    });

    const validMessage = { id: 'm-raw', from: 'contact', text: 'Allô?', at: START };

    const cases: [string, () => unknown, string][] = [
      [
        'an offer whose contact has no name',
        () => ({ type: 'chat-offered', chat: { id: 'chat-9', contact: {}, skill: 'Billing', messages: [] }, timeoutMs: 45_000 }),
        'chat.contact.name',
      ],
      [
        'a message whose text is a number',
        () => ({ type: 'message', chatId: activeChatId, message: { ...validMessage, text: 42 } }),
        'message.text',
      ],
      [
        'a message without a chat id',
        () => ({ type: 'message', message: validMessage }),
        'chatId',
      ],
      [
        'a chat-ended without who ended it',
        () => ({ type: 'chat-ended', chatId: activeChatId }),
        'by',
      ],
      [
        'a chat-assigned whose messages are not a list',
        () => ({ type: 'chat-assigned', chat: { id: activeChatId, contact: { name: 'X' }, skill: 'Billing', messages: 'none' } }),
        'chat.messages',
      ],
      [
        'an offer with a timeout that is not a number',
        () => ({
          type: 'chat-offered',
          chat: { id: offeredChatId, contact: { name: 'Jean Roy' }, skill: 'Billing', messages: [] },
          timeoutMs: 'soon',
        }),
        'timeoutMs',
      ],
      [
        'an offer withdrawal with an empty chat id',
        () => ({ type: 'offer-withdrawn', chatId: '', reason: 'expired' }),
        'chatId',
      ],
      ['an unknown agent state', () => ({ type: 'agent-state', state: 'Busy' }), 'state'],
      ['an unknown event type', () => ({ type: 'teleport', chatId: activeChatId }), 'type'],
      ['null', () => null, 'type'],
      [
        'a message for a chat not in the workspace',
        () => ({ type: 'message', chatId: 'chat-404', message: validMessage }),
        'chatId',
      ],
      [
        'a message for a chat that is only offered',
        () => ({ type: 'message', chatId: offeredChatId, message: validMessage }),
        'chatId',
      ],
    ];

    for (const [what, makeEvent, field] of cases) {
      it(`reports ${what} as an invalid-event naming ${field}, warns, and changes nothing else`, () => {
        const before = structuredClone({
          agent: session.state.agent,
          chats: session.state.chats,
          offers: session.state.offers,
          activeChatId: session.state.activeChatId,
        });
        const errorsBefore = session.state.errors.length;
        const warningsBefore = warnings.length;
        const raw = makeEvent();

        center.deliverRawEvent('agent-1', raw);

        expect(session.state.errors).to.have.length(errorsBefore + 1);
        expect(lastError()).to.deep.include({ kind: 'invalid-event', field });
        expect(warnings).to.have.length(warningsBefore + 1);
        expect(warnings.at(-1)).to.contain(`"${field}"`);
        expect({
          agent: session.state.agent,
          chats: session.state.chats,
          offers: session.state.offers,
          activeChatId: session.state.activeChatId,
        }).to.deep.equal(before);
      });
    }

    it('names the chat the malformed event was about', () => {
      center.deliverRawEvent('agent-1', { type: 'message', chatId: activeChatId, message: { ...validMessage, at: -5 } });
      expect(lastError()).to.deep.include({ kind: 'invalid-event', field: 'message.at', chatId: activeChatId });
    });

    it('keeps working after a malformed event', () => {
      center.deliverRawEvent('agent-1', { type: 'message', chatId: activeChatId, message: { ...validMessage, text: 42 } });
      center.contactSays(activeChatId, 'Toujours là?');
      expect(session.state.chats[0].messages.map((message) => message.text)).to.deep.equal(['Bonjour!', 'Toujours là?']);
      expect(session.state.connection).to.equal('connected');
    });
  });

  describe('clock$', () => {
    it('emits the time at once, then once a second', () => {
      const times = record(session.clock$);
      expect(times).to.deep.equal([START]);

      scheduler.advance(999);
      expect(times).to.deep.equal([START]);
      scheduler.advance(1);
      expect(times).to.deep.equal([START, START + 1_000]);
      scheduler.advance(2_000);
      expect(times).to.deep.equal([START, START + 1_000, START + 2_000, START + 3_000]);
    });

    it('gives a late subscriber the current time at once', () => {
      record(session.clock$);
      scheduler.advance(2_500);
      const late = record(session.clock$);
      expect(late).to.deep.equal([START + 2_500]);
      scheduler.advance(500);
      expect(late).to.deep.equal([START + 2_500, START + 3_000]);
    });
  });

  describe('dispose', () => {
    it('leaves the platform: offers go back to the queue and the agent is Unavailable', async () => {
      await session.setAgentState('Available');
      const chatId = startChat();

      session.dispose();

      expect(center.chat(chatId)?.state).to.equal('queued');
      expect(center.agentState('agent-1')).to.equal('Unavailable');
    });
  });
});
