import { setMaxListeners } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TcpProxy } from '../scripts/wtr-tcp-proxy.mjs';
import { ContactCrowd } from './contact-crowd.js';
import { planFaults, runFaults } from './faults.js';
import { Ledger } from './ledger.js';
import type { SoakOptions } from './options.js';
import { Random } from './random.js';
import { buildReport, type RunRecord } from './build-report.js';
import type { SoakReport } from './report.js';
import { ServerPool } from './server-pool.js';
import { SOAK_SKILL, soakConfiguration } from './soak-config.js';
import { agentTotals, SoakAgent } from './soak-agent.js';
import { sleep, waitFor } from './sleep.js';
import { readChat, verify } from './verify.js';

export interface SoakEnvironment {
  /** The bundled reference server to run. */
  serverEntry: string;
  /** Progress lines (stderr): the run takes minutes. */
  say: (line: string) => void;
}

/** Replies an agent sends at once right before a fault that hits it. */
const BURST = 4;

/** How long the agents may take to connect before the typing starts. */
const CONNECT_TIMEOUT_MS = 20_000;

/**
 * One soak run: a server on a temporary SQLite file, or several on one PostgreSQL database, N agents through their own TCP proxies,
 * contacts over HTTP; typing for `seconds` under cuts, one SIGKILL and reloads; then
 * quiet until every side caught up, and the check of every chat on both sides.
 */
