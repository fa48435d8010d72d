/**
 * Ends the run with a plain `Tests: N passed, N failed[, N skipped]` line, which CI reads.
 * The default reporter's own count sits inside its progress bar, in colour.
 *
 * The line is returned from getTestProgress once stop() has run: the runner prints the
 * final progress after every reporter's stop(), so logging from stop() would land above
 * the default reporter's closing summary instead of at the very end.
 */

/** @typedef {import('@web/test-runner').Reporter} Reporter */
/** @typedef {import('@web/test-runner').TestSession} TestSession */
/** @typedef {import('@web/test-runner').TestSuiteResult} TestSuiteResult */

/** @param {TestSuiteResult | undefined} suite */
function countTests(suite, counts = { passed: 0, failed: 0, skipped: 0 }) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite?.suites ?? []) countTests(child, counts);
  return counts;
}

/** @param {TestSession[]} sessions */
function summarize(sessions) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const session of sessions) {
    const counts = countTests(session.testResults);
    // A file that did not load, or failed outside any test (hook, uncaught error,
    // browser crash), has no failed test to show for it: count it as one.
    if ((!session.passed || session.errors.length > 0) && counts.failed === 0) counts.failed = 1;
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
  return `Tests: ${total.passed} passed, ${total.failed} failed${skipped}`;
}

/** @returns {Reporter} */
export function summaryLineReporter() {
  /** @type {string | undefined} */
  let line;
  return {
    stop({ sessions }) {
      line = summarize(sessions);
    },
    getTestProgress() {
      return line ? ['', line] : [];
    },
  };
}
