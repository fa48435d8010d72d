import type pg from 'pg';

/**
 * The PostgreSQL schema, one migration per version, applied when a process starts (under
 * an advisory lock, so processes starting together migrate once). Every row carries the
 * `version` of the unit that last wrote it: a process catches up by reading the rows above
 * the last version it saw. Records are JSON; the columns beside them are what queries need.
 */
const migrations: readonly string[] = [
  `
  CREATE SEQUENCE change_version;
  CREATE TABLE store_identity (id TEXT NOT NULL);
  INSERT INTO store_identity (id) VALUES (md5(random()::text || clock_timestamp()::text));

  CREATE TABLE server_processes (
    id BIGSERIAL PRIMARY KEY,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    started_at TIMESTAMPTZ NOT NULL DEFAULT now()
  );
  -- One row per committed unit: a process whose commit answer was lost looks its version up here.
  CREATE TABLE change_log (version BIGINT PRIMARY KEY, process_id BIGINT NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now());

  CREATE TABLE chats (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    agent_id TEXT,
    json TEXT NOT NULL,
    timer_owner BIGINT,
    version BIGINT NOT NULL
  );
  CREATE INDEX chats_by_version ON chats (version);
  CREATE TABLE messages (
    chat_id TEXT NOT NULL REFERENCES chats (id),
    position INTEGER NOT NULL,
    json TEXT NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (chat_id, position)
  );
  CREATE INDEX messages_by_version ON messages (version);
  CREATE TABLE agents (id TEXT PRIMARY KEY, json TEXT NOT NULL, version BIGINT NOT NULL);
  CREATE TABLE engagements (position INTEGER PRIMARY KEY, agent_id TEXT NOT NULL, json TEXT NOT NULL, version BIGINT NOT NULL);
  CREATE TABLE sequences (name TEXT PRIMARY KEY, value BIGINT NOT NULL, version BIGINT NOT NULL);
  CREATE TABLE agent_streams (
    agent_id TEXT PRIMARY KEY,
    first_seq BIGINT NOT NULL,
    last_seq BIGINT NOT NULL,
    version BIGINT NOT NULL
  );
  CREATE TABLE agent_events (
    agent_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    json TEXT NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (agent_id, seq)
  );
  CREATE INDEX agent_events_by_version ON agent_events (version);
  CREATE TABLE command_outcomes (
    agent_id TEXT NOT NULL,
    command_id TEXT NOT NULL,
    json TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    version BIGINT NOT NULL,
    PRIMARY KEY (agent_id, command_id)
  );
  CREATE INDEX command_outcomes_by_version ON command_outcomes (version);
  CREATE INDEX command_outcomes_by_age ON command_outcomes (created_at);
  -- Which process holds each agent's socket (process_id NULL: none), so every process routes alike.
  CREATE TABLE agent_connections (
    agent_id TEXT PRIMARY KEY,
    process_id BIGINT,
    connection_id TEXT NOT NULL,
    version BIGINT NOT NULL
  );
  -- Ephemeral events too large for a notification's payload, read once by the listeners.
  CREATE TABLE relayed_events (id BIGSERIAL PRIMARY KEY, json TEXT NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now());
  `,
];

export const PG_SCHEMA_VERSION = migrations.length;

/** The advisory lock keys of this schema: one namespace, then the key within it. */
export const LOCK_NAMESPACE = 0x61637700;
export const WRITE_LOCK = 1;
export const MIGRATION_LOCK = 2;

/** Brings the database to `PG_SCHEMA_VERSION` in one transaction; refuses a database of a newer server. */
export async function migrate(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
    const current = rows[0]?.version ?? 0;
    if (current > PG_SCHEMA_VERSION) {
      throw new Error(`The database has schema version ${current}; this server knows up to ${PG_SCHEMA_VERSION}.`);
    }
    for (const migration of migrations.slice(current)) await client.query(migration);
    if (rows[0]) await client.query('UPDATE schema_version SET version = $1', [PG_SCHEMA_VERSION]);
    else await client.query('INSERT INTO schema_version (version) VALUES ($1)', [PG_SCHEMA_VERSION]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Every row written after version $1, from every table, in one statement (one snapshot:
 * units commit in version order under the write lock, so nothing below the newest version
 * read can still appear). Kinds come in the order they must be applied.
 */
export const CATCH_UP_SQL = `
  SELECT * FROM (
    SELECT 1 AS o, 'sequence' AS kind, name AS k1, NULL AS k2, value AS n1, NULL::bigint AS n2, NULL AS json, version FROM sequences WHERE version > $1
    UNION ALL SELECT 2, 'chat', id, NULL, timer_owner, NULL, json, version FROM chats WHERE version > $1
    UNION ALL SELECT 3, 'message', chat_id, NULL, position, NULL, json, version FROM messages WHERE version > $1
    UNION ALL SELECT 4, 'agent', id, NULL, NULL, NULL, json, version FROM agents WHERE version > $1
    UNION ALL SELECT 5, 'engagement', agent_id, NULL, position, NULL, json, version FROM engagements WHERE version > $1
    UNION ALL SELECT 6, 'stream', agent_id, NULL, first_seq, last_seq, NULL, version FROM agent_streams WHERE version > $1
    UNION ALL SELECT 7, 'event', agent_id, NULL, seq, NULL, json, version FROM agent_events WHERE version > $1
    UNION ALL SELECT 8, 'outcome', agent_id, command_id, created_at, NULL, json, version FROM command_outcomes WHERE version > $1
    UNION ALL SELECT 9, 'connection', agent_id, connection_id, process_id, NULL, NULL, version FROM agent_connections WHERE version > $1
  ) AS changes
  ORDER BY o, version, k1, n1`;
