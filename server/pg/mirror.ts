import type { ConnectorEvent } from '../../src/protocol/events.js';
import type { CommandOutcome } from '../../src/protocol/commands.js';
import type { ChatMessage } from '../../src/protocol/types.js';
import { randomBytes } from 'node:crypto';
import { clone } from '../../src/platform/clone.js';
import {
  COMMAND_OUTCOME_TTL_MS,
  type AgentRecord,
  type ChatRecord,
  type EngagementRecord,
  type PlatformStore,
  type SequenceName,
  type StreamEntry,
} from '../../src/platform/store.js';
import { MirrorTables, type ConnectionRow } from './mirror-tables.js';

/**
 * The platform's state as one server process sees it: an in-memory copy of the PostgreSQL
 * tables that the synchronous core reads and writes. It is only changed inside a unit that
 * holds the database's write lock (caught up first, flushed and committed after), so every
 * process's copy agrees with the database whenever the core runs on it.
 *
 * Writes are kept in an undo log for the unit's life: a nested transaction that throws undoes
 * its own writes, and a unit whose commit fails undoes all of its own.
 */
export class MirrorStore implements PlatformStore {
  readonly tables = new MirrorTables();
  private undoLog: (() => void)[] | undefined;

  constructor(
    readonly id: string,
    private readonly streamLimit: number,
  ) {}

  /** Starts a unit: from here every write can be undone until `keep()` or `undo()`. */
  begin(): void {
    if (this.undoLog) throw new Error('A unit is already open on this mirror.');
    this.undoLog = [];
  }

  /** Where the undo log stands, to undo one piece of work of a batch. */
  mark(): number {
    return this.undoLog?.length ?? 0;
  }

  /** Undoes the writes made since `mark` (all of the unit's without one). */
  undo(mark = 0): void {
    for (const undo of (this.undoLog ?? []).splice(mark).reverse()) undo();
  }

  /** The unit committed: its writes stay. */
  keep(): void {
    this.undoLog = undefined;
    this.tables.dirty.clear();
  }

  /** Ends a unit whose writes were undone. */
  end(): void {
    this.undo();
    this.undoLog = undefined;
    this.tables.dirty.clear();
  }

  transaction<T>(work: () => T): T {
    if (!this.undoLog) throw new Error('The PostgreSQL store changes only inside a unit (PgStore.change).');
    const mark = this.undoLog.length;
    try {
      return work();
    } catch (error) {
      this.undo(mark);
      throw error;
    }
  }

  nextSequence(name: SequenceName): number {
    const { sequences } = this.tables;
    const previous = sequences.get(name) ?? 0;
    this.write('sequence', name, () => sequences.set(name, previous + 1), () => sequences.set(name, previous));
    return previous + 1;
  }

  /** In creation order, and not guessable: a contact's requests carry nothing but the chat id. */
  newChatId(): string {
    return `chat-${this.nextSequence('chat')}-${randomBytes(9).toString('base64url')}`;
  }

  chat(chatId: string): ChatRecord | undefined {
    return clone(this.tables.chats.get(chatId));
  }

  saveChat(chat: ChatRecord): void {
    const { chats, transcripts } = this.tables;
    const previous = chats.get(chat.id);
    this.write('chat', chat.id, () => chats.set(chat.id, clone(chat)), () => (previous ? chats.set(chat.id, previous) : chats.delete(chat.id)));
    if (!transcripts.has(chat.id)) {
      transcripts.set(chat.id, []);
      this.remember(() => transcripts.delete(chat.id));
    }
  }

  chatIds(): string[] {
    return this.tables.chatsInOrder().map((chat) => chat.id);
  }

  chatsOfAgent(agentId: string): ChatRecord[] {
    return this.tables
      .chatsInOrder()
      .filter((chat) => chat.agentId === agentId && (chat.state === 'offered' || chat.state === 'active' || chat.state === 'ended'))
      .map(clone);
  }

  queuedChats(): ChatRecord[] {
    return this.tables
      .chatsInOrder()
      .filter((chat) => chat.state === 'queued')
      .sort((a, b) => (a.queueOrder ?? 0) - (b.queueOrder ?? 0))
      .map(clone);
  }

  offeredChats(): ChatRecord[] {
    return this.tables.chatsInOrder().filter((chat) => chat.state === 'offered').map(clone);
  }

