/**
 * Test-runner server plugin: browser tests start, kill and restart the reference server
 * (a child process on 127.0.0.1 with a temporary DB) and cut the network to it through a
 * TCP proxy, with `executeServerCommand` from @web/test-runner-commands:
 *
 * - `server-start` { config?, db?, env? } → { id, port, url, wsUrl, db }: `config` is the
 *   CONFIG object (the demo configuration without it), `db` a file to use instead of a
 *   fresh temporary one, `env` HELLO_TIMEOUT_MS or STREAM_LIMIT;
 * - `server-kill` { id } (SIGKILL), `server-stop` { id } (SIGTERM), `server-restart` { id }
 *   (same DB and config; the same port when it is free) → as server-start;
 * - `server-logs` { id } → { stderr }: what the server logged;
 * - `proxy-start` { port } → { port }, `proxy-cut` { port, mode: 'silent' | 'reset' },
 *   `proxy-restore` { port }, `proxy-retarget` { port, target }, `proxy-stop` { port };
 * - `soak-start` { agents, seconds, seed, store?, processes? } → { id }: a soak run (scripts/soak.mjs) in a child
 *   process; `soak-result` { id } → { done: false } or { done: true, code, report, log }, after
 *   waiting up to 15 s for the end (a browser command gives up after 20 s, a soak takes longer).
 *
 * The server is bundled once per run. Every child and temporary file goes when the run
 * ends, and when this process exits some other way.
 */
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startPostgresCluster } from './pg-cluster.mjs';
import { buildServer } from './server.mjs';
import { startSoak } from './soak.mjs';
import { TcpProxy } from './wtr-tcp-proxy.mjs';

/** The browser gives up on a command after 20 s: a start must answer well before. */
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;
/** Only these reach the server's environment from a test. */
const TEST_ENV = new Set(['HELLO_TIMEOUT_MS', 'STREAM_LIMIT', 'DATABASE_URL']);

/** How long one `soak-result` waits for the run to end before it answers "not yet". */
const SOAK_POLL_MS = 15_000;

const bundleFile = fileURLToPath(new URL(`../node_modules/.cache/agent-chat-server/test-${process.pid}.mjs`, import.meta.url));
const suiteFile = fileURLToPath(new URL(`../node_modules/.cache/agent-chat-server/store-suite-${process.pid}.mjs`, import.meta.url));
const root = fileURLToPath(new URL('../', import.meta.url));

