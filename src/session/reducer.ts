import type { ConnectionCause } from '../connectors/connector.js';
import type { ConnectorEvent } from '../protocol/events.js';
import type { ChatMessage, DispositionRecord, SelectableAgentState } from '../protocol/types.js';
import { appendLocal, markDelivery, mergeTranscript, receiveMessage } from './transcript-merge.js';
import {
  MAX_KEPT_ERRORS,
  NO_WORK,
  type Chat,
  type ChatWork,
  type NewWorkspaceError,
  type Offer,
  type TranscriptMessage,
  type WorkspaceState,
} from './state.js';

/** Everything that can change the workspace state. `at` is the session clock's time. */
export type SessionAction =
  | { type: 'connector-event'; event: ConnectorEvent; at: number }
  | { type: 'connection-lost'; message: string; at: number }
  /** The transport says how the connection stands (connectors that report it). */
  | { type: 'connection-changed'; status: 'connecting' | 'connected' | 'reconnecting'; reason?: string; cause?: ConnectionCause }
  | { type: 'agent-state-requested'; state: SelectableAgentState | undefined; reason?: string }
  | { type: 'offer-status'; chatId: string; status: Offer['status'] }
  | { type: 'chat-activated'; chatId: string }
  | { type: 'draft-changed'; chatId: string; text: string }
  | { type: 'wrap-up-changed'; chatId: string; wrapUp: DispositionRecord }
  /** The agent sent a message; it shows at once, marked `sending`. */
  | { type: 'message-sending'; chatId: string; localId: string; text: string; authorName: string; at: number }
  | { type: 'message-delivered'; chatId: string; localId: string; message: ChatMessage }
  | { type: 'message-failed'; chatId: string; localId: string }
  | { type: 'message-retrying'; chatId: string; localId: string }
  /** A chat came back after a reload: what the agent had typed, and messages still to send. */
  | { type: 'chat-restored'; chatId: string; draft: string; wrapUp: DispositionRecord; pending: { localId: string; text: string; at: number }[]; authorName: string }
  | { type: 'error'; error: NewWorkspaceError }
  | { type: 'error-dismissed'; id: number }
  | { type: 'errors-dismissed' };

/** The pure heart of the session: one action in, the next immutable state out. */
export function reduce(state: WorkspaceState, action: SessionAction): WorkspaceState {
  switch (action.type) {
    case 'connector-event':
      // A connector that does not report its connection is connected once it speaks.
      return reduceEvent(
        state.connection === 'connecting' ? { ...state, connection: 'connected' } : state,
        action.event,
        action.at,
      );
    case 'connection-changed':
      if (state.connection === 'offline') return state;
      return action.status === 'connected'
        ? { ...state, connection: action.status, connectionReason: undefined, connectionCause: undefined }
        : { ...state, connection: action.status, connectionReason: action.reason, connectionCause: action.cause };
    case 'connection-lost':
      return withError({ ...state, connection: 'offline', connectionReason: action.message, connectionCause: undefined }, {
        kind: 'disconnected',
        message: action.message,
        at: action.at,
      });
    case 'agent-state-requested':
      return { ...state, requestedAgentState: action.state, requestedReason: action.state ? action.reason : undefined };
    case 'offer-status':
      return {
        ...state,
        offers: state.offers.map((offer) =>
          offer.chatId === action.chatId ? { ...offer, status: action.status } : offer,
        ),
      };
    case 'chat-activated':
      return state.chats.some((chat) => chat.id === action.chatId)
        ? { ...mapChat(state, action.chatId, (chat) => ({ ...chat, unread: 0 })), activeChatId: action.chatId }
        : state;
    case 'draft-changed':
      return mapWork(state, action.chatId, (work) => ({ ...work, draft: action.text }));
    case 'wrap-up-changed':
      return mapWork(state, action.chatId, (work) => ({ ...work, wrapUp: action.wrapUp }));
    case 'message-sending': {
      const message: TranscriptMessage = {
        id: action.localId,
        from: 'agent',
        text: action.text,
        at: action.at,
        authorName: action.authorName,
        delivery: 'sending',
      };
      const sent = mapChat(state, action.chatId, (chat) => ({ ...chat, messages: appendLocal(chat.messages, message) }));
      return mapWork(sent, action.chatId, (work) => ({ ...work, draft: '' }));
    }
    case 'message-delivered':
      // The platform's echo may have come first: then the message is there already.
      return mapChat(state, action.chatId, (chat) => ({
        ...chat,
        messages: receiveMessage(chat.messages, action.message, action.localId),
      }));
    case 'message-failed':
    case 'message-retrying': {
      const delivery = action.type === 'message-failed' ? 'failed' : 'sending';
      return mapChat(state, action.chatId, (chat) => ({
        ...chat,
        messages: markDelivery(chat.messages, action.localId, delivery),
      }));
    }
    case 'chat-restored': {
      // What the agent typed since the chat came back wins over what was kept.
      const restored = mapWork(state, action.chatId, (work) => ({ draft: work.draft || action.draft, wrapUp: action.wrapUp }));
      return mapChat(restored, action.chatId, (chat) => ({
        ...chat,
        messages: mergeTranscript(
          action.pending.map((pending) => ({
            id: pending.localId,
            from: 'agent' as const,
            text: pending.text,
            at: pending.at,
            authorName: action.authorName,
            delivery: 'sending' as const,
          })),
          chat.messages,
        ),
      }));
    }
    case 'error':
      return withError(state, action.error);
    case 'error-dismissed':
      return { ...state, errors: state.errors.filter((error) => error.id !== action.id) };
    case 'errors-dismissed':
      return { ...state, errors: [] };
  }
}

