import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { openContender } from './browser.mjs';

/**
 * CPU profiles of our workspace (not timed): the same page built from the unminified
 * dist/ modules, so functions keep their names. Each function's self time is summed and
 * attributed to its module, which esbuild marks in the bundle with a `// path` line.
 */
export async function profileOurs({ browser, origin, plan, root, log }) {
  const modules = moduleLines(readFileSync(`${root}bench/.build/ours-profile.js`, 'utf8'));
  const open = () => openContender(browser, origin, 'ours-profile', log);
  const profiles = {};

  async function record(page, label, work) {
    await page.cdp.send('Profiler.enable');
    await page.cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await page.cdp.send('Profiler.start');
    await work();
    const { profile } = await page.cdp.send('Profiler.stop');
    profiles[label] = selfTimes(profile, modules);
  }

  log('  ours: CPU profiles (first render, appends, appends to a long transcript, chat switch, keystrokes, tick)');
  const single = await open();
  try {
    await single.evaluate(() => bench.mount());
    await single.evaluate((count) => bench.prepare(count), plan.transcript);
    await record(single, 'first render', () => single.evaluate(() => bench.firstRender()));
    await record(single, 'append', () => single.evaluate((count) => bench.appendMany(count), plan.profileAppends));
  } finally {
    await single.close();
  }

  // The same appends to a transcript of the largest size: what grows with the transcript.
  const large = await open();
  const size = plan.flatSizes.at(-1);
  try {
    await large.evaluate(() => bench.mount());
    await large.evaluate((count) => bench.prepare(count), size);
    await large.evaluate(() => bench.firstRender());
    await record(large, `append at ${size.toLocaleString('en-US')}`, () => large.evaluate((count) => bench.appendMany(count), plan.profileAppends / 3));
  } finally {
    await large.close();
  }

  const many = await open();
  try {
    await many.evaluate(() => bench.mount());
    await many.evaluate(([count, each]) => bench.ours.openChats(count, each), [plan.chats, plan.perChat]);
    await record(many, 'chat switch', async () => {
      for (let index = 0; index < plan.chats; index++) await many.evaluate((chat) => bench.ours.switchTo(chat), index);
    });
    await many.evaluate(() => bench.ours.focusComposer());
    await record(many, 'keystroke', async () => {
      for (let index = 0; index < 20; index++) {
        await many.page.keyboard.press('k');
        await many.evaluate(() => bench.ours.afterFrame());
      }
    });
    await many.evaluate(() => bench.ours.blur());
    await many.heap();
    await sleep(plan.tickSettleSeconds * 1000);
    await record(many, 'tick', () => sleep(5000));
  } finally {
    await many.close();
  }
  return profiles;
}

/** The bundle's module boundaries: [line, path] pairs, in order. */
function moduleLines(bundle) {
  const starts = [];
  bundle.split('\n').forEach((line, index) => {
    const match = /^\/\/ ((?:dist|node_modules|bench)\/\S+\.m?js)$/.exec(line);
    if (match) starts.push([index, match[1]]);
  });
  return starts;
}

/** The module a 0-based line of the profiling bundle belongs to, as a source path where it is ours. */
function moduleAt(modules, line) {
  let low = 0;
  let high = modules.length - 1;
  let found = '';
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (modules[middle][0] <= line) {
      found = modules[middle][1];
      low = middle + 1;
    } else high = middle - 1;
  }
  return found.replace(/^dist\/(.*)\.js$/, 'src/$1.ts').replace(/^node_modules\//, '');
}

/** Self time per function (ms), the heaviest first, with the profile's total and what is not script. */
function selfTimes(profile, modules) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByNode = new Map();
  // Each sample's time is the gap to the next sample.
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index + 1] ?? 0;
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + delta / 1000);
  });
  const functions = new Map();
  let totalMs = 0;
  for (const [id, ms] of selfByNode) {
    const { functionName, url, lineNumber } = byNode.get(id).callFrame;
    if (functionName === '(idle)') continue;
    totalMs += ms;
    const where = url.endsWith('/ours-profile.js') ? moduleAt(modules, lineNumber) : url ? url.replace(/^.*\//, '') : 'native';
    const key = `${functionName || '(anonymous)'} ${where}`;
    const entry = functions.get(key) ?? { name: functionName || '(anonymous)', module: where, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
  }
  const ranked = [...functions.values()].sort((a, b) => b.ms - a.ms);
  const byModule = new Map();
  for (const entry of ranked) byModule.set(entry.module, (byModule.get(entry.module) ?? 0) + entry.ms);
  return {
    totalMs,
    top: ranked.slice(0, Number(process.env.PROFILE_TOP ?? 15)),
    // Our own functions (src/), which the top may crowd out: where the optimization work starts.
    ours: ranked.filter((entry) => entry.module.startsWith('src/')).slice(0, 10),
    modules: [...byModule].map(([module, ms]) => ({ module, ms })).sort((a, b) => b.ms - a.ms).slice(0, 10),
  };
}
