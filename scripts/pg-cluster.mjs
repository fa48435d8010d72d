// A throwaway PostgreSQL cluster for tests and the soak: initdb in a temporary folder, one
// server on 127.0.0.1 and a free port, trust authentication, stopped and deleted at the end.
// As root it runs as the `postgres` user (PostgreSQL refuses root). Debian's binaries are in
// /usr/lib/postgresql/<version>/bin; PG_BIN overrides.
import { execFile as execFileCallback, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const execFile = promisify(execFileCallback);

/** The folder of initdb and pg_ctl, or `undefined` when PostgreSQL is not installed. */
export function findPostgresBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((name) => existsSync(join(root, name, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary, as `postgres` when this process is root. */
async function run(bin, command, args) {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]] : [join(bin, command), args];
  return execFile(file, argv, { maxBuffer: 4 * 1024 * 1024 });
}

/**
 * Starts a cluster (`durable: false` turns fsync off: tests need no crash safety of the machine). Answers `{ port, url(database), createDatabase(name), stop() }`;
 * `url('postgres')` is the maintenance database.
 */
export async function startPostgresCluster({ log = () => undefined, durable = false } = {}) {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (no initdb under /usr/lib/postgresql): apt-get install -y postgresql');
  const folder = mkdtempSync(join(tmpdir(), 'agent-chat-pg-'));
  if (process.getuid?.() === 0) {
    chmodSync(folder, 0o700);
    chownSync(folder, ...(await postgresIds()));
  }
  const data = join(folder, 'data');
  const port = await freePort();
  const stop = async () => {
    await run(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await run(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=200${durable ? '' : ' -c fsync=off'}`;
    await run(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'log'), '-w', 'start']);
    log(`PostgreSQL on 127.0.0.1:${port} (${folder})`);
  } catch (error) {
    await stop();
    throw error;
  }
  const url = (database) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    /** Creates an empty database and answers its URL. */
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
      await run(bin, 'psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-qc', `CREATE DATABASE ${name}`]);
      return url(name);
    },
    /** Runs one SQL statement on a database (for faults: pg_terminate_backend). */
    async sql(database, statement) {
      const { stdout } = await run(bin, 'psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-Atqc', statement]);
      return stdout.trim();
    },
    stop,
    /** For a process's 'exit' handler, which cannot wait: stops the server and deletes the folder now. */
    stopSync() {
      const asRoot = process.getuid?.() === 0;
      const args = ['-D', data, '-m', 'immediate', '-w', 'stop'];
      try {
        if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args], { stdio: 'ignore' });
        else execFileSync(join(bin, 'pg_ctl'), args, { stdio: 'ignore' });
      } catch {
        // Already stopped.
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function postgresIds() {
  const { stdout: uid } = await execFile('id', ['-u', 'postgres']);
  const { stdout: gid } = await execFile('id', ['-g', 'postgres']);
  return [Number(uid), Number(gid)];
}
