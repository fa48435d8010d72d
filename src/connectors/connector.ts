import type { Subscribable } from 'rxjs';
import type { ConnectorEvent } from '../protocol/events.js';
import type {
  AgentIdentity,
  ChatMessage,
  DispositionRecord,
  EngagementRequest,
  SelectableAgentState,
  TransferTarget,
} from '../protocol/types.js';

/**
 * Why a connection dropped, for the workspace to say in the agent's language:
 * `interrupted` (the socket closed or could not open), `unresponsive` (the heartbeat
 * went unanswered), `out-of-order` (an event went missing and the connector resumes).
 */
export type ConnectionCause = 'interrupted' | 'unresponsive' | 'out-of-order';

/** How a connector's link to its platform stands, for connectors that can lose it. */
export interface ConnectionState {
  status: 'connecting' | 'connected' | 'reconnecting';
  /** Why it is not connected, in the transport's words, for logs and for causes the workspace does not know. */
  reason?: string;
  cause?: ConnectionCause;
}

/**
 * The port between the workspace and a contact-center platform.
 *
 * An adapter (the in-browser `SimulatedContactCenter`, a WebSocket transport, a
 * vendor SDK) implements it; only `ChatSession` calls it. Commands return promises
 * that reject with an `Error` whose message the agent can read; what the platform
 * decides arrives later as events.
 */
export interface ContactCenterConnector {
  /** The agent this connection belongs to. */
  readonly agent: AgentIdentity;

  /**
   * Everything the platform tells this agent. A new subscriber first receives the
   * current picture (configuration, agent state, open offers and chats), then live
   * events. The session validates each event at run time, so an adapter may pass
   * on what its peer sent without checking it. Any Subscribable will do: an RxJS
   * Observable, or another library's stream with a `subscribe(observer)` method.
   */
  readonly events: Subscribable<ConnectorEvent>;

  /**
   * How the connection stands, for a network transport; a connector without it is
   * taken as connected once it delivers an event. `events` completing means offline for good.
   */
  readonly connection?: Subscribable<ConnectionState>;

  /**
   * `true` when the platform keeps the agent's chats across page loads (a server): the
   * session then keeps drafts and unsent messages in `sessionStorage` to pick them up after a reload.
   */
  readonly resumable?: boolean;

  /**
   * Asks for Available or Unavailable. `Refused` is only ever set by the platform.
   * `reason`, with Unavailable, is a code of the configured `unavailableReasons`.
   */
  setAgentState(state: SelectableAgentState, reason?: string): Promise<void>;

  /** Takes an offered chat; the platform answers with a `chat-assigned` event. */
  acceptOffer(chatId: string): Promise<void>;

  /** Declines an offered chat: it returns to its queue and the agent becomes Refused. */
  rejectOffer(chatId: string): Promise<void>;

  /**
   * Sends the agent's message; resolves with the message as the platform recorded it.
   * `clientId` is the session's id for it: the platform records a message sent twice with
   * one client id once, and returns it in the message's `clientId`.
   */
  sendMessage(chatId: string, text: string, clientId?: string): Promise<ChatMessage>;

  /** Tells the contact the agent is typing. The session throttles these. */
  sendTyping(chatId: string): Promise<void>;

  /** Ends the chat; after-contact work begins. */
  endChat(chatId: string): Promise<void>;

  /**
   * Hands the chat to an agent, team or skill at once; it leaves this agent's workspace
   * (a `chat-closed` event) and reaches the destination as an offer (R12).
   */
  transferChat(chatId: string, target: TransferTarget, note?: string): Promise<void>;

  /** Schedules a follow-up contact (R5). */
  createEngagement(request: EngagementRequest): Promise<void>;

  /** Records the disposition and closes the chat for this agent. */
  closeChat(chatId: string, disposition?: DispositionRecord): Promise<void>;

  /**
   * Pushes back the after-contact work deadline of an ended chat by the configured
   * `acwTimeoutMs`; the platform answers with a `wrap-up-extended` event. Optional: a
   * platform without deadlines need not have it.
   */
  extendWrapUp?(chatId: string): Promise<void>;

  /**
   * Changes the status of the chat's case and/or adds a note (R15); the platform answers
   * with a `case-updated` event. Optional: a platform without cases need not have it.
   */
  updateCase?(chatId: string, change: { status?: string; note?: string }): Promise<void>;

  /**
   * Asks the contact to share their page (co-browse, R15); the platform answers with
   * `cobrowse` events (`requested`, then `active` or `declined`) and, while shared,
   * `cobrowse-events` batches. Optional, like `endCobrowse`.
   */
  requestCobrowse?(chatId: string): Promise<void>;

  /** Stops the co-browse of a chat (or withdraws the request). */
  endCobrowse?(chatId: string): Promise<void>;

  /** Leaves the platform; offers held by this agent go back to their queues. */
  disconnect(): void;
}

/** A case change with only the fields given (a command carries no `undefined`). */
export function caseChange(change: { status?: string; note?: string }): { status?: string; note?: string } {
  return {
    ...(change.status !== undefined ? { status: change.status } : {}),
    ...(change.note !== undefined ? { note: change.note } : {}),
  };
}
