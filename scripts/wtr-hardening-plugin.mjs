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

/**
 * The same, for a page that co-browses on the simulator: its contact page loads the
 * rrweb recorder, whose address the policy `agent-chat-workspace` signs (README).
 */
export const STRICT_COBROWSE_CSP = `${STRICT_CSP} agent-chat-workspace`;

/**
 * Where the co-browse page's policy reports its violations. The replay frame is an
 * about:blank document that inherits the policy, so this also hears what happens in it,
 * which no listener in the page can (rrweb reopens that document).
 */
const REPORT_PATH = '/__csp-reports';

/** Violation reports the co-browse page's policy sent (`csp-reports` command). */
const reports = [];

/**
 * Receives the policy's reports: a middleware of the test runner's server (a plugin's
 * routes come after the file server, which answers unknown paths with 404 itself).
 * @returns {import('koa').Middleware}
 */
export function cspReportMiddleware() {
  return async (context, next) => {
    if (context.path !== REPORT_PATH || context.method !== 'POST') return next();
    let body = '';
    for await (const chunk of context.req) body += chunk;
    try {
      const report = JSON.parse(body)['csp-report'] ?? {};
      reports.push({ directive: report['effective-directive'], blocked: report['blocked-uri'], sample: report['script-sample'] ?? '' });
    } catch {
      reports.push({ directive: 'unreadable report', blocked: '', sample: body.slice(0, 200) });
    }
    context.status = 204;
  };
}

const STRICT_PAGES = /^\/test\/csp\/[^/]+\.html$/;
const COBROWSE_PAGES = /^\/test\/csp\/strict-cobrowse-[^/]+\.html$/;

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
      const policy = COBROWSE_PAGES.test(context.path) ? `${STRICT_COBROWSE_CSP}; report-uri ${REPORT_PATH}` : STRICT_CSP;
      return { headers: { 'Content-Security-Policy': policy } };
    },

    async executeCommand({ command, session }) {
      if (command === 'csp-reports') {
        // Every report so far, and a fresh list for the next test.
        return reports.splice(0);
      }
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
