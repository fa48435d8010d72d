import { setTimeout as sleep } from 'node:timers/promises';
import { openContender } from './browser.mjs';
import { untilQuiet } from './load.mjs';
import { median, p95, sum } from './stats.mjs';

/**
 * The measurements. Each runs in a fresh page; the page does the work and waits frame by
 * frame, and main-thread time is read from CDP around it (`timed`). A measurement during
 * which other processes used the CPU (bench/lib/load.mjs) is done again, up to `TRIES`
 * times; the last one is kept, marked `disturbed`, when the machine never quietens.
 */
const TRIES = 4;

/** The 1 Hz tick is timed over windows of this many seconds (as many ticks). */
const TICK_WINDOW_SECONDS = 5;

/** Medians of a list of samples with main-thread time and its script, layout and style parts. */
function summarize(list) {
  const of = (name) => median(list.map((entry) => entry[name]));
  return {
    mainMs: of('mainMs'),
    p95MainMs: p95(list.map((entry) => entry.mainMs)),
    scriptMs: of('scriptMs'),
    layoutMs: of('layoutMs'),
    styleMs: of('styleMs'),
  };
}

export function scenarios({ browser, origin, plan, log }) {
  const open = (name) => openContender(browser, origin, name, log);

  /** Runs `attempt` until other load leaves it alone; `attempt` returns `{ load, ... }`. */
  async function undisturbed(label, attempt) {
    for (let tryNumber = 1; ; tryNumber++) {
      await untilQuiet(60, log);
      const outcome = await attempt();
      if (!outcome.load.disturbed) return outcome;
      const busy = `${outcome.load.cores.toFixed(2)} cores busy elsewhere`;
      if (tryNumber >= TRIES) {
        log(`  ${label}: still disturbed after ${TRIES} tries (${busy}); kept, marked disturbed`);
        return { ...outcome, disturbed: true };
      }
      log(`  ${label}: disturbed (${busy}), measuring again`);
    }
  }

  /** What a frame costs the page when nothing changes: the harness's wait and check, and the frame itself. */
  async function idleFrameMs(page, label) {
    const frames = 60;
    const { main } = await undisturbed(`${label} idle frames`, () => page.timed(() => page.evaluate((count) => bench.idleFrames(count), frames)));
    return main.task / frames;
  }

  /** Main-thread time of a page call that waits one frame and does nothing else (CDP round trip included). */
  async function oneFrameCallMs(page, label) {
    const samples = [];
    for (let index = 0; index < 10; index++) {
      const { main } = await undisturbed(`${label} calibration`, () => page.timed(() => page.evaluate(() => bench.ours.afterFrame())));
      samples.push(main.task);
    }
    return median(samples);
  }

  /**
   * `total` appends in chunks of `chunk`, each chunk timed on its own so a disturbed one
   * can be left out (and another done instead). Per message: main-thread time of the
   * chunk, less the idle cost of the frames waited, over the chunk's messages.
   */
  async function appends(page, label, total, chunk, frameMs) {
    const chunks = [];
    const frames = [];
    const missedFrames = await page.evaluate(() => bench.MISSED);
    let dropped = 0;
    while (chunks.length * chunk < total) {
      const { result, main, load } = await page.timed(() => page.evaluate((count) => bench.appendMany(count), chunk));
      if (load.disturbed && dropped < total / chunk) {
        dropped += 1;
        log(`  ${label}: a chunk of appends disturbed (${load.cores.toFixed(2)} cores busy elsewhere), one more`);
        await untilQuiet(60, log);
        continue;
      }
      chunks.push({
        mainMs: (main.task - sum(result) * frameMs) / chunk,
        rawMainMs: main.task / chunk,
        scriptMs: main.script / chunk,
        layoutMs: main.layout / chunk,
        styleMs: main.style / chunk,
        disturbed: load.disturbed,
      });
      frames.push(...result);
    }
    return {
      mainMs: median(chunks.map((entry) => entry.mainMs)),
      rawMainMs: median(chunks.map((entry) => entry.rawMainMs)),
      scriptMs: median(chunks.map((entry) => entry.scriptMs)),
      layoutMs: median(chunks.map((entry) => entry.layoutMs)),
      styleMs: median(chunks.map((entry) => entry.styleMs)),
      frames: {
        median: median(frames),
        p95: p95(frames),
        max: Math.max(...frames),
        nextFrameShare: frames.filter((count) => count <= 1).length / frames.length,
        // Not on screen within 2 s (then the next append came).
        missed: frames.filter((count) => count >= missedFrames).length,
      },
      idleFrameMs: frameMs,
      chunks,
      droppedChunks: dropped,
    };
  }

  /** Opens a page, mounts, hands over `size` messages and times the first render; again when disturbed. */
  async function firstRender(name, size) {
    let page;
    const outcome = await undisturbed(`${name} first render of ${size}`, async () => {
      await page?.close();
      page = await open(name);
      await page.evaluate(() => bench.mount());
      const heapBefore = await page.heap();
      await page.evaluate((count) => bench.prepare(count), size);
      const timed = await page.timed(() => page.evaluate(() => bench.firstRender()));
      return { ...timed, heapBefore };
    });
    const heapAfter = await page.heap();
    const firstRender = {
      wallMs: outcome.result.wallMs,
      frames: outcome.result.frames,
      mainMs: outcome.main.task,
      scriptMs: outcome.main.script,
      layoutMs: outcome.main.layout,
      styleMs: outcome.main.style,
      disturbed: Boolean(outcome.disturbed),
    };
    const heap = { jsBytes: heapAfter.js - outcome.heapBefore.js, embedderBytes: heapAfter.embedder - outcome.heapBefore.embedder };
    return { page, firstRender, heap };
  }

  return {
    /** The heap that the message data alone takes, in a page that holds only it. */
    async dataSize(chatCount, perChat) {
      const page = await open('vanilla');
      try {
        const before = await page.heap();
        const jsonChars = await page.evaluate(([chats, each]) => bench.holdData(chats, each), [chatCount, perChat]);
        const after = await page.heap();
        return { messages: chatCount * perChat, jsBytes: after.js - before.js, jsonChars };
      } finally {
        await page.close();
      }
    },

    /** First render of the transcript, the heap it holds, then appends one by one. */
    async transcript(name) {
      log(`  ${name}: first render of ${plan.transcript.toLocaleString('en-US')}, then ${plan.appends} appends`);
      const { page, firstRender: render, heap } = await firstRender(name, plan.transcript);
      try {
        const listHeight = await page.evaluate(() => bench.listHeight());
        const frameMs = await idleFrameMs(page, name);
        const appended = await appends(page, name, plan.appends, plan.chunk, frameMs);
        return { firstRender: render, heap, appends: appended, listHeight, pageErrors: page.errors };
      } finally {
        await page.close();
      }
    },

    /** Per-message cost of appends to a transcript of `size` messages. */
    async flatness(name, size) {
      log(`  ${name}: ${plan.flatAppends} appends to ${size.toLocaleString('en-US')} messages`);
      const { page, firstRender: render } = await firstRender(name, size);
      try {
        const frameMs = await idleFrameMs(page, name);
        const appended = await appends(page, `${name} at ${size}`, plan.flatAppends, plan.chunk, frameMs);
        return { size, firstRender: render, appends: appended };
      } finally {
        await page.close();
      }
    },

    /** Ours only: 12 long chats; chat switches, the idle tick, keystrokes, heap, and (once) the burst. */
    async workspace({ burst }) {
      const { chats, perChat } = plan;
      log(`  ours: ${chats} chats × ${perChat.toLocaleString('en-US')} messages`);
      const page = await open('ours');
      try {
        await page.evaluate(() => bench.mount());
        const heapBefore = await page.heap();
        const chatIds = await page.evaluate(([count, each]) => bench.ours.openChats(count, each), [chats, perChat]);
        const heapAfter = await page.heap();
        const heap = { jsBytes: heapAfter.js - heapBefore.js, embedderBytes: heapAfter.embedder - heapBefore.embedder };
        const frameMs = await idleFrameMs(page, 'ours');
        const callMs = await oneFrameCallMs(page, 'ours');
        const missedFrames = await page.evaluate(() => bench.MISSED);

        // Round the tabs from the one after the active chat (the last accepted), `switchCycles`
        // times. A disturbed switch is not done again (its chat is on screen by then): the
        // next one counts instead.
        const switches = [];
        const wanted = plan.switchCycles * chatIds.length;
        for (let step = 0; switches.length < wanted; step++) {
          const index = step % chatIds.length;
          await untilQuiet(60, log);
          const { result: frames, main, load } = await page.timed(() => page.evaluate((chat) => bench.ours.switchTo(chat), index));
          if (load.disturbed && step < 2 * wanted) {
            log(`  switch to chat ${index + 1}: disturbed (${load.cores.toFixed(2)} cores busy elsewhere), one more`);
            continue;
          }
          switches.push({
            mainMs: main.task - callMs - (frames - 1) * frameMs,
            scriptMs: main.script,
            layoutMs: main.layout,
            styleMs: main.style,
            frames,
            firstVisit: step < chatIds.length,
            disturbed: load.disturbed,
          });
        }

        // Nothing happens in the page but the session clock: what one tick costs. The composer
        // that the switches focused lets go of the focus (a blinking caret repaints), and the
        // garbage of the setup and the switches is collected, and V8 left to finish its own
        // clean-up (its memory reducer keeps collecting for seconds after a heap grew), before
        // windows of 5 s are timed; their median is kept.
        await page.evaluate(() => bench.ours.blur());
        await page.heap();
        await sleep(plan.tickSettleSeconds * 1000);
        const windows = [];
        for (let index = 0; index < plan.tickSeconds / TICK_WINDOW_SECONDS; index++) {
          const idle = await undisturbed('idle tick', () => page.timed(() => sleep(TICK_WINDOW_SECONDS * 1000)));
          const perTick = (ms) => ms / TICK_WINDOW_SECONDS;
          windows.push({
            mainMs: perTick(idle.main.task),
            scriptMs: perTick(idle.main.script),
            layoutMs: perTick(idle.main.layout),
            styleMs: perTick(idle.main.style),
          });
        }
        const tick = { ...summarize(windows), seconds: plan.tickSeconds, windows };

        const chatId = await page.evaluate(() => bench.ours.focusComposer());
        const keystrokes = [];
        for (let index = 0; index < plan.keystrokes; index++) {
          const key = String.fromCharCode(97 + (index % 26));
          const { main } = await undisturbed('keystroke', () =>
            page.timed(async () => {
              await page.page.keyboard.press(key);
              await page.evaluate(() => bench.ours.afterFrame());
            }),
          );
          keystrokes.push({ mainMs: main.task - callMs, scriptMs: main.script, layoutMs: main.layout, styleMs: main.style });
        }
        // A disturbed keystroke was typed again: the draft holds at least one letter per keystroke.
        const draftLength = (await page.evaluate((id) => bench.ours.draftOf(id), chatId))?.length ?? 0;

        let burstResult;
        if (burst) {
          log(`  ours: burst of ${chats} chats × ${plan.burstRate} messages/s for ${plan.burstSeconds} s`);
          const run = await undisturbed('burst', () =>
            page.timed(() => page.evaluate(([seconds, rate]) => bench.ours.burst(seconds, rate), [plan.burstSeconds, plan.burstRate])),
          );
          const { longTasks, ...rest } = run.result;
          burstResult = {
            ...rest,
            longTasks: longTasks.length,
            longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
            longTaskMs: sum(longTasks),
            mainMsPerMessage: run.main.task / rest.delivered,
            disturbed: Boolean(run.disturbed),
          };
        }
        return {
          heap,
          listHeight: await page.evaluate(() => bench.listHeight()),
          calibration: { idleFrameMs: frameMs, oneFrameCallMs: callMs },
          switch: {
            ...summarize(switches),
            firstVisit: summarize(switches.filter((entry) => entry.firstVisit)),
            frames: median(switches.map((entry) => entry.frames)),
            missed: switches.filter((entry) => entry.frames >= missedFrames).length,
            samples: switches,
          },
          tick,
          keystroke: { ...summarize(keystrokes), typed: draftLength, samples: keystrokes },
          burst: burstResult,
          pageErrors: page.errors,
        };
      } finally {
        await page.close();
      }
    },

    /** What the simulator's `contactSays` costs early in a chat and at `size` messages. */
    async simulator(size) {
      const page = await open('ours');
      try {
        return await page.evaluate((count) => bench.ours.simulatorCost(count), size);
      } finally {
        await page.close();
      }
    },
  };
}
