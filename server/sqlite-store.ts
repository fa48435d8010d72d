import Database from 'better-sqlite3';
import type { ConnectorEvent } from '../src/protocol/events.js';
import type { CommandOutcome } from '../src/protocol/commands.js';
import type { ChatMessage } from '../src/protocol/types.js';
import { randomBytes } from 'node:crypto';
import {
  COMMAND_OUTCOME_TTL_MS,
  type AgentRecord,
  type ChatRecord,
  type EngagementRecord,
  type PlatformStore,
  type SequenceName,
  type StreamEntry,
} from '../src/platform/store.js';
import { migrate } from './sqlite-schema.js';

/** How many events of each agent's stream the server keeps for a reconnecting workspace to replay. */
export const SQLITE_STREAM_LIMIT = 10_000;

export interface SqliteStoreOptions {
  /** The database file (created when missing), or `:memory:`. */
  path: string;
  /** Events kept per agent; an older gap is answered with a snapshot instead. */
  streamLimit?: number;
}

type Json = { json: string };

/**
 * The platform's state in SQLite, for the reference server. Every transaction is on disk
 * (WAL, `synchronous=FULL`) when it returns, and the core delivers only after that: what
 * an agent or a contact was told survives a SIGKILL.
 *
 * Nested transactions are SQLite savepoints (better-sqlite3 does that by itself), so a
 * nested one that throws undoes only its own writes, as the memory store does.
 */
export class SqliteStore implements PlatformStore {
  readonly id: string;
  private readonly db: Database.Database;
  private readonly streamLimit: number;
  private readonly runTransaction: (work: () => unknown) => unknown;
  private readonly sql;

  constructor(options: SqliteStoreOptions) {
    this.streamLimit = options.streamLimit ?? SQLITE_STREAM_LIMIT;
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    // Another process holding the write lock (a tool, a second server) is waited for, not failed.
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    // IMMEDIATE takes the write lock up front: a read-then-write transaction never has to retry.
    this.runTransaction = this.db.transaction((work: () => unknown) => work()).immediate;
    this.sql = prepareStatements(this.db);
    this.id = (this.db.prepare('SELECT id FROM store_identity').get() as { id: string }).id;
  }

  transaction<T>(work: () => T): T {
    return this.runTransaction(work) as T;
  }

  nextSequence(name: SequenceName): number {
    const row = this.sql.nextSequence.get(name);
    if (!row) throw new Error(`The sequence ${name} did not advance.`);
    return row.value;
  }

  /** In creation order, and not guessable: a contact's requests carry nothing but the chat id. */
  newChatId(): string {
    return `chat-${this.nextSequence('chat')}-${randomBytes(9).toString('base64url')}`;
  }

  chat(chatId: string): ChatRecord | undefined {
    return parse<ChatRecord>(this.sql.chat.get(chatId));
  }

  saveChat(chat: ChatRecord): void {
    this.sql.saveChat.run({
      id: chat.id,
      state: chat.state,
      agentId: chat.agentId ?? null,
      queueOrder: chat.queueOrder ?? null,
      json: JSON.stringify(chat),
    });
  }

  chatIds(): string[] {
    return this.sql.chatIds.all().map((row) => row.id);
  }

  chatsOfAgent(agentId: string): ChatRecord[] {
    return this.sql.chatsOfAgent.all(agentId).map((row) => JSON.parse(row.json) as ChatRecord);
  }

  queuedChats(): ChatRecord[] {
    return this.sql.queuedChats.all().map((row) => JSON.parse(row.json) as ChatRecord);
  }

  offeredChats(): ChatRecord[] {
    return this.sql.offeredChats.all().map((row) => JSON.parse(row.json) as ChatRecord);
  }

  endedChats(): ChatRecord[] {
    return this.sql.endedChats.all().map((row) => JSON.parse(row.json) as ChatRecord);
  }

  messages(chatId: string): ChatMessage[] {
    return this.sql.messages.all(chatId).map((row) => JSON.parse(row.json) as ChatMessage);
  }

  appendMessage(chatId: string, message: ChatMessage): void {
    if (!this.sql.chat.get(chatId)) throw new Error(`No chat ${chatId} to add a message to.`);
    this.sql.appendMessage.run(chatId, chatId, JSON.stringify(message));
  }

  agent(agentId: string): AgentRecord | undefined {
    return parse<AgentRecord>(this.sql.agent.get(agentId));
  }

  saveAgent(agent: AgentRecord): void {
    this.sql.saveAgent.run(agent.id, JSON.stringify(agent));
  }

  agents(): AgentRecord[] {
    return this.sql.agents.all().map((row) => JSON.parse(row.json) as AgentRecord);
  }

  addEngagement(engagement: EngagementRecord): void {
    this.sql.addEngagement.run(engagement.agentId, JSON.stringify(engagement));
  }

  engagements(): EngagementRecord[] {
    return this.sql.engagements.all().map((row) => JSON.parse(row.json) as EngagementRecord);
  }

  appendEvent(agentId: string, event: ConnectorEvent): number {
    const seq = this.lastSeq(agentId) + 1;
    const first = Math.max(1, seq - this.streamLimit + 1);
    this.sql.saveStream.run(agentId, first, seq);
    this.sql.appendEvent.run(agentId, seq, JSON.stringify(event));
    // One append prunes at most the one event that fell out of the window.
    this.sql.pruneEvents.run(agentId, first);
    return seq;
  }

