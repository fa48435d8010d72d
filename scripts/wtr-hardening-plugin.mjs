/**
 * Test-runner plugin for the hardening tests (test/csp/, test/leaks/):
 *
 * - it serves the pages under /test/csp/ with the strictest Content-Security-Policy a
 *   host could set, as a response header: the runner's own page cannot carry one, so a
 *   test opens such a page in a frame and runs the workspace there;
 * - the `page-metrics` command (from `executeServerCommand`) forces a full garbage
 *   collection in the test's page, then answers Chromium's `Performance.getMetrics`
 *   by name (`Nodes`, `JSEventListeners`, `Documents`, ...) for leak tests.
 */

/** The policy of the README's "Content Security Policy" section. */
export const STRICT_CSP =
  "default-src 'self'; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

const STRICT_PAGES = /^\/test\/csp\/[^/]+\.html$/;

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function hardeningPlugin() {
  /** One DevTools session per page, made on first use. */
  const devtools = new WeakMap();

  /** @param {import('puppeteer-core').Page} page */
  async function devtoolsOf(page) {
    let cdp = devtools.get(page);
    if (!cdp) {
      cdp = page.createCDPSession().then(async (session) => {
        await session.send('Performance.enable');
        return session;
      });
      devtools.set(page, cdp);
    }
    return cdp;
  }

  return {
    name: 'hardening',

    transform(context) {
      if (!STRICT_PAGES.test(context.path)) return undefined;
      return { headers: { 'Content-Security-Policy': STRICT_CSP } };
    },

    async executeCommand({ command, session }) {
      if (command !== 'page-metrics') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`page-metrics needs Chromium's DevTools protocol, not ${session.browser.type}`);
      }
      const cdp = await devtoolsOf(session.browser.getPage(session.id));
      // Twice: what the first collection finalizes (wrappers, listeners) the second frees.
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
    },
  };
}
