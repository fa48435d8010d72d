import { formatBytes, formatNumber, formatRatio, median } from './stats.mjs';

export const CONTENDERS = ['ours', 'vanilla', 'deep-chat', 'react-virtuoso'];
const OTHERS = CONTENDERS.slice(1);

/** Flat means the per-message cost at the largest transcript is at most this many times the smallest's (noise allowed). */
export const FLAT_LIMIT = 1.25;

/** Medians over the rounds of everything the table shows. */
export function summarize(results) {
  const contenders = {};
  for (const name of CONTENDERS) {
    const runs = results.transcript[name] ?? [];
    const of = (pick) => median(runs.map(pick));
    contenders[name] = {
      firstWallMs: of((run) => run.firstRender.wallMs),
      firstFrames: of((run) => run.firstRender.frames),
      firstMainMs: of((run) => run.firstRender.mainMs),
      firstScriptMs: of((run) => run.firstRender.scriptMs),
      appendMainMs: of((run) => run.appends.mainMs),
      appendRawMainMs: of((run) => run.appends.rawMainMs),
      appendScriptMs: of((run) => run.appends.scriptMs),
      appendFrames: of((run) => run.appends.frames.median),
      appendFramesP95: of((run) => run.appends.frames.p95),
      nextFrameShare: of((run) => run.appends.frames.nextFrameShare),
      appendMissed: runs.reduce((total, run) => total + run.appends.frames.missed, 0),
      heapJsBytes: of((run) => run.heap.jsBytes),
      heapEmbedderBytes: of((run) => run.heap.embedderBytes),
    };
    contenders[name].heapPerData = contenders[name].heapJsBytes / results.dataSize.transcript.jsBytes;
  }
  const flatness = {};
  for (const [name, bySize] of Object.entries(results.flatness)) {
    const sizes = Object.keys(bySize).map(Number).sort((a, b) => a - b);
    const perMessage = Object.fromEntries(sizes.map((size) => [size, median(bySize[size].map((run) => run.appends.mainMs))]));
    const frames = Object.fromEntries(sizes.map((size) => [size, median(bySize[size].map((run) => run.appends.frames.p95))]));
    const missed = Object.fromEntries(sizes.map((size) => [size, bySize[size].reduce((total, run) => total + run.appends.frames.missed, 0)]));
    flatness[name] = { sizes, perMessage, framesP95: frames, missed, ratio: perMessage[sizes.at(-1)] / perMessage[sizes[0]] };
  }
  const runs = results.workspace;
  const of = (pick) => median(runs.map(pick));
  const burstRun = runs.find((run) => run.burst)?.burst;
  const workspace = {
    switchMs: of((run) => run.switch.mainMs),
    switchP95Ms: of((run) => run.switch.p95MainMs),
    switchFirstVisitMs: of((run) => run.switch.firstVisit.mainMs),
    switchFrames: of((run) => run.switch.frames),
    switchParts: parts(runs, (run) => run.switch),
    tickMs: of((run) => run.tick.mainMs),
    tickParts: parts(runs, (run) => run.tick),
    keystrokeMs: of((run) => run.keystroke.mainMs),
    keystrokeParts: parts(runs, (run) => run.keystroke),
    keystrokeP95Ms: of((run) => run.keystroke.p95MainMs),
    heapJsBytes: of((run) => run.heap.jsBytes),
    heapPerData: of((run) => run.heap.jsBytes) / results.dataSize.chats.jsBytes,
    burst: burstRun,
  };
  return { contenders, flatness, workspace };
}

/** Script, layout and style medians of a measure: what of its main-thread time is ours to cut, and what is rendering. */
function parts(runs, pick) {
  const of = (name) => median(runs.map((run) => pick(run)[name]));
  return { scriptMs: of('scriptMs'), layoutMs: of('layoutMs'), styleMs: of('styleMs') };
}

const formatParts = ({ scriptMs, layoutMs, styleMs }) =>
  `script ${formatNumber(scriptMs)}, layout ${formatNumber(layoutMs)}, style ${formatNumber(styleMs)}`;

/** A count with thousands separators: 100,000. */
const count = (value) => value.toLocaleString('en-US');

