import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { TAGS } from './support/element-tags.js';

/** The fields of package.json that say what the package offers. */
interface PackageJson {
  main?: string;
  module?: string;
  types?: string;
  exports?: Record<string, string | Record<string, string>>;
  sideEffects?: boolean | string[];
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

/** The result of the `package-contents` command (scripts/wtr-pack-plugin.mjs). */
interface PackageContents {
  /** Every path `npm pack` puts in the tarball of a fresh build, sorted. */
  files: string[];
  packageJson: PackageJson;
  /** `map: source` for each source a packed source map names but neither ships nor inlines. */
  sourceMapProblems: string[];
  /** The packages that each packed module imports by name. */
  imports: { file: string; name: string }[];
  /** The packed modules that call `customElements.define(`. */
  definers: string[];
}

/** The standalone file: its entry, and its simulator entry and chunks in dist/standalone/. */
const isStandalone = (path: string) => path === 'dist/standalone.min.js' || /^dist\/standalone\/[^/]+\.js$/.test(path);

/** Modules built whole, with their dependencies inside: they import nothing by name. */
const isSelfContained = (path: string) => isStandalone(path) || path === 'dist/connectors/simulated/shop-recorder.js';

const DEFINE_MODULES = TAGS.map((tag) => `dist/define/${tag}.js`);

const withoutDotSlash = (path: string) => path.replace(/^\.\//, '');

/**
 * Every file path named by the `exports` map, whatever its conditions. A subpath pattern
 * (`./define/*.js`) stands for each element's module.
 */
function exportedPaths(exports: PackageJson['exports']): string[] {
  return Object.values(exports ?? {})
    .flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target)))
    .flatMap((path) => (path.includes('*') ? TAGS.map((tag) => path.replace('*', tag)) : [path]));
}

/** Whether a `sideEffects` entry (a path, or a pattern with `*` for one path segment) names `path`. */
function names(entry: string, path: string): boolean {
  const pattern = entry.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*');
  return new RegExp(`^${pattern}$`).test(path);
}

