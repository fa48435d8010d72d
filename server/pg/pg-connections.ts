import pg from 'pg';
import { hostname } from 'node:os';
import { LOCK_NAMESPACE } from './pg-schema.js';

// BIGINT columns (versions, sequences, times in ms) fit in a double: read them as numbers.
pg.types.setTypeParser(20, (value) => Number(value));

/** The advisory-lock namespace of live processes: a process holds (PROCESS_NAMESPACE, its id) while it runs. */
export const PROCESS_NAMESPACE = LOCK_NAMESPACE + 1;

/** Errors after which the same work may run again on a new connection: the link, not the work, failed. */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && /^(08|57P0|53300)/.test(code)) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /Connection terminated|ECONNRESET|ECONNREFUSED|EPIPE|not queryable|Client has encountered a connection error|timeout/i.test(message);
}

/** How this process names itself to PostgreSQL (`pg_stat_activity.application_name`): the soak finds it by pid. */
export function applicationName(): string {
  return `agent-chat-server:${process.pid}`;
}

export function clientConfig(url: string): pg.ClientConfig {
  return { connectionString: url, application_name: applicationName(), keepAlive: true };
}

/**
 * A connection of its own, kept open for as long as the process wants it: `setUp` runs on
 * every new connection (a lock to take, channels to LISTEN to), and a connection that is
 * lost (the server restarted, `pg_terminate_backend`) is opened and set up again.
 */
export class DedicatedConnection {
  private client: pg.Client | undefined;
  private closed = false;

  /** `purpose` names the connection in the log: "liveness", "listening". */
  constructor(
    private readonly url: string,
    private readonly purpose: string,
    private readonly setUp: (client: pg.Client) => Promise<void>,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /** Resolves once a connection is open and set up (trying again every 500 ms), or closed. */
  async open(): Promise<void> {
    while (!this.closed) {
      try {
        const client = new pg.Client(clientConfig(this.url));
        client.on('error', (error) => this.lost(client, error));
        await client.connect();
        await this.setUp(client);
        this.client = client;
        return;
      } catch (error) {
        this.log(`Could not open the ${this.purpose} connection; trying again`, error);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client || this.closed) return;
    this.client = undefined;
    this.log(`The ${this.purpose} connection was lost; opening another`, error);
    void this.open();
  }
}

/**
 * This process's liveness lock, held on a connection of its own for as long as the process
 * lives: when the process dies, or its connection does, PostgreSQL drops the lock, and the
 * other processes see it gone from `pg_locks`.
 */
export function livenessLock(url: string, processId: number, log: (message: string, error?: unknown) => void): DedicatedConnection {
  return new DedicatedConnection(
    url,
    'liveness',
    async (client) => void (await client.query('SELECT pg_advisory_lock($1, $2)', [PROCESS_NAMESPACE, processId])),
    log,
  );
}

/** Registers a new process in `server_processes`; its id names its lock, deadlines and connections. */
export async function registerProcess(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ id: number }>('INSERT INTO server_processes (host, pid) VALUES ($1, $2) RETURNING id', [
    hostname(),
    process.pid,
  ]);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('The process could not register.');
  return id;
}

/** The processes that hold their liveness lock now. */
export async function liveProcesses(pool: pg.Pool): Promise<Set<number>> {
  const { rows } = await pool.query<{ id: number }>(
    `SELECT objid::bigint AS id FROM pg_locks WHERE locktype = 'advisory' AND classid = $1::bigint::oid AND objsubid = 2 AND granted`,
    [PROCESS_NAMESPACE],
  );
  return new Set(rows.map((row) => row.id));
}

/**
 * Drops rows nobody will read again: the change log past an hour (an answer lost at COMMIT
 * is looked up within seconds) and command outcomes past their day (`COMMAND_OUTCOME_TTL_MS`).
 */
export async function pruneOldRows(pool: pg.Pool, outcomesBefore: number): Promise<void> {
  await pool.query(`DELETE FROM change_log WHERE at < now() - interval '1 hour'`);
  await pool.query('DELETE FROM command_outcomes WHERE created_at < $1', [outcomesBefore]);
}
