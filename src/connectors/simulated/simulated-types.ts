import type { Subscription } from 'rxjs';
import type { SimulatedConnector } from './simulated-connector.js';
import type {
  AgentIdentity,
  AgentState,
  ChatMessage,
  Contact,
  DispositionRecord,
  EngagementRequest,
  TransferRecord,
} from '../types.js';
import type { Route } from './routing.js';

/** The life of a chat on the platform. */
export type SimulatedChatState = 'queued' | 'offered' | 'active' | 'ended' | 'closed';

/** A chat as `center.chat(id)` reports it: a copy, safe to keep. */
export interface SimulatedChat {
  id: string;
  state: SimulatedChatState;
  /** The agent it is offered to or handled by. */
  agentId?: string;
  skill: string;
  contact: Contact;
  messages: ChatMessage[];
  disposition?: DispositionRecord;
  /** Hand-overs between agents, oldest first; absent until the first transfer. */
  transfers?: TransferRecord[];
}

/** A follow-up contact an agent scheduled, as `center.engagements()` reports it. */
export interface SimulatedEngagement extends EngagementRequest {
  agentId: string;
  createdAt: number;
}

/** What a contact sends to open a chat. */
export interface StartChatRequest {
  contact: Contact;
  skill: string;
  /** The contact's first message. */
  text: string;
}

/** A chat with the platform's bookkeeping, which `center.chat(id)` leaves out. */
export interface ChatRecord extends SimulatedChat {
  /** The queue it waits in: its skill's, or a transfer's destination. */
  route: Route;
  /** The agent who transferred it away, never offered it back by a team or skill queue. */
  transferredFrom?: string;
  offerExpiry?: Subscription;
  offeredAt?: number;
  agentTypingAt?: number;
  /** Replayed to a reconnecting agent, whose workspace tells the two cases apart. */
  endedBy?: 'agent' | 'contact';
}

/** An agent who connected at least once; `connection` is absent while disconnected. */
export interface AgentRecord extends AgentIdentity {
  state: AgentState;
  connection?: SimulatedConnector;
  idleSince: number;
  chatIds: Set<string>;
}
