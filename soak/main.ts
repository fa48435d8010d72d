/**
 * `npm run soak` (through scripts/soak.mjs, which bundles this file and the server):
 * runs one soak and prints its table, or with `--json` one JSON line for the test runner.
 * Exits 1 when anything was lost, duplicated or reordered, 2 when the run itself failed.
 */
import { readOptions } from './options.js';
import { formatReport } from './report.js';
import { runSoak } from './run-soak.js';

const serverEntry = process.env.SOAK_SERVER_BUNDLE;
// A signal's default ends the process without its 'exit' handlers; through exit(), the run's server goes too.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
try {
  if (!serverEntry) throw new Error('SOAK_SERVER_BUNDLE is not set: run the soak through scripts/soak.mjs.');
  const options = readOptions(process.argv.slice(2), process.env);
  const say = (line: string) => process.stderr.write(`[soak ${new Date().toISOString().slice(11, 23)}] ${line}\n`);
  const report = await runSoak(options, { serverEntry, say });
  if (options.json) process.stdout.write(`${JSON.stringify(report)}\n`);
  else process.stdout.write(`${formatReport(report)}\n`);
  process.exitCode = report.ok ? 0 : 1;
} catch (error) {
  process.stderr.write(`soak: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
}
