// A @web/test-runner reporter that ends the run with one plain line,
// `N passed, N failed`, which CI reads (the default reporter ends with an emoji line).
// A test file that failed to load or run counts as one failure.

function walk(suite, counts) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite.suites ?? []) walk(child, counts);
}

/** Counts tests over sessions (one session = one test file in one browser). */
export function countResults(sessions) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const session of sessions) {
    const before = counts.failed;
    walk(session.testResults, counts);
    // Load errors, hook errors, 404s of the test file: the session failed without a failing test.
    if (!session.passed && counts.failed === before) counts.failed++;
  }
  return counts;
}

export function summaryLineReporter() {
  let done = false;
  return {
    stop() {
      done = true;
    },
    // Called once more after stop() for the final report; print only then.
    getTestProgress({ sessions }) {
      if (!done) return [];
      const { passed, failed, skipped } = countResults(sessions);
      return [...(skipped ? [`${skipped} skipped`] : []), `${passed} passed, ${failed} failed`];
    },
  };
}
