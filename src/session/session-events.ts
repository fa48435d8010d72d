import type { ConnectionCause } from '../connectors/connector.js';
import type { ConnectorEvent, OfferWithdrawalReason } from '../protocol/events.js';
import type {
  AgentState,
  CaseInfo,
  ChatMessage,
  DispositionRecord,
  EngagementRequest,
  TransferTarget,
} from '../protocol/types.js';
import type { Chat, ConnectionStatus, Offer, WorkspaceState } from './state.js';
import { hasMessage } from './transcript-merge.js';

/**
 * What happened, as the session tells it: the one source of news for the workspace (which
 * turns these into the host page's DOM events) and for any other view of the session.
 * Each is said once, when it happens: a replay after a reconnect or a reload is no news.
 */
export type SessionEvent =
  | { type: 'chat-offered'; offer: Offer }
  /** The offer went away unanswered by this agent: it expired, or the contact left. */
  | { type: 'offer-withdrawn'; offer: Offer; reason: OfferWithdrawalReason }
  | { type: 'chat-accepted'; chat: Chat }
  /** The chat shown in the workspace changed. */
  | { type: 'chat-activated'; chat: Chat }
  /**
   * A message of the contact, or a line of the platform (`from: 'system'`), arrived;
   * `shown` says whether its chat is the one on screen.
   */
  | { type: 'message-received'; chat: Chat; message: ChatMessage; shown: boolean }
  /** The agent sent a message: it is in the transcript, on its way to the platform. */
  | { type: 'message-sent'; chat: Chat; message: ChatMessage }
  | { type: 'chat-ended'; chat: Chat }
  | { type: 'chat-transferred'; chat: Chat; target: TransferTarget; targetName: string; note?: string }
  /** The agent's after-contact work was recorded and the chat closed (R11). */
  | { type: 'disposition-saved'; chat: Chat; disposition: DispositionRecord }
  /** After-contact work ran out: the platform closed the chat, recording the default disposition, if any. */
  | { type: 'wrap-up-expired'; chat: Chat; disposition?: DispositionRecord }
  /** The platform took a follow-up contact (R5). */
  | { type: 'engagement-created'; engagement: EngagementRequest }
  /** The state, or the reason given with Unavailable, changed. */
  | { type: 'agent-state-changed'; state: AgentState; previous: AgentState; reason?: string; previousReason?: string }
  /** The connection to the contact center changed (connecting, connected, reconnecting, offline). */
  | { type: 'connection-changed'; status: ConnectionStatus; previous: ConnectionStatus; reason?: string; cause?: ConnectionCause }
  /** The platform recorded a change to the chat's case (R15). */
  | { type: 'case-updated'; chat: Chat; case: CaseInfo }
  /** The contact accepted co-browsing: their page is shared. */
  | { type: 'cobrowse-started'; chat: Chat }
  /** The co-browse stopped, by the agent or the contact (or because the chat ended). */
  | { type: 'cobrowse-ended'; chat: Chat; by: 'agent' | 'contact' };

/** The name of each kind of session event. */
export type SessionEventType = SessionEvent['type'];

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
    case 'offer-withdrawn': {
      const offer = before.offers.find((candidate) => candidate.chatId === event.chatId);
      const gone = !after.offers.some((candidate) => candidate.chatId === event.chatId);
      return offer && gone ? { type: 'offer-withdrawn', offer, reason: event.reason } : undefined;
    }
    case 'message': {
      if (event.message.from === 'agent') return undefined;
      const known = before.chats.find((candidate) => candidate.id === event.chatId);
      if (!known || hasMessage(known.messages, event.message.id)) return undefined;
      const chat = after.chats.find((candidate) => candidate.id === event.chatId);
      return chat ? { type: 'message-received', chat, message: event.message, shown: after.activeChatId === chat.id } : undefined;
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
    case 'agent-state': {
      const { state, reason } = after.agent;
      const previous = before.agent;
      if (previous.state === state && previous.reason === reason) return undefined;
      return {
        type: 'agent-state-changed',
        state,
        previous: previous.state,
        ...(reason === undefined ? {} : { reason }),
        ...(previous.reason === undefined ? {} : { previousReason: previous.reason }),
      };
    }
    case 'chat-closed': {
      const chat = before.chats.find((candidate) => candidate.id === event.chatId);
      if (!chat || event.reason !== 'wrap-up-expired') return undefined;
      return { type: 'wrap-up-expired', chat, ...(event.disposition ? { disposition: event.disposition } : {}) };
    }
    case 'case-updated': {
      const chat = after.chats.find((candidate) => candidate.id === event.chatId);
      // A replay (a reconnect, a reload) carries the case the chat already shows: no news.
      const known = before.chats.find((candidate) => candidate.id === event.chatId)?.case;
      if (!chat || JSON.stringify(known) === JSON.stringify(event.case)) return undefined;
      return { type: 'case-updated', chat, case: event.case };
    }
    case 'cobrowse': {
      const chat = after.chats.find((candidate) => candidate.id === event.chatId);
      const wasActive = before.chats.some((candidate) => candidate.id === event.chatId && candidate.cobrowse === 'active');
      if (!chat) return undefined;
      if (event.status === 'active' && !wasActive) return { type: 'cobrowse-started', chat };
      if (event.status === 'ended' && wasActive) return { type: 'cobrowse-ended', chat, by: event.by ?? 'agent' };
      return undefined;
    }
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
