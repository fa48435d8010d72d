import type { TcpProxy } from '../scripts/wtr-tcp-proxy.mjs';
import type { Random } from './random.js';
import { sleep } from './sleep.js';

export interface CutFault {
  /** ms after the start of the typing. */
  at: number;
  agent: number;
  mode: 'silent' | 'reset';
  durationMs: number;
  /** The agent sends a burst this long before the cut: some of it is on the wire when the link goes. */
  burstLeadMs: number;
}

/** Every fault of a run, drawn from the seed before it starts. */
export interface FaultPlan {
  cuts: CutFault[];
  /** Every agent sends a burst `burstLeadMs` before the kill: some is recorded and unanswered when the server dies. */
  kill: { at: number; downMs: number; burstLeadMs: number };
  reloads: { at: number; agent: number }[];
  /** When another process's database connections are ended (several processes on PostgreSQL only). */
  databaseCut: { at: number };
}

/**
 * Faults begin between 10 % and 60 % of the run and are over by 70 %: the rest of the
 * run shows the system recovering under load, before the typing stops and the check.
 */
const FIRST = 0.1;
const LAST_START = 0.6;
const ALL_OVER = 0.7;

/**
 * Cuts in proportion to agents × seconds (at least one of each mode), exactly one server
 * kill around 40 % of the run, and reloads (at least two: one behind a cut, one while the
 * server is down). An agent is cut once at a time.
 */
export function planFaults(random: Random, agents: number, seconds: number): FaultPlan {
  const runMs = seconds * 1000;
  const cutCount = Math.max(2, Math.round((agents * seconds) / 100));
  const busy: { from: number; to: number }[][] = Array.from({ length: agents }, () => []);
  const cuts: CutFault[] = [];
  for (let index = 0; index < cutCount; index++) {
    // The first cut is silent and outlasts the 10 s heartbeat, from the start of the window:
    // answers held in the dead link are never delivered, and the commands go again.
    const at = Math.round((index === 0 ? FIRST : random.between(FIRST, LAST_START)) * runMs);
    const longest = Math.min(30_000, ALL_OVER * runMs - at);
    const shortest = index === 0 ? Math.min(11_000, longest) : Math.min(2_000, longest);
    const durationMs = Math.round(random.between(shortest, longest));
    const mode = index === 0 ? 'silent' : index === 1 ? 'reset' : random.chance(0.5) ? 'silent' : 'reset';
    // A silent cut right behind the burst (1–5 ms) catches the server's answers on their way back.
    const burstLeadMs = mode === 'silent' ? random.integer(1, 5) : random.integer(0, 15);
    for (let tries = 0; tries < 10; tries++) {
      const agent = random.integer(0, agents - 1);
      const intervals = busy[agent] ?? [];
      if (intervals.some((interval) => at < interval.to && interval.from < at + durationMs)) continue;
      intervals.push({ from: at, to: at + durationMs });
      cuts.push({ at, agent, mode, durationMs, burstLeadMs });
      break;
    }
  }
  const kill = {
    at: Math.round(random.between(0.35, 0.45) * runMs),
    downMs: Math.round(random.between(1_000, Math.min(3_000, 1_000 + 0.05 * runMs))),
    burstLeadMs: random.integer(10, 60),
  };
  const reloadCount = Math.max(2, Math.round((agents * seconds) / 400));
  const reloads = Array.from({ length: reloadCount }, (_, index) => {
    // Every other reload (the first included) hits an agent behind a cut: its outbox holds
    // messages then, and only storage carries them to the next page.
    const cut = index % 2 === 0 ? random.pick(cuts) : undefined;
    if (cut) return { at: Math.round(cut.at + random.between(0.3, 0.8) * cut.durationMs), agent: cut.agent };
    // The second opens its new page while the server is down: it gets in only after the restart.
    if (index === 1) return { at: Math.round(kill.at + 0.5 * kill.downMs), agent: random.integer(0, agents - 1) };
    return { at: Math.round(random.between(FIRST, ALL_OVER - 0.05) * runMs), agent: random.integer(0, agents - 1) };
  });
  const databaseCut = { at: Math.round(random.between(0.5, 0.6) * runMs) };
  return { cuts: cuts.sort((a, b) => a.at - b.at), kill, reloads: reloads.sort((a, b) => a.at - b.at), databaseCut };
}

