import { expect } from '@open-wc/testing';
import { buildConfiguration, type ConfigurationOptions } from '../../src/platform/configuration.js';
import type { AgentLink } from '../../src/platform/context.js';
import { ContactCenterCore } from '../../src/platform/core.js';
import { MemoryStore } from '../../src/platform/memory-store.js';
import type { ConnectorEvent } from '../../src/protocol/events.js';
import { ManualScheduler } from '../support/manual-scheduler.js';

const ALEX = { id: 'agent-1', name: 'Alex Martin' };
const SAM = { id: 'agent-2', name: 'Sam Rivera' };
const ACW_MS = 60_000;

class RecordingLink implements AgentLink {
  readonly received: { seq: number; event: ConnectorEvent; ephemeral: boolean }[] = [];
  deliver(seq: number, event: ConnectorEvent, ephemeral: boolean): void {
    this.received.push({ seq, event, ephemeral });
  }
  close(): void {}
  stored(): ConnectorEvent[] {
    return this.received.filter((entry) => !entry.ephemeral).map((entry) => entry.event);
  }
  last<T extends ConnectorEvent['type']>(type: T): Extract<ConnectorEvent, { type: T }> | undefined {
    return this.received.map((entry) => entry.event).filter((event) => event.type === type).at(-1) as
      | Extract<ConnectorEvent, { type: T }>
      | undefined;
  }
}

function platform(options: ConfigurationOptions = {}, store = new MemoryStore(), scheduler = new ManualScheduler()) {
  const configuration = buildConfiguration(
    {
      acwTimeoutMs: ACW_MS,
      dispositions: [
        { code: 'resolved', label: 'Resolved' },
        { code: 'follow-up', label: 'Follow-up needed' },
      ],
      defaultDisposition: 'follow-up',
      unavailableReasons: [
        { code: 'lunch', label: 'Lunch' },
        { code: 'break', label: 'Break' },
      ],
      directory: {
        agents: [
          { id: 'agent-1', name: 'Alex Martin', skills: [] },
          { id: 'agent-2', name: 'Sam Rivera', skills: [] },
        ],
      },
      ...options,
    },
    'test',
  );
  const core = new ContactCenterCore({ configuration, store, scheduler });
  return { core, store, scheduler };
}

/** Alex, Available, with an accepted chat. */
function withChat(core: ContactCenterCore, link = new RecordingLink()) {
  core.attach(ALEX, link);
  core.execute(ALEX.id, { name: 'set-agent-state', state: 'Available' });
  const chatId = core.contacts.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
  core.execute(ALEX.id, { name: 'accept-offer', chatId });
  return { link, chatId };
}