describe('the npm package', () => {
  let pack: PackageContents;
  let packed: Set<string>;

  before(async function () {
    // A full build (declarations and the minified bundle) on a 2-core machine.
    this.timeout(180000);
    // The command answers { pending: true } while the build runs longer than a command may.
    let answer: PackageContents | { pending: true };
    do answer = await executeServerCommand<PackageContents | { pending: true }, undefined>('package-contents');
    while ('pending' in answer);
    pack = answer;
    packed = new Set(pack.files);
  });

  it('ships the entry points, their types, the manifest and the README', () => {
    expect(pack.files).to.include.members([
      'dist/index.js',
      'dist/index.d.ts',
      'dist/classes.js',
      'dist/classes.d.ts',
      'dist/define.js',
      'dist/define.d.ts',
      'dist/standalone.min.js',
      'dist/standalone/simulator.min.js',
      'custom-elements.json',
      'README.md',
      'package.json',
    ]);
  });

  it('ships a typed define module per element, in its exports map', () => {
    expect(pack.files).to.include.members([...DEFINE_MODULES, ...DEFINE_MODULES.map((path) => path.replace(/\.js$/, '.d.ts'))]);
    expect(pack.packageJson.exports?.['./define/*.js']).to.deep.equal({
      types: './dist/define/*.d.ts',
      default: './dist/define/*.js',
    });
  });

  it('ships no tests, demo, sources, scripts, CI files or installed packages', () => {
    const unwanted = pack.files.filter((path) =>
      /^(test|demo|src|scripts|\.ci)\//.test(path) || /(^|\/)node_modules\//.test(path),
    );
    expect(unwanted).to.deep.equal([]);
  });

  it('puts a source map and declarations beside every module', () => {
    const modules = pack.files.filter(
      (path) => path.startsWith('dist/') && path.endsWith('.js') && !isSelfContained(path),
    );
    // The few tslib helpers rollup copies into dist/vendor/ come without declarations.
    const missing = modules.flatMap((path) => [
      ...(packed.has(`${path}.map`) ? [] : [`${path}.map`]),
      ...(path.startsWith('dist/vendor/') || packed.has(path.replace(/\.js$/, '.d.ts'))
        ? []
        : [path.replace(/\.js$/, '.d.ts')]),
    ]);
    expect(missing).to.deep.equal([]);
  });

  it('has source maps whose sources are inlined or shipped', () => {
    const problems = pack.sourceMapProblems;
    // One line, not the list: a missing setting breaks every map at once.
    const examples = problems.slice(0, 3).join(', ');
    expect(problems.length, `${problems.length} source maps name files the package lacks, such as ${examples}`).to.equal(0);
  });

  it('ships every path that package.json names', () => {
    const { main, module, types, exports } = pack.packageJson;
    const named = [main, module, types, ...exportedPaths(exports)].filter((path): path is string => !!path);
    expect(named.map(withoutDotSlash).filter((path) => !packed.has(path))).to.deep.equal([]);
  });

  it('types every JavaScript entry of its exports map', () => {
    const untyped = Object.entries(pack.packageJson.exports ?? {})
      .filter(([, target]) => (typeof target === 'string' ? target.endsWith('.js') : !('types' in target)))
      .filter(([, target]) => typeof target !== 'string' || !target.endsWith('.min.js'))
      .map(([entry]) => entry);
    expect(untyped).to.deep.equal([]);
  });

  it('declares side effects only for the modules that register the elements', () => {
    const { sideEffects } = pack.packageJson;
    expect(sideEffects, 'sideEffects lists files').to.be.an('array');
    const listed = (sideEffects as string[]).map(withoutDotSlash);
    const unmatched = listed.filter((entry) => !pack.files.some((path) => names(entry, path)));
    expect(unmatched, 'sideEffects entries missing from the package').to.deep.equal([]);
    const declared = pack.files.filter((path) => listed.some((entry) => names(entry, path)));
    expect(declared, 'the modules sideEffects names').to.have.members([
      'dist/index.js',
      'dist/define.js',
      ...DEFINE_MODULES,
      // The chat's parts in one module, which the workspace imports on demand (one chunk).
      'dist/define/chat-parts.js',
      ...pack.files.filter(isStandalone),
    ]);
    // define.js registers through the per-element modules, and calls nothing itself; the
    // standalone file registers in its entry's chunk and in the chunks loaded on demand.
    expect(pack.definers.filter((path) => !isStandalone(path)), 'modules calling customElements.define').to.have.members(DEFINE_MODULES);
    expect(pack.definers.filter(isStandalone), 'standalone files calling customElements.define').not.to.be.empty;
  });

  it('imports only its own dependencies, and the self-contained modules nothing', () => {
    const { dependencies = {}, peerDependencies = {} } = pack.packageJson;
    expect(pack.imports.map(({ name }) => name), 'the modules import their dependencies by name').to.include('lit');
    const undeclared = pack.imports.filter(({ name }) => !(name in dependencies) && !(name in peerDependencies));
    expect(undeclared).to.deep.equal([]);
    expect(pack.imports.filter(({ file }) => isSelfContained(file))).to.deep.equal([]);
    // The simulator loads it into its contact page by address: it must be there.
    expect(pack.files).to.include('dist/connectors/simulated/shop-recorder.js');
  });
});

describe('the class modules', () => {
  // Each test file runs in a page of its own: nothing else has registered the elements here.
  it('register no element until define.js is imported', async () => {
    const classes = await import('../src/classes.js');
    expect(classes.ChatWorkspace).to.be.a('function');
    for (const tag of ['chat-workspace', 'contact-tab', 'quick-reply-panel', 'transfer-dialog', 'disposition-form']) {
      expect(customElements.get(tag), tag).to.equal(undefined);
    }

    const { elements } = await import('../src/define.js');
    expect(Object.keys(elements), 'every element').to.have.members(TAGS);
    for (const [tag, elementClass] of Object.entries(elements)) {
      expect(customElements.get(tag), tag).to.equal(elementClass);
    }
  });
});
