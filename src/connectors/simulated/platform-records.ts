import type { SchedulerLike } from 'rxjs';
import type { ConnectorEvent } from '../events.js';
import type { ChatMessage, WorkspaceConfiguration } from '../types.js';
import { RouteQueues } from './route-queues.js';
import { presenceEvent } from './snapshots.js';
import type { AgentRecord, ChatRecord, SimulatedEngagement } from './simulated-types.js';

/**
 * What the simulated platform remembers (chats, agents, waiting lines, engagements) and
 * how it reaches an agent. One instance is shared by `SimulatedContactCenter`, its
 * `OfferRouter` and the agents' command handlers, so none of them owns a copy.
 */
export class PlatformRecords {
  readonly chats = new Map<string, ChatRecord>();
  readonly agents = new Map<string, AgentRecord>();
  readonly queues = new RouteQueues();
  readonly engagementLog: SimulatedEngagement[] = [];
  private chatCount = 0;
  private messageCount = 0;

  constructor(
    readonly configuration: WorkspaceConfiguration,
    readonly scheduler: SchedulerLike,
  ) {}

  now(): number {
    return this.scheduler.now();
  }

  nextChatId(): string {
    return `chat-${++this.chatCount}`;
  }

  /** A new transcript line; ids are unique across the platform, as a real one's would be. */
  message(chatId: string, from: ChatMessage['from'], text: string, authorName: string): ChatMessage {
    return { id: `${chatId}-m${++this.messageCount}`, from, text, at: this.now(), authorName };
  }

  /** Delivers to the agent's connection; a disconnected agent catches up on reconnect instead. */
  send(agentId: string, event: ConnectorEvent): void {
    this.agents.get(agentId)?.connection?.deliver(event);
  }

  /** Tells every connected agent who can take a chat now (the transfer dialog shows it). */
  broadcastPresence(): void {
    const event = presenceEvent(this.configuration.directory, this.agents);
    for (const agent of this.agents.values()) agent.connection?.deliver(structuredClone(event));
  }

  chatOrThrow(chatId: string): ChatRecord {
    const chat = this.chats.get(chatId);
    if (!chat) throw new Error(`SimulatedContactCenter: no chat ${chatId}.`);
    return chat;
  }

  agentOrThrow(agentId: string): AgentRecord {
    const agent = this.agents.get(agentId);
    if (!agent) throw new Error(`SimulatedContactCenter: agent ${agentId} is not connected.`);
    return agent;
  }

  /** The chat if it is offered to this agent now; the error is what the agent's workspace shows. */
  offeredTo(agentId: string, chatId: string): ChatRecord {
    const chat = this.chatOrThrow(chatId);
    if (chat.state !== 'offered' || chat.agentId !== agentId) {
      throw new Error('This chat is no longer offered to you.');
    }
    return chat;
  }

  /** The chat if this agent holds it (in progress or in after-contact work). */
  heldBy(agentId: string, chatId: string): ChatRecord {
    const chat = this.chatOrThrow(chatId);
    if (chat.agentId !== agentId || (chat.state !== 'active' && chat.state !== 'ended')) {
      throw new Error('This chat is not in your workspace.');
    }
    return chat;
  }
}
