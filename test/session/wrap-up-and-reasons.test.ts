import { expect } from '@open-wc/testing';
import type { Subscription } from 'rxjs';
import { SimulatedContactCenter, type SimulatedContactCenterOptions } from '../../src/connectors/simulated/simulated-contact-center.js';
import type { ContactCenterConnector } from '../../src/connectors/connector.js';
import type { ConnectorEvent } from '../../src/protocol/events.js';
import { reduce, type SessionAction } from '../../src/session/reducer.js';
import { ChatSession, type SessionEvent } from '../../src/session/chat-session.js';
import { initialState, type WorkspaceState } from '../../src/session/state.js';
import { ManualScheduler } from '../support/manual-scheduler.js';

const alex = { id: 'agent-1', name: 'Alex Martin' };
const ACW_MS = 90_000;
const CONFIGURATION: SimulatedContactCenterOptions = {
  acwTimeoutMs: ACW_MS,
  dispositions: [
    { code: 'resolved', label: 'Resolved' },
    { code: 'follow-up', label: 'Follow-up needed' },
  ],
  defaultDisposition: 'follow-up',
  unavailableReasons: [
    { code: 'lunch', label: 'Lunch' },
    { code: 'break', label: 'Break' },
    { code: 'training', label: 'Training' },
  ],
  // Presence lists the agents of the address book.
  directory: {
    agents: [
      { id: 'agent-1', name: 'Alex Martin', skills: [] },
      { id: 'agent-2', name: 'Sam Rivera', skills: [] },
    ],
  },
};