describe('After-contact work deadline (platform core, virtual time)', () => {
  it('stores the deadline when the agent ends the chat, and tells it in chat-ended', () => {
    const { core, scheduler } = platform();
    const { link, chatId } = withChat(core);
    const endedAt = scheduler.now();
    core.execute(ALEX.id, { name: 'end-chat', chatId });
    expect(core.chatRecord(chatId)).to.include({ state: 'ended', acwExpiresAt: endedAt + ACW_MS });
    expect(link.last('chat-ended')).to.deep.equal({ type: 'chat-ended', chatId, by: 'agent', at: endedAt, acwExpiresAt: endedAt + ACW_MS });
    expect(core.eventsAfter(ALEX.id, 0)?.at(-1)?.event, 'kept in the agent’s stream').to.deep.equal(link.last('chat-ended'));
  });

  it('stores it too when the contact leaves', () => {
    const { core, scheduler } = platform();
    const { link, chatId } = withChat(core);
    scheduler.advance(5000);
    core.contacts.leaves(chatId);
    expect(link.last('chat-ended')).to.include({ by: 'contact', acwExpiresAt: scheduler.now() + ACW_MS });
  });

  it('closes the chat with the default disposition when the deadline passes, and frees the slot', () => {
    const { core, scheduler } = platform({ maxConcurrentChats: 1 });
    const { link, chatId } = withChat(core);
    core.execute(ALEX.id, { name: 'end-chat', chatId });
    const next = core.contacts.startChat({ contact: { name: 'Jean Roy' }, skill: 'Billing', text: 'Salut' });
    scheduler.advance(ACW_MS - 1);
    expect(core.chat(chatId)?.state).to.equal('ended');
    scheduler.advance(1);
    const disposition = { code: 'follow-up', tags: [], notes: '' };
    expect(core.chat(chatId)).to.deep.include({ state: 'closed', disposition });
    expect(link.last('chat-closed')).to.deep.equal({ type: 'chat-closed', chatId, reason: 'wrap-up-expired', disposition });
    expect(core.chat(next), 'the freed slot takes the next chat').to.include({ state: 'offered', agentId: ALEX.id });
  });

  it('closes without a disposition when none is configured as the default', () => {
    const { core, scheduler } = platform({ defaultDisposition: undefined });
    const { link, chatId } = withChat(core);
    core.execute(ALEX.id, { name: 'end-chat', chatId });
    scheduler.advance(ACW_MS);
    expect(core.chat(chatId)?.state).to.equal('closed');
    expect(core.chat(chatId)?.disposition).to.equal(undefined);
    expect(link.last('chat-closed')).to.deep.equal({ type: 'chat-closed', chatId, reason: 'wrap-up-expired' });
  });

  it('refuses a default disposition that is not configured', () => {
    expect(() => platform({ defaultDisposition: 'lost' })).to.throw(TypeError, /defaultDisposition/);
  });

  it('extends the deadline by the timeout on extend-wrap-up, and only the new deadline closes the chat', () => {
    const { core, scheduler } = platform();
    const { link, chatId } = withChat(core);
    core.execute(ALEX.id, { name: 'end-chat', chatId });
    const first = core.chatRecord(chatId)?.acwExpiresAt ?? 0;
    scheduler.advance(50_000);
    expect(core.execute(ALEX.id, { name: 'extend-wrap-up', chatId })).to.deep.equal({ ok: true });
    expect(core.chatRecord(chatId)?.acwExpiresAt).to.equal(first + ACW_MS);
    expect(link.last('wrap-up-extended')).to.deep.equal({ type: 'wrap-up-extended', chatId, acwExpiresAt: first + ACW_MS });
    expect(link.stored().at(-1)?.type, 'stored in the stream').to.equal('wrap-up-extended');

    scheduler.advance(ACW_MS - 50_000);
    expect(core.chat(chatId)?.state, 'the old deadline passed without effect').to.equal('ended');
    scheduler.advance(ACW_MS - 1);
    expect(core.chat(chatId)?.state).to.equal('ended');
    scheduler.advance(1);
    expect(core.chat(chatId)?.state).to.equal('closed');
  });

  it('refuses to extend a chat in progress, another agent’s chat, or work without a limit', () => {
    const { core } = platform();
    const { chatId } = withChat(core);
    expect(core.execute(ALEX.id, { name: 'extend-wrap-up', chatId }).ok).to.equal(false);
    core.execute(ALEX.id, { name: 'end-chat', chatId });
    core.attach(SAM, new RecordingLink());
    expect(core.execute(SAM.id, { name: 'extend-wrap-up', chatId }).ok).to.equal(false);

    const unlimited = platform({ acwTimeoutMs: 0 });
    const other = withChat(unlimited.core);
    unlimited.core.execute(ALEX.id, { name: 'end-chat', chatId: other.chatId });
    expect(other.link.last('chat-ended')).to.not.have.property('acwExpiresAt');
    expect(unlimited.core.execute(ALEX.id, { name: 'extend-wrap-up', chatId: other.chatId })).to.deep.equal({
      ok: false,
      error: 'This after-contact work has no time limit.',
    });
    unlimited.scheduler.advance(24 * 60 * 60 * 1000);
    expect(unlimited.core.chat(other.chatId)?.state).to.equal('ended');
  });

  it('does not close a chat whose disposition is required: the agent is told the time is up', () => {
    const { core, scheduler } = platform({ dispositionRequired: true });
    const { link, chatId } = withChat(core);
    core.execute(ALEX.id, { name: 'end-chat', chatId });
    scheduler.advance(ACW_MS);
    expect(core.chat(chatId)?.state).to.equal('ended');
    expect(link.last('wrap-up-overdue')).to.deep.equal({ type: 'wrap-up-overdue', chatId });
    expect(core.snapshot(ALEX.id).events.map((event) => event.type).slice(-2), 'a reconnect hears it too').to.deep.equal([
      'chat-ended',
      'wrap-up-overdue',
    ]);
    scheduler.advance(10 * ACW_MS);
    expect(link.received.filter((entry) => entry.event.type === 'wrap-up-overdue')).to.have.length(1);

    // Extending gives a fresh deadline from now; saving closes it as usual.
    expect(core.execute(ALEX.id, { name: 'extend-wrap-up', chatId }).ok).to.equal(true);
    expect(core.chatRecord(chatId)).to.include({ acwExpiresAt: scheduler.now() + ACW_MS });
    expect(core.chatRecord(chatId)?.acwOverdue).to.equal(undefined);
    const disposition = { code: 'resolved', tags: [], notes: 'Done' };
    expect(core.execute(ALEX.id, { name: 'close-chat', chatId, disposition }).ok).to.equal(true);
    expect(link.last('chat-closed')).to.deep.equal({ type: 'chat-closed', chatId });
    scheduler.advance(2 * ACW_MS);
    expect(core.chat(chatId)?.disposition).to.deep.equal(disposition);
  });

  it('cancels the timer when the agent saves and closes first', () => {
    const { core, scheduler } = platform();
    const { link, chatId } = withChat(core);
    core.execute(ALEX.id, { name: 'end-chat', chatId });
    core.execute(ALEX.id, { name: 'close-chat', chatId, disposition: { code: 'resolved', tags: [], notes: '' } });
    const seq = core.lastSeq(ALEX.id);
    scheduler.advance(2 * ACW_MS);
    expect(core.lastSeq(ALEX.id)).to.equal(seq);
    expect(core.chat(chatId)?.disposition?.code).to.equal('resolved');
    expect(link.received.some((entry) => entry.event.type === 'chat-closed' && 'reason' in entry.event)).to.equal(false);
  });

  it('keeps the deadline across a restart, and closes at restart a chat whose deadline passed while it was down', () => {
    const store = new MemoryStore();
    const scheduler = new ManualScheduler();
    const first = platform({}, store, scheduler);
    const { chatId } = withChat(first.core);
    first.core.execute(ALEX.id, { name: 'end-chat', chatId });
    scheduler.advance(20_000);
    first.core.stop();
    scheduler.advance(30_000);
    expect(first.core.chat(chatId)?.state, 'a stopped process closes nothing').to.equal('ended');

    // 50 s gone: 10 s left for the new process.
    const second = platform({}, store, scheduler);
    second.core.restore();
    scheduler.advance(9_999);
    expect(second.core.chat(chatId)?.state).to.equal('ended');
    scheduler.advance(1);
    expect(second.core.chat(chatId)).to.deep.include({ state: 'closed', disposition: { code: 'follow-up', tags: [], notes: '' } });

    // Down for longer than the whole deadline: closed at once on restart, and told in the stream.
    const link = new RecordingLink();
    second.core.attach(ALEX, link);
    const late = second.core.contacts.startChat({ contact: { name: 'Jean Roy' }, skill: 'Billing', text: 'Salut' });
    second.core.execute(ALEX.id, { name: 'accept-offer', chatId: late });
    second.core.execute(ALEX.id, { name: 'end-chat', chatId: late });
    second.core.stop();
    scheduler.advance(5 * ACW_MS);
    const seq = store.lastSeq(ALEX.id);
    const third = platform({}, store, scheduler);
    third.core.restore();
    scheduler.advance(0);
    expect(third.core.chat(late)?.state).to.equal('closed');
    expect(third.core.eventsAfter(ALEX.id, seq)?.map((entry) => entry.event)).to.deep.include({
      type: 'chat-closed',
      chatId: late,
      reason: 'wrap-up-expired',
      disposition: { code: 'follow-up', tags: [], notes: '' },
    });
  });

  it('with wrapUpBeforeNextOffer, offers nothing to an agent with a chat in after-contact work', () => {
    const { core, scheduler } = platform({ wrapUpBeforeNextOffer: true, maxConcurrentChats: 3 });
    const { chatId } = withChat(core);
    const second = core.contacts.startChat({ contact: { name: 'Jean Roy' }, skill: 'Billing', text: 'Salut' });
    expect(core.chat(second), 'below capacity, no after-contact work: offered').to.include({ state: 'offered' });
    core.execute(ALEX.id, { name: 'accept-offer', chatId: second });

    core.execute(ALEX.id, { name: 'end-chat', chatId });
    const third = core.contacts.startChat({ contact: { name: 'Léa Roy' }, skill: 'Billing', text: 'Allô' });
    expect(core.chat(third)?.state, 'waits while the agent wraps up').to.equal('queued');
    core.attach(SAM, new RecordingLink());
    core.execute(SAM.id, { name: 'set-agent-state', state: 'Available' });
    expect(core.chat(third), 'another agent takes it').to.include({ state: 'offered', agentId: SAM.id });
    core.execute(SAM.id, { name: 'set-agent-state', state: 'Unavailable' });
    expect(core.chat(third)?.state).to.equal('offered');
    core.execute(SAM.id, { name: 'reject-offer', chatId: third });
    expect(core.chat(third)?.state).to.equal('queued');

    // The deadline closes the wrap-up: Alex gets the chat.
    scheduler.advance(ACW_MS);
    expect(core.chat(third)).to.include({ state: 'offered', agentId: ALEX.id });
  });

  it('without wrapUpBeforeNextOffer, after-contact work only counts against capacity', () => {
    const { core } = platform({ maxConcurrentChats: 2 });
    const { chatId } = withChat(core);
    core.execute(ALEX.id, { name: 'end-chat', chatId });
    const next = core.contacts.startChat({ contact: { name: 'Jean Roy' }, skill: 'Billing', text: 'Salut' });
    expect(core.chat(next)).to.include({ state: 'offered', agentId: ALEX.id });
  });
});

