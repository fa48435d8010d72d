import type { ConnectorEvent } from '../protocol/events.js';
import type { AgentState, TransferTarget } from '../protocol/types.js';
import type { Chat, Offer, WorkspaceState } from './state.js';

/** What happened, for whoever tells the host page (the workspace turns these into DOM events). */
export type SessionEvent =
  | { type: 'chat-offered'; offer: Offer }
  | { type: 'chat-accepted'; chat: Chat }
  | { type: 'chat-ended'; chat: Chat }
  | { type: 'chat-transferred'; chat: Chat; target: TransferTarget; targetName: string; note?: string }
  | { type: 'agent-state-changed'; state: AgentState; previous: AgentState };

/**
 * What a connector event means to the host page, judged from the state before and after
 * the reducer took it. Only news counts: a chat replayed on reconnect, an end of a chat
 * already ended or an echo of the current agent state announce nothing.
 */
export function announcementOf(event: ConnectorEvent, before: WorkspaceState, after: WorkspaceState): SessionEvent | undefined {
  switch (event.type) {
    case 'chat-offered': {
      // A replayed or repeated offer was announced (chime, notification) the first time.
      const offer = after.offers.find((candidate) => candidate.chatId === event.chat.id);
      const isNew = !before.offers.some((candidate) => candidate.chatId === event.chat.id);
      return offer && isNew ? { type: 'chat-offered', offer } : undefined;
    }
    case 'chat-assigned': {
      const chat = after.chats.find((candidate) => candidate.id === event.chat.id);
      const isNew = !before.chats.some((candidate) => candidate.id === event.chat.id);
      return chat && isNew ? { type: 'chat-accepted', chat } : undefined;
    }
    case 'chat-ended': {
      const chat = after.chats.find((candidate) => candidate.id === event.chatId);
      const wasActive = before.chats.some((candidate) => candidate.id === event.chatId && candidate.status === 'active');
      return chat && wasActive ? { type: 'chat-ended', chat } : undefined;
    }
    case 'agent-state':
      return before.agent.state !== after.agent.state
        ? { type: 'agent-state-changed', state: after.agent.state, previous: before.agent.state }
        : undefined;
    default:
      return undefined;
  }
}

/** A destination's name in the address book, or its id when the book does not list it. */
export function targetName(state: WorkspaceState, target: TransferTarget): string {
  const { directory } = state.configuration;
  const entries: readonly { id: string; name: string }[] =
    target.kind === 'agent' ? directory.agents : target.kind === 'team' ? directory.teams : directory.skills;
  return entries.find((entry) => entry.id === target.id || entry.name === target.id)?.name ?? target.id;
}
