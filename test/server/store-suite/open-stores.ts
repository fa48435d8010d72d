/**
 * The stores of the server as the store suite opens them (Node only): SQLite on a file in a
 * temporary folder, PostgreSQL on a new database of the run's throwaway cluster.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PgStore } from '../../../server/pg/pg-store.js';
import { SqliteStore } from '../../../server/sqlite-store.js';
import type { OpenStore, StoreHarness } from './store-cases.js';

const quiet = () => undefined;

export function sqliteOpener(): { open: OpenStore; cleanUp(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'agent-chat-store-suite-'));
  let files = 0;
  const harness = (path: string, streamLimit?: number): StoreHarness => {
    const store = new SqliteStore({ path, ...(streamLimit ? { streamLimit } : {}) });
    return {
      store,
      change: async (work) => store.transaction(work),
      read: async (work) => work(),
      reopen: async () => harness(path, streamLimit),
      schemaVersion: async () => {
        const db = new Database(path, { readonly: true });
        try {
          return (db.prepare('SELECT version FROM schema_version').get() as { version: number }).version;
        } finally {
          db.close();
        }
      },
      close: async () => store.close(),
    };
  };
  return {
    open: async ({ streamLimit }) => harness(join(folder, `store-${++files}.db`), streamLimit),
    cleanUp: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** `createDatabase` answers the URL of a new, empty database. */
export function postgresOpener(createDatabase: () => Promise<string>): { open: OpenStore } {
  const harness = async (url: string, streamLimit?: number): Promise<StoreHarness> => {
    const opened = await PgStore.open({ url, log: quiet, ...(streamLimit ? { streamLimit } : {}) });
    return {
      store: opened.store,
      change: (work) => opened.change(work),
      read: (work) => opened.read(work),
      reopen: () => harness(url, streamLimit),
      schemaVersion: async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
          return rows[0]?.version ?? 0;
        } finally {
          await client.end();
        }
      },
      close: () => opened.close(),
    };
  };
  return { open: async ({ streamLimit }) => harness(await createDatabase(), streamLimit) };
}
