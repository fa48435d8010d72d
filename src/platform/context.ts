import type { SchedulerLike } from 'rxjs';
import type { ConnectorEvent } from '../protocol/events.js';
import type { ChatMessage, WorkspaceConfiguration } from '../protocol/types.js';
import type { PlatformStore } from './store.js';

/** What the contact's side hears of a chat (the customer chat page shows it). */
export type ContactUpdate =
  | { type: 'message'; message: ChatMessage }
  | { type: 'agent-typing' }
  | { type: 'accepted'; agentName: string }
  /** The agent handed the chat on: it waits for the next one. */
  | { type: 'transferred' }
  | { type: 'ended'; by: 'agent' | 'contact' }
  /** The agent asks the contact to share their page (co-browse). */
  | { type: 'cobrowse-requested' }
  /** The co-browse stopped (or the request was withdrawn): the contact's page stops recording. */
  | { type: 'cobrowse-ended'; by: 'agent' | 'contact' };

/**
 * How the core reaches one agent's open connection. An adapter implements it: the
 * simulator's in-memory connector, or the server's WebSocket.
 */
export interface AgentLink {
  /**
   * An event of the agent's stream. Stored events carry their sequence number; an
   * ephemeral one (presence, typing) carries the latest and is not replayed.
   */
  deliver(seq: number, event: ConnectorEvent, ephemeral: boolean): void;
  /** Another connection of the same agent took over, or the agent left. */
  close(reason: string): void;
}

/** What the core's parts share: the store, the clock, and the ways out. */
export interface PlatformContext {
  readonly store: PlatformStore;
  readonly configuration: WorkspaceConfiguration;
  readonly scheduler: SchedulerLike;
  now(): number;
  /** Stores the event in the agent's stream; it is delivered once the transaction commits. */
  emit(agentId: string, event: ConnectorEvent): void;
  /** Delivers without storing (presence, typing), after the transaction commits. */
  emitEphemeral(agentId: string, event: ConnectorEvent): void;
  tellContact(chatId: string, update: ContactUpdate): void;
  /** Runs `work` (a change to this process's timers) once the transaction commits, never if it fails. */
  afterCommit(work: () => void): void;
  isConnected(agentId: string): boolean;
  broadcastPresence(): void;
  /** Whether the core sets its own deadline timers; false when the host fires deadlines (`runDeadline`). */
  readonly deadlineTimers: boolean;
}