  lastSeq(agentId: string): number {
    return this.sql.stream.get(agentId)?.last_seq ?? 0;
  }

  eventsAfter(agentId: string, seq: number): StreamEntry[] | undefined {
    const stream = this.sql.stream.get(agentId);
    if (!stream) return seq === 0 ? [] : undefined;
    if (seq > stream.last_seq || seq + 1 < stream.first_seq) return undefined;
    return this.sql.eventsAfter
      .all(agentId, seq)
      .map((row) => ({ seq: row.seq, event: JSON.parse(row.json) as ConnectorEvent }));
  }

  commandOutcome(agentId: string, commandId: string): CommandOutcome | undefined {
    return parse<CommandOutcome>(this.sql.commandOutcome.get(agentId, commandId));
  }

  saveCommandOutcome(agentId: string, commandId: string, outcome: CommandOutcome, at: number): void {
    this.sql.saveCommandOutcome.run(agentId, commandId, JSON.stringify(outcome), at);
    // Indexed by age: most calls delete nothing, and none deletes much.
    this.sql.pruneCommandOutcomes.run(at - COMMAND_OUTCOME_TTL_MS);
  }

  /** Closes the file; the WAL is checkpointed into it. */
  close(): void {
    if (this.db.open) this.db.close();
  }
}

function parse<T>(row: Json | undefined): T | undefined {
  return row ? (JSON.parse(row.json) as T) : undefined;
}

/** Every statement, prepared once. Rows come back in creation order (rowid) where the port promises an order. */
function prepareStatements(db: Database.Database) {
  return {
    nextSequence: db.prepare<[string], { value: number }>(
      `INSERT INTO sequences (name, value) VALUES (?, 1)
       ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
    ),
    chat: db.prepare<[string], Json>('SELECT json FROM chats WHERE id = ?'),
    saveChat: db.prepare<[{ id: string; state: string; agentId: string | null; queueOrder: number | null; json: string }]>(
      `INSERT INTO chats (id, state, agent_id, queue_order, json) VALUES (@id, @state, @agentId, @queueOrder, @json)
       ON CONFLICT (id) DO UPDATE SET state = @state, agent_id = @agentId, queue_order = @queueOrder, json = @json`,
    ),
    chatIds: db.prepare<[], { id: string }>('SELECT id FROM chats ORDER BY rowid'),
    chatsOfAgent: db.prepare<[string], Json>(
      `SELECT json FROM chats WHERE agent_id = ? AND state IN ('offered', 'active', 'ended') ORDER BY rowid`,
    ),
    queuedChats: db.prepare<[], Json>(`SELECT json FROM chats WHERE state = 'queued' ORDER BY queue_order, rowid`),
    offeredChats: db.prepare<[], Json>(`SELECT json FROM chats WHERE state = 'offered' ORDER BY rowid`),
    endedChats: db.prepare<[], Json>(`SELECT json FROM chats WHERE state = 'ended' ORDER BY rowid`),
    messages: db.prepare<[string], Json>('SELECT json FROM messages WHERE chat_id = ? ORDER BY position'),
    appendMessage: db.prepare<[string, string, string]>(
      `INSERT INTO messages (chat_id, position, json)
       VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM messages WHERE chat_id = ?), ?)`,
    ),
    agent: db.prepare<[string], Json>('SELECT json FROM agents WHERE id = ?'),
    saveAgent: db.prepare<[string, string]>(
      'INSERT INTO agents (id, json) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json',
    ),
    agents: db.prepare<[], Json>('SELECT json FROM agents ORDER BY rowid'),
    addEngagement: db.prepare<[string, string]>('INSERT INTO engagements (agent_id, json) VALUES (?, ?)'),
    engagements: db.prepare<[], Json>('SELECT json FROM engagements ORDER BY id'),
    stream: db.prepare<[string], { first_seq: number; last_seq: number }>(
      'SELECT first_seq, last_seq FROM agent_streams WHERE agent_id = ?',
    ),
    saveStream: db.prepare<[string, number, number]>(
      `INSERT INTO agent_streams (agent_id, first_seq, last_seq) VALUES (?, ?, ?)
       ON CONFLICT (agent_id) DO UPDATE SET first_seq = excluded.first_seq, last_seq = excluded.last_seq`,
    ),
    appendEvent: db.prepare<[string, number, string]>('INSERT INTO agent_events (agent_id, seq, json) VALUES (?, ?, ?)'),
    pruneEvents: db.prepare<[string, number]>('DELETE FROM agent_events WHERE agent_id = ? AND seq < ?'),
    eventsAfter: db.prepare<[string, number], { seq: number; json: string }>(
      'SELECT seq, json FROM agent_events WHERE agent_id = ? AND seq > ? ORDER BY seq',
    ),
    commandOutcome: db.prepare<[string, string], Json>(
      'SELECT json FROM command_outcomes WHERE agent_id = ? AND command_id = ?',
    ),
    saveCommandOutcome: db.prepare<[string, string, string, number]>(
      `INSERT INTO command_outcomes (agent_id, command_id, json, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (agent_id, command_id) DO UPDATE SET json = excluded.json, created_at = excluded.created_at`,
    ),
    pruneCommandOutcomes: db.prepare<[number]>('DELETE FROM command_outcomes WHERE created_at < ?'),
  };
}
