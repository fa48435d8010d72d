import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** How the server runs, from its environment (see `readSettings`). */
export interface ServerSettings {
  port: number;
  host: string;
  /** The SQLite file (unused when `databaseUrl` is set). */
  dbPath: string;
  /** DATABASE_URL: a PostgreSQL database shared by any number of server processes, instead of SQLite. */
  databaseUrl?: string;
  /** WORKERS: server processes sharing the port (PostgreSQL only). */
  workers: number;
  /** The CONFIG file, or `undefined` for the demo configuration. */
  configPath?: string;
  /** How long a new WebSocket may take to say hello. */
  helloTimeoutMs: number;
  /** Events kept per agent for replay. */
  streamLimit?: number;
  /** The customer chat page's files. */
  publicDir: string;
}

/**
 * The project's root: the nearest folder above this module that holds `server/public`. The
 * module runs from its bundle under node_modules/.cache, so its own folder says little.
 */
export function projectRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'server', 'public', 'index.html'))) return folder;
    if (dirname(folder) === folder) throw new Error(`No project root (with server/public/) above ${from}.`);
  }
}

/**
 * Reads PORT (8001; 0 picks a free port), HOST (127.0.0.1), DB (data/contact-center.db
 * under the project root), DATABASE_URL (PostgreSQL instead of SQLite), WORKERS (1), CONFIG (a JSON file; the demo configuration without it),
 * HELLO_TIMEOUT_MS (10000) and STREAM_LIMIT (10000 events per agent).
 *
 * @throws Error naming the variable that is wrong.
 */
export function readSettings(env: NodeJS.ProcessEnv, root = projectRoot()): ServerSettings {
  const streamLimit = optionalInteger(env, 'STREAM_LIMIT', 1, Number.MAX_SAFE_INTEGER);
  return {
    port: optionalInteger(env, 'PORT', 0, 65535) ?? 8001,
    host: env.HOST || '127.0.0.1',
    dbPath: env.DB ? resolve(env.DB) : join(root, 'data', 'contact-center.db'),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    workers: optionalInteger(env, 'WORKERS', 1, 64) ?? 1,
    ...(env.CONFIG ? { configPath: resolve(env.CONFIG) } : {}),
    helloTimeoutMs: optionalInteger(env, 'HELLO_TIMEOUT_MS', 1, 600_000) ?? 10_000,
    ...(streamLimit !== undefined ? { streamLimit } : {}),
    publicDir: join(root, 'server', 'public'),
  };
}

function optionalInteger(env: NodeJS.ProcessEnv, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  }
  return value;
}
