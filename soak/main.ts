/**
 * `npm run soak` (through scripts/soak.mjs, which bundles this file and the server):
 * runs one soak and prints its table, or with `--json` one JSON line for the test runner.
 * Exits 1 when anything was lost, duplicated or reordered, 2 when the run itself failed.
 */
import { OptionError, readOptions } from './options.js';
import { formatComparison, formatReport, type SoakReport } from './report.js';
import { runSoak } from './run-soak.js';

const serverEntry = process.env.SOAK_SERVER_BUNDLE;
// A signal's default ends the process without its 'exit' handlers; through exit(), the run's server goes too.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
/** Exits once `text` is out: whatever a failed run left behind must not keep the process alive. */
const finish = (stream: NodeJS.WriteStream, text: string, code: number) => stream.write(text, () => process.exit(code));

try {
  if (!serverEntry) throw new Error('SOAK_SERVER_BUNDLE is not set: run the soak through scripts/soak.mjs.');
  const options = readOptions(process.argv.slice(2), process.env);
  const say = (line: string) => process.stderr.write(`[soak ${new Date().toISOString().slice(11, 23)}] ${line}\n`);
  const environment = { serverEntry, say };
  if (options.compare && !options.json && options.store === 'postgres' && options.processes > 1) {
    // The same seed and load on one process, then on several: the side-by-side figures.
    const reports: SoakReport[] = [];
    for (const processes of [1, options.processes]) {
      say(`run ${reports.length + 1} of 2: ${processes} process(es) on PostgreSQL`);
      reports.push(await runSoak({ ...options, processes }, environment));
    }
    const text = [...reports.map(formatReport), formatComparison(reports)].join('\n\n');
    finish(process.stdout, `${text}\n`, reports.every((report) => report.ok) ? 0 : 1);
  } else {
    const report = await runSoak(options, environment);
    finish(process.stdout, `${options.json ? JSON.stringify(report) : formatReport(report)}\n`, report.ok ? 0 : 1);
  }
} catch (error) {
  const detail = error instanceof OptionError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  finish(process.stderr, `soak: ${detail}\n`, 2);
}
