import type pg from 'pg';
import type { ChangeNews, MirrorTables } from './mirror-tables.js';

type Columns = unknown[][];

/** One upsert per table for everything a unit wrote, each row stamped with the unit's version. */
const UPSERTS = {
  sequence: `INSERT INTO sequences (name, value, version) SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[])
    ON CONFLICT (name) DO UPDATE SET value = excluded.value, version = excluded.version`,
  chat: `INSERT INTO chats (id, state, agent_id, json, timer_owner, version)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[])
    ON CONFLICT (id) DO UPDATE SET state = excluded.state, agent_id = excluded.agent_id, json = excluded.json,
      timer_owner = excluded.timer_owner, version = excluded.version`,
  message: `INSERT INTO messages (chat_id, position, json, version)
    SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::bigint[])
    ON CONFLICT (chat_id, position) DO UPDATE SET json = excluded.json, version = excluded.version`,
  agent: `INSERT INTO agents (id, json, version) SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[])
    ON CONFLICT (id) DO UPDATE SET json = excluded.json, version = excluded.version`,
  engagement: `INSERT INTO engagements (position, agent_id, json, version)
    SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::bigint[])
    ON CONFLICT (position) DO UPDATE SET agent_id = excluded.agent_id, json = excluded.json, version = excluded.version`,
  stream: `INSERT INTO agent_streams (agent_id, first_seq, last_seq, version)
    SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bigint[])
    ON CONFLICT (agent_id) DO UPDATE SET first_seq = excluded.first_seq, last_seq = excluded.last_seq, version = excluded.version`,
  event: `INSERT INTO agent_events (agent_id, seq, json, version)
    SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[])
    ON CONFLICT (agent_id, seq) DO UPDATE SET json = excluded.json, version = excluded.version`,
  outcome: `INSERT INTO command_outcomes (agent_id, command_id, json, created_at, version)
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[])
    ON CONFLICT (agent_id, command_id) DO UPDATE SET json = excluded.json, created_at = excluded.created_at, version = excluded.version`,
  connection: `INSERT INTO agent_connections (agent_id, process_id, connection_id, version)
    SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[])
    ON CONFLICT (agent_id) DO UPDATE SET process_id = excluded.process_id, connection_id = excluded.connection_id, version = excluded.version`,
} as const;

type Kind = keyof typeof UPSERTS;

/**
 * Writes the current value of every key the unit touched (a key whose write was undone
 * is written as it stands, or skipped when it no longer exists), then prunes what fell out
 * of the streams' windows and the outcomes' day. Answers what the process's own sockets
 * and streams must hear of it.
 */
export async function flush(client: pg.ClientBase, tables: MirrorTables, version: number, processId: number): Promise<ChangeNews> {
  const rows = new Map<Kind, Columns>();
  const news: ChangeNews = { events: [], chatIds: new Set(), connections: new Set() };
  const add = (kind: Kind, ...values: unknown[]) => {
    let columns = rows.get(kind);
    if (!columns) rows.set(kind, (columns = values.map(() => [])));
    values.forEach((value, index) => columns[index]?.push(value));
  };
  for (const entry of tables.dirty) {
    const [kind, key = '', extra] = entry.split('\n') as [Kind, string?, string?];
    collect(tables, kind, key, extra, version, processId, add, news);
  }
  // In the schema's order (chats before their messages), whatever order the unit wrote in.
  for (const kind of Object.keys(UPSERTS) as Kind[]) {
    const columns = rows.get(kind);
    if (columns) await client.query(UPSERTS[kind], columns);
  }
  const prunedStreams = [...tables.dirty].filter((key) => key.startsWith('stream\n')).map((key) => key.slice(7));
  for (const agentId of prunedStreams) {
    const first = tables.streams.get(agentId)?.first ?? 1;
    if (first > 1) await client.query('DELETE FROM agent_events WHERE agent_id = $1 AND seq < $2', [agentId, first]);
  }
  return news;
}

function collect(
  tables: MirrorTables,
  kind: Kind,
  key: string,
  extra: string | undefined,
  version: number,
  processId: number,
  add: (kind: Kind, ...values: unknown[]) => void,
  news: ChangeNews,
): void {
  switch (kind) {
    case 'chat': {
      const chat = tables.chats.get(key);
      if (!chat) return;
      const owner = chat.offerExpiresAt !== undefined || chat.acwExpiresAt !== undefined ? processId : null;
      if (owner === null) tables.timerOwners.delete(key);
      else tables.timerOwners.set(key, owner);
      news.chatIds.add(key);
      return add('chat', key, chat.state, chat.agentId ?? null, JSON.stringify(chat), owner, version);
    }
    case 'message': {
      const message = tables.transcripts.get(key)?.[Number(extra) - 1];
      if (!message) return;
      news.chatIds.add(key);
      return add('message', key, Number(extra), JSON.stringify(message), version);
    }
    case 'agent': {
      const agent = tables.agents.get(key);
      return agent ? add('agent', key, JSON.stringify(agent), version) : undefined;
    }
    case 'engagement': {
      const engagement = tables.engagements[Number(key) - 1];
      return engagement ? add('engagement', Number(key), engagement.agentId, JSON.stringify(engagement), version) : undefined;
    }
    case 'sequence':
      return add('sequence', key, tables.sequences.get(key as 'chat') ?? 0, version);
    case 'stream': {
      const stream = tables.streams.get(key);
      return stream ? add('stream', key, stream.first, stream.last, version) : undefined;
    }
    case 'event': {
      const entry = tables.streams.get(key)?.entries.find((candidate) => candidate.seq === Number(extra));
      if (!entry) return;
      news.events.push({ agentId: key, seq: entry.seq, event: entry.event });
      return add('event', key, entry.seq, JSON.stringify(entry.event), version);
    }
    case 'outcome': {
      const kept = tables.outcomes.get(`${key}\n${extra ?? ''}`);
      return kept ? add('outcome', key, extra ?? '', JSON.stringify(kept.outcome), kept.at, version) : undefined;
    }
    case 'connection': {
      const row = tables.connections.get(key);
      if (!row) return;
      news.connections.add(key);
      return add('connection', key, row.processId ?? null, row.connectionId, version);
    }
  }
}
