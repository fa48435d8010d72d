import { join } from 'node:path';
import { startPostgresCluster } from '../scripts/pg-cluster.mjs';
import type { TcpProxy } from '../scripts/wtr-tcp-proxy.mjs';
import { ServerProcess, type MemoryReading } from './server-process.js';

export interface ServerPoolOptions {
  entry: string;
  configFile: string;
  /** Where the SQLite file goes (one process), or nothing (PostgreSQL). */
  folder: string;
  store: 'sqlite' | 'postgres';
  processes: number;
  streamLimit?: number;
  say: (line: string) => void;
}

interface Cluster {
  createDatabase(name: string): Promise<string>;
  sql(database: string, statement: string): Promise<string>;
  stop(): Promise<void>;
  stopSync(): void;
}

/**
 * The servers of a run: one on SQLite, or N processes on one PostgreSQL database of a
 * throwaway cluster (durable: fsync on, as SQLite's `synchronous=FULL`). Agents are spread
 * over the processes through their proxies; contacts pick a live process for each request,
 * as a load balancer with health checks would.
 */
export class ServerPool {
  readonly servers: ServerProcess[] = [];
  private cluster: Cluster | undefined;
  private readonly down = new Set<number>();
  private turn = 0;

  constructor(private readonly options: ServerPoolOptions) {}

  async start(): Promise<void> {
    const { store, processes, entry, configFile, folder, streamLimit } = this.options;
    let databaseUrl: string | undefined;
    if (store === 'postgres') {
      this.cluster = (await startPostgresCluster({ durable: true })) as unknown as Cluster;
      databaseUrl = await this.cluster.createDatabase('soak');
    }
    for (let index = 0; index < (store === 'postgres' ? processes : 1); index++) {
      this.servers.push(
        new ServerProcess({ entry, configFile, db: join(folder, 'soak.db'), ...(streamLimit ? { streamLimit } : {}), ...(databaseUrl ? { databaseUrl } : {}) }),
      );
    }
    // One at a time: the first migrates the database, the others find it ready.
    for (const server of this.servers) await server.start();
  }

  /** A live process's base URL, in turn. */
  get baseUrl(): string {
    for (let tries = 0; tries < this.servers.length; tries++) {
      const index = this.turn++ % this.servers.length;
      if (!this.down.has(index)) return `http://127.0.0.1:${this.servers[index]?.port ?? 0}/`;
    }
    return `http://127.0.0.1:${this.servers[0]?.port ?? 0}/`;
  }

  /** The process an agent's proxy leads to. */
  portFor(agentIndex: number): number {
    return this.servers[agentIndex % this.servers.length]?.port ?? 0;
  }

  /** SIGKILLs the first process; with others alive, its agents' proxies lead to the next one. */
  async kill(proxies: readonly TcpProxy[]): Promise<void> {
    const victim = this.servers[0];
    if (!victim) return;
    this.down.add(0);
    await victim.kill();
    const survivor = this.servers[1];
    if (!survivor) return;
    for (const proxy of proxies) if (proxy.targetPort === victim.port) proxy.targetPort = survivor.port;
    this.options.say(`agents of the killed process now reach the process on port ${survivor.port}`);
  }

  /** Starts the killed process again on its port; contacts may reach it again. */
  async restart(): Promise<string> {
    const url = await this.servers[0]?.restart();
    this.down.delete(0);
    return url ?? '';
  }

  /** The port of the process that was killed (the one `restart` brings back). */
  get port(): number {
    return this.servers[0]?.port ?? 0;
  }

  /** Ends every database connection of the last process (pg_terminate_backend); answers how many. */
  async cutDatabase(): Promise<number> {
    const target = this.servers.at(-1);
    if (!this.cluster || !target?.pid || this.servers.length < 2) return 0;
    const count = await this.cluster.sql(
      'soak',
      `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'agent-chat-server:${target.pid}'`,
    );
    return Number(count);
  }

  memory(): MemoryReading | undefined {
    const readings = this.servers.map((server) => server.memory()).filter((reading): reading is MemoryReading => reading !== undefined);
    if (readings.length === 0) return undefined;
    return { rssKb: readings.reduce((sum, reading) => sum + reading.rssKb, 0), peakKb: Math.max(...readings.map((reading) => reading.peakKb)) };
  }

  get log(): string[] {
    return this.servers.flatMap((server) => server.log);
  }

  killNow(): void {
    for (const server of this.servers) server.killNow();
    this.cluster?.stopSync();
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((server) => server.stop()));
    await this.cluster?.stop();
  }
}
