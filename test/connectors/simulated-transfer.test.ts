import { expect } from '@open-wc/testing';
import { ChatSession, SimulatedContactCenter, type SimulatedContactCenterOptions } from '../../src/index.js';

const directory: SimulatedContactCenterOptions['directory'] = {
  agents: [
    { id: 'agent-1', name: 'Alex Martin', team: 'tier-2', skills: ['Billing'] },
    { id: 'agent-2', name: 'Sam Rivera', team: 'Tier 2', skills: ['Billing', 'Technical Support'] },
    { id: 'agent-3', name: 'Robin Lee', skills: ['Technical Support'] },
  ],
  teams: [{ id: 'tier-2', name: 'Tier 2' }],
  skills: [
    { id: 'billing', name: 'Billing' },
    { id: 'technical-support', name: 'Technical Support' },
  ],
};

const quiet = { warn: () => undefined };

async function twoAgents(options: SimulatedContactCenterOptions = {}) {
  const center = new SimulatedContactCenter({ directory, engagementChannels: ['chat', 'email'], ...options });
  const alex = new ChatSession(center.connect({ id: 'agent-1', name: 'Alex Martin' }), { logger: quiet });
  const sam = new ChatSession(center.connect({ id: 'agent-2', name: 'Sam Rivera' }), { logger: quiet });
  await alex.setAgentState('Available');
  const chatId = center.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
  await alex.acceptOffer(chatId);
  await alex.sendMessage(chatId, 'Hello Marie, let me find the right person.');
  center.contactSays(chatId, 'Merci');
  return { center, alex, sam, chatId };
}

describe('SimulatedContactCenter transfers (R12, R13)', () => {
  it('hands a chat to an agent as an offer, with every earlier message and the note', async () => {
    const { center, alex, sam, chatId } = await twoAgents();
    expect((await alex.transferChat(chatId, { kind: 'agent', id: 'agent-2' }, '  Refund approved, needs the form.  ')).ok).to.equal(true);
    expect(alex.state.chats, 'it leaves the first workspace at once').to.deep.equal([]);
    expect(center.chat(chatId)?.state, 'Sam is Unavailable: it waits for him').to.equal('queued');

    await sam.setAgentState('Available');
    expect(center.chat(chatId)).to.include({ state: 'offered', agentId: 'agent-2' });
    expect(sam.state.offers.map((offer) => offer.chatId)).to.deep.equal([chatId]);
    await sam.acceptOffer(chatId);

    const [chat] = sam.state.chats;
    expect(chat?.messages.map((message) => message.text)).to.deep.equal([
      'Bonjour!',
      'Hello Marie, let me find the right person.',
      'Merci',
    ]);
    expect(chat?.transfers).to.have.length(1);
    expect(chat?.transfers[0]).to.include({ fromAgentName: 'Alex Martin', toName: 'Sam Rivera', note: 'Refund approved, needs the form.' });
    expect(center.chat(chatId)?.transfers?.[0]?.note).to.equal('Refund approved, needs the form.');
  });

  it('a transferred chat rejected by its agent goes back to that agent, who becomes Refused', async () => {
    const { center, alex, sam, chatId } = await twoAgents();
    await sam.setAgentState('Available');
    await alex.transferChat(chatId, { kind: 'agent', id: 'agent-2' });
    await sam.rejectOffer(chatId);
    expect(center.agentState('agent-2')).to.equal('Refused');
    expect(center.chat(chatId)?.state).to.equal('queued');
    expect(center.chat(chatId)?.agentId, 'not offered back to Alex').to.equal(undefined);
    await sam.setAgentState('Available');
    expect(center.chat(chatId)).to.include({ state: 'offered', agentId: 'agent-2' });
  });

  it('hands a chat to a skill queue, ahead of chats that arrived after it', async () => {
    const { center, alex, chatId } = await twoAgents();
    const newer = center.startChat({ contact: { name: 'Jean Roy' }, skill: 'Technical Support', text: 'Salut' });
    await alex.transferChat(chatId, { kind: 'skill', id: 'technical-support' });
    expect(center.queued('Technical Support')).to.deep.equal([chatId, newer]);
    const robin = new ChatSession(center.connect({ id: 'agent-3', name: 'Robin Lee' }), { logger: quiet });
    await robin.setAgentState('Available');
    expect(center.chat(chatId)).to.include({ state: 'offered', agentId: 'agent-3' });
  });

  it('hands a chat to a team, served by its members only', async () => {
    const { center, alex, sam, chatId } = await twoAgents();
    const robin = new ChatSession(center.connect({ id: 'agent-3', name: 'Robin Lee' }), { logger: quiet });
    await robin.setAgentState('Available');
    await alex.transferChat(chatId, { kind: 'team', id: 'tier-2' });
    expect(center.chat(chatId)?.state, 'Robin is not in Tier 2').to.equal('queued');
    await sam.setAgentState('Available');
    expect(center.chat(chatId)).to.include({ state: 'offered', agentId: 'agent-2' });
  });

  it('refuses a destination the address book does not have, and keeps the chat', async () => {
    const { center, alex, chatId } = await twoAgents();
    expect((await alex.transferChat(chatId, { kind: 'agent', id: 'agent-9' })).ok).to.equal(false);
    expect(alex.state.errors.at(-1)).to.include({ kind: 'command-failed', command: 'transferChat' });
    expect(alex.state.errors.at(-1)?.message).to.contain('agent-9');
    expect(center.chat(chatId)).to.include({ state: 'active', agentId: 'agent-1' });
    expect(alex.state.chats).to.have.length(1);
  });

  it('reports chat-transferred from the session with the destination name', async () => {
    const { alex, chatId } = await twoAgents();
    const seen: string[] = [];
    alex.events$.subscribe((event) => {
      if (event.type === 'chat-transferred') seen.push(`${event.chat.id}→${event.targetName}:${event.note ?? ''}`);
    });
    await alex.transferChat(chatId, { kind: 'skill', id: 'Technical Support' }, 'Modem issue');
    expect(seen).to.deep.equal([`${chatId}→Technical Support:Modem issue`]);
  });
});

