import { expect } from '@open-wc/testing';
import type { AgentRecord, ChatRecord } from '../../src/connectors/simulated/simulated-types.js';
import { chatSnapshot, presenceEvent, visibleChat } from '../../src/connectors/simulated/snapshots.js';
import type { Directory } from '../../src/connectors/types.js';

const T0 = Date.UTC(2025, 0, 6, 14, 0, 0);

function chatRecord(overrides: Partial<ChatRecord> = {}): ChatRecord {
  return {
    id: 'chat-1',
    state: 'active',
    agentId: 'agent-1',
    skill: 'Billing',
    contact: { name: 'Marie Tremblay' },
    messages: [{ id: 'chat-1-m1', from: 'contact', text: 'Bonjour!', at: T0, authorName: 'Marie Tremblay' }],
    route: { kind: 'skill', skill: 'Billing' },
    offeredAt: T0,
    agentTypingAt: T0,
    endedBy: 'agent',
    transferredFrom: 'agent-9',
    ...overrides,
  };
}

describe('simulated platform snapshots', () => {
  it('chatSnapshot gives a workspace a copy of what it shows, without bookkeeping', () => {
    const chat = chatRecord();
    const snapshot = chatSnapshot(chat);
    expect(snapshot).to.deep.equal({ id: 'chat-1', contact: chat.contact, skill: 'Billing', messages: chat.messages });
    expect(snapshot.messages).not.to.equal(chat.messages);
  });

  it('chatSnapshot includes transfers only once there are some', () => {
    const transfers = [{ fromAgentName: 'Sam Roy', toName: 'Billing', at: T0 }];
    expect(chatSnapshot(chatRecord({ transfers }))).to.have.deep.property('transfers', transfers);
    expect(chatSnapshot(chatRecord())).not.to.have.property('transfers');
  });

  it('visibleChat leaves out routing bookkeeping and copies the rest', () => {
    const chat = chatRecord({ disposition: { code: 'resolved', tags: [], notes: '' } });
    const visible = visibleChat(chat);
    expect(Object.keys(visible).sort()).to.deep.equal(['agentId', 'contact', 'disposition', 'id', 'messages', 'skill', 'state']);
    expect(visible.contact).not.to.equal(chat.contact);
  });

  it('presenceEvent lists every agent of the address book, Offline when not connected', () => {
    const directory: Directory = {
      agents: [
        { id: 'agent-1', name: 'Alex Martin', skills: [] },
        { id: 'agent-2', name: 'Sam Roy', skills: [] },
        { id: 'agent-3', name: 'Lee Chen', skills: [] },
      ],
      teams: [],
      skills: [],
    };
    const connected = { deliver: () => {} } as unknown as AgentRecord['connection'];
    const agents = new Map<string, AgentRecord>([
      ['agent-1', { id: 'agent-1', name: 'Alex Martin', state: 'Available', connection: connected, idleSince: T0, chatIds: new Set() }],
      ['agent-2', { id: 'agent-2', name: 'Sam Roy', state: 'Available', idleSince: T0, chatIds: new Set() }],
    ]);
    expect(presenceEvent(directory, agents)).to.deep.equal({
      type: 'presence',
      agents: [
        { id: 'agent-1', presence: 'Available' },
        { id: 'agent-2', presence: 'Offline' },
        { id: 'agent-3', presence: 'Offline' },
      ],
    });
  });
});
