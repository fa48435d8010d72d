import pg from 'pg';
import { flush } from './flush.js';
import { MirrorStore } from './mirror.js';
import type { ChangeNews, ChangeRow } from './mirror-tables.js';
import { COMMAND_OUTCOME_TTL_MS } from '../../src/platform/store.js';
import { clientConfig, isConnectionError, livenessLock, liveProcesses, pruneOldRows, registerProcess, type DedicatedConnection } from './pg-connections.js';
import { CHANGES_CHANNEL, pgListener } from './pg-listener.js';
import { PgRelay } from './pg-relay.js';
import { CATCH_UP_SQL, LOCK_NAMESPACE, migrate, WRITE_LOCK } from './pg-schema.js';

/** How many events of each agent's stream are kept for a reconnecting workspace to replay. */
export const PG_STREAM_LIMIT = 10_000;
/** A lost notification costs at most this much latency: every process catches up this often anyway. */
const CATCH_UP_EVERY_MS = 1000;
/** How often old change-log rows and command outcomes are deleted. */
const PRUNE_EVERY_MS = 60_000;
/** Works gathered into one database transaction at most. */
const MAX_BATCH = 64;
/** How long a unit keeps trying through lost connections before its works fail. */
const RETRY_FOR_MS = 15_000;

export interface PgStoreOptions {
  /** `postgres://…` */
  url: string;
  streamLimit?: number;
  log: (message: string, error?: unknown) => void;
}

interface Pending {
  kind: 'change' | 'read';
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The platform's state in PostgreSQL, shared by any number of server processes. The core
 * runs synchronously on this process's mirror (`store`); every change is a unit: take the
 * database's write lock, catch the mirror up, run the work, write what it changed, commit,
 * notify. Works that wait together share one transaction. Other processes catch up on the
 * notification (and every second regardless) and hear what concerns their sockets through
 * `onNews`.
 */
export class PgStore {
  readonly store: MirrorStore;
  readonly relay: PgRelay;
  private lastVersion = 0;
  private readonly queue: Pending[] = [];
  private pumping = false;
  private readonly newsListeners: ((news: ChangeNews) => void)[] = [];
  private readonly timer: NodeJS.Timeout;
  private readonly pruner: NodeJS.Timeout;
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    readonly processId: number,
    storeId: string,
    private readonly liveness: DedicatedConnection,
    private readonly options: PgStoreOptions,
  ) {
    this.store = new MirrorStore(storeId, options.streamLimit ?? PG_STREAM_LIMIT);
    this.relay = new PgRelay(pool, options.log);
    this.timer = setInterval(() => this.requestCatchUp(), CATCH_UP_EVERY_MS);
    this.timer.unref();
    this.pruner = setInterval(() => {
      pruneOldRows(pool, Date.now() - COMMAND_OUTCOME_TTL_MS).catch((error: unknown) => options.log('Could not prune old rows', error));
    }, PRUNE_EVERY_MS);
    this.pruner.unref();
  }

