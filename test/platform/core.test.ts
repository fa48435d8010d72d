import { expect } from '@open-wc/testing';
import { buildConfiguration } from '../../src/platform/configuration.js';
import type { AgentLink } from '../../src/platform/context.js';
import { CommandRefused, ContactCenterCore } from '../../src/platform/core.js';
import { MemoryStore } from '../../src/platform/memory-store.js';
import type { ConnectorEvent } from '../../src/protocol/events.js';
import { ManualScheduler } from '../support/manual-scheduler.js';

const ALEX = { id: 'agent-1', name: 'Alex Martin' };
const SAM = { id: 'agent-2', name: 'Sam Rivera' };

/** A link that records what the core delivered, with sequence numbers. */
class RecordingLink implements AgentLink {
  readonly received: { seq: number; event: ConnectorEvent; ephemeral: boolean }[] = [];
  closedBecause?: string;
  deliver(seq: number, event: ConnectorEvent, ephemeral: boolean): void {
    this.received.push({ seq, event, ephemeral });
  }
  close(reason: string): void {
    this.closedBecause = reason;
  }
  stored(): { seq: number; type: string }[] {
    return this.received.filter((entry) => !entry.ephemeral).map((entry) => ({ seq: entry.seq, type: entry.event.type }));
  }
}

function platform(store = new MemoryStore(), scheduler = new ManualScheduler()) {
  const configuration = buildConfiguration(
    {
      offerTimeoutMs: 30_000,
      directory: {
        agents: [
          { id: 'agent-1', name: 'Alex Martin', skills: [] },
          { id: 'agent-2', name: 'Sam Rivera', skills: [] },
        ],
        skills: [
          { id: 'billing', name: 'Billing' },
          { id: 'technical-support', name: 'Technical Support' },
        ],
      },
    },
    'test',
  );
  const core = new ContactCenterCore({ configuration, store, scheduler });
  return { core, store, scheduler };
}