describe('SimulatedContactCenter presence', () => {
  it('tells every agent who in the address book is available, offline or refused', async () => {
    const { center, alex, sam } = await twoAgents();
    expect(alex.state.presence).to.deep.equal({ 'agent-1': 'Available', 'agent-2': 'Unavailable', 'agent-3': 'Offline' });
    await sam.setAgentState('Available');
    expect(alex.state.presence['agent-2']).to.equal('Available');
    const chatId = center.startChat({ contact: { name: 'Jean' }, skill: 'Technical Support', text: 'Salut' });
    await sam.rejectOffer(chatId);
    expect(alex.state.presence['agent-2']).to.equal('Refused');
    sam.dispose();
    expect(alex.state.presence['agent-2']).to.equal('Offline');
  });
});

describe('SimulatedContactCenter engagements (R5)', () => {
  it('records a follow-up contact now or later, and refuses bad ones', async () => {
    const { center, alex, chatId } = await twoAgents();
    const later = Date.now() + 86_400_000;
    const created = await alex.createEngagement({ chatId, contact: { name: 'Marie Tremblay' }, channel: 'email', scheduledAt: later, note: 'Send the form' });
    expect(created.ok).to.equal(true);
    expect((await alex.createEngagement({ contact: { name: 'Marie Tremblay' }, channel: 'fax', note: '' })).ok).to.equal(false);
    expect((await alex.createEngagement({ contact: { name: 'Marie' }, channel: 'chat', scheduledAt: Date.now() - 1000, note: '' })).ok).to.equal(false);
    const [recorded, ...others] = center.engagements();
    expect(others).to.deep.equal([]);
    expect(recorded).to.include({ chatId, channel: 'email', scheduledAt: later, note: 'Send the form', agentId: 'agent-1' });
  });
});
