import type { Database } from 'better-sqlite3';

/**
 * The database's shape, one migration per version. A database is brought up to the
 * newest version when it opens; a later version only adds a migration to this list, so
 * a file written by an older server keeps working.
 */
const migrations: readonly string[] = [
  // Version 1. Records are JSON; the columns beside them are what queries filter and sort on.
  `
  CREATE TABLE chats (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    agent_id TEXT,
    queue_order INTEGER,
    json TEXT NOT NULL
  );
  CREATE INDEX chats_by_agent ON chats (agent_id, state);
  CREATE INDEX chats_by_state ON chats (state, queue_order);

  CREATE TABLE messages (
    chat_id TEXT NOT NULL REFERENCES chats (id),
    position INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (chat_id, position)
  ) WITHOUT ROWID;

  CREATE TABLE agents (
    id TEXT PRIMARY KEY,
    json TEXT NOT NULL
  );

  CREATE TABLE engagements (
    id INTEGER PRIMARY KEY,
    agent_id TEXT NOT NULL,
    json TEXT NOT NULL
  );

  CREATE TABLE sequences (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
  ) WITHOUT ROWID;

  -- first_seq/last_seq tell a pruned gap from an empty one without reading the events.
  CREATE TABLE agent_streams (
    agent_id TEXT PRIMARY KEY,
    first_seq INTEGER NOT NULL,
    last_seq INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE agent_events (
    agent_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (agent_id, seq)
  ) WITHOUT ROWID;

  CREATE TABLE command_outcomes (
    agent_id TEXT NOT NULL,
    command_id TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (agent_id, command_id)
  ) WITHOUT ROWID;
  `,
  // Version 2. The data's own id (a workspace resuming from another database gets a
  // snapshot), and command outcomes stamped so old ones can go.
  `
  CREATE TABLE store_identity (id TEXT NOT NULL);
  INSERT INTO store_identity (id) VALUES (lower(hex(randomblob(16))));
  ALTER TABLE command_outcomes ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
  CREATE INDEX command_outcomes_by_age ON command_outcomes (created_at);
  `,
];

export const SCHEMA_VERSION = migrations.length;

/** Brings the database to `SCHEMA_VERSION`, in one transaction; refuses a file from a newer server. */
export function migrate(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  db.transaction(() => {
    const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
    const current = row?.version ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new Error(`The database has schema version ${current}; this server knows up to ${SCHEMA_VERSION}.`);
    }
    for (const migration of migrations.slice(current)) db.exec(migration);
    if (row) db.prepare('UPDATE schema_version SET version = ?').run(SCHEMA_VERSION);
    else db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION);
  }).immediate();
}
