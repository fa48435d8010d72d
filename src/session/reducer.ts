import type { ConnectorEvent } from '../connectors/events.js';
import type { ChatMessage, SelectableAgentState } from '../connectors/types.js';
import {
  MAX_KEPT_ERRORS,
  type Chat,
  type NewWorkspaceError,
  type Offer,
  type WorkspaceState,
} from './state.js';

/** Everything that can change the workspace state. `at` is the session clock's time. */
export type SessionAction =
  | { type: 'connector-event'; event: ConnectorEvent; at: number }
  | { type: 'connection-lost'; message: string; at: number }
  | { type: 'agent-state-requested'; state: SelectableAgentState | undefined }
  | { type: 'offer-status'; chatId: string; status: Offer['status'] }
  | { type: 'chat-activated'; chatId: string }
  | { type: 'error'; error: NewWorkspaceError }
  | { type: 'error-dismissed'; id: number };

/** The pure heart of the session: one action in, the next immutable state out. */
export function reduce(state: WorkspaceState, action: SessionAction): WorkspaceState {
  switch (action.type) {
    case 'connector-event':
      return reduceEvent({ ...state, connection: 'connected' }, action.event, action.at);
    case 'connection-lost':
      return withError({ ...state, connection: 'disconnected' }, {
        kind: 'disconnected',
        message: action.message,
        at: action.at,
      });
    case 'agent-state-requested':
      return { ...state, requestedAgentState: action.state };
    case 'offer-status':
      return {
        ...state,
        offers: state.offers.map((offer) =>
          offer.chatId === action.chatId ? { ...offer, status: action.status } : offer,
        ),
      };
    case 'chat-activated':
      return state.chats.some((chat) => chat.id === action.chatId)
        ? { ...state, activeChatId: action.chatId }
        : state;
    case 'error':
      return withError(state, action.error);
    case 'error-dismissed':
      return { ...state, errors: state.errors.filter((error) => error.id !== action.id) };
  }
}

function reduceEvent(state: WorkspaceState, event: ConnectorEvent, at: number): WorkspaceState {
  switch (event.type) {
    case 'configuration':
      return { ...state, configured: true, configuration: event.configuration };
    case 'agent-state':
      return {
        ...state,
        agent: { ...state.agent, state: event.state },
        requestedAgentState:
          state.requestedAgentState === event.state ? undefined : state.requestedAgentState,
      };
    case 'chat-offered': {
      const offer: Offer = {
        chatId: event.chat.id,
        contact: event.chat.contact,
        skill: event.chat.skill,
        messages: event.chat.messages,
        receivedAt: at,
        expiresAt: at + event.timeoutMs,
        status: 'pending',
      };
      return { ...state, offers: [...state.offers.filter((o) => o.chatId !== offer.chatId), offer] };
    }
    case 'offer-withdrawn':
      return { ...state, offers: state.offers.filter((offer) => offer.chatId !== event.chatId) };
    case 'chat-assigned': {
      const { chat } = event;
      const accepted = state.offers.find((offer) => offer.chatId === chat.id);
      const existing = state.chats.find((known) => known.id === chat.id);
      const next: Chat = {
        id: chat.id,
        contact: chat.contact,
        skill: chat.skill,
        messages: chat.messages,
        status: existing?.status ?? 'active',
        acceptedAt: existing?.acceptedAt ?? at,
        endedAt: existing?.endedAt,
        endedBy: existing?.endedBy,
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
    case 'message':
      return updateKnownChat(state, event.chatId, at, 'message', (chat) => ({
        ...chat,
        messages: appendMessage(chat.messages, event.message),
      }));
    case 'chat-ended':
      return updateKnownChat(state, event.chatId, at, 'chat-ended', (chat) =>
        chat.status === 'ended' ? chat : { ...chat, status: 'ended', endedAt: at, endedBy: event.by },
      );
    case 'chat-closed': {
      const chats = state.chats.filter((chat) => chat.id !== event.chatId);
      return {
        ...state,
        offers: state.offers.filter((offer) => offer.chatId !== event.chatId),
        chats,
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
  return { ...state, chats: state.chats.map((chat) => (chat.id === chatId ? change(chat) : chat)) };
}

/** Platforms may repeat an event (reconnects, echoes): a message id is kept once. */
function appendMessage(messages: readonly ChatMessage[], message: ChatMessage): readonly ChatMessage[] {
  return messages.some((known) => known.id === message.id) ? messages : [...messages, message];
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
