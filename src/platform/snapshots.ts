import type { ConnectorEvent } from '../protocol/events.js';
import type { ChatMessage, ChatSnapshot, Directory, Presence } from '../protocol/types.js';
import { clone } from './clone.js';
import type { AgentRecord, ChatLifecycle, ChatRecord } from './store.js';

/** A chat as `center.chat(id)` and `GET /api/chats/:id` report it: a copy, safe to keep. */
export interface VisibleChat {
  id: string;
  state: ChatLifecycle;
  /** The agent it is offered to or handled by. */
  agentId?: string;
  skill: string;
  contact: ChatSnapshot['contact'];
  messages: ChatMessage[];
  disposition?: ChatRecord['disposition'];
  /** Hand-overs between agents, oldest first; absent until the first transfer. */
  transfers?: ChatSnapshot['transfers'];
  /** The linked case, with the status and notes agents recorded (R15). */
  case?: ChatSnapshot['case'];
  /** Where a co-browse stands, while one is asked for or running. */
  cobrowse?: ChatRecord['cobrowse'];
}

/** A chat as an agent's workspace receives it: a copy, so the workspace cannot change the platform's. */
export function chatSnapshot(chat: ChatRecord, messages: readonly ChatMessage[]): ChatSnapshot {
  const { id, contact, skill, transfers, acceptedAt } = chat;
  return clone({
    id,
    contact,
    skill,
    messages: [...messages],
    ...(transfers?.length ? { transfers } : {}),
    ...(acceptedAt !== undefined && chat.state !== 'offered' ? { acceptedAt } : {}),
    ...(chat.case ? { case: chat.case } : {}),
  });
}

/** A chat without the routing bookkeeping. */
export function visibleChat(chat: ChatRecord, messages: readonly ChatMessage[]): VisibleChat {
  const { id, state, agentId, skill, contact, disposition, transfers } = chat;
  return clone({
    id,
    state,
    ...(agentId !== undefined ? { agentId } : {}),
    skill,
    contact,
    messages: [...messages],
    ...(disposition ? { disposition } : {}),
    ...(transfers?.length ? { transfers } : {}),
    ...(chat.case ? { case: chat.case } : {}),
    ...(chat.cobrowse ? { cobrowse: chat.cobrowse } : {}),
  });
}

/** Every agent of the address book, with whether they could take a chat now (and why not, when they said). */
export function presenceEvent(
  directory: Directory,
  agents: readonly AgentRecord[],
  isConnected: (agentId: string) => boolean,
): ConnectorEvent {
  const byId = new Map(agents.map((agent) => [agent.id, agent]));
  const entries = directory.agents.map((entry) => {
    const record = byId.get(entry.id);
    const presence: Presence = record && isConnected(entry.id) ? record.state : 'Offline';
    const reason = presence === 'Unavailable' ? record?.reason : undefined;
    return { id: entry.id, presence, ...(reason === undefined ? {} : { reason }) };
  });
  return { type: 'presence', agents: entries };
}
