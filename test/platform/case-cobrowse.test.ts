import { expect } from '@open-wc/testing';
import { buildConfiguration } from '../../src/platform/configuration.js';
import type { AgentLink, ContactUpdate } from '../../src/platform/context.js';
import { ContactCenterCore } from '../../src/platform/core.js';
import { MemoryStore } from '../../src/platform/memory-store.js';
import type { ConnectorEvent } from '../../src/protocol/events.js';
import { ManualScheduler } from '../support/manual-scheduler.js';

const ALEX = { id: 'agent-1', name: 'Alex Martin' };
const CASE = { id: 'CASE-7', subject: 'Modem restarts', status: 'open', priority: 'High' };

class RecordingLink implements AgentLink {
  readonly received: { event: ConnectorEvent; ephemeral: boolean }[] = [];
  deliver(_seq: number, event: ConnectorEvent, ephemeral: boolean): void {
    this.received.push({ event, ephemeral });
  }
  close(): void {}
}

function activeChat(advancedChat = true) {
  const store = new MemoryStore();
  const contact: { chatId: string; update: ContactUpdate }[] = [];
  const core = new ContactCenterCore({
    configuration: buildConfiguration({ advancedChat }, 'test'),
    store,
    scheduler: new ManualScheduler(),
    onContactUpdate: (chatId, update) => contact.push({ chatId, update }),
  });
  const link = new RecordingLink();
  core.attach(ALEX, link);
  core.execute(ALEX.id, { name: 'set-agent-state', state: 'Available' });
  const chatId = core.contacts.startChat({ contact: { name: 'Marie' }, skill: 'Billing', text: 'Hi', case: CASE });
  core.execute(ALEX.id, { name: 'accept-offer', chatId });
  return { core, store, link, chatId, contact };
}

describe('ContactCenterCore: case and co-browse (R15)', () => {
  it('delivers the case with the chat and records a status change and a note in the agent\'s stream', () => {
    const { core, link, chatId } = activeChat();
    const assigned = link.received.find((entry) => entry.event.type === 'chat-assigned')?.event;
    expect(assigned?.type === 'chat-assigned' && assigned.chat.case).to.deep.equal(CASE);
    expect(core.execute(ALEX.id, { name: 'update-case', chatId, status: 'pending', note: 'Sent a new modem.' })).to.deep.equal({ ok: true });
    expect(core.chat(chatId)?.case?.status).to.equal('pending');
    expect(core.chat(chatId)?.case?.notes?.[0]).to.include({ text: 'Sent a new modem.', authorName: 'Alex Martin' });
    const updated = link.received.at(-1);
    expect(updated?.ephemeral).to.equal(false);
    expect(updated?.event).to.deep.include({ type: 'case-updated', chatId });
    expect(core.eventsAfter(ALEX.id, 0)?.some((entry) => entry.event.type === 'case-updated')).to.equal(true);
  });

  it('refuses a case change without advancedChat, without a case, or without anything to change', () => {
    expect(activeChat(false).core.execute(ALEX.id, { name: 'update-case', chatId: activeChat(false).chatId, status: 'solved' }).ok).to.equal(false);
    const { core, chatId } = activeChat();
    expect(core.execute(ALEX.id, { name: 'update-case', chatId, note: '  ' })).to.deep.equal({ ok: false, error: 'Give a status or a note.' });
  });

  it('asks the contact, relays the recording unstored while shared, and ends with the chat', () => {
    const { core, link, chatId, contact } = activeChat();
    expect(() => core.contacts.cobrowseEvents(chatId, [{ type: 4 }]), 'nothing shared yet').to.throw();
    core.execute(ALEX.id, { name: 'request-cobrowse', chatId });
    expect(contact.at(-1)?.update).to.deep.equal({ type: 'cobrowse-requested' });
    core.contacts.answerCobrowse(chatId, true);
    expect(core.chat(chatId)?.cobrowse).to.equal('active');
    expect(link.received.at(-1)?.event).to.deep.equal({ type: 'cobrowse', chatId, status: 'active', by: 'contact' });
    core.contacts.cobrowseEvents(chatId, [{ type: 4, data: {} }]);
    expect(link.received.at(-1)).to.deep.include({ ephemeral: true });
    expect(core.eventsAfter(ALEX.id, 0)?.some((entry) => entry.event.type === 'cobrowse-events'), 'not stored').to.equal(false);
    // A reconnecting workspace learns the co-browse goes on.
    expect(core.snapshot(ALEX.id).events.some((event) => event.type === 'cobrowse' && event.status === 'active')).to.equal(true);

    core.execute(ALEX.id, { name: 'end-chat', chatId });
    expect(core.chat(chatId)?.cobrowse).to.equal(undefined);
    expect(contact.some(({ update }) => update.type === 'cobrowse-ended')).to.equal(true);
    const types = link.received.map((entry) => entry.event.type);
    expect(types.slice(-2)).to.deep.equal(['cobrowse', 'chat-ended']);
  });
});
