// `npm run server`: bundles the reference server (server/main.ts) with esbuild and runs it
// in this process. PORT, HOST, DB and CONFIG are read by the server itself (server/settings.ts).
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Where `npm run server` keeps its bundle; ignored by git with the rest of node_modules/.cache. */
export const serverBundle = fileURLToPath(new URL('../node_modules/.cache/agent-chat-server/main.mjs', import.meta.url));

/**
 * Bundles server/main.ts into one ES module for Node. better-sqlite3 (native) and ws stay
 * outside: they resolve from the project's node_modules at run time.
 */
export async function buildServer(outfile = serverBundle) {
  await build({
    absWorkingDir: root,
    entryPoints: ['server/main.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'ws', 'pg'],
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outfile = await buildServer();
  // Stack traces of the bundle point into server/ and src/.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(outfile).href);
}
