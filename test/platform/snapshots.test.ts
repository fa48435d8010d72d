import { expect } from '@open-wc/testing';
import { chatSnapshot, presenceEvent, visibleChat } from '../../src/platform/snapshots.js';
import type { AgentRecord, ChatRecord } from '../../src/platform/store.js';
import type { Directory } from '../../src/protocol/types.js';

const T0 = Date.UTC(2025, 0, 6, 14, 0, 0);

function chatRecord(overrides: Partial<ChatRecord> = {}): ChatRecord {
  return {
    id: 'chat-1',
    state: 'active',
    agentId: 'agent-1',
    skill: 'Billing',
    contact: { name: 'Marie Tremblay' },
    route: { kind: 'skill', skill: 'Billing' },
    offeredAt: T0,
    agentTypingAt: T0,
    endedBy: 'agent',
    transferredFrom: 'agent-9',
    ...overrides,
  };
}

const messages = [{ id: 'chat-1-m1', from: 'contact' as const, text: 'Bonjour!', at: T0, authorName: 'Marie Tremblay' }];

describe('platform snapshots', () => {
  it('chatSnapshot gives a workspace a copy of what it shows, without bookkeeping', () => {
    const chat = chatRecord();
    const snapshot = chatSnapshot(chat, messages);
    expect(snapshot).to.deep.equal({ id: 'chat-1', contact: chat.contact, skill: 'Billing', messages });
    expect(snapshot.messages).not.to.equal(messages);
  });

  it('chatSnapshot includes transfers only once there are some', () => {
    const transfers = [{ fromAgentName: 'Sam Roy', toName: 'Billing', at: T0 }];
    expect(chatSnapshot(chatRecord({ transfers }), messages)).to.have.deep.property('transfers', transfers);
    expect(chatSnapshot(chatRecord(), messages)).not.to.have.property('transfers');
  });

  it('visibleChat leaves out routing bookkeeping and copies the rest', () => {
    const chat = chatRecord({ disposition: { code: 'resolved', tags: [], notes: '' } });
    const visible = visibleChat(chat, messages);
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
    const agents: AgentRecord[] = [
      { id: 'agent-1', name: 'Alex Martin', state: 'Available', idleSince: T0 },
      { id: 'agent-2', name: 'Sam Roy', state: 'Available', idleSince: T0 },
    ];
    expect(presenceEvent(directory, agents, (agentId) => agentId === 'agent-1')).to.deep.equal({
      type: 'presence',
      agents: [
        { id: 'agent-1', presence: 'Available' },
        { id: 'agent-2', presence: 'Offline' },
        { id: 'agent-3', presence: 'Offline' },
      ],
    });
  });
});
