import { expect } from '@open-wc/testing';
import type { Subscription } from 'rxjs';
import type { ConnectorEvent } from '../../src/protocol/events.js';
import {
  SimulatedContactCenter,
  type SimulatedContactCenterOptions,
  type StartChatRequest,
} from '../../src/connectors/simulated/simulated-contact-center.js';
import type { SimulatedConnector } from '../../src/connectors/simulated/simulated-connector.js';
import {
  DEFAULT_CONFIGURATION,
  type DispositionOption,
  type SelectableAgentState,
} from '../../src/protocol/types.js';
import { ManualScheduler } from '../support/manual-scheduler.js';

const START = Date.UTC(2025, 0, 6, 14, 0, 0);
const alex = { id: 'agent-1', name: 'Alex Martin' };
const sam = { id: 'agent-2', name: 'Sam Rivera' };

/** A connection plus every event it delivered, in order. */
interface Connected {
  connector: SimulatedConnector;
  events: ConnectorEvent[];
}

describe('SimulatedContactCenter', () => {
  /** Each test's clock, moved by hand: offers expire and messages are timed on it. */
  let scheduler: ManualScheduler;
  const subscriptions: Subscription[] = [];

  beforeEach(() => {
    scheduler = new ManualScheduler(START);
  });

  afterEach(() => {
    for (const subscription of subscriptions.splice(0)) subscription.unsubscribe();
  });

  /** A center on the test's clock. */
  function centerWith(options: SimulatedContactCenterOptions = {}): SimulatedContactCenter {
    return new SimulatedContactCenter({ ...options, scheduler });
  }

  function join(center: SimulatedContactCenter, agent = alex): Connected {
    const connector = center.connect(agent);
    const events: ConnectorEvent[] = [];
    // Colleagues' presence has its own tests (simulated-transfer.test.ts); it would only add noise here.
    subscriptions.push(connector.events.subscribe((event) => event.type !== 'presence' && events.push(event)));
    return { connector, events };
  }

  async function joinAvailable(center: SimulatedContactCenter, agent = alex): Promise<Connected> {
    const connected = join(center, agent);
    await connected.connector.setAgentState('Available');
    return connected;
  }

  function chatFrom(name: string, skill = 'Billing', text = 'Bonjour!'): StartChatRequest {
    return { contact: { name }, skill, text };
  }

  function ofType<T extends ConnectorEvent['type']>(events: ConnectorEvent[], type: T) {
    return events.filter((event): event is Extract<ConnectorEvent, { type: T }> => event.type === type);
  }

  describe('connection and defaults', () => {
    it('works without options and sends the default configuration, then the agent state, to a new subscriber', () => {
      const center = new SimulatedContactCenter();
      const { events } = join(center);

      expect(center.configuration).to.deep.equal(DEFAULT_CONFIGURATION);
      expect(center.configuration.offerTimeoutMs).to.equal(45_000);
      expect(events).to.deep.equal([
        { type: 'configuration', configuration: DEFAULT_CONFIGURATION },
        { type: 'agent-state', state: 'Unavailable' },
      ]);
    });

    it('delivers the configured options merged over the defaults', () => {
      const dispositions: DispositionOption[] = [
        { code: 'resolved', label: 'Resolved' },
        { code: 'follow-up', label: 'Follow-up needed' },
      ];
      const center = centerWith({
        maxConcurrentChats: 2,
        offerTimeoutMs: 30_000,
        dispositions,
        tags: ['billing', 'vip'],
        directory: { teams: [{ id: 'tier-2', name: 'Tier 2' }] },
      });
      const [configurationEvent] = join(center).events;

      expect(configurationEvent).to.deep.equal({
        type: 'configuration',
        configuration: {
          ...DEFAULT_CONFIGURATION,
          maxConcurrentChats: 2,
          offerTimeoutMs: 30_000,
          dispositions,
          tags: ['billing', 'vip'],
          directory: { agents: [], teams: [{ id: 'tier-2', name: 'Tier 2' }], skills: [] },
        },
      });
    });

    it('lets an agent join Unavailable and offers nothing while Unavailable', () => {
      const center = centerWith();
      const { events } = join(center);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));

      expect(center.agentState('agent-1')).to.equal('Unavailable');
      expect(center.chat(chatId)?.state).to.equal('queued');
      expect(center.chat(chatId)?.agentId).to.equal(undefined);
      expect(center.queued('Billing')).to.deep.equal([chatId]);
      scheduler.advance(120_000);
      expect(ofType(events, 'chat-offered')).to.have.length(0);
    });

    it('offers a waiting chat as soon as the agent picks Available', async () => {
      const center = centerWith();
      const { connector, events } = join(center);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));

      await connector.setAgentState('Available');

      expect(center.agentState('agent-1')).to.equal('Available');
      expect(center.chat(chatId)).to.include({ state: 'offered', agentId: 'agent-1' });
      expect(center.queued('Billing')).to.deep.equal([]);
      const [offered] = ofType(events, 'chat-offered');
      expect(offered.timeoutMs).to.equal(45_000);
      expect(offered.chat.id).to.equal(chatId);
      expect(offered.chat.contact).to.deep.equal({ name: 'Marie Tremblay' });
      expect(offered.chat.skill).to.equal('Billing');
      expect(offered.chat.messages.map((message) => message.text)).to.deep.equal(['Bonjour!']);
    });

    it('offers a new chat at once to an agent who is already Available', async () => {
      const center = centerWith();
      await joinAvailable(center);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));
      expect(center.chat(chatId)).to.include({ state: 'offered', agentId: 'agent-1' });
    });

    it('stops offering once the agent picks Unavailable', async () => {
      const center = centerWith();
      const { connector } = await joinAvailable(center);
      await connector.setAgentState('Unavailable');
      const chatId = center.startChat(chatFrom('Marie Tremblay'));
      expect(center.chat(chatId)?.state).to.equal('queued');
    });

    it('refuses Refused as a state the agent can choose', async () => {
      const center = centerWith();
      const { connector } = join(center);
      let failure: unknown;
      await connector.setAgentState('Refused' as SelectableAgentState).catch((error) => (failure = error));
      expect(failure).to.be.instanceOf(Error);
      expect(center.agentState('agent-1')).to.equal('Unavailable');
    });

    it('reports unknown chats and agents as undefined', () => {
      const center = centerWith();
      expect(center.chat('chat-404')).to.equal(undefined);
      expect(center.agentState('agent-404')).to.equal(undefined);
      expect(center.queued('Billing')).to.deep.equal([]);
    });
  });

  describe('offer timeout (R2)', () => {
    it('keeps the offer for 44 999 ms and puts the chat back in the queue at exactly 45 000 ms', async () => {
      const center = centerWith();
      const { events } = await joinAvailable(center);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));

      scheduler.advance(44_999);
      expect(center.chat(chatId)).to.include({ state: 'offered', agentId: 'agent-1' });
      expect(center.agentState('agent-1')).to.equal('Available');

      scheduler.advance(1);
      expect(center.chat(chatId)?.state).to.equal('queued');
      expect(center.chat(chatId)?.agentId).to.equal(undefined);
      expect(center.queued('Billing')).to.deep.equal([chatId]);
      expect(center.agentState('agent-1')).to.equal('Refused');
      expect(events.slice(-2)).to.deep.equal([
        { type: 'offer-withdrawn', chatId, reason: 'expired' },
        { type: 'agent-state', state: 'Refused' },
      ]);
    });

    it('uses a custom offerTimeoutMs', async () => {
      const center = centerWith({ offerTimeoutMs: 10_000 });
      const { events } = await joinAvailable(center);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));

      expect(ofType(events, 'chat-offered')[0].timeoutMs).to.equal(10_000);
      scheduler.advance(9_999);
      expect(center.chat(chatId)?.state).to.equal('offered');
      scheduler.advance(1);
      expect(center.chat(chatId)?.state).to.equal('queued');
      expect(center.agentState('agent-1')).to.equal('Refused');
    });

    it('offers the chat again, with a fresh timeout, once the agent picks Available again', async () => {
      const center = centerWith();
      const { connector } = await joinAvailable(center);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));
      scheduler.advance(45_000);
      scheduler.advance(10_000);
      expect(center.chat(chatId)?.state).to.equal('queued');

      await connector.setAgentState('Available');
      expect(center.chat(chatId)).to.include({ state: 'offered', agentId: 'agent-1' });
      scheduler.advance(44_999);
      expect(center.chat(chatId)?.state).to.equal('offered');
      scheduler.advance(1);
      expect(center.chat(chatId)?.state).to.equal('queued');
    });

    it('never expires an accepted offer', async () => {
      const center = centerWith();
      const { connector } = await joinAvailable(center);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));
      await connector.acceptOffer(chatId);

      scheduler.advance(120_000);
      expect(center.chat(chatId)?.state).to.equal('active');
      expect(center.agentState('agent-1')).to.equal('Available');
    });
  });

  describe('reject (R2)', () => {
    it('puts the chat back at the head of its queue and sets the agent Refused', async () => {
      const center = centerWith({ maxConcurrentChats: 1 });
      const { connector, events } = await joinAvailable(center);
      const first = center.startChat(chatFrom('Marie Tremblay'));
      const second = center.startChat(chatFrom('Jean Roy'));
      const third = center.startChat(chatFrom('Lucie Gagnon'));
      expect(center.queued('Billing')).to.deep.equal([second, third]);

      await connector.rejectOffer(first);

      expect(center.queued('Billing')).to.deep.equal([first, second, third]);
      expect(center.chat(first)?.state).to.equal('queued');
      expect(center.agentState('agent-1')).to.equal('Refused');
      expect(events.slice(-2)).to.deep.equal([
        { type: 'offer-withdrawn', chatId: first, reason: 'rejected' },
        { type: 'agent-state', state: 'Refused' },
      ]);
    });

    it('offers nothing to a Refused agent until the agent picks Available again', async () => {
      const center = centerWith();
      const { connector, events } = await joinAvailable(center);
      const rejected = center.startChat(chatFrom('Marie Tremblay'));
      await connector.rejectOffer(rejected);
      const offersSoFar = ofType(events, 'chat-offered').length;

      const waiting = center.startChat(chatFrom('Jean Roy'));
      scheduler.advance(120_000);
      expect(center.chat(waiting)?.state).to.equal('queued');
      expect(ofType(events, 'chat-offered')).to.have.length(offersSoFar);

      await connector.setAgentState('Available');
      expect(center.chat(rejected)).to.include({ state: 'offered', agentId: 'agent-1' });
      expect(center.chat(waiting)).to.include({ state: 'offered', agentId: 'agent-1' });
    });

    it('refuses to reject or accept a chat that is not offered to the agent', async () => {
      const center = centerWith();
      const { connector } = join(center);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));

      const failures = await Promise.allSettled([connector.rejectOffer(chatId), connector.acceptOffer(chatId)]);
      expect(failures.map((result) => result.status)).to.deep.equal(['rejected', 'rejected']);
      expect(center.chat(chatId)?.state).to.equal('queued');
      expect(center.agentState('agent-1')).to.equal('Unavailable');
    });
  });

  describe('capacity (R3)', () => {
    it('keeps the third chat queued with two chats allowed, until one is saved and closed', async () => {
      const center = centerWith({ maxConcurrentChats: 2 });
      const { connector } = await joinAvailable(center);
      const first = center.startChat(chatFrom('Marie Tremblay'));
      const second = center.startChat(chatFrom('Jean Roy'));
      const third = center.startChat(chatFrom('Lucie Gagnon'));
      expect(center.chat(third)?.state).to.equal('queued');

      await connector.acceptOffer(first);
      await connector.acceptOffer(second);
      expect(center.chat(third)?.state).to.equal('queued');

      await connector.endChat(first);
      expect(center.chat(first)?.state).to.equal('ended');
      expect(center.chat(third)?.state, 'after-contact work still holds the slot').to.equal('queued');

      await connector.closeChat(first);
      expect(center.chat(third)).to.include({ state: 'offered', agentId: 'agent-1' });
    });

    it('needs its own Accept for every offer, also while another chat is open', async () => {
      const center = centerWith();
      const { connector } = await joinAvailable(center);
      const first = center.startChat(chatFrom('Marie Tremblay'));
      await connector.acceptOffer(first);
      const second = center.startChat(chatFrom('Jean Roy'));

      expect(center.chat(second)?.state).to.equal('offered');
      scheduler.advance(45_000);
      expect(center.chat(second)?.state).to.equal('queued');
      expect(center.chat(first)?.state).to.equal('active');
      expect(center.agentState('agent-1')).to.equal('Refused');
    });

    it('offers up to twelve chats at once when configured for twelve', async () => {
      const center = centerWith({ maxConcurrentChats: 12 });
      await joinAvailable(center);
      const chatIds = Array.from({ length: 13 }, (_, index) => center.startChat(chatFrom(`Contact ${index}`)));

      expect(chatIds.slice(0, 12).map((chatId) => center.chat(chatId)?.state)).to.deep.equal(
        Array(12).fill('offered'),
      );
      expect(center.queued('Billing')).to.deep.equal([chatIds[12]]);
    });

    it('counts an unanswered offer against capacity', async () => {
      const center = centerWith({ maxConcurrentChats: 1 });
      await joinAvailable(center);
      center.startChat(chatFrom('Marie Tremblay'));
      const next = center.startChat(chatFrom('Jean Roy'));
      expect(center.chat(next)?.state).to.equal('queued');
    });
  });

  describe('routing between agents', () => {
    it('offers to the agent idle the longest, whoever joined first', async () => {
      const center = centerWith();
      const first = join(center, alex);
      const second = join(center, sam);
      await second.connector.setAgentState('Available');
      scheduler.advance(1_000);
      await first.connector.setAgentState('Available');

      const chatId = center.startChat(chatFrom('Marie Tremblay'));
      expect(center.chat(chatId)?.agentId).to.equal('agent-2');
    });

    it('offers to the least loaded agent before the one idle longest', async () => {
      const center = centerWith();
      const alexConnection = await joinAvailable(center, alex);
      scheduler.advance(1_000);
      await joinAvailable(center, sam);

      const first = center.startChat(chatFrom('Marie Tremblay'));
      expect(center.chat(first)?.agentId).to.equal('agent-1');
      await alexConnection.connector.acceptOffer(first);

      scheduler.advance(1_000);
      const second = center.startChat(chatFrom('Jean Roy'));
      expect(center.chat(second)?.agentId).to.equal('agent-2');
    });

    it('offers a chat one agent rejected to the other agent', async () => {
      const center = centerWith();
      const alexConnection = await joinAvailable(center, alex);
      scheduler.advance(1_000);
      const samConnection = await joinAvailable(center, sam);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));
      expect(center.chat(chatId)?.agentId).to.equal('agent-1');

      await alexConnection.connector.rejectOffer(chatId);

      expect(center.chat(chatId)).to.include({ state: 'offered', agentId: 'agent-2' });
      expect(center.agentState('agent-1')).to.equal('Refused');
      expect(center.agentState('agent-2')).to.equal('Available');
      expect(ofType(samConnection.events, 'chat-offered').map((event) => event.chat.id)).to.deep.equal([chatId]);
    });

    it('offers a chat one agent let expire to the other agent', async () => {
      const center = centerWith();
      await joinAvailable(center, alex);
      scheduler.advance(1_000);
      await joinAvailable(center, sam);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));

      scheduler.advance(45_000);
      expect(center.chat(chatId)).to.include({ state: 'offered', agentId: 'agent-2' });
      expect(center.agentState('agent-1')).to.equal('Refused');
    });
  });

  describe('skills', () => {
    const directory = {
      agents: [
        { id: 'agent-1', name: 'Alex Martin', skills: ['Billing'] },
        { id: 'agent-2', name: 'Sam Rivera', skills: ['Technical Support'] },
      ],
      skills: [
        { id: 'billing', name: 'Billing' },
        { id: 'technical-support', name: 'Technical Support' },
      ],
    };

    it('offers a chat of a skill the directory names only to agents with that skill', async () => {
      const center = centerWith({ directory });
      await joinAvailable(center, alex);
      const technical = center.startChat(chatFrom('Marie Tremblay', 'Technical Support'));
      const billing = center.startChat(chatFrom('Jean Roy', 'Billing'));

      expect(center.chat(technical)?.state).to.equal('queued');
      expect(center.queued('Technical Support')).to.deep.equal([technical]);
      expect(center.chat(billing)).to.include({ state: 'offered', agentId: 'agent-1' });

      await joinAvailable(center, sam);
      expect(center.chat(technical)).to.include({ state: 'offered', agentId: 'agent-2' });
    });

    it('gives a skill the directory does not name its own queue, served by every agent', async () => {
      const center = centerWith({ directory, maxConcurrentChats: 1 });
      const first = center.startChat(chatFrom('Marie Tremblay', 'Returns'));
      const second = center.startChat(chatFrom('Jean Roy', 'Returns'));
      expect(center.queued('Returns')).to.deep.equal([first, second]);
      expect(center.queued('Billing')).to.deep.equal([]);

      await joinAvailable(center, alex);
      await joinAvailable(center, sam);

      expect(center.chat(first)).to.include({ state: 'offered', agentId: 'agent-1' });
      expect(center.chat(second)).to.include({ state: 'offered', agentId: 'agent-2' });
    });
  });

  describe('invalid configuration', () => {
    const invalid: [string, SimulatedContactCenterOptions][] = [
      ['maxConcurrentChats', { maxConcurrentChats: 0 }],
      ['maxConcurrentChats', { maxConcurrentChats: 13 }],
      ['maxConcurrentChats', { maxConcurrentChats: 2.5 }],
      ['offerTimeoutMs', { offerTimeoutMs: -1 }],
      ['dispositions', { dispositions: 'Resolved' as unknown as DispositionOption[] }],
      ['dispositions.0.code', { dispositions: [{ code: '', label: 'Resolved' }] }],
    ];
    for (const [option, options] of invalid) {
      it(`throws naming ${option} for ${JSON.stringify(options)}`, () => {
        expect(() => new SimulatedContactCenter(options)).to.throw(option);
      });
    }

    it('accepts the capacity limits 1 and 12', () => {
      expect(new SimulatedContactCenter({ maxConcurrentChats: 1 }).configuration.maxConcurrentChats).to.equal(1);
      expect(new SimulatedContactCenter({ maxConcurrentChats: 12 }).configuration.maxConcurrentChats).to.equal(12);
    });
  });

  describe('startChat', () => {
    it('records the chat with the contact and the first message', () => {
      const center = centerWith();
      const chatId = center.startChat(chatFrom('Marie Tremblay', 'Billing', 'Bonjour!'));
      const chat = center.chat(chatId);

      expect(chat).to.deep.include({ id: chatId, state: 'queued', skill: 'Billing', contact: { name: 'Marie Tremblay' } });
      expect(chat?.messages).to.have.length(1);
      expect(chat?.messages[0]).to.deep.include({
        from: 'contact',
        text: 'Bonjour!',
        at: START,
        authorName: 'Marie Tremblay',
      });
      expect(chat?.messages[0].id).to.be.a('string').and.not.equal('');
    });

    it('gives every chat its own id', () => {
      const center = centerWith();
      const ids = [1, 2, 3].map(() => center.startChat(chatFrom('Marie Tremblay')));
      expect(new Set(ids).size).to.equal(3);
    });

    const malformed: [string, unknown][] = [
      ['no request', undefined],
      ['no contact', { skill: 'Billing', text: 'Bonjour!' }],
      ['a contact name that is not a string', { contact: { name: 42 }, skill: 'Billing', text: 'Bonjour!' }],
      ['no skill', { contact: { name: 'Marie Tremblay' }, text: 'Bonjour!' }],
      ['a text that is not a string', { contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 7 }],
    ];
    for (const [what, request] of malformed) {
      it(`throws a TypeError for ${what} and queues nothing`, () => {
        const center = centerWith();
        expect(() => center.startChat(request as StartChatRequest)).to.throw(TypeError);
        expect(center.queued('Billing')).to.deep.equal([]);
        expect(center.chat('chat-1')).to.equal(undefined);
      });
    }

    it('hands out copies: changing what center.chat() returned changes nothing', () => {
      const center = centerWith();
      const chatId = center.startChat(chatFrom('Marie Tremblay'));
      const copy = center.chat(chatId);
      copy?.messages.push({ id: 'x', from: 'agent', text: 'injected', at: 0 });
      if (copy) copy.contact.name = 'Someone else';
      expect(center.chat(chatId)?.messages).to.have.length(1);
      expect(center.chat(chatId)?.contact.name).to.equal('Marie Tremblay');
    });
  });

  describe('the contact', () => {
    it('adds what the contact types while queued to the history the agent gets with the offer', async () => {
      const center = centerWith();
      const chatId = center.startChat(chatFrom('Marie Tremblay', 'Billing', 'Bonjour!'));
      center.contactSays(chatId, 'Il y a quelqu’un?');
      const { events } = await joinAvailable(center);

      const [offered] = ofType(events, 'chat-offered');
      expect(offered.chat.messages.map((message) => message.text)).to.deep.equal(['Bonjour!', 'Il y a quelqu’un?']);
    });

    it('keeps what the contact types during an offer for the chat the agent accepts (R13)', async () => {
      const center = centerWith();
      const { connector, events } = await joinAvailable(center);
      const chatId = center.startChat(chatFrom('Marie Tremblay', 'Billing', 'Bonjour!'));
      center.contactSays(chatId, 'Allô?');
      expect(ofType(events, 'message')).to.have.length(0);

      await connector.acceptOffer(chatId);
      const [assigned] = ofType(events, 'chat-assigned');
      expect(assigned.chat.messages.map((message) => message.text)).to.deep.equal(['Bonjour!', 'Allô?']);
    });

    it('delivers what the contact types in an active chat to the agent', async () => {
      const center = centerWith();
      const { connector, events } = await joinAvailable(center);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));
      await connector.acceptOffer(chatId);
      scheduler.advance(5_000);

      center.contactSays(chatId, 'Ma facture est erronée.');

      const [delivered] = ofType(events, 'message');
      expect(delivered.chatId).to.equal(chatId);
      expect(delivered.message).to.deep.include({
        from: 'contact',
        text: 'Ma facture est erronée.',
        at: START + 5_000,
        authorName: 'Marie Tremblay',
      });
      expect(center.chat(chatId)?.messages.at(-1)).to.deep.equal(delivered.message);
    });

    it('refuses messages for unknown, ended and closed chats', async () => {
      const center = centerWith();
      const { connector } = await joinAvailable(center);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));
      await connector.acceptOffer(chatId);

      expect(() => center.contactSays('chat-404', 'Allô?')).to.throw('chat-404');
      await connector.endChat(chatId);
      expect(() => center.contactSays(chatId, 'Allô?')).to.throw('ended');
      await connector.closeChat(chatId);
      expect(() => center.contactSays(chatId, 'Allô?')).to.throw('closed');
    });

    it('closes a queued chat when the contact leaves, and takes it out of the queue', async () => {
      const center = centerWith();
      const leaving = center.startChat(chatFrom('Marie Tremblay'));
      const staying = center.startChat(chatFrom('Jean Roy'));

      center.contactLeaves(leaving);

      expect(center.chat(leaving)?.state).to.equal('closed');
      expect(center.queued('Billing')).to.deep.equal([staying]);
      const { events } = await joinAvailable(center);
      expect(ofType(events, 'chat-offered').map((event) => event.chat.id)).to.deep.equal([staying]);
    });

    it('withdraws the offer when the contact leaves during it, without setting the agent Refused', async () => {
      const center = centerWith({ maxConcurrentChats: 1 });
      const { events } = await joinAvailable(center);
      const leaving = center.startChat(chatFrom('Marie Tremblay'));
      const next = center.startChat(chatFrom('Jean Roy'));

      center.contactLeaves(leaving);

      expect(center.chat(leaving)?.state).to.equal('closed');
      expect(center.queued('Billing')).to.deep.equal([]);
      expect(center.agentState('agent-1')).to.equal('Available');
      expect(events).to.deep.include({ type: 'offer-withdrawn', chatId: leaving, reason: 'cancelled' });
      expect(center.chat(next), 'the freed slot takes the next chat').to.include({ state: 'offered', agentId: 'agent-1' });
      scheduler.advance(45_000);
      expect(center.chat(leaving)?.state, 'a withdrawn offer does not expire later').to.equal('closed');
    });

    it('ends an active chat when the contact leaves; the agent keeps it for after-contact work', async () => {
      const center = centerWith();
      const { connector, events } = await joinAvailable(center);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));
      await connector.acceptOffer(chatId);

      center.contactLeaves(chatId);

      expect(center.chat(chatId)).to.include({ state: 'ended', agentId: 'agent-1' });
      expect(events.at(-1)).to.deep.equal({ type: 'chat-ended', chatId, by: 'contact', at: START });
    });
  });

  describe('the agent in a chat', () => {
    it('records the agent message with the agent name and echoes it to the agent', async () => {
      const center = centerWith();
      const { connector, events } = await joinAvailable(center);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));
      await connector.acceptOffer(chatId);
      scheduler.advance(2_000);

      const sent = await connector.sendMessage(chatId, 'Bonjour Marie, je regarde votre facture.');

      expect(sent).to.deep.include({
        from: 'agent',
        text: 'Bonjour Marie, je regarde votre facture.',
        at: START + 2_000,
        authorName: 'Alex Martin',
      });
      expect(center.chat(chatId)?.messages.map(({ from, text }) => ({ from, text }))).to.deep.equal([
        { from: 'contact', text: 'Bonjour!' },
        { from: 'agent', text: 'Bonjour Marie, je regarde votre facture.' },
      ]);
      expect(ofType(events, 'message').map((event) => event.message)).to.deep.equal([sent]);
    });

    it('accepts an offer into an active chat the agent receives with its history', async () => {
      const center = centerWith();
      const { connector, events } = await joinAvailable(center);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));

      await connector.acceptOffer(chatId);

      expect(center.chat(chatId)).to.include({ state: 'active', agentId: 'agent-1' });
      expect(events.at(-1)).to.deep.equal({
        type: 'chat-assigned',
        chat: {
          id: chatId,
          contact: { name: 'Marie Tremblay' },
          skill: 'Billing',
          messages: center.chat(chatId)?.messages,
          acceptedAt: START,
        },
      });
    });

    it('ends a chat, refuses messages after the end, and records the disposition on close', async () => {
      const center = centerWith();
      const { connector, events } = await joinAvailable(center);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));
      await connector.acceptOffer(chatId);

      let failure: unknown;
      await connector.closeChat(chatId).catch((error) => (failure = error));
      expect(failure, 'an active chat must end first').to.be.instanceOf(Error);

      await connector.endChat(chatId);
      expect(center.chat(chatId)?.state).to.equal('ended');
      expect(events.at(-1)).to.deep.equal({ type: 'chat-ended', chatId, by: 'agent', at: START });
      const refused = await connector.sendMessage(chatId, 'Encore là?').then(
        () => 'sent',
        () => 'refused',
      );
      expect(refused).to.equal('refused');

      const disposition = { code: 'resolved', tags: ['billing', 'vip'], notes: 'Crédit appliqué.' };
      await connector.closeChat(chatId, disposition);
      expect(center.chat(chatId)?.state).to.equal('closed');
      expect(center.chat(chatId)?.disposition).to.deep.equal(disposition);
      expect(events.at(-1)).to.deep.equal({ type: 'chat-closed', chatId });
    });

    it('closes without a disposition when none is given', async () => {
      const center = centerWith();
      const { connector } = await joinAvailable(center);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));
      await connector.acceptOffer(chatId);
      await connector.endChat(chatId);
      await connector.closeChat(chatId);
      expect(center.chat(chatId)?.state).to.equal('closed');
      expect(center.chat(chatId)?.disposition).to.equal(undefined);
    });

    it("refuses commands on another agent's chat", async () => {
      const center = centerWith();
      const alexConnection = await joinAvailable(center, alex);
      const samConnection = join(center, sam);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));
      await alexConnection.connector.acceptOffer(chatId);

      const results = await Promise.allSettled([
        samConnection.connector.sendMessage(chatId, 'Allô'),
        samConnection.connector.endChat(chatId),
        samConnection.connector.closeChat(chatId),
      ]);
      expect(results.map((result) => result.status)).to.deep.equal(['rejected', 'rejected', 'rejected']);
      expect(center.chat(chatId)).to.include({ state: 'active', agentId: 'agent-1' });
      expect(center.chat(chatId)?.messages).to.have.length(1);
    });
  });

  describe('snapshot on (re)subscribe', () => {
    it('gives a late subscriber the configuration, the agent state and the offer with its remaining time', async () => {
      const center = centerWith();
      const { connector } = await joinAvailable(center);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));
      scheduler.advance(15_000);

      const late: ConnectorEvent[] = [];
      subscriptions.push(connector.events.subscribe((event) => event.type !== 'presence' && late.push(event)));

      expect(late.map((event) => event.type)).to.deep.equal(['configuration', 'agent-state', 'chat-offered']);
      expect(late[1]).to.deep.equal({ type: 'agent-state', state: 'Available' });
      const [offered] = ofType(late, 'chat-offered');
      expect(offered.chat.id).to.equal(chatId);
      expect(offered.timeoutMs).to.equal(30_000);
    });

    it('gives a new connection of the same agent its chats, with who ended them', async () => {
      const center = centerWith();
      const first = await joinAvailable(center);
      const endedByAgent = center.startChat(chatFrom('Marie Tremblay'));
      const endedByContact = center.startChat(chatFrom('Jean Roy'));
      const active = center.startChat(chatFrom('Lucie Gagnon'));
      for (const chatId of [endedByAgent, endedByContact, active]) await first.connector.acceptOffer(chatId);
      await first.connector.endChat(endedByAgent);
      center.contactLeaves(endedByContact);
      let oldCompleted = false;
      subscriptions.push(first.connector.events.subscribe({ complete: () => (oldCompleted = true) }));

      const second = join(center);

      expect(oldCompleted, 'the replaced connection completes').to.equal(true);
      expect(second.events.slice(1)).to.deep.equal([
        { type: 'agent-state', state: 'Available' },
        { type: 'chat-assigned', chat: snapshotOf(center, endedByAgent) },
        { type: 'chat-ended', chatId: endedByAgent, by: 'agent', at: START },
        { type: 'chat-assigned', chat: snapshotOf(center, endedByContact) },
        { type: 'chat-ended', chatId: endedByContact, by: 'contact', at: START },
        { type: 'chat-assigned', chat: snapshotOf(center, active) },
      ]);
      const stale = await first.connector.sendMessage(active, 'Allô').then(
        () => 'sent',
        () => 'refused',
      );
      expect(stale, 'the replaced connection no longer acts').to.equal('refused');
    });

    function snapshotOf(center: SimulatedContactCenter, chatId: string) {
      const chat = center.chat(chatId);
      // Accepted at START on the test's clock: the grey timer survives a reconnect.
      return chat && { id: chat.id, contact: chat.contact, skill: chat.skill, messages: chat.messages, acceptedAt: START };
    }
  });

  describe('disconnect', () => {
    it('puts offered chats back in the queue and leaves the agent Unavailable, not Refused', async () => {
      const center = centerWith({ maxConcurrentChats: 1 });
      const { connector } = await joinAvailable(center);
      const offered = center.startChat(chatFrom('Marie Tremblay'));
      const waiting = center.startChat(chatFrom('Jean Roy'));

      connector.disconnect();

      expect(center.chat(offered)?.state).to.equal('queued');
      expect(center.queued('Billing')).to.deep.equal([offered, waiting]);
      expect(center.agentState('agent-1')).to.equal('Unavailable');
      scheduler.advance(45_000);
      expect(center.agentState('agent-1'), 'the cancelled offer does not expire later').to.equal('Unavailable');
      const afterwards = await connector.setAgentState('Available').then(
        () => 'done',
        () => 'refused',
      );
      expect(afterwards).to.equal('refused');
    });

    it('hands the offers of a leaving agent to another Available agent', async () => {
      const center = centerWith();
      const alexConnection = await joinAvailable(center, alex);
      scheduler.advance(1_000);
      await joinAvailable(center, sam);
      const chatId = center.startChat(chatFrom('Marie Tremblay'));
      expect(center.chat(chatId)?.agentId).to.equal('agent-1');

      alexConnection.connector.disconnect();

      expect(center.chat(chatId)).to.include({ state: 'offered', agentId: 'agent-2' });
    });
  });
});