function reduceEvent(state: WorkspaceState, event: ConnectorEvent, at: number): WorkspaceState {
  switch (event.type) {
    case 'configuration':
      return { ...state, configured: true, configuration: event.configuration };
    case 'agent-state': {
      const granted = state.requestedAgentState === event.state && state.requestedReason === event.reason;
      return {
        ...state,
        agent: { ...state.agent, state: event.state, reason: event.reason },
        requestedAgentState: granted ? undefined : state.requestedAgentState,
        requestedReason: granted ? undefined : state.requestedReason,
      };
    }
    case 'chat-offered': {
      const existing = state.offers.find((offer) => offer.chatId === event.chat.id);
      // Replayed after it was answered or expired: its end follows in the same replay.
      if (!existing && event.timeoutMs === 0) return state;
      const offer: Offer = {
        chatId: event.chat.id,
        contact: event.chat.contact,
        skill: event.chat.skill,
        messages: event.chat.messages,
        transfers: event.chat.transfers ?? [],
        receivedAt: existing?.receivedAt ?? at,
        expiresAt: at + event.timeoutMs,
        // An Accept on its way stays on its way: a replay must not offer the button again.
        status: existing?.status ?? 'pending',
      };
      return {
        ...state,
        offers: existing ? state.offers.map((known) => (known === existing ? offer : known)) : [...state.offers, offer],
      };
    }
    case 'offer-withdrawn':
      return {
        ...state,
        offers: state.offers.filter((offer) => offer.chatId !== event.chatId),
        lastOfferOutcome: event.reason === 'cancelled' ? state.lastOfferOutcome : event.reason,
      };
    case 'chat-assigned': {
      const { chat } = event;
      const accepted = state.offers.find((offer) => offer.chatId === chat.id);
      const existing = state.chats.find((known) => known.id === chat.id);
      // Messages that came between Accept and the assignment wait in the offer: kept too.
      const held = [...(accepted?.messages ?? []), ...(existing?.messages ?? [])];
      const next: Chat = {
        id: chat.id,
        contact: chat.contact,
        skill: chat.skill,
        messages: mergeTranscript(held, chat.messages),
        unread: existing?.unread ?? 0,
        contactTyping: existing?.contactTyping ?? false,
        transfers: chat.transfers ?? [],
        status: existing?.status ?? 'active',
        acceptedAt: existing?.acceptedAt ?? chat.acceptedAt ?? at,
        endedAt: existing?.endedAt,
        endedBy: existing?.endedBy,
        ...(chat.case ?? existing?.case ? { case: chat.case ?? existing?.case } : {}),
        ...(existing?.cobrowse ? { cobrowse: existing.cobrowse } : {}),
      };
      const becomesActive = state.activeChatId === undefined || accepted?.status === 'accepting';
      return {
        ...state,
        offers: state.offers.filter((offer) => offer.chatId !== chat.id),
        chats: existing
          ? state.chats.map((known) => (known.id === chat.id ? next : known))
          : [...state.chats, next],
        activeChatId: becomesActive ? chat.id : state.activeChatId,
      };
    }
    case 'snapshot': {
      const chatIds = new Set(event.chatIds);
      const offerIds = new Set(event.offerIds);
      const chats = state.chats.filter((chat) => chatIds.has(chat.id));
      const activeChatId =
        state.activeChatId === undefined || chatIds.has(state.activeChatId) ? state.activeChatId : chats[0]?.id;
      return {
        ...state,
        chats,
        work: workOf(state.work, chats),
        offers: state.offers.filter((offer) => offerIds.has(offer.chatId)),
        activeChatId,
      };
    }
    case 'message': {
      // A message for a chat being accepted, before its assignment: the offer keeps it.
      const accepting = state.offers.some((offer) => offer.chatId === event.chatId && offer.status === 'accepting');
      if (accepting && !state.chats.some((chat) => chat.id === event.chatId)) {
        return {
          ...state,
          offers: state.offers.map((offer) =>
            offer.chatId === event.chatId ? { ...offer, messages: receiveMessage(offer.messages, event.message) } : offer,
          ),
        };
      }
      return updateKnownChat(state, event.chatId, at, 'message', (chat) => {
        const fromContact = event.message.from === 'contact';
        const messages = receiveMessage(chat.messages, event.message);
        const isNew = messages !== chat.messages;
        return {
          ...chat,
          messages,
          unread: chat.unread + (fromContact && isNew && state.activeChatId !== chat.id ? 1 : 0),
          contactTyping: fromContact ? false : chat.contactTyping,
        };
      });
    }
    case 'presence':
      return {
        ...state,
        presence: Object.fromEntries(event.agents.map((agent) => [agent.id, agent.presence])),
        presenceReasons: Object.fromEntries(
          event.agents.flatMap((agent) => (agent.reason === undefined ? [] : [[agent.id, agent.reason]])),
        ),
      };
    case 'contact-typing':
      return updateKnownChat(state, event.chatId, at, 'contact-typing', (chat) => ({
        ...chat,
        contactTyping: chat.status === 'active' && event.typing,
      }));
    case 'chat-ended':
      return updateKnownChat(state, event.chatId, at, 'chat-ended', (chat) => {
        if (chat.status !== 'ended') {
          return { ...chat, status: 'ended', endedAt: event.at ?? at, endedBy: event.by, contactTyping: false, acwExpiresAt: event.acwExpiresAt };
        }
        // Again, in a snapshot: it carries the deadline as it stands, extended meanwhile perhaps.
        return event.acwExpiresAt === chat.acwExpiresAt ? chat : { ...chat, acwExpiresAt: event.acwExpiresAt, acwOverdue: undefined };
      });
    case 'wrap-up-extended':
      return updateKnownChat(state, event.chatId, at, 'wrap-up-extended', (chat) => ({
        ...chat,
        acwExpiresAt: event.acwExpiresAt,
        acwOverdue: undefined,
      }));
    case 'wrap-up-overdue':
      return updateKnownChat(state, event.chatId, at, 'wrap-up-overdue', (chat) =>
        chat.acwOverdue ? chat : { ...chat, acwOverdue: true },
      );
    case 'case-updated':
      return updateKnownChat(state, event.chatId, at, 'case-updated', (chat) => ({ ...chat, case: event.case }));
    case 'cobrowse':
      return updateKnownChat(state, event.chatId, at, 'cobrowse', (chat) => {
        const { cobrowse: _previous, ...rest } = chat;
        return event.status === 'ended' ? rest : { ...rest, cobrowse: event.status };
      });
    case 'cobrowse-events':
      // The recording goes to the co-browse viewer (`ChatSession.cobrowseEvents$`), not into the state.
      return state;
    case 'chat-closed': {
      const chats = state.chats.filter((chat) => chat.id !== event.chatId);
      return {
        ...state,
        offers: state.offers.filter((offer) => offer.chatId !== event.chatId),
        chats,
        work: workOf(state.work, chats),
        activeChatId:
          state.activeChatId === event.chatId ? nextActiveChat(state, event.chatId) : state.activeChatId,
      };
    }
  }
}