/** The server side of the faults: the process to SIGKILL and start again. */
export interface KillableServer {
  readonly port: number;
  kill(): Promise<void>;
  restart(): Promise<string>;
  /** Ends another process's database connections (pg_terminate_backend); answers how many, 0 when there is none. */
  cutDatabase(): Promise<number>;
}

export interface FaultTargets {
  proxies: readonly TcpProxy[];
  server: KillableServer;
  reload: (agent: number) => void;
  /** Has an agent (all of them without one) send a few replies at once. */
  burst: (agent?: number) => void;
  /** Told when the server is down and back, for the log. */
  say: (line: string) => void;
}

/** What actually happened, for the report. */
export interface FaultCounts {
  silentCuts: number;
  resetCuts: number;
  kills: number;
  restarts: number;
  reloads: number;
  /** How long the server was away, ms. */
  downMs: number;
  /** Database connections ended under a live process. */
  databaseConnectionsCut: number;
}

/** Plays the plan against the running system, each fault on its own timer. */
export async function runFaults(plan: FaultPlan, targets: FaultTargets, startedAt: number, signal: AbortSignal): Promise<FaultCounts> {
  const counts: FaultCounts = { silentCuts: 0, resetCuts: 0, kills: 0, restarts: 0, reloads: 0, downMs: 0, databaseConnectionsCut: 0 };
  const at = (ms: number) => sleep(startedAt + ms - Date.now(), signal).then(() => !signal.aborted);
  const tasks: Promise<void>[] = [];
  for (const cut of plan.cuts) {
    tasks.push(
      (async () => {
        const proxy = targets.proxies[cut.agent];
        if (!proxy || !(await at(cut.at - cut.burstLeadMs))) return;
        targets.burst(cut.agent);
        await sleep(cut.burstLeadMs);
        proxy.cut(cut.mode);
        counts[cut.mode === 'silent' ? 'silentCuts' : 'resetCuts'] += 1;
        targets.say(`cut agent-${cut.agent + 1} (${cut.mode}) for ${(cut.durationMs / 1000).toFixed(1)} s`);
        await sleep(cut.durationMs, signal);
        // Restored even when the run is stopping: the check needs every link back.
        proxy.restore();
        targets.say(`restored agent-${cut.agent + 1}`);
      })(),
    );
  }
  for (const reload of plan.reloads) {
    tasks.push(
      (async () => {
        if (!(await at(reload.at))) return;
        targets.reload(reload.agent);
        counts.reloads += 1;
        targets.say(`reloaded agent-${reload.agent + 1}'s page`);
      })(),
    );
  }
  tasks.push(
    (async () => {
      if (!(await at(plan.kill.at - plan.kill.burstLeadMs))) return;
      targets.burst();
      await sleep(plan.kill.burstLeadMs);
      const downAt = Date.now();
      await targets.server.kill();
      counts.kills += 1;
      targets.say(`server killed (SIGKILL) at ${((downAt - startedAt) / 1000).toFixed(1)} s`);
      // The restart happens even when the run is stopping: there is a check to do.
      await sleep(plan.kill.downMs);
      await targets.server.restart();
      counts.restarts += 1;
      counts.downMs = Date.now() - downAt;
      targets.say(`server back on port ${targets.server.port} after ${counts.downMs} ms`);
    })(),
  );
  tasks.push(
    (async () => {
      if (!(await at(plan.databaseCut.at))) return;
      counts.databaseConnectionsCut = await targets.server.cutDatabase();
      if (counts.databaseConnectionsCut > 0) targets.say(`ended ${counts.databaseConnectionsCut} database connections of a live process (pg_terminate_backend)`);
    })(),
  );
  await Promise.all(tasks);
  return counts;
}
