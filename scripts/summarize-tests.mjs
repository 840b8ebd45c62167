// Sums the jest and Playwright JSON reports into the one closing line CI reads:
//   N passed, N failed, N skipped
// Usage: node summarize-tests.mjs <jest.json> <playwright.json> [failed-stage]
// A report that does not exist counts as nothing ran (and as a failure if
// every stage passed). A stage that failed
// without any failed test in its report (a crash, a server that never came up,
// a type or lint error) counts as one failure, so the line never says 0 failed
// for a failed run. Exits 1 when anything failed.
import fs from 'node:fs';

const [jestFile, playwrightFile, failedStage = ''] = process.argv.slice(2);

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const counts = { passed: 0, failed: 0, skipped: 0 };
const failedBy = { jest: 0, e2e: 0 };

const jest = read(jestFile);
if (jest) {
  counts.passed += jest.numPassedTests;
  counts.skipped += jest.numPendingTests + jest.numTodoTests;
  // Suites that could not run (syntax error, failing import) have no tests.
  failedBy.jest = jest.numFailedTests + jest.numRuntimeErrorTestSuites;
}

const pw = read(playwrightFile);
if (pw) {
  const { expected, unexpected, flaky, skipped } = pw.stats;
  if (flaky > 0) console.log(`note: ${flaky} e2e test(s) passed only on retry`);
  counts.passed += expected + flaky;
  counts.skipped += skipped;
  // Global errors: webServer start-up failures, errors outside tests.
  failedBy.e2e = unexpected + (pw.errors?.length ?? 0);
}

counts.failed = failedBy.jest + failedBy.e2e;
if (failedStage && !failedBy[failedStage]) counts.failed += 1;
// Every stage passed: both reports must be there.
if (!failedStage && (!jest || !pw)) {
  console.log(`note: missing report ${!jest ? jestFile : playwrightFile}`);
  counts.failed += 1;
}

console.log(
  `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
);
process.exit(counts.failed > 0 ? 1 : 0);
