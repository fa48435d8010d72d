import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { findChromium } from './scripts/chromium-path.mjs';
import { manifestPlugin } from './scripts/wtr-manifest-plugin.mjs';
import { summaryLineReporter } from './scripts/wtr-summary-reporter.mjs';

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // The tsconfig carries the legacy-decorator settings; without it esbuild rejects
  // `@property() x` ("Unsupported decorator location: field").
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }), manifestPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChromium(),
        // --no-sandbox: Chromium refuses to start as root (CI containers) without it.
        args: [
          '--no-sandbox',
          '--headless=new',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
          '--disable-quic',
        ],
      },
    }),
  ],
  // One page at a time on 2-core machines: axe checks and timers stay within mocha's
  // timeout, and focus-dependent tests do not compete for the focused page.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), summaryLineReporter()],
};
