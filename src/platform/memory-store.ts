import type { ConnectorEvent } from '../protocol/events.js';
import type { CommandOutcome } from '../protocol/commands.js';
import type { ChatMessage } from '../protocol/types.js';
import { clone } from './clone.js';
import {
  COMMAND_OUTCOME_TTL_MS,
  type AgentRecord,
  type ChatRecord,
  type EngagementRecord,
  type PlatformStore,
  type SequenceName,
  type StreamEntry,
} from './store.js';

/** How many events of each agent's stream the memory store keeps for replay. */
export const MEMORY_STREAM_LIMIT = 2000;

/**
 * The platform's state in memory, for the simulator. Transactions keep an undo log, so a
 * command that throws half-way leaves nothing behind, as it would in a database.
 */
export class MemoryStore implements PlatformStore {
  private readonly chats = new Map<string, ChatRecord>();
  private readonly transcripts = new Map<string, ChatMessage[]>();
  private readonly agentRecords = new Map<string, AgentRecord>();
  private readonly engagementLog: EngagementRecord[] = [];
  private readonly streams = new Map<string, { first: number; last: number; entries: StreamEntry[] }>();
  /** In the order they were kept, so the oldest go first. */
  private readonly outcomes = new Map<string, { outcome: CommandOutcome; at: number }>();
  private readonly sequences = new Map<SequenceName, number>();
  private undoLog: (() => void)[] | undefined;

  readonly id = `memory-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`;

  constructor(private readonly streamLimit = MEMORY_STREAM_LIMIT) {}

  transaction<T>(work: () => T): T {
    const outermost = this.undoLog === undefined;
    const log = (this.undoLog ??= []);
    const mark = log.length;
    try {
      return work();
    } catch (error) {
      for (const undo of log.splice(mark).reverse()) undo();
      throw error;
    } finally {
      if (outermost) this.undoLog = undefined;
    }
  }

  nextSequence(name: SequenceName): number {
    const previous = this.sequences.get(name) ?? 0;
    this.sequences.set(name, previous + 1);
    this.remember(() => this.sequences.set(name, previous));
    return previous + 1;
  }

  newChatId(): string {
    return `chat-${this.nextSequence('chat')}`;
  }

  chat(chatId: string): ChatRecord | undefined {
    return clone(this.chats.get(chatId));
  }

  saveChat(chat: ChatRecord): void {
    const previous = this.chats.get(chat.id);
    this.chats.set(chat.id, clone(chat));
    if (!this.transcripts.has(chat.id)) {
      this.transcripts.set(chat.id, []);
      this.remember(() => this.transcripts.delete(chat.id));
    }
    this.remember(() => (previous ? this.chats.set(chat.id, previous) : this.chats.delete(chat.id)));
  }

  chatIds(): string[] {
    return [...this.chats.keys()];
  }

  chatsOfAgent(agentId: string): ChatRecord[] {
    return [...this.chats.values()]
      .filter((chat) => chat.agentId === agentId && (chat.state === 'offered' || chat.state === 'active' || chat.state === 'ended'))
      .map(clone);
  }

  queuedChats(): ChatRecord[] {
    return [...this.chats.values()]
      .filter((chat) => chat.state === 'queued')
      .sort((a, b) => (a.queueOrder ?? 0) - (b.queueOrder ?? 0))
      .map(clone);
  }

  offeredChats(): ChatRecord[] {
    return [...this.chats.values()].filter((chat) => chat.state === 'offered').map(clone);
  }

  endedChats(): ChatRecord[] {
    return [...this.chats.values()].filter((chat) => chat.state === 'ended').map(clone);
  }

  messages(chatId: string): ChatMessage[] {
    return clone(this.transcripts.get(chatId) ?? []);
  }

  appendMessage(chatId: string, message: ChatMessage): void {
    const transcript = this.transcripts.get(chatId);
    if (!transcript) throw new Error(`No chat ${chatId} to add a message to.`);
    transcript.push(clone(message));
    this.remember(() => transcript.pop());
  }

  agent(agentId: string): AgentRecord | undefined {
    return clone(this.agentRecords.get(agentId));
  }

  saveAgent(agent: AgentRecord): void {
    const previous = this.agentRecords.get(agent.id);
    this.agentRecords.set(agent.id, clone(agent));
    this.remember(() => (previous ? this.agentRecords.set(agent.id, previous) : this.agentRecords.delete(agent.id)));
  }

  agents(): AgentRecord[] {
    return [...this.agentRecords.values()].map(clone);
  }

  addEngagement(engagement: EngagementRecord): void {
    this.engagementLog.push(clone(engagement));
    this.remember(() => this.engagementLog.pop());
  }

  engagements(): EngagementRecord[] {
    return clone(this.engagementLog);
  }

  appendEvent(agentId: string, event: ConnectorEvent): number {
    let stream = this.streams.get(agentId);
    if (!stream) this.streams.set(agentId, (stream = { first: 1, last: 0, entries: [] }));
    const seq = stream.last + 1;
    stream.last = seq;
    stream.entries.push({ seq, event: clone(event) });
    const pruned = stream.entries.length > this.streamLimit ? stream.entries.shift() : undefined;
    if (pruned) stream.first = pruned.seq + 1;
    const current = stream;
    this.remember(() => {
      current.entries.pop();
      current.last = seq - 1;
      if (pruned) {
        current.entries.unshift(pruned);
        current.first = pruned.seq;
      }
    });
    return seq;
  }

  lastSeq(agentId: string): number {
    return this.streams.get(agentId)?.last ?? 0;
  }

  eventsAfter(agentId: string, seq: number): StreamEntry[] | undefined {
    const stream = this.streams.get(agentId);
    if (!stream) return seq === 0 ? [] : undefined;
    if (seq > stream.last) return undefined;
    if (seq + 1 < stream.first) return undefined;
    return clone(stream.entries.filter((entry) => entry.seq > seq));
  }

  commandOutcome(agentId: string, commandId: string): CommandOutcome | undefined {
    return clone(this.outcomes.get(`${agentId}\n${commandId}`)?.outcome);
  }

  saveCommandOutcome(agentId: string, commandId: string, outcome: CommandOutcome, at: number): void {
    const key = `${agentId}\n${commandId}`;
    this.outcomes.set(key, { outcome: clone(outcome), at });
    this.remember(() => this.outcomes.delete(key));
    // Pruning is not undone with a failed transaction: an outcome a day old answers no retry.
    for (const [oldKey, kept] of this.outcomes) {
      if (kept.at >= at - COMMAND_OUTCOME_TTL_MS) break;
      this.outcomes.delete(oldKey);
    }
  }

  private remember(undo: () => void): void {
    this.undoLog?.push(undo);
  }
}
