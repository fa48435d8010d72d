import type { ConnectorEvent } from '../events.js';
import type { ChatSnapshot, Directory, Presence } from '../types.js';
import type { PlatformRecords } from './platform-records.js';
import type { AgentRecord, ChatRecord, SimulatedChat } from './simulated-types.js';

/** A chat as an agent's workspace receives it: a copy, so the workspace cannot change the platform's. */
export function chatSnapshot(chat: ChatRecord): ChatSnapshot {
  const { id, contact, skill, messages, transfers } = chat;
  return structuredClone({ id, contact, skill, messages, ...(transfers ? { transfers } : {}) });
}

/** A chat as a test sees it through `center.chat(id)`: a copy without the routing bookkeeping. */
export function visibleChat(chat: ChatRecord): SimulatedChat {
  const { offerExpiry: _expiry, offeredAt: _offeredAt, endedBy: _endedBy, agentTypingAt: _typing, route: _route, transferredFrom: _from, ...visible } =
    chat;
  return structuredClone(visible);
}

/** Every agent of the address book, with whether they could take a chat now. */
export function presenceEvent(directory: Directory, agents: ReadonlyMap<string, AgentRecord>): ConnectorEvent {
  const entries = directory.agents.map((entry) => {
    const record = agents.get(entry.id);
    const presence: Presence = record?.connection ? record.state : 'Offline';
    return { id: entry.id, presence };
  });
  return { type: 'presence', agents: entries };
}

/**
 * What an agent's connection replays on subscribe, so a workspace that (re)connects
 * catches up: configuration, state, presence, then every chat the agent holds or is offered.
 */
export function catchUpEvents(records: PlatformRecords, agentId: string): ConnectorEvent[] {
  const agent = records.agents.get(agentId);
  if (!agent) return [];
  const { configuration } = records;
  const events: ConnectorEvent[] = [
    { type: 'configuration', configuration: structuredClone(configuration) },
    { type: 'agent-state', state: agent.state },
    presenceEvent(configuration.directory, records.agents),
  ];
  for (const chatId of agent.chatIds) {
    const chat = records.chats.get(chatId);
    if (!chat) continue;
    if (chat.state === 'offered') {
      // The offer keeps its original deadline: a reconnect does not buy more time.
      const elapsed = records.now() - (chat.offeredAt ?? records.now());
      const timeoutMs = Math.max(0, configuration.offerTimeoutMs - elapsed);
      events.push({ type: 'chat-offered', chat: chatSnapshot(chat), timeoutMs });
    } else {
      events.push({ type: 'chat-assigned', chat: chatSnapshot(chat) });
      if (chat.state === 'ended') events.push({ type: 'chat-ended', chatId, by: chat.endedBy ?? 'contact' });
    }
  }
  return events;
}