/** Applies a change to one chat; an event about a chat this agent does not hold is an error. */
function updateKnownChat(
  state: WorkspaceState,
  chatId: string,
  at: number,
  eventType: ConnectorEvent['type'],
  change: (chat: Chat) => Chat,
): WorkspaceState {
  if (!state.chats.some((chat) => chat.id === chatId)) {
    return withError(state, {
      kind: 'invalid-event',
      field: 'chatId',
      message: `A "${eventType}" event named chat ${chatId}, which is not in this workspace.`,
      chatId,
      at,
    });
  }
  return mapChat(state, chatId, change);
}

/** Applies a change to one chat of the workspace; an unknown id changes nothing. */
/** Changes what the agent is writing in a chat this workspace holds. */
function mapWork(state: WorkspaceState, chatId: string, change: (work: ChatWork) => ChatWork): WorkspaceState {
  if (!state.chats.some((chat) => chat.id === chatId)) return state;
  return { ...state, work: { ...state.work, [chatId]: change(state.work[chatId] ?? NO_WORK) } };
}

/** The work of the chats still held: a chat that left takes its draft with it. */
function workOf(work: WorkspaceState['work'], chats: readonly Chat[]): WorkspaceState['work'] {
  const kept = Object.entries(work).filter(([chatId]) => chats.some((chat) => chat.id === chatId));
  return kept.length === Object.keys(work).length ? work : Object.fromEntries(kept);
}

function mapChat(state: WorkspaceState, chatId: string, change: (chat: Chat) => Chat): WorkspaceState {
  return { ...state, chats: state.chats.map((chat) => (chat.id === chatId ? change(chat) : chat)) };
}

/** When the active chat leaves, the agent lands on its neighbour, as with closing a browser tab. */
function nextActiveChat(state: WorkspaceState, leavingId: string): string | undefined {
  const index = state.chats.findIndex((chat) => chat.id === leavingId);
  const remaining = state.chats.filter((chat) => chat.id !== leavingId);
  return remaining[Math.min(index, remaining.length - 1)]?.id;
}

function withError(state: WorkspaceState, error: NewWorkspaceError): WorkspaceState {
  const errors = [...state.errors, { ...error, id: state.nextErrorId }].slice(-MAX_KEPT_ERRORS);
  return { ...state, errors, nextErrorId: state.nextErrorId + 1 };
}
