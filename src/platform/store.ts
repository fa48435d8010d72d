import type { ConnectorEvent } from '../protocol/events.js';
import type { CommandOutcome } from '../protocol/commands.js';
import type {
  AgentState,
  CaseInfo,
  ChatMessage,
  CobrowseStatus,
  Contact,
  DispositionRecord,
  EngagementRequest,
  TransferRecord,
} from '../protocol/types.js';
import type { Route } from './routing.js';

/** The life of a chat on the platform. */
export type ChatLifecycle = 'queued' | 'offered' | 'active' | 'ended' | 'closed';

/** A chat as the platform keeps it, without its messages (the store keeps those apart). */
export interface ChatRecord {
  id: string;
  state: ChatLifecycle;
  /** The agent it is offered to or handled by. */
  agentId?: string;
  /** The skill as the platform sees it now: a transfer to a skill changes it. */
  skill: string;
  contact: Contact;
  disposition?: DispositionRecord;
  /** Hand-overs between agents, oldest first. */
  transfers?: TransferRecord[];
  /** The queue it waits in: its skill's, or a transfer's destination. */
  route: Route;
  /** Its place in line: lower goes first (a re-queued chat gets a negative one). */
  queueOrder?: number;
  /** The agent who transferred it away, never offered it back by a team or skill queue. */
  transferredFrom?: string;
  offeredAt?: number;
  /** When the current offer expires (epoch ms); a restarted platform honours it. */
  offerExpiresAt?: number;
  acceptedAt?: number;
  agentTypingAt?: number;
  endedBy?: 'agent' | 'contact';
  /** When after-contact work began: a workspace that reloads keeps its purple timer. */
  endedAt?: number;
  /** When after-contact work runs out (epoch ms); a restarted platform honours it. Absent: no limit. */
  acwExpiresAt?: number;
  /** After-contact work ran out while a disposition was required: the agent was told, the chat stays. */
  acwOverdue?: boolean;
  /** The case linked to the chat, with the status and notes agents recorded (R15). */
  case?: CaseInfo;
  /** Where a co-browse stands; absent when none is asked for or running. */
  cobrowse?: CobrowseStatus;
}

/** An agent who connected at least once. Whether a connection is open is not stored: it is the process's. */
export interface AgentRecord {
  id: string;
  name: string;
  state: AgentState;
  /** The configured reason given with Unavailable (a code of `unavailableReasons`). */
  reason?: string;
  idleSince: number;
}

/** A follow-up contact an agent scheduled. */
export interface EngagementRecord extends EngagementRequest {
  agentId: string;
  createdAt: number;
}

/** One stored event of an agent's stream. */
export interface StreamEntry {
  seq: number;
  event: ConnectorEvent;
}

/** How long command outcomes are kept to answer a retried command (a day: retries come within seconds). */
export const COMMAND_OUTCOME_TTL_MS = 24 * 60 * 60 * 1000;

/** The counters the store hands out: ids never come from a process's memory. */
export type SequenceName = 'chat' | 'message' | 'queue';

/**
 * Where the platform core keeps its state. The in-memory store backs the simulator; the
 * reference server's SQLite store makes every write durable before it is acknowledged.
 * Reads return copies: a change is written back with a `save…` call.
 */
export interface PlatformStore {
  /**
   * Names this store's data, new when the data is created: a workspace that resumes its
   * stream from another database (reset, or replaced) is told apart and gets a snapshot.
   */
  readonly id: string;

  /**
   * Runs `work` atomically: everything it wrote is kept, or nothing when it throws.
   * Nested calls are part of the outer one, and a nested call that throws undoes only its own writes.
   */
  transaction<T>(work: () => T): T;
  nextSequence(name: SequenceName): number;
  /** A new chat's id. The server's are not guessable: a chat id is what a contact's requests carry. */
  newChatId(): string;

  chat(chatId: string): ChatRecord | undefined;
  saveChat(chat: ChatRecord): void;
  /** Every chat (for tests and tools), in creation order. */
  chatIds(): string[];
  /** Chats offered to, held by, or in after-contact work with this agent. */
  chatsOfAgent(agentId: string): ChatRecord[];
  /** Queued chats, in line order (`queueOrder` ascending). */
  queuedChats(): ChatRecord[];
  /** Chats with an offer out, for timers to restore. */
  offeredChats(): ChatRecord[];
  /** Chats in after-contact work, for their deadlines' timers to restore. */
  endedChats(): ChatRecord[];

  messages(chatId: string): ChatMessage[];
  appendMessage(chatId: string, message: ChatMessage): void;

  agent(agentId: string): AgentRecord | undefined;
  saveAgent(agent: AgentRecord): void;
  agents(): AgentRecord[];

  addEngagement(engagement: EngagementRecord): void;
  engagements(): EngagementRecord[];

  /** Appends to the agent's stream and answers the entry's sequence number (1, 2, ...). */
  appendEvent(agentId: string, event: ConnectorEvent): number;
  /** The stream's latest sequence number, 0 when empty. */
  lastSeq(agentId: string): number;
  /** The entries after `seq`, or `undefined` when some of them were pruned (too old to replay). */
  eventsAfter(agentId: string, seq: number): StreamEntry[] | undefined;

  /** What a command with this id answered before, if it ran (and was not pruned). */
  commandOutcome(agentId: string, commandId: string): CommandOutcome | undefined;
  /**
   * Keeps a command's outcome, stamped `at`; outcomes older than `COMMAND_OUTCOME_TTL_MS`
   * may go, far beyond any retry's reach.
   */
  saveCommandOutcome(agentId: string, commandId: string, outcome: CommandOutcome, at: number): void;
}