/** Each target of issue 13 with its value from this run, whether it is met, and by how much it falls short. */
export function targets(summary, plan) {
  const ours = summary.contenders.ours;
  const { vanilla, 'deep-chat': deepChat, 'react-virtuoso': virtuoso } = summary.contenders;
  const { workspace } = summary;
  const list = [];
  const add = (name, value, met, shortfall) => list.push({ name, value, met, shortfall: met ? '' : shortfall });

  /** Ours at most `limit` times another contender's `other`. */
  const ratioTarget = (name, value, other, limit) => {
    const ratio = value / other;
    const over = `${formatNumber(value)} ms, needs ≤ ${formatNumber(other * limit)} ms: ${formatRatio(ratio / limit)} too much`;
    add(name, `${formatRatio(ratio)} (${formatNumber(value)} vs ${formatNumber(other)} ms)`, ratio <= limit, over);
  };
  /** Ours at most `limit` (in `unit`). */
  const limitTarget = (name, value, limit, unit, note = '') => {
    const over = `${formatNumber(value - limit)} ${unit} over${note ? ` (${note})` : ''}`;
    add(name, `${formatNumber(value)} ${unit}`, value <= limit, over);
  };

  ratioTarget('first render wall time ≤ 0.1× vanilla', ours.firstWallMs, vanilla.firstWallMs, 0.1);
  ratioTarget('first render main thread ≤ 0.5× react-virtuoso', ours.firstMainMs, virtuoso.firstMainMs, 0.5);
  ratioTarget('append main thread ≤ 0.1× vanilla', ours.appendMainMs, vanilla.appendMainMs, 0.1);
  ratioTarget('append main thread ≤ 0.1× deep-chat', ours.appendMainMs, deepChat.appendMainMs, 0.1);
  ratioTarget('append main thread ≤ 0.5× react-virtuoso', ours.appendMainMs, virtuoso.appendMainMs, 0.5);

  const nextFrame = ours.appendFramesP95 <= 1 && ours.appendMissed === 0;
  add(
    'append on screen in the next frame (95% of appends)',
    `${formatNumber(ours.nextFrameShare * 100)}% in 1 frame, p95 ${ours.appendFramesP95} frames`,
    nextFrame,
    `${formatNumber((1 - ours.nextFrameShare) * 100)}% took 2 frames or more; ${ours.appendMissed} never showed within 2 s`,
  );

  const flat = summary.flatness.ours;
  if (flat) {
    const [small, large] = [flat.sizes[0], flat.sizes.at(-1)];
    const [atSmall, atLarge] = [flat.perMessage[small], flat.perMessage[large]];
    add(
      `append cost flat from ${count(small)} to ${count(large)} messages (≤ ${FLAT_LIMIT}×)`,
      `${formatRatio(flat.ratio)} (${formatNumber(atSmall)} → ${formatNumber(atLarge)} ms)`,
      flat.ratio <= FLAT_LIMIT,
      `grows ${formatRatio(flat.ratio)}: +${formatNumber(atLarge - atSmall)} ms per message at ${count(large)}`,
    );
  }

  const chats = `${plan.chats} × ${count(plan.perChat)}`;
  limitTarget(`chat switch, ${chats} messages < 16 ms`, workspace.switchMs, 16, 'ms', `p95 ${formatNumber(workspace.switchP95Ms)} ms`);
  limitTarget(`1 Hz tick with ${plan.chats} chats < 0.5 ms`, workspace.tickMs, 0.5, 'ms');
  if (workspace.burst) {
    const burst = `burst ${plan.chats} chats × ${plan.burstRate}/s for ${plan.burstSeconds} s: zero long tasks`;
    limitTarget(burst, workspace.burst.longTasks, 0, 'long tasks', `longest ${formatNumber(workspace.burst.longestTaskMs)} ms`);
  }
  limitTarget(`keystroke with ${plan.chats} long chats < 2 ms`, workspace.keystrokeMs, 2, 'ms', `p95 ${formatNumber(workspace.keystrokeP95Ms)} ms`);
  limitTarget(`JS heap < 2× the message data (${count(plan.transcript)} messages)`, ours.heapPerData, 2, '× data');
  limitTarget(`JS heap < 2× the message data (${chats})`, workspace.heapPerData, 2, '× data');
  return list;
}

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows
    .map((row, index) => {
      const line = row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  ');
      return index === 0 ? `${line}\n${widths.map((width) => '-'.repeat(width)).join('  ')}` : line;
    })
    .join('\n');
}

/** The contenders side by side, with ours divided by each of the others. */
function contenderTable(results, contenders) {
  const n = count(results.plan.transcript);
  const percent = (value) => `${formatNumber(value * 100)}%`;
  const row = (label, pick, format = formatNumber, ratios = true) => [
    label,
    ...CONTENDERS.map((name) => format(pick(contenders[name]))),
    ...OTHERS.map((name) => (ratios ? formatRatio(pick(contenders.ours) / pick(contenders[name])) : '')),
  ];
  return table([
    ['measure', ...CONTENDERS, 'ours÷vanilla', 'ours÷deep-chat', 'ours÷virtuoso'],
    row(`first render ${n}: wall ms`, (c) => c.firstWallMs),
    row(`first render ${n}: main-thread ms`, (c) => c.firstMainMs),
    row(`first render ${n}: script ms`, (c) => c.firstScriptMs),
    row(`first render ${n}: frames`, (c) => c.firstFrames, formatNumber, false),
    row(`append (${count(results.plan.appends)}): main-thread ms/msg`, (c) => c.appendMainMs),
    row('append: raw main-thread ms/msg', (c) => c.appendRawMainMs),
    row('append: script ms/msg', (c) => c.appendScriptMs),
    row('append: frames to screen, median', (c) => c.appendFrames, String, false),
    row('append: frames to screen, p95', (c) => c.appendFramesP95, String, false),
    row('append: shown in next frame', (c) => c.nextFrameShare, percent, false),
    row('append: not on screen within 2 s (all rounds)', (c) => c.appendMissed, String, false),
    row(`JS heap after GC, ${n} msgs`, (c) => c.heapJsBytes, formatBytes),
    row('JS heap ÷ message data', (c) => c.heapPerData, formatRatio, false),
    row('DOM (embedder) heap after GC', (c) => c.heapEmbedderBytes, formatBytes),
  ]);
}