describe('ContactCenterCore (under virtual time)', () => {
  it('numbers each agent’s stored events 1, 2, 3… and replays the gap after any of them', () => {
    const { core } = platform();
    const link = new RecordingLink();
    core.attach(ALEX, link);
    core.execute(ALEX.id, { name: 'set-agent-state', state: 'Available' });
    const chatId = core.contacts.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    core.execute(ALEX.id, { name: 'accept-offer', chatId });
    core.contacts.says(chatId, 'Are you there?');

    expect(link.stored()).to.deep.equal([
      { seq: 1, type: 'agent-state' },
      { seq: 2, type: 'chat-offered' },
      { seq: 3, type: 'chat-assigned' },
      { seq: 4, type: 'message' },
    ]);
    expect(core.eventsAfter(ALEX.id, 2)?.map((entry) => entry.seq)).to.deep.equal([3, 4]);
    expect(core.eventsAfter(ALEX.id, 4)).to.deep.equal([]);
    expect(core.eventsAfter(ALEX.id, 9), 'a sequence it never reached').to.equal(undefined);
  });

  it('replays an offer with the time it has left, not the time it had', () => {
    const { core, scheduler } = platform();
    core.attach(ALEX, new RecordingLink());
    core.execute(ALEX.id, { name: 'set-agent-state', state: 'Available' });
    const first = core.contacts.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    const second = core.contacts.startChat({ contact: { name: 'Jean Roy' }, skill: 'Billing', text: 'Salut' });
    scheduler.advance(12_000);
    core.execute(ALEX.id, { name: 'reject-offer', chatId: second });
    const offers = core
      .eventsAfter(ALEX.id, 0)
      ?.flatMap((entry) => (entry.event.type === 'chat-offered' ? [[entry.event.chat.id, entry.event.timeoutMs]] : []));
    expect(offers).to.deep.equal([
      [first, 18_000],
      [second, 0],
    ]);
  });

  it('answers a command sent twice with one id the same way, and applies it once', () => {
    const { core } = platform();
    core.attach(ALEX, new RecordingLink());
    core.execute(ALEX.id, { name: 'set-agent-state', state: 'Available' });
    const chatId = core.contacts.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    core.execute(ALEX.id, { name: 'accept-offer', chatId });

    const first = core.execute(ALEX.id, { name: 'send-message', chatId, text: 'Hello' }, 'local-1');
    const again = core.execute(ALEX.id, { name: 'send-message', chatId, text: 'Hello' }, 'local-1');
    expect(again).to.deep.equal(first);
    expect(core.chat(chatId)?.messages.map((message) => message.text)).to.deep.equal(['Bonjour!', 'Hello']);
    expect(core.chat(chatId)?.messages[1]).to.include({ clientId: 'local-1' });
  });

  it('undoes a command that wrote and then was refused: nothing stored, nothing said, no timer set', () => {
    // A store that refuses the Nth chat write, as a platform check late in a command would.
    class RefusingStore extends MemoryStore {
      refuseOnSave = false;
      override saveChat(chat: Parameters<MemoryStore['saveChat']>[0]): void {
        super.saveChat(chat);
        if (this.refuseOnSave && chat.state === 'offered') throw new CommandRefused('Refused after writing.');
      }
    }
    const store = new RefusingStore();
    const { core, scheduler } = platform(store);
    const alex = new RecordingLink();
    core.attach(ALEX, alex);
    const chatId = core.contacts.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    const seq = store.lastSeq(ALEX.id);
    const received = alex.received.length;
    store.refuseOnSave = true;
    // Available, then routing offers the chat, whose save is refused: the whole command goes.
    expect(core.execute(ALEX.id, { name: 'set-agent-state', state: 'Available' })).to.deep.equal({ ok: false, error: 'Refused after writing.' });
    expect(store.lastSeq(ALEX.id)).to.equal(seq);
    expect(alex.received.length).to.equal(received);
    expect(core.agentState(ALEX.id)).to.equal('Unavailable');
    expect(core.chat(chatId)?.state).to.equal('queued');
    store.refuseOnSave = false;
    scheduler.advance(60_000);
    expect(core.chat(chatId)?.state, 'no offer timer was left behind').to.equal('queued');
  });

  it('delivers each agent’s stream in sequence order, even when a listener runs a command while it is told', () => {
    const { core } = platform();
    const seen: number[] = [];
    const link: AgentLink = {
      deliver: (seq, event, ephemeral) => {
        if (ephemeral) return;
        seen.push(seq);
        // A host that answers every offer at once, from inside the delivery.
        if (event.type === 'chat-offered') core.execute(ALEX.id, { name: 'accept-offer', chatId: event.chat.id });
      },
      close: () => undefined,
    };
    core.attach(ALEX, link);
    core.contacts.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    core.contacts.startChat({ contact: { name: 'Jean Roy' }, skill: 'Billing', text: 'Salut' });
    core.execute(ALEX.id, { name: 'set-agent-state', state: 'Available' });
    expect(seen).to.deep.equal([1, 2, 3, 4, 5]);
  });

  it('keeps running when recording an offer’s expiry fails, and expires it once the store takes writes again', () => {
    class FlakyStore extends MemoryStore {
      failures = 0;
      override saveAgent(agent: Parameters<MemoryStore['saveAgent']>[0]): void {
        if (this.failures > 0) {
          this.failures -= 1;
          throw new Error('SQLITE_BUSY');
        }
        super.saveAgent(agent);
      }
    }
    const store = new FlakyStore();
    const errors: unknown[] = [];
    const scheduler = new ManualScheduler();
    const configuration = buildConfiguration({ offerTimeoutMs: 30_000 }, 'test');
    const core = new ContactCenterCore({ configuration, store, scheduler, reportError: (error) => errors.push(error) });
    core.attach(ALEX, new RecordingLink());
    core.execute(ALEX.id, { name: 'set-agent-state', state: 'Available' });
    const chatId = core.contacts.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    store.failures = 2;
    scheduler.advance(30_000);
    expect(errors.map(String)).to.deep.equal(['Error: SQLITE_BUSY']);
    expect(core.chat(chatId)?.state).to.equal('offered');
    scheduler.advance(1_000);
    expect(errors).to.have.length(2);
    scheduler.advance(1_000);
    expect(core.chat(chatId)?.state).to.equal('queued');
    expect(core.agentState(ALEX.id)).to.equal('Refused');
  });

  it('does not let a transferred chat that only its transferrer could take hold up the skill’s line', () => {
    const { core } = platform();
    core.attach(ALEX, new RecordingLink());
    core.execute(ALEX.id, { name: 'set-agent-state', state: 'Available' });
    const first = core.contacts.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    core.execute(ALEX.id, { name: 'accept-offer', chatId: first });
    // Nobody else serves Technical Support; Alex hands the chat over to it anyway.
    expect(core.execute(ALEX.id, { name: 'transfer-chat', chatId: first, target: { kind: 'skill', id: 'technical-support' } }).ok).to.equal(true);
    const next = core.contacts.startChat({ contact: { name: 'Jean Roy' }, skill: 'Technical Support', text: 'My modem' });
    expect(core.chat(next)).to.include({ state: 'offered', agentId: ALEX.id });
    expect(core.chat(first)?.state).to.equal('queued');
  });

  it('schedules a follow-up of a chat only for the agent who has it', () => {
    const { core } = platform();
    core.attach(ALEX, new RecordingLink());
    core.attach(SAM, new RecordingLink());
    core.execute(ALEX.id, { name: 'set-agent-state', state: 'Available' });
    const chatId = core.contacts.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    core.execute(ALEX.id, { name: 'accept-offer', chatId });
    const request = { chatId, contact: { name: 'Marie Tremblay' }, channel: 'email', note: 'Call back' };
    expect(core.execute(SAM.id, { name: 'create-engagement', request })).to.deep.equal({ ok: false, error: 'This chat is not in your workspace.' });
    expect(core.execute(ALEX.id, { name: 'create-engagement', request }).ok).to.equal(true);
    expect(core.engagements()).to.have.length(1);
  });

  it('undoes a refused command whole: nothing stored, nothing said', () => {
    const { core, store } = platform();
    const alex = new RecordingLink();
    const sam = new RecordingLink();
    core.attach(ALEX, alex);
    core.attach(SAM, sam);
    core.execute(ALEX.id, { name: 'set-agent-state', state: 'Available' });
    const chatId = core.contacts.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    const before = { alex: alex.received.length, sam: sam.received.length, seq: store.lastSeq(ALEX.id) };

    // Sam acts on Alex's offer, then on a chat that does not exist.
    expect(core.execute(SAM.id, { name: 'accept-offer', chatId }).ok).to.equal(false);
    expect(core.execute(SAM.id, { name: 'end-chat', chatId: 'chat-404' }).ok).to.equal(false);
    expect(core.execute(ALEX.id, { name: 'transfer-chat', chatId, target: { kind: 'agent', id: 'agent-2' } })).to.deep.equal({
      ok: false,
      error: 'This chat is not in your workspace.',
    });
    expect({ alex: alex.received.length, sam: sam.received.length, seq: store.lastSeq(ALEX.id) }).to.deep.equal(before);
    expect(core.chat(chatId)).to.include({ state: 'offered', agentId: ALEX.id });
  });

  it('keeps an offer’s deadline across a restart, and expires an offer whose deadline passed while it was down', () => {
    const store = new MemoryStore();
    const scheduler = new ManualScheduler();
    const first = platform(store, scheduler);
    first.core.attach(ALEX, new RecordingLink());
    first.core.execute(ALEX.id, { name: 'set-agent-state', state: 'Available' });
    const chatId = first.core.contacts.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    scheduler.advance(10_000);
    first.core.stop();

    // 25 s later a new process starts on the same store: 5 s of the offer are left.
    scheduler.advance(15_000);
    const second = platform(store, scheduler);
    second.core.restore();
    scheduler.advance(4_999);
    expect(second.core.chat(chatId)?.state).to.equal('offered');
    scheduler.advance(1);
    expect(second.core.chat(chatId)?.state).to.equal('queued');
    expect(second.core.agentState(ALEX.id)).to.equal('Refused');

    // Down for longer than the whole offer: expired at once on restart.
    second.core.attach(SAM, new RecordingLink());
    second.core.execute(SAM.id, { name: 'set-agent-state', state: 'Available' });
    expect(second.core.chat(chatId)).to.include({ state: 'offered', agentId: SAM.id });
    second.core.stop();
    scheduler.advance(60_000);
    const third = platform(store, scheduler);
    third.core.restore();
    scheduler.advance(0);
    expect(third.core.chat(chatId)?.state).to.equal('queued');
    expect(third.core.agentState(SAM.id)).to.equal('Refused');
  });

  it('moves a chat transferred to a skill into that skill, and the next offer says who transferred it and why', () => {
    const { core } = platform();
    const alex = new RecordingLink();
    const sam = new RecordingLink();
    core.attach(ALEX, alex);
    core.execute(ALEX.id, { name: 'set-agent-state', state: 'Available' });
    const chatId = core.contacts.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'My modem restarts.' });
    core.execute(ALEX.id, { name: 'accept-offer', chatId });
    core.attach(SAM, sam);
    core.execute(SAM.id, { name: 'set-agent-state', state: 'Available' });

    const outcome = core.execute(ALEX.id, {
      name: 'transfer-chat',
      chatId,
      target: { kind: 'skill', id: 'technical-support' },
      note: 'Modem issue, not billing.',
    });
    expect(outcome.ok).to.equal(true);
    expect(core.chat(chatId)).to.include({ skill: 'Technical Support', state: 'offered', agentId: SAM.id });
    const offer = sam.received.map((entry) => entry.event).find((event) => event.type === 'chat-offered');
    expect(offer?.type === 'chat-offered' && offer.chat.skill).to.equal('Technical Support');
    expect(offer?.type === 'chat-offered' && offer.chat.transfers).to.deep.include({
      fromAgentName: 'Alex Martin',
      toName: 'Technical Support',
      note: 'Modem issue, not billing.',
      at: core.chat(chatId)?.transfers?.[0]?.at,
    });
  });

  it('closes the previous link of an agent who connects again, and keeps offers through a drop', () => {
    const { core, scheduler } = platform();
    const first = new RecordingLink();
    core.attach(ALEX, first);
    core.execute(ALEX.id, { name: 'set-agent-state', state: 'Available' });
    const chatId = core.contacts.startChat({ contact: { name: 'Marie Tremblay' }, skill: 'Billing', text: 'Bonjour!' });
    core.detach(ALEX.id, first);
    scheduler.advance(10_000);
    expect(core.chat(chatId)?.state, 'a dropped connection keeps its offer until the deadline').to.equal('offered');

    const second = new RecordingLink();
    core.attach(ALEX, second);
    const third = new RecordingLink();
    core.attach(ALEX, third);
    expect(second.closedBecause).to.be.a('string');
    expect(core.execute(ALEX.id, { name: 'accept-offer', chatId }).ok).to.equal(true);
  });
});
