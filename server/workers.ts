import cluster, { type Worker } from 'node:cluster';
import { fileURLToPath } from 'node:url';
import { log } from './server.js';

/** A worker that dies this soon after starting is not started again (a bad configuration, not a crash). */
const CRASH_LOOP_MS = 5_000;

/**
 * `WORKERS=N`: the primary process forks N server processes that share one port (Node's
 * cluster hands out connections); each has its own core and mirror over the one PostgreSQL
 * database, so an agent's socket and a contact's requests may land on different workers.
 * A worker that dies is started again. Prints `Reference server: URL` once, when the first
 * worker listens.
 */
export function runWorkers(count: number): void {
  let announced = false;
  let stopping = false;
  // Workers run this very module (the server's bundle), not the script that built it.
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), execArgv: ['--enable-source-maps'] });
  const fork = () => {
    const startedAt = Date.now();
    const worker: Worker = cluster.fork({ WORKER_OF_CLUSTER: '1' });
    worker.on('message', (message: { listening?: string }) => {
      if (message.listening && !announced) {
        announced = true;
        console.log(`Reference server: ${message.listening}`);
        log(`${count} workers share this port and one PostgreSQL database.`);
      }
    });
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      log(`Worker ${worker.process.pid ?? '?'} exited (${signal ?? code}).`);
      if (Date.now() - startedAt < CRASH_LOOP_MS) {
        log('It died right after starting: not starting it again.');
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(1);
        return;
      }
      fork();
    });
  };
  for (let index = 0; index < count; index++) fork();
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    log(`${signal}: stopping the workers.`);
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    let left = workers.length;
    if (left === 0) process.exit(0);
    for (const worker of workers) {
      worker.once('exit', () => --left === 0 && process.exit(0));
      worker.process.kill('SIGTERM');
    }
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

/** Whether this process is a worker of `runWorkers` (it reports its URL to the primary instead of printing it). */
export function isClusterWorker(): boolean {
  return cluster.isWorker && process.env.WORKER_OF_CLUSTER === '1';
}
