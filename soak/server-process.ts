import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** How long a start may take before the run gives up (a bundle is ready, so ~1 s is usual). */
const START_TIMEOUT_MS = 15_000;

export interface ServerProcessOptions {
  /** The bundled server (scripts/server.mjs's buildServer). */
  entry: string;
  db: string;
  configFile: string;
  /** STREAM_LIMIT for the server, when set. */
  streamLimit?: number;
  /** DATABASE_URL: PostgreSQL instead of the SQLite file. */
  databaseUrl?: string;
}

/** What /proc says of the server's memory, in kB. */
export interface MemoryReading {
  rssKb: number;
  /** The high-water mark of this process (since its last start). */
  peakKb: number;
}

/**
 * The reference server as a child process on 127.0.0.1: started on a free port, killed
 * with SIGKILL and started again on the same port and DB, as an operator's crash would.
 */
export class ServerProcess {
  port = 0;
  /** Lines the server wrote to stderr (its log), the last ones kept. */
  readonly log: string[] = [];
  private child?: ChildProcess;
  private exited?: Promise<void>;

  constructor(private readonly options: ServerProcessOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts it (PORT=0 the first time, then the port it had); answers its base URL. */
  async start(): Promise<string> {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', DB: this.options.db, CONFIG: this.options.configFile };
    if (this.options.streamLimit) env.STREAM_LIMIT = String(this.options.streamLimit);
    if (this.options.databaseUrl) env.DATABASE_URL = this.options.databaseUrl;
    const child = spawn(process.execPath, ['--enable-source-maps', this.options.entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    let partial = '';
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      this.log.push(...lines);
      if (this.log.length > 500) this.log.splice(0, this.log.length - 500);
    });
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`The server did not start within ${START_TIMEOUT_MS} ms.`)), START_TIMEOUT_MS);
      child.stdout?.setEncoding('utf8').on('data', (text: string) => {
        stdout += text;
        const match = /^Reference server: (\S+)$/m.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The server exited (${signal ?? code}) before it listened: ${this.log.slice(-5).join(' | ')}`));
      });
    });
    this.port = Number(new URL(url).port);
    return url;
  }

  /** SIGKILL: no shutdown code runs, as in a crash; answers once the process is gone. */
  async kill(): Promise<void> {
    await this.halt('SIGKILL');
  }

  /** Starts again on the same DB and port; a port briefly still held is tried again. */
  async restart(): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.start();
      } catch (error) {
        if (attempt >= 20 || !/EADDRINUSE/.test(this.log.slice(-5).join('\n'))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  /** SIGTERM, then SIGKILL if it lingers: the end of the run. */
  async stop(): Promise<void> {
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 5_000);
    await this.halt('SIGTERM');
    clearTimeout(timer);
  }

  /** The server's resident memory now, from /proc (Linux); `undefined` elsewhere or when down. */
  memory(): MemoryReading | undefined {
    const pid = this.child?.pid;
    if (!pid || !this.running) return undefined;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      const reading = { rssKb: field('VmRSS'), peakKb: field('VmHWM') };
      return Number.isFinite(reading.rssKb) ? reading : undefined;
    } catch {
      return undefined;
    }
  }

  /** For the process's own exit handler: nothing may outlive the run. */
  killNow(): void {
    if (this.running) this.child?.kill('SIGKILL');
  }

  private async halt(signal: NodeJS.Signals): Promise<void> {
    if (!this.running) return;
    this.child?.kill(signal);
    await this.exited;
  }
}