  endedChats(): ChatRecord[] {
    return this.tables.chatsInOrder().filter((chat) => chat.state === 'ended').map(clone);
  }

  messages(chatId: string): ChatMessage[] {
    return clone(this.tables.transcripts.get(chatId) ?? []);
  }

  appendMessage(chatId: string, message: ChatMessage): void {
    const transcript = this.tables.transcripts.get(chatId);
    if (!transcript || !this.tables.chats.has(chatId)) throw new Error(`No chat ${chatId} to add a message to.`);
    const position = transcript.length + 1;
    this.write('message', `${chatId}\n${position}`, () => transcript.push(clone(message)), () => transcript.pop());
  }

  agent(agentId: string): AgentRecord | undefined {
    return clone(this.tables.agents.get(agentId));
  }

  saveAgent(agent: AgentRecord): void {
    const { agents } = this.tables;
    const previous = agents.get(agent.id);
    this.write('agent', agent.id, () => agents.set(agent.id, clone(agent)), () => (previous ? agents.set(agent.id, previous) : agents.delete(agent.id)));
  }

  agents(): AgentRecord[] {
    return [...this.tables.agents.values()].map(clone);
  }

  addEngagement(engagement: EngagementRecord): void {
    const { engagements } = this.tables;
    const position = engagements.length + 1;
    this.write('engagement', String(position), () => engagements.push(clone(engagement)), () => engagements.pop());
  }

  engagements(): EngagementRecord[] {
    return clone(this.tables.engagements);
  }

  appendEvent(agentId: string, event: ConnectorEvent): number {
    const stream = this.tables.stream(agentId);
    const before = { first: stream.first, last: stream.last, entries: stream.entries };
    const seq = stream.last + 1;
    const first = Math.max(1, seq - this.streamLimit + 1);
    this.write(
      'event',
      `${agentId}\n${seq}`,
      () => {
        stream.entries = [...stream.entries.filter((entry) => entry.seq >= first), { seq, event: clone(event) }];
        stream.first = first;
        stream.last = seq;
      },
      () => Object.assign(stream, before),
    );
    this.tables.dirty.add(`stream\n${agentId}`);
    return seq;
  }

  lastSeq(agentId: string): number {
    return this.tables.streams.get(agentId)?.last ?? 0;
  }

  eventsAfter(agentId: string, seq: number): StreamEntry[] | undefined {
    const stream = this.tables.streams.get(agentId);
    if (!stream || stream.last === 0) return seq === 0 ? [] : undefined;
    if (seq > stream.last || seq + 1 < stream.first) return undefined;
    return clone(stream.entries.filter((entry) => entry.seq > seq));
  }

  commandOutcome(agentId: string, commandId: string): CommandOutcome | undefined {
    return clone(this.tables.outcomes.get(`${agentId}\n${commandId}`)?.outcome);
  }

  saveCommandOutcome(agentId: string, commandId: string, outcome: CommandOutcome, at: number): void {
    const key = `${agentId}\n${commandId}`;
    const { outcomes } = this.tables;
    const previous = outcomes.get(key);
    this.write('outcome', key, () => outcomes.set(key, { outcome: clone(outcome), at }), () => (previous ? outcomes.set(key, previous) : outcomes.delete(key)));
    this.tables.pruneOutcomes(at - COMMAND_OUTCOME_TTL_MS);
  }

  /** Which process (and which of its sockets) holds the agent's connection; `undefined` when none. */
  connection(agentId: string): ConnectionRow | undefined {
    const row = this.tables.connections.get(agentId);
    return row?.processId === undefined ? undefined : { ...row };
  }

  /** Records who holds the agent's connection now (`undefined`: nobody). */
  setConnection(agentId: string, row: ConnectionRow | undefined): void {
    const { connections } = this.tables;
    const previous = connections.get(agentId);
    const next = row ?? { connectionId: '' };
    this.write('connection', agentId, () => connections.set(agentId, next), () => (previous ? connections.set(agentId, previous) : connections.delete(agentId)));
  }

  private write(kind: string, key: string, apply: () => void, undo: () => void): void {
    apply();
    this.tables.dirty.add(`${kind}\n${key}`);
    this.remember(undo);
  }

  private remember(undo: () => void): void {
    if (!this.undoLog) throw new Error('The PostgreSQL store changes only inside a unit (PgStore.change).');
    this.undoLog.push(undo);
  }
}
