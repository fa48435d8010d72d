import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium-path.mjs';
import { loadSample, otherLoad } from './load.mjs';

/** The page's size: the contenders' message lists are 720 × 560 inside it. */
const VIEWPORT = { width: 1000, height: 1000 };

/** Headless Chromium from the system (never a downloaded one), with the flags this machine needs. */
export async function launchBrowser() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('bench: no Chromium found (install chromium, or set CHROME_PATH)');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      // A long-task observer and timers must run at full speed for the whole run.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
    ],
  });
}

/**
 * Opens a contender's page in a fresh context, with a CDP session for its metrics.
 * `page.evaluate` runs in the page; the helpers around it read CDP from here.
 */
export async function openContender(browser, origin, contender, log) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => {
    errors.push(error.message);
    log(`  [${contender}] page error: ${error.message}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') log(`  [${contender}] console: ${message.text()}`);
  });
  await page.goto(`${origin}/bench/pages/index.html?contender=${contender}`);
  // Polled every 100 ms, only while the page loads: nothing is measured yet.
  const ready = await page.waitForFunction(() => document.documentElement.dataset.ready, undefined, { polling: 100 });
  const state = await ready.jsonValue();
  if (state !== 'true') throw new Error(`bench: ${contender} did not load: ${state}`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return {
    page,
    cdp,
    errors,
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    close: () => context.close(),
    metrics: () => metricsOf(cdp),
    heap: () => heapOf(cdp),
    /** Runs `work` and reads the renderer's main-thread time and the machine's other load around it. */
    async timed(work) {
      const loadBefore = loadSample();
      const before = await metricsOf(cdp);
      const result = await work();
      const after = await metricsOf(cdp);
      return { result, main: mainThread(before, after), load: otherLoad(loadBefore, loadSample()) };
    },
  };
}

async function metricsOf(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

/**
 * Main-thread time between two readings, in ms: TaskDuration is every task the renderer's
 * main thread ran (script, style, layout, paint, GC); the others are parts of it.
 */
function mainThread(before, after) {
  const ms = (name) => (after[name] - before[name]) * 1000;
  return { task: ms('TaskDuration'), script: ms('ScriptDuration'), layout: ms('LayoutDuration'), style: ms('RecalcStyleDuration') };
}

/** JS heap after forced garbage collection (twice: weak references may free more the second time). */
async function heapOf(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return { js: usage.usedSize, embedder: usage.embedderHeapUsedSize ?? 0 };
}
