// Sums the test stages' JSON reports (jest or Playwright) into the one closing line CI reads:
//   N passed, N failed, N skipped
// Usage: node summarize-tests.mjs <stage>=<report.json>... [--failed-stage <stage>]
//   e.g. jest=.test-results/jest.json postgres=.test-results/postgres.json e2e=e2e/test-results/results.json
// Each report is read as jest's (--json) or Playwright's (json reporter), whichever it is.
// A report that does not exist counts as nothing ran (and as a failure if every stage
// passed). A stage that failed without any failed test in its report (a crash, a server
// that never came up, a type or lint error) counts as one failure, so the line never says
// 0 failed for a failed run. Exits 1 when anything failed.
import fs from 'node:fs';

const reports = [];
let failedStage = '';
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--failed-stage') {
    failedStage = args[++i] ?? '';
    continue;
  }
  const at = args[i].indexOf('=');
  if (at < 1) {
    console.error(
      `summarize-tests: expected <stage>=<report.json>, got '${args[i]}'`,
    );
    process.exit(2);
  }
  reports.push({ stage: args[i].slice(0, at), file: args[i].slice(at + 1) });
}

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** A report's counts: passed, failed (tests and errors outside tests), skipped. */
function countsOf(stage, report) {
  if (report.stats) {
    // Playwright. Global errors: webServer start-up failures, errors outside tests.
    const { expected, unexpected, flaky, skipped } = report.stats;
    if (flaky > 0)
      console.log(`note: ${flaky} ${stage} test(s) passed only on retry`);
    return {
      passed: expected + flaky,
      failed: unexpected + (report.errors?.length ?? 0),
      skipped,
    };
  }
  // jest. Suites that could not run (syntax error, failing import) have no tests.
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + report.numRuntimeErrorTestSuites,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const failedBy = {};
const missing = [];
for (const { stage, file } of reports) {
  const report = read(file);
  if (!report) {
    missing.push(file);
    continue;
  }
  const c = countsOf(stage, report);
  counts.passed += c.passed;
  counts.failed += c.failed;
  counts.skipped += c.skipped;
  failedBy[stage] = c.failed;
}

if (failedStage && !failedBy[failedStage]) counts.failed += 1;
// Every stage passed: every report must be there.
if (!failedStage && missing.length > 0) {
  console.log(`note: missing report ${missing.join(', ')}`);
  counts.failed += 1;
}

console.log(
  `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
);
process.exit(counts.failed > 0 ? 1 : 0);