/** Bundles the store suite for Node; its native and driver packages resolve from node_modules. */
async function loadStoreSuite() {
  await build({
    absWorkingDir: root,
    entryPoints: ['test/server/store-suite/index.ts'],
    outfile: suiteFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'pg'],
    logLevel: 'warning',
  });
  return import(pathToFileURL(suiteFile).href);
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function serverPlugin() {
  /** @type {Promise<string> | undefined} */
  let bundle;
  /** @type {Map<string, ServerRecord>} */
  const servers = new Map();
  /** @type {Map<number, TcpProxy>} */
  const proxies = new Map();
  /** @type {Map<string, { child: import('node:child_process').ChildProcess, finished: Promise<unknown>, stdout: string, stderr: string }>} */
  const soaks = new Map();
  /** @type {Set<string>} */
  const temporary = new Set([bundleFile, `${bundleFile}.map`, suiteFile]);
  let nextId = 1;
  /** @type {Promise<Awaited<ReturnType<typeof startPostgresCluster>>> | undefined} */
  let postgres;
  /** The cluster once it started, for the exit handler (which cannot wait for the promise). */
  let startedPostgres;
  let databases = 0;
  const newDatabase = async () => {
    postgres ??= startPostgresCluster().then((cluster) => (startedPostgres = cluster));
    return (await postgres).createDatabase(`test_${process.pid}_${++databases}`);
  };
  /** @type {Promise<any> | undefined} */
  let storeSuite;

  async function runStoreSuite(payload) {
    storeSuite ??= loadStoreSuite();
    const suite = await storeSuite;
    if (payload?.store === 'postgres') return suite.runStoreSuite(suite.postgresOpener(newDatabase).open);
    if (payload?.store !== 'sqlite') throw new Error('store-suite: store is sqlite or postgres.');
    const opener = suite.sqliteOpener();
    try {
      return await suite.runStoreSuite(opener.open);
    } finally {
      opener.cleanUp();
    }
  }

  const exitCleanup = () => {
    for (const server of servers.values()) server.child?.kill('SIGKILL');
    // SIGTERM: the soak's own handler takes its server down with it.
    for (const soak of soaks.values()) soak.child.kill('SIGTERM');
    for (const path of temporary) rmSync(path, { recursive: true, force: true });
    startedPostgres?.stopSync();
    startedPostgres = undefined;
  };
  process.once('exit', exitCleanup);

  /** @param {ServerRecord} server @param {number} port */
  async function launch(server, port) {
    bundle ??= buildServer(bundleFile);
    const entry = await bundle;
    const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DB: server.db, ...server.env };
    delete env.CONFIG;
    if (server.configFile) env.CONFIG = server.configFile;
    const child = spawn(process.execPath, ['--enable-source-maps', entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.child = child;
    server.exited = new Promise((resolve) => child.once('exit', () => resolve(undefined)));
    // This run's own log says why it did not start (an earlier run's EADDRINUSE must not count).
    let ownStderr = '';
    child.stderr.setEncoding('utf8').on('data', (text) => {
      ownStderr = (ownStderr + text).slice(-20_000);
      server.stderr = (server.stderr + text).slice(-20_000);
    });
    const url = await new Promise((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`The server did not start within ${START_TIMEOUT_MS} ms:\n${ownStderr}`)), START_TIMEOUT_MS);
      child.stdout.setEncoding('utf8').on('data', (text) => {
        stdout += text;
        const match = /^Reference server: (\S+)$/m.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The server exited (${signal ?? code}) before it listened:\n${ownStderr}`));
      });
    });
    server.port = Number(new URL(url).port);
    return describe(server, url);
  }

  /** @param {ServerRecord} server @param {string} url */
  function describe(server, url) {
    return { id: server.id, port: server.port, url, wsUrl: `ws://127.0.0.1:${server.port}/agents`, db: server.db };
  }

  /** @param {ServerRecord} server @param {NodeJS.Signals} signal */
  async function halt(server, signal) {
    const { child } = server;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await server.exited;
    clearTimeout(timer);
  }

  async function start({ config, db, env = {} } = {}) {
    const folder = mkdtempSync(join(tmpdir(), 'agent-chat-server-'));
    temporary.add(folder);
    let configFile;
    if (config !== undefined) {
      configFile = join(folder, 'config.json');
      writeFileSync(configFile, JSON.stringify(config));
    }
    const testEnv = Object.fromEntries(Object.entries(env).filter(([key]) => TEST_ENV.has(key)).map(([key, value]) => [key, String(value)]));
    /** @type {ServerRecord} */
    const server = { id: `server-${nextId++}`, db: db ?? join(folder, 'contact-center.db'), configFile, env: testEnv, port: 0, stderr: '' };
    servers.set(server.id, server);
    return launch(server, 0);
  }

  async function restart(server) {
    await halt(server, 'SIGTERM');
    try {
      // The same port first: a workspace that reconnects to the old URL finds the server again.
      return await launch(server, server.port);
    } catch (error) {
      if (!/EADDRINUSE/.test(String(error))) throw error;
      return launch(server, 0);
    }
  }

  function serverOf(payload) {
    const server = servers.get(payload?.id);
    if (!server) throw new Error(`No test server ${String(payload?.id)}.`);
    return server;
  }

  function proxyOf(payload) {
    const proxy = proxies.get(payload?.port);
    if (!proxy) throw new Error(`No proxy on port ${String(payload?.port)}.`);
    return proxy;
  }

  async function startSoakRun(payload) {
    const flags = ['agents', 'seconds', 'seed'].flatMap((key) => (payload?.[key] === undefined ? [] : [`--${key}`, String(payload[key])]));
    // The soak's own default is 3 processes on PostgreSQL; a test asks for what it checks (SQLite unless it says).
    flags.push('--store', payload?.store ?? 'sqlite', '--processes', String(payload?.processes ?? 1));
    const { child, finished } = await startSoak(flags, { json: true, stdio: 'pipe' });
    const soak = { child, finished, stdout: '', stderr: '' };
    child.stdout.setEncoding('utf8').on('data', (text) => (soak.stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text) => (soak.stderr = (soak.stderr + text).slice(-20_000)));
    const id = `soak-${nextId++}`;
    soaks.set(id, soak);
    return { id };
  }

  async function soakResult(payload) {
    const soak = soaks.get(payload?.id);
    if (!soak) throw new Error(`No soak run ${String(payload?.id)}.`);
    let timer;
    const outcome = await Promise.race([soak.finished, new Promise((resolve) => (timer = setTimeout(resolve, SOAK_POLL_MS)))]);
    clearTimeout(timer);
    if (!outcome) return { done: false };
    soaks.delete(payload.id);
    const last = soak.stdout.trim().split('\n').at(-1) ?? '';
    let report;
    try {
      report = JSON.parse(last);
    } catch {
      report = undefined;
    }
    return { done: true, code: outcome.code, report, log: soak.stderr };
  }

  const commands = {
    'server-start': (payload) => start(payload ?? {}),
    'server-restart': (payload) => restart(serverOf(payload)),
    'server-kill': async (payload) => (await halt(serverOf(payload), 'SIGKILL'), true),
    'server-stop': async (payload) => (await halt(serverOf(payload), 'SIGTERM'), true),
    'server-logs': (payload) => ({ stderr: serverOf(payload).stderr }),
    'proxy-start': async (payload) => {
      const proxy = new TcpProxy(Number(payload?.port));
      const port = await proxy.listen();
      proxies.set(port, proxy);
      return { port };
    },
    'proxy-cut': (payload) => {
      if (payload?.mode !== 'silent' && payload?.mode !== 'reset') throw new Error('proxy-cut: mode is silent or reset.');
      proxyOf(payload).cut(payload.mode);
      return true;
    },
    'proxy-restore': (payload) => (proxyOf(payload).restore(), true),
    'proxy-retarget': (payload) => ((proxyOf(payload).targetPort = Number(payload.target)), true),
    'proxy-stop': async (payload) => {
      await proxyOf(payload).close();
      proxies.delete(payload.port);
      return true;
    },
    'postgres-database': async () => ({ url: await newDatabase() }),
    'store-suite': (payload) => runStoreSuite(payload),
    'soak-start': (payload) => startSoakRun(payload),
    'soak-result': (payload) => soakResult(payload),
  };

  return {
    name: 'reference-server',
    async executeCommand({ command, payload }) {
      return Object.hasOwn(commands, command) ? commands[command](payload) : undefined;
    },
    async serverStop() {
      for (const soak of soaks.values()) soak.child.kill('SIGTERM');
      await Promise.all([...soaks.values()].map((soak) => soak.finished));
      soaks.clear();
      await Promise.all([...servers.values()].map((server) => halt(server, 'SIGKILL')));
      await Promise.all([...proxies.values()].map((proxy) => proxy.close()));
      servers.clear();
      proxies.clear();
      // The servers are gone: the cluster can go too.
      if (postgres) await (await postgres.catch(() => undefined))?.stop();
      startedPostgres = undefined;
      exitCleanup();
      process.off('exit', exitCleanup);
    },
  };
}

/**
 * @typedef {object} ServerRecord
 * @property {string} id
 * @property {string} db
 * @property {string | undefined} configFile
 * @property {Record<string, string>} env
 * @property {number} port
 * @property {string} stderr the last 20,000 characters it logged
 * @property {import('node:child_process').ChildProcess} [child]
 * @property {Promise<unknown>} [exited]
 */
