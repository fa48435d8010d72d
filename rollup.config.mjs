import { isAbsolute } from 'node:path';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

/** lit, @lit/*, rxjs, valibot...: the package's dependencies, which dist/ imports by name. */
const isBareImport = (id) => !id.startsWith('.') && !id.startsWith('\0') && !isAbsolute(id);

/** TypeScript for a file built whole: no declarations or maps, which the npm modules carry. */
const bundledTypescript = () =>
  typescript({
    tsconfig: 'tsconfig.build.json',
    noEmitOnError: true,
    declaration: false,
    declarationMap: false,
    sourceMap: false,
  });

export default [
  // The npm package: one module per source file, with declarations beside them
  // (dist/index.js, dist/index.d.ts).
  {
    // Entries keep their side effects: define.js registers every element, define/<tag>.js one
    // (with what it renders).
    input: [
      'src/index.ts',
      'src/classes.ts',
      'src/define.ts',
      'src/define/advanced-chat.ts',
      'src/define/agent-state-control.ts',
      'src/define/assist-panel.ts',
      'src/define/chat-actions.ts',
      'src/define/chat-composer.ts',
      'src/define/chat-conversation.ts',
      'src/define/chat-workspace.ts',
      'src/define/contact-tab.ts',
      'src/define/disposition-form.ts',
      'src/define/launch-area.ts',
      'src/define/new-engagement-dialog.ts',
      'src/define/offer-prompt.ts',
      'src/define/quick-reply-panel.ts',
      'src/define/transfer-dialog.ts',
    ],
    // tslib, whose decorator helpers the TypeScript plugin always imports, is a dev
    // dependency: its few helpers ship inside dist/ instead.
    external: (id) => isBareImport(id) && id !== 'tslib',
    // The maps carry their sources: src/ is not in the package.
    plugins: [typescript({ tsconfig: 'tsconfig.build.json', noEmitOnError: true, inlineSources: true })],
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      sourcemap: true,
      // dist/vendor/tslib/..., not dist/node_modules/...: tools take node_modules
      // folders for installed packages.
      entryFileNames: ({ name }) => `${name.replace(/^node_modules\//, 'vendor/')}.js`,
    },
  },
  // The simulator's co-browse recorder runs inside the simulated contact's own page (a
  // frame, where the host's import map and bundler do not reach): one self-contained
  // module with rrweb's recorder in it, beside the simulator's modules. A bundler that
  // sees `new URL('./shop-recorder.js', import.meta.url)` copies it as an asset.
  {
    input: 'src/connectors/simulated/shop-recorder.ts',
    plugins: [
      resolve({ browser: true }),
      bundledTypescript(),
      terser(),
    ],
    output: { file: 'dist/connectors/simulated/shop-recorder.js', format: 'es', inlineDynamicImports: true },
  },
  // The standalone file for pages without a bundler, <script type="module"
  // src=".../standalone.min.js">: ES modules with their dependencies inside. The entry holds
  // what every page needs; dist/standalone/ holds the simulator's entry and the chunks
  // loaded on demand (dialogs, French, rrweb...). test/bundle-size.test.ts keeps each
  // within its budget.
  {
    input: { 'standalone.min': 'src/standalone.ts', 'standalone/simulator.min': 'src/standalone-simulator.ts' },
    plugins: [
      // es2015: rxjs's ES2015 build, smaller than the esm5 one it offers by default.
      resolve({ browser: true, exportConditions: ['es2015'] }),
      bundledTypescript(),
      minifyHtmlLiterals({ failOnError: true }),
      terser({ ecma: 2020, module: true, compress: { passes: 3, unsafe_arrows: true } }),
    ],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'standalone/[name].min.js',
    },
  },
];