describe('Unavailable reasons (platform core)', () => {
  it('stores the reason, sends it in agent-state and presence, and keeps agentState plain', () => {
    const { core } = platform();
    const alex = new RecordingLink();
    const sam = new RecordingLink();
    core.attach(ALEX, alex);
    core.attach(SAM, sam);
    expect(core.execute(ALEX.id, { name: 'set-agent-state', state: 'Unavailable', reason: 'lunch' })).to.deep.equal({ ok: true });
    expect(core.agentState(ALEX.id)).to.equal('Unavailable');
    expect(core.agentReason(ALEX.id)).to.equal('lunch');
    expect(alex.last('agent-state')).to.deep.equal({ type: 'agent-state', state: 'Unavailable', reason: 'lunch' });
    expect(alex.stored().at(-1), 'stored in the stream').to.deep.equal({ type: 'agent-state', state: 'Unavailable', reason: 'lunch' });
    expect(sam.last('presence')?.agents).to.deep.include({ id: ALEX.id, presence: 'Unavailable', reason: 'lunch' });
    expect(core.snapshot(ALEX.id).events[1]).to.deep.equal({ type: 'agent-state', state: 'Unavailable', reason: 'lunch' });

    // Another reason is a change; Available clears it.
    core.execute(ALEX.id, { name: 'set-agent-state', state: 'Unavailable', reason: 'break' });
    expect(alex.last('agent-state')).to.deep.equal({ type: 'agent-state', state: 'Unavailable', reason: 'break' });
    core.execute(ALEX.id, { name: 'set-agent-state', state: 'Unavailable' });
    expect(alex.last('agent-state')).to.deep.equal({ type: 'agent-state', state: 'Unavailable' });
    core.execute(ALEX.id, { name: 'set-agent-state', state: 'Unavailable', reason: 'lunch' });
    core.execute(ALEX.id, { name: 'set-agent-state', state: 'Available' });
    expect(alex.last('agent-state')).to.deep.equal({ type: 'agent-state', state: 'Available' });
    expect(core.agentReason(ALEX.id)).to.equal(undefined);
    expect(sam.last('presence')?.agents).to.deep.include({ id: ALEX.id, presence: 'Available' });
  });

  it('refuses a reason that is not configured, or one given with Available, and changes nothing', () => {
    const { core } = platform();
    core.attach(ALEX, new RecordingLink());
    const seq = core.lastSeq(ALEX.id);
    expect(core.execute(ALEX.id, { name: 'set-agent-state', state: 'Unavailable', reason: 'nap' })).to.deep.equal({
      ok: false,
      error: 'The reason nap is not configured.',
    });
    expect(core.execute(ALEX.id, { name: 'set-agent-state', state: 'Available', reason: 'lunch' }).ok).to.equal(false);
    expect(core.lastSeq(ALEX.id)).to.equal(seq);
    expect(core.agentState(ALEX.id)).to.equal('Unavailable');
    expect(core.agentReason(ALEX.id)).to.equal(undefined);
  });

  it('clears the reason when the agent leaves', () => {
    const { core } = platform();
    const alex = new RecordingLink();
    core.attach(ALEX, alex);
    core.execute(ALEX.id, { name: 'set-agent-state', state: 'Unavailable', reason: 'lunch' });
    core.execute(ALEX.id, { name: 'leave' });
    expect(alex.last('agent-state')).to.deep.equal({ type: 'agent-state', state: 'Unavailable' });
    expect(core.agentReason(ALEX.id)).to.equal(undefined);
  });
});