function flatnessTable(flatness) {
  const sizes = Object.values(flatness)[0].sizes;
  const rows = [['flatness: main-thread ms per appended message', ...sizes.map((size) => `at ${count(size)}`), 'ratio', 'frames p95', 'not shown in 2 s']];
  for (const [name, flat] of Object.entries(flatness)) {
    const bySize = (pick) => flat.sizes.map(pick).join(' → ');
    rows.push([
      name,
      ...flat.sizes.map((size) => formatNumber(flat.perMessage[size])),
      formatRatio(flat.ratio),
      bySize((size) => flat.framesP95[size]),
      bySize((size) => flat.missed[size]),
    ]);
  }
  return table(rows);
}

function oursTable(results, workspace) {
  const { plan, simulator, dataSize } = results;
  const { burst } = workspace;
  const withParts = (ms, parts) => `${formatNumber(ms)} (${formatParts(parts)})`;
  return table([
    [`ours only (${plan.chats} chats × ${count(plan.perChat)} messages)`, 'value'],
    ['chat switch: main-thread ms, median', withParts(workspace.switchMs, workspace.switchParts)],
    [
      'chat switch: p95 ms / first visit ms / frames',
      `${formatNumber(workspace.switchP95Ms)} / ${formatNumber(workspace.switchFirstVisitMs)} / ${workspace.switchFrames}`,
    ],
    ['1 Hz tick: main-thread ms per tick', withParts(workspace.tickMs, workspace.tickParts)],
    ['keystroke: main-thread ms, median', withParts(workspace.keystrokeMs, workspace.keystrokeParts)],
    ['keystroke: p95 ms', formatNumber(workspace.keystrokeP95Ms)],
    ...(burst
      ? [
          [`burst ${plan.burstRate}/s per chat, ${plan.burstSeconds} s: long tasks (longest)`, `${burst.longTasks} (${formatNumber(burst.longestTaskMs)} ms)`],
          ['burst: main-thread ms per message', formatNumber(burst.mainMsPerMessage)],
        ]
      : []),
    [
      'JS heap after GC / ÷ message data',
      `${formatBytes(workspace.heapJsBytes)} / ${formatRatio(workspace.heapPerData)} (data ${formatBytes(dataSize.chats.jsBytes)})`,
    ],
    [
      `simulator contactSays ms/call: at 100 → at ${count(simulator.size)} msgs`,
      `${formatNumber(simulator.atStartMs)} → ${formatNumber(simulator.atSizeMs)}`,
    ],
  ]);
}

/** The printed report: the comparison, flatness, ours-only measures, targets and profile highlights. */
export function report(results, summary, targetList) {
  const { plan, dataSize } = results;
  const out = [
    `Medians of ${plan.rounds} round(s), contenders in rotated order; main thread = CDP TaskDuration, less an idle frame's cost per frame waited.`,
    '',
    contenderTable(results, summary.contenders),
    `Message data: ${count(plan.transcript)} messages take ${formatBytes(dataSize.transcript.jsBytes)} of JS heap (${formatBytes(dataSize.transcript.jsonChars)} as JSON).`,
    '',
    flatnessTable(summary.flatness),
    '',
    oursTable(results, summary.workspace),
    '',
    'Targets (issue 13):',
    ...targetList.map((target) => `  ${target.met ? 'met    ' : 'NOT met'}  ${target.name}: ${target.value}${target.met ? '' : `; ${target.shortfall}`}`),
  ];
  if (results.profiles) {
    out.push('', 'Where our time goes (CPU profile self time in ms, unminified build; top functions, then ours in src/):');
    const list = (entries) => entries.map((entry) => `${entry.name} (${entry.module.replace(/^src\//, '')}) ${formatNumber(entry.ms)}`).join('; ');
    for (const [label, profile] of Object.entries(results.profiles)) {
      out.push(`  ${label} [${formatNumber(profile.totalMs)} ms sampled]: ${list(profile.top.slice(0, 8))}`);
      out.push(`    ours: ${list(profile.ours.slice(0, 6))}`);
    }
  }
  if (results.disturbedCount) {
    out.push('', `${results.disturbedCount} measurement(s) stayed disturbed by other load after retries (marked in bench/results.json).`);
  }
  return out.join('\n');
}
