// `npm run soak [-- --agents N --seconds N --seed N]`: bundles the soak driver (soak/main.ts,
// which runs the session's TypeScript in Node) and the reference server with esbuild, then
// runs the soak in a child process. Its exit code is the soak's: 0 clean, 1 something was
// lost, duplicated or reordered, 2 the run itself failed.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { buildServer } from './server.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const cache = fileURLToPath(new URL('../node_modules/.cache/agent-chat-soak/', import.meta.url));

let builds = 0;

/** Bundles both programs under names of this call's own, so parallel runs do not clash. */
export async function buildSoak() {
  const name = `${process.pid}-${++builds}`;
  const driver = `${cache}soak-${name}.mjs`;
  const server = `${cache}server-${name}.mjs`;
  await Promise.all([
    build({
      absWorkingDir: root,
      entryPoints: ['soak/main.ts'],
      outfile: driver,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['ws', 'better-sqlite3', 'pg'],
      sourcemap: 'linked',
      logLevel: 'warning',
    }),
    buildServer(server),
  ]);
  return { driver, server, remove: () => [driver, server].forEach((file) => ['', '.map'].forEach((end) => rmSync(file + end, { force: true }))) };
}

/**
 * Starts one soak run in a child process. `json` makes it print one JSON line (the
 * report) on stdout; its progress goes to stderr either way.
 *
 * @param {string[]} args the soak's flags
 * @param {{ json?: boolean, stdio?: 'inherit' | 'pipe' }} [how]
 */
export async function startSoak(args, { json = false, stdio = 'inherit' } = {}) {
  const bundles = await buildSoak();
  const child = spawn(process.execPath, ['--enable-source-maps', bundles.driver, ...args, ...(json ? ['--json'] : [])], {
    env: { ...process.env, SOAK_SERVER_BUNDLE: bundles.server },
    stdio: ['ignore', stdio, stdio],
  });
  const finished = new Promise((resolve) =>
    child.once('exit', (code, signal) => {
      bundles.remove();
      resolve({ code, signal });
    }),
  );
  return { child, finished };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { child, finished } = await startSoak(process.argv.slice(2));
  // Ctrl-C reaches the child through the terminal; it kills its server on the way out.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  const { code, signal } = await finished;
  process.exit(code ?? (signal ? 130 : 2));
}
