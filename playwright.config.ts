import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { PORTAL_URL } from './e2e/support';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './e2e/chromium';

// The e2e suite in e2e/ starts its own portal on 7007, in CI too: the app built for
// production (packages/app/dist) and served by the backend's app-backend plugin, as a
// deployed portal serves it. Playwright stops it when the run ends.
const yarn = `node ${path.join(__dirname, '.yarn/releases/yarn-4.13.0.cjs')}`;

// The backend runs the way `yarn start backend` runs it, minus the file
// watcher (a watcher restarts it, and drops requests, whenever a file in the
// repo changes during the run), on top of a real kube-apiserver with the stub
// kubelet and one gateway in it: e2e/cluster/backendWithCluster.ts starts all
// three and stops them again.
const buildApp = `${yarn} workspace app build > ${path.join(
  __dirname,
  'e2e/logs/app-build.log',
)} 2>&1`;
const backendCommand = `node --enable-source-maps --require ${require.resolve(
  '@backstage/cli-node/config/nodeTransform.cjs',
)} e2e/cluster/backendWithCluster.ts`;

// Server output goes to e2e/logs/ (git-ignored) rather than the test report.
const logs = path.join(__dirname, 'e2e/logs');
fs.mkdirSync(logs, { recursive: true });

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.test.ts',
  timeout: 180_000,
  expect: { timeout: 30_000 },

  // One set of servers, one browser: run the tests one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,

  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'e2e/playwright-report' }],
    // Read by scripts/test.sh for the closing "N passed, N failed" line.
    ['json', { outputFile: 'e2e/test-results/results.json' }],
  ],
  outputDir: 'e2e/test-results',

  webServer: [
    {
      // The app is built first (about a minute), so the backend serves this checkout's app.
      command: `${buildApp} && ${backendCommand} > ${logs}/backend.log 2>&1`,
      cwd: __dirname,
      url: `${PORTAL_URL}/.backstage/health/v1/readiness`,
      env: {
        // The guest sign-in provider only works in development mode.
        NODE_ENV: 'development',
        // publish:github:pull-request builds its GitHub client before it
        // checks for a dry run, so it needs some token; a dry run never uses it.
        GITHUB_TOKEN: process.env.GITHUB_TOKEN ?? 'e2e-dry-run-placeholder',
      },
      reuseExistingServer: !process.env.CI,
      timeout: 480_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],

  use: {
    baseURL: PORTAL_URL,
    actionTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_EXECUTABLE,
      args: CHROMIUM_ARGS,
    },
  },
});
