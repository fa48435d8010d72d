import type { CommandOutcome } from '../../src/protocol/commands.js';
import type { ChatMessage } from '../../src/protocol/types.js';
import type { AgentRecord, ChatRecord, EngagementRecord, SequenceName, StreamEntry } from '../../src/platform/store.js';

/** Who holds an agent's connection: a server process and its own id for the socket. */
export interface ConnectionRow {
  /** The process (`server_processes.id`); absent: the agent has no connection. */
  processId?: number;
  connectionId: string;
}

export interface StreamState {
  first: number;
  last: number;
  entries: StreamEntry[];
}

/** One row as the catch-up query reads it from any table (see `CATCH_UP_SQL`). */
export interface ChangeRow {
  kind: 'chat' | 'message' | 'agent' | 'engagement' | 'sequence' | 'stream' | 'event' | 'outcome' | 'connection';
  k1: string;
  k2: string | null;
  n1: number | null;
  n2: number | null;
  json: string | null;
  version: number;
}

/** What a catch-up brought that the process's sockets and streams must hear about. */
export interface ChangeNews {
  events: { agentId: string; seq: number; event: StreamEntry['event'] }[];
  chatIds: Set<string>;
  connections: Set<string>;
}

/** The mirror's data: the tables of the PostgreSQL schema as maps, and the keys a unit wrote. */
export class MirrorTables {
  readonly chats = new KeyedMap<string, ChatRecord>();
  /** The process that owns each chat's offer or after-contact deadline (the last one to write it). */
  readonly timerOwners = new Map<string, number>();
  readonly transcripts = new Map<string, ChatMessage[]>();
  readonly agents = new Map<string, AgentRecord>();
  readonly engagements: EngagementRecord[] = [];
  readonly sequences = new Map<SequenceName, number>();
  readonly streams = new Map<string, StreamState>();
  /** In the order they were kept, so the oldest go first. */
  readonly outcomes = new Map<string, { outcome: CommandOutcome; at: number }>();
  readonly connections = new Map<string, ConnectionRow>();
  /** `kind\nkey` of everything the open unit wrote: the flush writes their current values. */
  readonly dirty = new Set<string>();
  /** Chat ids in creation order, brought up to date when the set of chats changes. */
  private order: string[] = [];
  private orderedKeys = -1;

  /** Chats in creation order (the number in their id comes from the `chat` sequence). */
  chatsInOrder(): ChatRecord[] {
    const chats: ChatRecord[] = [];
    for (const id of this.orderedIds()) {
      const chat = this.chats.get(id);
      if (chat) chats.push(chat);
    }
    return chats;
  }

  /**
   * Chat ids by creation number. New chats come last almost always, so they are appended
   * (and the list sorted only when one is not); ids whose creation was undone drop out.
   */
  private orderedIds(): string[] {
    if (this.orderedKeys === this.chats.keysVersion) return this.order;
    this.order = this.order.filter((id) => this.chats.has(id));
    const known = new Set(this.order);
    let sorted = true;
    for (const id of this.chats.keys()) {
      if (known.has(id)) continue;
      const last = this.order.at(-1);
      if (last !== undefined && ordinal(last) > ordinal(id)) sorted = false;
      this.order.push(id);
    }
    if (!sorted) this.order.sort((a, b) => ordinal(a) - ordinal(b));
    this.orderedKeys = this.chats.keysVersion;
    return this.order;
  }

  stream(agentId: string): StreamState {
    let stream = this.streams.get(agentId);
    if (!stream) this.streams.set(agentId, (stream = { first: 1, last: 0, entries: [] }));
    return stream;
  }

  /** Outcomes kept before `before` go: a day old, they answer no retry. */
  pruneOutcomes(before: number): void {
    for (const [key, kept] of this.outcomes) {
      if (kept.at >= before) break;
      this.outcomes.delete(key);
    }
  }

  /** Applies rows another process committed (or this one, read back), in version order. */
  apply(rows: readonly ChangeRow[], news: ChangeNews): void {
    for (const row of rows) this.applyRow(row, news);
  }

  private applyRow(row: ChangeRow, news: ChangeNews): void {
    const json = row.json ?? 'null';
    switch (row.kind) {
      case 'chat':
        this.chats.set(row.k1, JSON.parse(json) as ChatRecord);
        if (row.n1 === null) this.timerOwners.delete(row.k1);
        else this.timerOwners.set(row.k1, row.n1);
        if (!this.transcripts.has(row.k1)) this.transcripts.set(row.k1, []);
        news.chatIds.add(row.k1);
        return;
      case 'message': {
        let transcript = this.transcripts.get(row.k1);
        if (!transcript) this.transcripts.set(row.k1, (transcript = []));
        transcript[(row.n1 ?? 1) - 1] = JSON.parse(json) as ChatMessage;
        news.chatIds.add(row.k1);
        return;
      }
      case 'agent':
        this.agents.set(row.k1, JSON.parse(json) as AgentRecord);
        return;
      case 'engagement':
        this.engagements[(row.n1 ?? 1) - 1] = JSON.parse(json) as EngagementRecord;
        return;
      case 'sequence':
        this.sequences.set(row.k1 as SequenceName, row.n1 ?? 0);
        return;
      case 'stream': {
        const stream = this.stream(row.k1);
        stream.first = row.n1 ?? 1;
        stream.last = Math.max(stream.last, row.n2 ?? 0);
        stream.entries = stream.entries.filter((entry) => entry.seq >= stream.first);
        return;
      }
      case 'event':
        return this.applyEvent(row.k1, row.n1 ?? 0, JSON.parse(json) as StreamEntry['event'], news);
      case 'outcome':
        this.outcomes.delete(`${row.k1}\n${row.k2 ?? ''}`);
        this.outcomes.set(`${row.k1}\n${row.k2 ?? ''}`, { outcome: JSON.parse(json) as CommandOutcome, at: row.n1 ?? 0 });
        return;
      case 'connection':
        this.connections.set(row.k1, { connectionId: row.k2 ?? '', ...(row.n1 === null ? {} : { processId: row.n1 }) });
        news.connections.add(row.k1);
        return;
    }
  }

  private applyEvent(agentId: string, seq: number, event: StreamEntry['event'], news: ChangeNews): void {
    const stream = this.stream(agentId);
    if (seq < stream.first) return;
    const entries = stream.entries.filter((entry) => entry.seq !== seq);
    entries.push({ seq, event });
    entries.sort((a, b) => a.seq - b.seq);
    stream.entries = entries;
    stream.last = Math.max(stream.last, seq);
    news.events.push({ agentId, seq, event });
  }
}

/** A map that counts the times a key came or went (not value changes): the chat order is kept by it. */
class KeyedMap<K, V> extends Map<K, V> {
  keysVersion = 0;

  override set(key: K, value: V): this {
    if (!this.has(key)) this.keysVersion += 1;
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    if (this.has(key)) this.keysVersion += 1;
    return super.delete(key);
  }
}

/** The creation number in a chat id (`chat-N-…`); 0 for an id of another shape. */
export function ordinal(chatId: string): number {
  return Number(/^chat-(\d+)/.exec(chatId)?.[1] ?? 0);
}