export async function runSoak(options: SoakOptions, environment: SoakEnvironment): Promise<SoakReport> {
  const { say } = environment;
  const startedAt = Date.now();
  const random = new Random(options.seed);
  const plan = planFaults(random.fork('faults'), options.agents, options.seconds);
  const folder = mkdtempSync(join(tmpdir(), 'agent-chat-soak-'));
  const { accounts, config } = soakConfiguration(options.agents, options.maxConcurrentChats);
  const configFile = join(folder, 'config.json');
  writeFileSync(configFile, JSON.stringify(config));
  const server = new ServerPool({
    entry: environment.serverEntry,
    folder,
    configFile,
    store: options.store,
    processes: options.processes,
    say,
    ...(options.streamLimit ? { streamLimit: options.streamLimit } : {}),
  });
  const killOnExit = () => server.killNow();
  process.once('exit', killOnExit);
  const ledger = new Ledger();
  const proxies: TcpProxy[] = [];
  const agents: SoakAgent[] = [];
  const warnings: string[] = [];
  let warningCount = 0;
  let peakRssKb = 0;
  let samples = 0;
  const sampler = setInterval(() => {
    const rssKb = server.memory()?.rssKb;
    peakRssKb = Math.max(peakRssKb, rssKb ?? 0);
    // A line every 15 s: growth that does not level off shows in the log.
    if (++samples % 15 === 0 && rssKb !== undefined) say(`server RSS ${(rssKb / 1024).toFixed(1)} MB`);
  }, 1_000);
  // Ends every loop of the run (agents, contacts, faults), also when the run fails half-way.
  const stop = new AbortController();
  // Every loop of the run (hundreds of contacts) waits on this one signal.
  setMaxListeners(0, stop.signal);
  try {
    await server.start();
    const where = server.servers.map((process) => `${process.port} (pid ${process.pid ?? '?'})`).join(', ');
    say(`${options.store}: ${server.servers.length} server process(es) on ports ${where}; ${plan.cuts.length} cuts, 1 kill at ${(plan.kill.at / 1000).toFixed(1)} s, ${plan.reloads.length} reloads planned`);
    for (const [index, account] of accounts.entries()) {
      const proxy = new TcpProxy(server.portFor(index));
      const port: number = await proxy.listen();
      proxies.push(proxy);
      const setup = {
        agent: { id: account.id, name: account.name },
        token: account.token,
        url: `ws://127.0.0.1:${port}/agents`,
        ledger,
        warn: (message: string) => {
          warningCount += 1;
          if (warnings.length < 5) warnings.push(`${account.id}: ${message}`);
        },
      };
      agents.push(new SoakAgent(setup, random.fork(account.id), ledger, options.typingMeanMs));
    }
    const connected = await waitFor(() => agents.every((agent) => agent.session.state.configured), CONNECT_TIMEOUT_MS);
    if (!connected) throw new Error(`Not every agent connected within ${CONNECT_TIMEOUT_MS} ms.`);
    say(`${agents.length} agents connected; typing for ${options.seconds} s`);

    const typingFrom = Date.now();
    const crowd = new ContactCrowd(
      { baseUrl: () => server.baseUrl, skill: SOAK_SKILL, target: options.agents * (options.maxConcurrentChats + 1), typingMeanMs: options.typingMeanMs },
      random.fork('contacts'),
      ledger,
    );
    const crowdDone = crowd.run(stop.signal);
    const agentsDone = agents.map((agent) => agent.run(stop.signal));
    const burst = (index?: number) => {
      for (const agent of index === undefined ? agents : agents.slice(index, index + 1)) agent.burst(BURST);
    };
    const reload = (index: number) => agents[index]?.reload();
    const killable = {
      get port() {
        return server.port;
      },
      kill: () => server.kill(proxies),
      restart: () => server.restart(),
      cutDatabase: () => server.cutDatabase(),
    };
    const faultsDone = runFaults(plan, { proxies, server: killable, reload, burst, say }, typingFrom, stop.signal);
    // Awaited below; a restart that fails before then must not count as an unhandled rejection.
    faultsDone.catch(() => undefined);
    await sleep(options.seconds * 1000);
    stop.abort();
    const typingMs = Date.now() - typingFrom;
    await Promise.all([crowdDone, ...agentsDone]);
    const faults = await faultsDone;
    for (const proxy of proxies) proxy.restore();
    say(`typing stopped; ${ledger.agentMessages.length} agent and ${ledger.contactMessages.length} contact messages; settling`);

    const settleFrom = Date.now();
    const settled = await waitFor(
      async () => agents.every((agent) => agent.isSettled()) && (await workspacesMatchServer(server.baseUrl, agents)),
      options.settleTimeoutMs,
      500,
    );
    const settleMs = Date.now() - settleFrom;
    say(settled ? `settled in ${settleMs} ms; checking every chat` : `NOT settled after ${settleMs} ms; checking anyway`);
    const verification = await verify(
      server.baseUrl,
      ledger,
      agents.map((agent) => ({ agentId: agent.id, chats: agent.session.state.chats })),
    );
    const memory = server.memory();
    const record: RunRecord = {
      options,
      wallMs: Date.now() - startedAt,
      typingMs,
      serverProcesses: server.servers.length,
      settleMs,
      settled,
      verification,
      ledger,
      faults,
      ...agentTotals(agents),
      crowd: { ...crowd.counts, refusals: crowd.refusals, unansweredReasons: crowd.unansweredReasons },
      memory: { rssKb: memory?.rssKb, peakRssKb: Math.max(peakRssKb, memory?.peakKb ?? 0) || undefined },
      warnings: { count: warningCount, samples: warnings },
      serverLog: server.log,
    };
    return buildReport(record);
  } finally {
    stop.abort();
    clearInterval(sampler);
    for (const agent of agents) agent.dispose();
    await Promise.all(proxies.map((proxy) => proxy.close()));
    await server.stop();
    process.off('exit', killOnExit);
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Whether each held chat shows the server's transcript: the sign that the stream caught
 * up. Asked only once every session is connected with nothing on its way.
 */
async function workspacesMatchServer(baseUrl: string, agents: readonly SoakAgent[]): Promise<boolean> {
  for (const agent of agents) {
    for (const chat of agent.session.state.chats) {
      const server = await readChat(baseUrl, chat.id);
      if (!server) return false;
      const shown = chat.messages.filter((message) => message.delivery === undefined).map((message) => message.id);
      if (shown.join(' ') !== server.messages.map((message) => message.id).join(' ')) return false;
    }
  }
  return true;
}
