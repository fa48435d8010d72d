import { NO_WORK, type Chat, type ChatWork, type Offer, type WorkspaceState } from './state.js';

/** Pure views of the state. Elements read through these, never by poking at the shape. */

export const selectAgent = (state: WorkspaceState) => state.agent;

export const selectAgentState = (state: WorkspaceState) => state.agent.state;

export const selectRequestedAgentState = (state: WorkspaceState) => state.requestedAgentState;

/** The reason the agent gave with Unavailable (a configured code), if any. */
export const selectAgentReason = (state: WorkspaceState) => state.agent.reason;

export const selectRequestedReason = (state: WorkspaceState) => state.requestedReason;

/** The reasons an agent can give with Unavailable, as configured. */
export const selectUnavailableReasons = (state: WorkspaceState) => state.configuration.unavailableReasons;

export const selectConfiguration = (state: WorkspaceState) => state.configuration;

export const selectOffers = (state: WorkspaceState) => state.offers;

export const selectChats = (state: WorkspaceState) => state.chats;

export const selectErrors = (state: WorkspaceState) => state.errors;

export const selectConnection = (state: WorkspaceState) => state.connection;

/** Whether commands that cannot wait (Accept, Transfer, End...) can reach the platform now. */
export const selectOnline = (state: WorkspaceState) => state.connection === 'connected';

export const selectActiveChat = (state: WorkspaceState): Chat | undefined =>
  state.chats.find((chat) => chat.id === state.activeChatId);

/** One chat of the workspace, by id: the same object until that chat changes. */
export const selectChat = (state: WorkspaceState, chatId: string): Chat | undefined =>
  state.chats.find((chat) => chat.id === chatId);

/** What the agent is writing in a chat (its draft and after-contact work). */
export const selectWork = (state: WorkspaceState, chatId: string): ChatWork => state.work[chatId] ?? NO_WORK;

/** The message the agent is typing in a chat. */
export const selectDraft = (state: WorkspaceState, chatId: string): string => selectWork(state, chatId).draft;

/** Chats the agent holds plus offers on the way: what counts against capacity (R3). */
export const selectLoad = (state: WorkspaceState) => state.chats.length + state.offers.length;

export const selectAtCapacity = (state: WorkspaceState) =>
  selectLoad(state) >= state.configuration.maxConcurrentChats;

/** Whole seconds left to answer an offer, never below zero. */
export function secondsLeft(offer: Offer, now: number): number {
  return Math.max(0, Math.ceil((offer.expiresAt - now) / 1000));
}

/** The contact's first message, shown in the offer prompt. */
export function firstContactMessage(offer: Offer): string {
  return offer.messages.find((message) => message.from === 'contact')?.text ?? '';
}

/**
 * Since when the contact has been waiting for the agent: the time of the contact's
 * message when it is the last one of an active chat (the blue timer, R4), not counting
 * the agent's messages that failed.
 */
export function contactWaitingSince(chat: Chat): number | undefined {
  if (chat.status !== 'active') return undefined;
  // An answer the platform refused did not reach the contact: they are still waiting.
  for (let index = chat.messages.length - 1; index >= 0; index--) {
    const message = chat.messages[index];
    if (message && message.from !== 'system' && message.delivery !== 'failed') {
      return message.from === 'contact' ? message.at : undefined;
    }
  }
  return undefined;
}

/** The total unread count across chats, for a badge or an announcement. */
export const selectUnreadTotal = (state: WorkspaceState) =>
  state.chats.reduce((total, chat) => total + chat.unread, 0);

/** Equal when both hold the same values under the same keys (one level deep; arrays item by item). */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

/** Why the agent is Refused: an offer they rejected, or one they missed. */
export const selectLastOfferOutcome = (state: WorkspaceState) => state.lastOfferOutcome;