describe('ChatSession: after-contact work deadline and Unavailable reasons', () => {
  let scheduler: ManualScheduler;
  let center: SimulatedContactCenter;
  let session: ChatSession;
  let happenings: SessionEvent[];
  let subscription: Subscription | undefined;

  function open(options: SimulatedContactCenterOptions = {}): void {
    subscription?.unsubscribe();
    scheduler = new ManualScheduler();
    center = new SimulatedContactCenter({ ...CONFIGURATION, ...options, scheduler });
    session = new ChatSession(center.connect(alex), { scheduler, storage: null });
    happenings = [];
    subscription = session.events$.subscribe((event) => happenings.push(event));
  }

  /** A chat accepted and ended by the agent: after-contact work runs. */
  async function endedChat(): Promise<string> {
    await session.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    await session.acceptOffer(chatId);
    await session.endChat(chatId);
    return chatId;
  }

  const chat = (chatId: string) => session.state.chats.find((candidate) => candidate.id === chatId);

  beforeEach(() => open());
  afterEach(() => {
    subscription?.unsubscribe();
    session.dispose();
  });

  it('knows the deadline of an ended chat, and extendWrapUp moves it by the timeout', async () => {
    const chatId = await endedChat();
    const deadline = scheduler.now() + ACW_MS;
    expect(chat(chatId)).to.include({ status: 'ended', acwExpiresAt: deadline });
    scheduler.advance(60_000);
    expect((await session.extendWrapUp(chatId)).ok).to.equal(true);
    expect(chat(chatId)?.acwExpiresAt).to.equal(deadline + ACW_MS);
    scheduler.advance(ACW_MS);
    expect(chat(chatId), 'the first deadline has no effect any more').to.not.equal(undefined);
  });

  it('closes the chat when time runs out, and reports wrap-up-expired with the default disposition', async () => {
    const chatId = await endedChat();
    scheduler.advance(ACW_MS);
    expect(chat(chatId)).to.equal(undefined);
    expect(session.state.activeChatId).to.equal(undefined);
    const expired = happenings.find((event) => event.type === 'wrap-up-expired');
    expect(expired).to.deep.include({ disposition: { code: 'follow-up', tags: [], notes: '' } });
    expect(expired?.type === 'wrap-up-expired' && expired.chat.id).to.equal(chatId);
    expect(center.chat(chatId)?.disposition).to.deep.equal({ code: 'follow-up', tags: [], notes: '' });
  });

  it('saves what the agent chose and typed just before the deadline, instead of losing it to the default', async () => {
    const chatId = await endedChat();
    session.setWrapUp(chatId, { code: 'resolved', tags: [], notes: 'Typed but never saved' });
    scheduler.advance(ACW_MS - 3_001);
    expect(center.chat(chatId)?.state).to.equal('ended');
    scheduler.advance(1);
    await Promise.resolve();
    expect(center.chat(chatId)).to.deep.include({
      state: 'closed',
      disposition: { code: 'resolved', tags: [], notes: 'Typed but never saved' },
    });
    expect(chat(chatId)).to.equal(undefined);
    expect(happenings.some((event) => event.type === 'wrap-up-expired')).to.equal(false);
  });

  it('keeps a chat whose disposition is required, marked overdue until extended or saved', async () => {
    open({ dispositionRequired: true });
    const chatId = await endedChat();
    scheduler.advance(ACW_MS);
    expect(chat(chatId)).to.include({ status: 'ended', acwOverdue: true });
    expect(happenings.some((event) => event.type === 'wrap-up-expired')).to.equal(false);
    await session.extendWrapUp(chatId);
    expect(chat(chatId)?.acwOverdue).to.equal(undefined);
    expect(chat(chatId)?.acwExpiresAt).to.equal(scheduler.now() + ACW_MS);
    expect((await session.closeChat(chatId, { code: 'resolved', tags: [], notes: '' })).ok).to.equal(true);
    expect(happenings.some((event) => event.type === 'wrap-up-expired'), 'a saved chat did not expire').to.equal(false);
  });

  it('refuses to extend where there is no deadline, with a command-failed error', async () => {
    open({ acwTimeoutMs: 0 });
    const chatId = await endedChat();
    expect(chat(chatId)?.acwExpiresAt).to.equal(undefined);
    expect((await session.extendWrapUp(chatId)).ok).to.equal(false);
    expect(session.state.errors.at(-1)).to.include({ kind: 'command-failed', command: 'extendWrapUp', chatId });
  });

  it('says so when the connector cannot extend', async () => {
    const base = center.connect({ id: 'agent-2', name: 'Sam Rivera' });
    const connector: ContactCenterConnector = {
      agent: base.agent,
      events: base.events,
      setAgentState: (state, reason) => base.setAgentState(state, reason),
      acceptOffer: (chatId) => base.acceptOffer(chatId),
      rejectOffer: (chatId) => base.rejectOffer(chatId),
      sendMessage: (chatId, text) => base.sendMessage(chatId, text),
      sendTyping: (chatId) => base.sendTyping(chatId),
      endChat: (chatId) => base.endChat(chatId),
      transferChat: (chatId, target) => base.transferChat(chatId, target),
      createEngagement: (request) => base.createEngagement(request),
      closeChat: (chatId, disposition) => base.closeChat(chatId, disposition),
      disconnect: () => base.disconnect(),
    };
    const sam = new ChatSession(connector, { scheduler, storage: null });
    await sam.setAgentState('Available');
    const chatId = center.startChat({ contact: { name: 'Jean Roy' }, skill: 'Billing', text: 'Salut' });
    await sam.acceptOffer(chatId);
    await sam.endChat(chatId);
    expect((await sam.extendWrapUp(chatId)).ok).to.equal(false);
    expect(sam.state.errors.at(-1)?.message).to.equal('This contact center cannot extend after-contact work.');
    sam.dispose();
  });

  it('sends the reason with Unavailable, holds it in the state and reports it with agent-state-changed', async () => {
    expect((await session.setAgentState('Unavailable', 'lunch')).ok).to.equal(true);
    expect(session.state.agent).to.include({ state: 'Unavailable', reason: 'lunch' });
    expect(session.state.requestedAgentState).to.equal(undefined);
    expect(center.agentState(alex.id), 'agentState stays the plain state').to.equal('Unavailable');
    expect(center.agentReason(alex.id)).to.equal('lunch');
    expect(happenings.at(-1)).to.deep.equal({ type: 'agent-state-changed', state: 'Unavailable', previous: 'Unavailable', reason: 'lunch' });

    await session.setAgentState('Unavailable', 'training');
    expect(happenings.at(-1)).to.deep.equal({
      type: 'agent-state-changed',
      state: 'Unavailable',
      previous: 'Unavailable',
      reason: 'training',
      previousReason: 'lunch',
    });
    await session.setAgentState('Available');
    expect(session.state.agent.reason).to.equal(undefined);
    expect(happenings.at(-1)).to.deep.equal({ type: 'agent-state-changed', state: 'Available', previous: 'Unavailable', previousReason: 'training' });
  });

  it('refuses a reason the platform does not know, or one with Available, and keeps the state', async () => {
    expect((await session.setAgentState('Unavailable', 'nap')).ok).to.equal(false);
    expect(session.state.errors.at(-1)?.message).to.equal('The reason nap is not configured.');
    expect((await session.setAgentState('Available', 'lunch')).ok).to.equal(false);
    expect(session.state.agent).to.deep.include({ state: 'Unavailable' });
    expect(session.state.agent.reason).to.equal(undefined);
    expect(session.state.requestedAgentState).to.equal(undefined);
  });

  it('receives the reasons configured, and colleagues’ reasons with their presence', async () => {
    expect(session.state.configuration.unavailableReasons.map((reason) => reason.code)).to.deep.equal(['lunch', 'break', 'training']);
    const sam = new ChatSession(center.connect({ id: 'agent-2', name: 'Sam Rivera' }), { scheduler, storage: null });
    await sam.setAgentState('Unavailable', 'break');
    expect(session.state.presenceReasons).to.deep.equal({ 'agent-2': 'break' });
    await sam.setAgentState('Available');
    expect(session.state.presenceReasons).to.deep.equal({});
    sam.dispose();
  });
});

