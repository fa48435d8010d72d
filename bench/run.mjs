/**
 * `npm run bench`: builds the production bundle and the bench pages, then measures in
 * headless Chromium (bench/measure.mjs) while holding /tmp/browser.lock, so it never runs
 * beside a browser test suite on this 2-core machine.
 *
 * BENCH_QUICK=1 runs fewer iterations (for working on the bench itself);
 * BENCH_SKIP_BUILD=1 reuses dist/ as it is.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));

function run(command, args) {
  const { status, error } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (error) throw error;
  if (status !== 0) process.exit(status ?? 1);
}

if (process.env.BENCH_SKIP_BUILD !== '1') {
  console.log('bench: npm run build (dist/index.js modules, dist/standalone.min.js)');
  run('npm', ['run', '-s', 'build']);
}

/**
 * Our pages load the shipped standalone file as it is, and its simulator entry: the browser
 * fetches them (and the chunks they load), esbuild leaves them alone.
 */
const standalone = ['/dist/standalone.min.js', '/dist/standalone/simulator.min.js'];

/**
 * The profiling page of ours: the same page on the unminified dist/ modules, so a CPU
 * profile names our functions; esbuild marks each module's start with a `// path` line.
 */
const unminifiedOurs = {
  name: 'unminified-ours',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\/dist\/standalone(\.min|\/simulator\.min)\.js$/ }, () => ({ path: `${root}dist/index.js` }));
  },
};

const shared = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  logLevel: 'warning',
  // React's production build, as a production app would ship.
  define: { 'process.env.NODE_ENV': '"production"' },
  absWorkingDir: root,
};

console.log('bench: bundling the pages (bench/.build/)');
await Promise.all([
  build({
    ...shared,
    entryPoints: {
      ours: 'bench/pages/ours.js',
      vanilla: 'bench/pages/vanilla.js',
      'deep-chat': 'bench/pages/deep-chat.js',
      'react-virtuoso': 'bench/pages/virtuoso.jsx',
    },
    outdir: 'bench/.build',
    minify: true,
    external: standalone,
  }),
  build({
    ...shared,
    entryPoints: { 'ours-profile': 'bench/pages/ours.js' },
    outdir: 'bench/.build',
    plugins: [unminifiedOurs],
    // rxjs's ES2015 build, the one dist/standalone.min.js carries.
    conditions: ['es2015'],
    // dist/index.js has no loadElement (it registers every element at once): the page checks.
    logOverride: { 'import-is-undefined': 'silent' },
  }),
]);

// flock waits for the lock, then runs the measurement; its exit code is ours.
run('flock', ['/tmp/browser.lock', process.execPath, 'bench/measure.mjs']);
