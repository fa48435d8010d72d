/**
 * Test-runner server plugin for the package as published:
 * - `package-contents` builds the package and lists what `npm pack` would put in the
 *   tarball, with what the tests check in those files (test/package.test.ts);
 * - `api-docs` renders docs/api.md from the committed custom-elements.json and reads the
 *   committed docs/api.md (test/docs.test.ts).
 */
import { execFile } from 'node:child_process';
import * as esbuild from 'esbuild';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as wait } from 'node:timers/promises';
import { promisify } from 'node:util';
import { docsUrl, readManifest, renderApiDocs } from './generate-docs.mjs';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../', import.meta.url));

/** Where the test run keeps the standalone file it built, under the served project root. */
const STANDALONE_BUILD = 'tmp/standalone-build';

/** Not copied: installed packages, git's data, and earlier builds or tarballs. */
const skipped = new Set(['node_modules', '.git', 'dist', 'tmp', 'coverage', '.wireit', 'screenshots']);

/**
 * Builds in a copy of the project, so the tarball holds exactly what a clean checkout
 * would publish (no stale file from an earlier build of dist/) and the developer's own
 * dist/ is left alone, also when two test runs overlap. The copy sits in the project's
 * ignored tmp/ folder: imports resolve to the project's node_modules as they do in the
 * project itself, and rollup names the tslib module it copies as in a real build
 * (dist/vendor/tslib/, from its path relative to src/).
 */
async function copyProject() {
  const parent = join(root, 'tmp');
  await mkdir(parent, { recursive: true });
  const copy = await mkdtemp(join(parent, 'pack-'));
  try {
    // Entry by entry: fs.cp refuses to copy a folder into its own subfolder.
    for (const entry of await readdir(root)) {
      if (skipped.has(entry) || entry.endsWith('.tgz')) continue;
      await cp(join(root, entry), join(copy, entry), { recursive: true });
    }
  } catch (error) {
    await rm(copy, { recursive: true, force: true });
    throw error;
  }
  return copy;
}

async function runIn(directory, file, args) {
  try {
    return await run(file, args, { cwd: directory, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`${[file, ...args].join(' ')} failed:\n${error.stderr || error.message}`);
  }
}

/**
 * The bare imports (`lit`, `@lit/context`), by package name, of each ES module in `files`
 * under `directory`. esbuild parses them (a pattern would misread minified code), keeping
 * every package import external.
 */
async function bareImports(directory, files) {
  const { metafile } = await esbuild.build({
    absWorkingDir: directory,
    entryPoints: files,
    bundle: true,
    packages: 'external',
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'out',
    logLevel: 'silent',
  });
  const imports = [];
  for (const file of files) {
    const names = (metafile.inputs[file]?.imports ?? [])
      .filter((found) => found.external && !found.path.startsWith('.') && !found.path.startsWith('/'))
      .map((found) => found.path.split('/').slice(0, found.path.startsWith('@') ? 2 : 1).join('/'));
    for (const name of new Set(names)) imports.push({ file, name });
  }
  return imports;
}

/**
 * The standalone file's entries and chunks (dist/standalone.min.js, dist/standalone/): for
 * each, its size minified and gzipped (level 9, as a server would) and the files it imports
 * statically (what loads with it) and dynamically (what it loads on demand).
 */
async function standaloneFiles(directory, files) {
  const paths = files.filter((path) => path === 'dist/standalone.min.js' || (path.startsWith('dist/standalone/') && path.endsWith('.js')));
  const { metafile } = await esbuild.build({
    absWorkingDir: directory,
    entryPoints: paths,
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: 'out',
    splitting: true,
    logLevel: 'silent',
  });
  return Promise.all(
    paths.map(async (path) => {
      const code = await readFile(join(directory, path));
      const imports = metafile.inputs[path]?.imports ?? [];
      const of = (kind) => imports.filter((found) => found.kind === kind).map((found) => found.path);
      return {
        path,
        bytes: code.length,
        gzipBytes: gzipSync(code, { level: 9 }).length,
        staticImports: of('import-statement'),
        dynamicImports: of('dynamic-import'),
      };
    }),
  );
}

/** Prints each standalone file's size, so every test run shows them. */
function printSizes(standalone) {
  const rows = standalone.map(({ path, bytes, gzipBytes }) => `  ${path.padEnd(46)} ${String(gzipBytes).padStart(7)} B gzip ${String(bytes).padStart(8)} B`);
  console.log(['standalone file sizes (gzip -9, minified):', ...rows].join('\n'));
}

/** The sources of a source map that are neither in the tarball nor inlined in the map. */
function unresolvedSources(mapPath, map, packed) {
  const directory = mapPath.split('/').slice(0, -1);
  return (map.sources ?? []).filter((source, index) => {
    if (typeof map.sourcesContent?.[index] === 'string') return false;
    const segments = [...directory];
    for (const segment of source.split('/')) {
      if (segment === '..') segments.pop();
      else if (segment !== '.' && segment !== '') segments.push(segment);
    }
    return !packed.has(segments.join('/'));
  });
}

async function packageContents() {
  const copy = await copyProject();
  try {
    await runIn(copy, process.execPath, [join(root, 'node_modules/rollup/dist/bin/rollup'), '-c', '--silent']);
    // --ignore-scripts: list the files, run nothing; --dry-run writes no tarball.
    const { stdout } = await runIn(copy, 'npm', ['pack', '--dry-run', '--json', '--ignore-scripts']);
    const [pack] = JSON.parse(stdout);
    const files = pack.files.map((file) => file.path).sort();
    const packed = new Set(files);
    const read = (path) => readFile(join(copy, path), 'utf8');

    const sourceMapProblems = [];
    for (const path of files.filter((file) => file.endsWith('.map'))) {
      for (const source of unresolvedSources(path, JSON.parse(await read(path)), packed)) {
        sourceMapProblems.push(`${path}: ${source}`);
      }
    }
    const modules = files.filter((file) => file.endsWith('.js'));
    const imports = await bareImports(copy, modules);
    const definers = [];
    for (const path of modules) {
      if ((await read(path)).includes('customElements.define(')) definers.push(path);
    }
    const standalone = await standaloneFiles(copy, files);
    printSizes(standalone);
    // Kept for the browser, which loads the built standalone file (test/standalone.test.ts).
    await rm(join(root, STANDALONE_BUILD), { recursive: true, force: true });
    for (const path of ['dist/standalone.min.js', 'dist/standalone', 'dist/connectors/simulated/shop-recorder.js']) {
      await cp(join(copy, path), join(root, STANDALONE_BUILD, path), { recursive: true });
    }
    return {
      files,
      packageJson: JSON.parse(await read('package.json')),
      sourceMapProblems,
      imports,
      definers,
      standalone,
      standaloneBuild: `/${STANDALONE_BUILD}/dist`,
    };
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

async function apiDocs() {
  const generated = renderApiDocs(await readManifest());
  let committed = null;
  try {
    committed = await readFile(docsUrl, 'utf8');
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  return { generated, committed };
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function packPlugin() {
  /** One build per test run, however many test files ask. */
  let contents;
  return {
    name: 'package-contents',
    async executeCommand({ command }) {
      if (command === 'package-contents') {
        contents ??= packageContents();
        // The browser gives up on a command after 20 s, and the build can take longer on a
        // busy 2-core machine: past 15 s the answer is "pending", and the test asks again.
        return Promise.race([contents, wait(15000, { pending: true }, { ref: false })]);
      }
      if (command === 'api-docs') return apiDocs();
      return undefined;
    },
  };
}