  /** Migrates the database, registers this process, loads the mirror and starts listening. */
  static async open(options: PgStoreOptions): Promise<PgStore> {
    const pool = new pg.Pool({ ...clientConfig(options.url), max: 4 });
    pool.on('error', (error) => options.log('An idle database connection failed', error));
    try {
      const client = await pool.connect();
      try {
        await migrate(client);
      } finally {
        client.release();
      }
      const processId = await registerProcess(pool);
      const liveness = livenessLock(options.url, processId, options.log);
      await liveness.open();
      const { rows } = await pool.query<{ id: string }>('SELECT id FROM store_identity');
      const store = new PgStore(pool, processId, rows[0]?.id ?? 'postgres', liveness, options);
      await store.read(() => undefined);
      await store.listen();
      return store;
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
  }

  /** Hears what every catch-up and every own commit brought: stream events, touched chats, moved connections. */
  onNews(listener: (news: ChangeNews) => void): void {
    this.newsListeners.push(listener);
  }

  /** Runs `work` (synchronous, on the mirror) in a unit; resolves once it is committed. */
  change<T>(work: () => T): Promise<T> {
    return this.enqueue('change', work);
  }

  /** Runs `work` on the mirror once it caught up with every unit committed before now. */
  read<T>(work: () => T): Promise<T> {
    return this.enqueue('read', work);
  }

  /** The processes alive now (holding their liveness lock). */
  liveProcesses(): Promise<Set<number>> {
    return liveProcesses(this.pool);
  }

  async close(): Promise<void> {
    // Changes already asked for (sockets detaching as the server stops) get a moment to commit.
    const giveUpAt = Date.now() + 2000;
    while ((this.queue.length > 0 || this.pumping) && Date.now() < giveUpAt) await new Promise((resolve) => setTimeout(resolve, 20));
    this.closed = true;
    clearInterval(this.timer);
    clearInterval(this.pruner);
    await this.listener?.close();
    await this.liveness.close();
    await this.pool.end().catch(() => undefined);
  }

  private listener: DedicatedConnection | undefined;

  private async listen(): Promise<void> {
    this.listener = pgListener(this.options.url, {
      changed: () => this.requestCatchUp(),
      relayed: (payload) => this.relay.receive(payload),
      log: this.options.log,
    });
    await this.listener.open();
  }

  private requestCatchUp(): void {
    if (this.closed || this.queue.length > 0 || this.pumping) return;
    void this.read(() => undefined).catch((error: unknown) => this.options.log('Could not catch up with the database', error));
  }

  private enqueue<T>(kind: Pending['kind'], work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ kind, work, resolve: resolve as (value: unknown) => void, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        const changes = batch.filter((pending) => pending.kind === 'change');
        try {
          if (changes.length > 0) await this.unitWithRetries(changes);
          else await this.catchUp(this.pool);
        } catch (error) {
          for (const pending of batch) pending.reject(error);
          continue;
        }
        for (const pending of batch) if (pending.kind === 'read') settle(pending);
      }
    } finally {
      this.pumping = false;
    }
  }

  private async unitWithRetries(changes: Pending[]): Promise<void> {
    const giveUpAt = Date.now() + RETRY_FOR_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.unit(changes);
      } catch (error) {
        // A batch that failed on its own (not its connection): each work again alone, so one cannot sink the others.
        if (!isConnectionError(error) && changes.length > 1) return this.oneByOne(changes);
        if (!isConnectionError(error) || Date.now() > giveUpAt || this.closed) throw error;
        this.options.log(`A unit lost its database connection; trying again (attempt ${attempt + 2})`, error);
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
      }
    }
  }

  private async oneByOne(changes: Pending[]): Promise<void> {
    for (const pending of changes) {
      try {
        await this.unitWithRetries([pending]);
      } catch (error) {
        pending.reject(error);
      }
    }
  }

  /** One transaction for the batch: each work that throws is undone alone and answered with its error. */
  private async unit(changes: Pending[]): Promise<void> {
    const client = await this.pool.connect();
    let version: number | undefined;
    let outcomes: { ok: boolean; value: unknown }[] = [];
    let news: ChangeNews = { events: [], chatIds: new Set(), connections: new Set() };
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, WRITE_LOCK]);
      await this.catchUp(client);
      const { rows } = await client.query<{ version: number }>(`SELECT nextval('change_version') AS version`);
      version = rows[0]?.version ?? 0;
      this.store.begin();
      outcomes = changes.map((pending) => runOne(this.store, pending.work));
      news = await flush(client, this.store.tables, version, this.processId);
      await client.query('INSERT INTO change_log (version, process_id) VALUES ($1, $2)', [version, this.processId]);
      await client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, String(version)]);
      await client.query('COMMIT');
      this.committed(version, news, changes, outcomes);
      client.release();
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      if (version !== undefined && (await this.committedAfterAll(version))) {
        this.committed(version, news, changes, outcomes);
        return;
      }
      this.store.end();
      throw error;
    }
  }

  private committed(version: number, news: ChangeNews, changes: Pending[], outcomes: { ok: boolean; value: unknown }[]): void {
    this.store.keep();
    this.lastVersion = Math.max(this.lastVersion, version);
    this.tell(news);
    changes.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) pending.resolve(outcome.value);
      else pending.reject(outcome?.value);
    });
  }

  /**
   * Whether a unit whose connection died around its COMMIT did commit: its version is in
   * the change log. Asked under the write lock, so the old transaction is over either way.
   */
  private async committedAfterAll(version: number): Promise<boolean> {
    for (let attempt = 0; attempt < 20 && !this.closed; attempt++) {
      const client = await this.pool.connect().catch(() => undefined);
      if (!client) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        continue;
      }
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, WRITE_LOCK]);
        const { rowCount } = await client.query('SELECT 1 FROM change_log WHERE version = $1', [version]);
        await client.query('COMMIT');
        client.release();
        return (rowCount ?? 0) > 0;
      } catch (error) {
        client.release(true);
        if (!isConnectionError(error)) throw error;
      }
    }
    throw new Error(`Could not learn whether unit ${version} committed.`);
  }

  /** Applies every row committed since the last version seen. */
  private async catchUp(client: pg.Pool | pg.ClientBase): Promise<void> {
    const { rows } = await client.query<ChangeRow>(CATCH_UP_SQL, [this.lastVersion]);
    if (rows.length === 0) return;
    const news: ChangeNews = { events: [], chatIds: new Set(), connections: new Set() };
    this.store.tables.apply(rows, news);
    this.lastVersion = rows.reduce((latest, row) => Math.max(latest, row.version), this.lastVersion);
    this.tell(news);
  }

  private tell(news: ChangeNews): void {
    for (const listener of this.newsListeners) {
      try {
        listener(news);
      } catch (error) {
        this.options.log('A news listener failed', error);
      }
    }
  }
}

function runOne(store: MirrorStore, work: () => unknown): { ok: boolean; value: unknown } {
  const mark = store.mark();
  try {
    return { ok: true, value: work() };
  } catch (error) {
    store.undo(mark);
    return { ok: false, value: error };
  }
}

function settle(pending: Pending): void {
  try {
    pending.resolve(pending.work());
  } catch (error) {
    pending.reject(error);
  }
}