describe('reducer: after-contact work deadline', () => {
  const T0 = Date.UTC(2025, 0, 6, 14, 0, 0);
  const event = (connectorEvent: ConnectorEvent, at = T0): SessionAction => ({ type: 'connector-event', event: connectorEvent, at });
  const chatSnapshot = { id: 'c1', contact: { name: 'Marie Tremblay' }, skill: 'Billing', messages: [] };

  function endedState(): WorkspaceState {
    return [
      event({ type: 'chat-assigned', chat: chatSnapshot }),
      event({ type: 'chat-ended', chatId: 'c1', by: 'contact', at: T0, acwExpiresAt: T0 + 60_000 }),
    ].reduce(reduce, initialState({ id: 'agent-1', name: 'Alex Martin' }));
  }

  it('takes the deadline from chat-ended, a new one from wrap-up-extended, and overdue from wrap-up-overdue', () => {
    const ended = endedState();
    expect(ended.chats[0]).to.include({ status: 'ended', acwExpiresAt: T0 + 60_000 });
    const overdue = reduce(ended, event({ type: 'wrap-up-overdue', chatId: 'c1' }));
    expect(overdue.chats[0]?.acwOverdue).to.equal(true);
    const extended = reduce(overdue, event({ type: 'wrap-up-extended', chatId: 'c1', acwExpiresAt: T0 + 120_000 }));
    expect(extended.chats[0]).to.include({ acwExpiresAt: T0 + 120_000 });
    expect(extended.chats[0]?.acwOverdue).to.equal(undefined);
    expect(overdue.chats[0]?.acwOverdue, 'the state it was given is untouched').to.equal(true);
  });

  it('takes a snapshot’s deadline for a chat already ended (extended while it was away), and keeps the same one as it is', () => {
    const ended = endedState();
    const same = reduce(ended, event({ type: 'chat-ended', chatId: 'c1', by: 'contact', at: T0, acwExpiresAt: T0 + 60_000 }));
    expect(same.chats[0]).to.equal(ended.chats[0]);
    const later = reduce(ended, event({ type: 'chat-ended', chatId: 'c1', by: 'contact', at: T0, acwExpiresAt: T0 + 150_000 }));
    expect(later.chats[0]?.acwExpiresAt).to.equal(T0 + 150_000);
  });

  it('reports a deadline event about a chat it does not hold as an invalid event', () => {
    const state = reduce(initialState({ id: 'agent-1', name: 'Alex Martin' }), event({ type: 'wrap-up-overdue', chatId: 'c9' }));
    expect(state.errors.at(-1)).to.include({ kind: 'invalid-event', chatId: 'c9' });
  });
});
