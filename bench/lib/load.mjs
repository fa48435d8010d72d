import { readFileSync, readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Other load on the machine during a measurement, from /proc: the CPU time all processes
 * used (/proc/stat) minus what this process and its children (the browser) used
 * (/proc/<pid>/stat). A measurement during which others used more than
 * `OTHER_CORES_LIMIT` of a core on average is disturbed and gets repeated.
 */
export const OTHER_CORES_LIMIT = 0.25;
/** Below this many clock ticks (10 ms each) of other work, a short measurement is never called disturbed. */
const OTHER_TICKS_SLACK = 5;
/** USER_HZ: /proc counts CPU time in ticks of 1/100 s on Linux. */
const TICKS_PER_SECOND = 100;

function systemBusyTicks() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/);
  // user nice system idle iowait irq softirq steal: all but idle and iowait is work.
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return user + nice + system + irq + softirq + steal;
}

/**
 * CPU time of this process and its descendants: utime + stime of each, plus cutime +
 * cstime, where a process's ended (reaped) children leave theirs, so a page's renderer
 * that exits mid-measurement still counts as ours.
 */
function ownTicks() {
  const parents = new Map();
  const ticks = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]));
    } catch {
      // The process ended while we read.
    }
  }
  let total = 0;
  for (const [pid, used] of ticks) {
    for (let ancestor = pid; ancestor > 1; ancestor = parents.get(ancestor) ?? 0) {
      if (ancestor === process.pid) {
        total += used;
        break;
      }
    }
  }
  return total;
}

function loadavg() {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
}

/** A reading to compare with a later one. */
export function loadSample() {
  return { at: performance.now(), busy: systemBusyTicks(), own: ownTicks(), loadavg: loadavg() };
}

/** What other processes used between two readings, in cores, and whether that disturbs a measurement. */
export function otherLoad(before, after) {
  const seconds = Math.max((after.at - before.at) / 1000, 0.001);
  const otherTicks = Math.max(0, after.busy - before.busy - (after.own - before.own));
  const cores = otherTicks / TICKS_PER_SECOND / seconds;
  return {
    cores,
    disturbed: otherTicks > OTHER_TICKS_SLACK && cores > OTHER_CORES_LIMIT,
    loadavg: { before: before.loadavg, after: after.loadavg },
  };
}

/**
 * Waits (up to `maxSeconds`) until others leave the CPU alone for a moment, so a
 * measurement does not start in the middle of someone's compile.
 */
export async function untilQuiet(maxSeconds = 60, log = () => {}) {
  const deadline = performance.now() + maxSeconds * 1000;
  let told = false;
  for (;;) {
    const before = loadSample();
    await sleep(500);
    const load = otherLoad(before, loadSample());
    if (!load.disturbed || performance.now() > deadline) return load;
    if (!told) log(`  waiting for other load to pass (${load.cores.toFixed(2)} cores busy elsewhere)`);
    told = true;
  }
}
