/**
 * The measuring half of `npm run bench` (bench/run.mjs builds first, then runs this under
 * flock /tmp/browser.lock). One headless Chromium; every round runs the contenders in a
 * rotated order so none always goes first or last. Prints the table and writes
 * bench/results.json.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './lib/browser.mjs';
import { OTHER_CORES_LIMIT } from './lib/load.mjs';
import { profileOurs } from './lib/profile.mjs';
import { CONTENDERS, report, summarize, targets } from './lib/report.mjs';
import { scenarios } from './lib/scenarios.mjs';
import { serveBench } from './lib/server.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const quick = process.env.BENCH_QUICK === '1';

/** How much of everything; BENCH_QUICK=1 is for working on the bench, not for numbers. */
const plan = {
  rounds: quick ? 1 : 3,
  transcript: 5000,
  appends: quick ? 100 : 1000,
  chunk: quick ? 25 : 50,
  flatSizes: [1000, 100_000],
  flatAppends: quick ? 50 : 300,
  flatContenders: ['ours', 'react-virtuoso'],
  chats: 12,
  perChat: quick ? 2000 : 10_000,
  switchCycles: quick ? 1 : 2,
  tickSeconds: quick ? 5 : 20,
  tickSettleSeconds: quick ? 3 : 10,
  keystrokes: quick ? 15 : 60,
  burstSeconds: quick ? 10 : 60,
  burstRate: 10,
  simulatorSize: 2000,
  profileAppends: 300,
};

const rotate = (list, by) => list.map((_, index) => list[(index + by) % list.length]);
const log = (line) => console.log(line);
const started = Date.now();

const server = await serveBench(root);
const browser = await launchBrowser();
const run = scenarios({ browser, origin: server.origin, plan, log });
const results = {
  plan,
  quick,
  startedAt: new Date(started).toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, loadavg: loadavg(), browser: browser.version(), otherLoadLimitCores: OTHER_CORES_LIMIT },
  transcript: Object.fromEntries(CONTENDERS.map((name) => [name, []])),
  flatness: Object.fromEntries(plan.flatContenders.map((name) => [name, Object.fromEntries(plan.flatSizes.map((size) => [size, []]))])),
  workspace: [],
};

try {
  log(`bench: Chromium ${browser.version()}, ${plan.rounds} round(s)${quick ? ' (BENCH_QUICK)' : ''}`);
  results.dataSize = {
    transcript: await run.dataSize(1, plan.transcript),
    chats: await run.dataSize(plan.chats, plan.perChat),
  };
  for (let round = 0; round < plan.rounds; round++) {
    log(`round ${round + 1} of ${plan.rounds}`);
    for (const name of rotate(CONTENDERS, round)) results.transcript[name].push(await run.transcript(name));
    for (const name of rotate(plan.flatContenders, round)) {
      for (const size of rotate(plan.flatSizes, round)) results.flatness[name][size].push(await run.flatness(name, size));
    }
    // The 60-second burst once, in the last round.
    results.workspace.push(await run.workspace({ burst: round === plan.rounds - 1 }));
  }
  log('simulator and profiles');
  results.simulator = await run.simulator(plan.simulatorSize);
  results.profiles = await profileOurs({ browser, origin: server.origin, plan, root, log });
} finally {
  await browser.close();
  await server.close();
}

results.disturbedCount = JSON.stringify(results).split('"disturbed":true').length - 1;
results.summary = summarize(results);
results.targets = targets(results.summary, plan);
results.seconds = Math.round((Date.now() - started) / 1000);
writeFileSync(`${root}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
log('');
log(report(results, results.summary, results.targets));
log(`\nbench: ${results.seconds} s; details in bench/results.json`);
