import commonjs from '@rollup/plugin-commonjs';
import { fromRollup } from '@web/dev-server-rollup';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium-path.mjs';
import { manifestPlugin } from './scripts/wtr-manifest-plugin.mjs';
import { packPlugin } from './scripts/wtr-pack-plugin.mjs';
import { summaryLineReporter } from './scripts/wtr-summary-reporter.mjs';

// The framework host tests (test/hosts/) load React and Vue in the browser. React 19 ships
// CommonJS only, and both read `process.env.NODE_ENV`, which a bundler would replace.
const frameworkModules = /\/node_modules\/(react|react-dom|scheduler|vue|@vue\/[^/]+)\//;

/** Replaces `process.env.NODE_ENV` with "development" in the framework packages. */
function frameworkNodeEnv() {
  return {
    name: 'framework-node-env',
    transform(context) {
      if (!frameworkModules.test(context.path) || typeof context.body !== 'string') return undefined;
      return { body: context.body.replaceAll('process.env.NODE_ENV', '"development"') };
    },
  };
}

/**
 * Serves React's CommonJS modules as ES modules. The dev server transforms one file at a
 * time, so `strictRequires: false` (hoisted requires, a default export per file): the
 * plugin's default wraps each file for a bundle-wide pass that never happens here. And
 * `requireReturnsDefault: 'preferred'`: a file cannot tell here that what it requires is
 * CommonJS too, so `require('react')` takes that module's default export (React itself).
 */
const reactCommonjs = fromRollup(commonjs)({
  include: ['**/node_modules/react/**', '**/node_modules/react-dom/**', '**/node_modules/scheduler/**'],
  strictRequires: false,
  requireReturnsDefault: 'preferred',
});

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  middleware: [(await import('./scripts/wtr-hardening-plugin.mjs')).cspReportMiddleware()],
  // The tsconfig carries the legacy-decorator settings; without it esbuild rejects
  // `@property() x` ("Unsupported decorator location: field").
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    manifestPlugin(),
    packPlugin(),
    (await import('./scripts/wtr-server-plugin.mjs')).serverPlugin(),
    (await import('./scripts/wtr-hardening-plugin.mjs')).hardeningPlugin(),
    frameworkNodeEnv(),
    reactCommonjs,
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChromium(),
        args: [...CHROMIUM_ARGS, '--headless=new', '--disable-quic'],
      },
    }),
  ],
  // One page at a time on 2-core machines: axe checks and timers stay within mocha's
  // timeout, and focus-dependent tests do not compete for the focused page.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), summaryLineReporter()],
};
