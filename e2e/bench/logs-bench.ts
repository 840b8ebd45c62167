/*
 * Benchmark of the Gateway tab's logs view through the real portal: the e2e backend (real
 * kube-apiserver, stub kubelet) and the app's production build, in Debian's chromium.
 * Measures (1) follow latency, (2) a minute of following 1,000 lines/s against the page idle,
 * (3) 10,000 lines read at once against the backend's own answer, then scrolled through.
 * Prints a table and writes JSON; see plugins/portkey-gateway/README.md, "Performance".
 *
 *   yarn bench:logs [--out logs-bench.json] [--seconds 60] [--no-build]
 *
 * Starts everything it measures and stops it again, also on failure or Ctrl-C.
 */
import { chromium, request } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getGuestToken, FRONTEND_URL } from '../support';
import { readClusterState } from '../cluster/state';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../chromium';
import {
  buildApp,
  serveApp,
  startBackend,
  stopProcessGroup,
  waitForBackend,
} from './servers';
import { heapReader } from './heap';
import { appendBenchLines, marker } from './logLines';
import { openHealthyPodLogs, chooseTailLines } from './portal';
import { recordLogRequests, waitForRow } from './pageProbes';
import { BULK_LINES, measureBulkLoad } from './bulkLoad';
import { measureFollowLatency } from './followLatency';
import { measureSustainedFollow } from './sustainedFollow';
import { printTable } from './report';

const log = (...args: unknown[]) =>
  process.stderr.write(
    `[bench ${new Date().toISOString().slice(11, 19)}] ${args.join(' ')}\n`,
  );

function parseArgs(argv: string[]) {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    out: path.resolve(
      process.env.INIT_CWD ?? process.cwd(),
      value('--out') ?? 'logs-bench.json',
    ),
    seconds: Number(value('--seconds') ?? 60),
    build: !argv.includes('--no-build'),
  };
}

// Steps that undo what was started, run in reverse order once, on any exit.
const cleanups: Array<() => unknown> = [];
let cleaning: Promise<void> | undefined;
const cleanup = () =>
  (cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (e) {
        log(`cleanup step failed: ${e}`);
      }
    }
  })());
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    log(`${signal}: stopping`);
    cleanup().finally(() => process.exit(130));
  });

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const run = Date.now().toString(36);
  if (args.build) {
    log('building the app (e2e/logs/app-build.log)');
    buildApp();
  }
  log('starting the e2e backend and cluster (e2e/logs/bench-backend.log)');
  const backend = startBackend();
  cleanups.push(() => stopProcessGroup(backend));
  const server = await serveApp();
  cleanups.push(() => new Promise(r => server.close(r)));
  await waitForBackend(backend);
  const state = readClusterState();

  const api = await request.newContext();
  cleanups.push(() => api.dispose());
  const token = await getGuestToken(api);

  // Playwright's own signal handlers would exit at once, before the backend is stopped.
  const browser = await chromium.launch({
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    executablePath: CHROMIUM_EXECUTABLE,
    args: CHROMIUM_ARGS,
  });
  cleanups.push(() => browser.close());
  const page = await browser.newPage({
    baseURL: FRONTEND_URL,
    viewport: { width: 1280, height: 900 },
  });
  await page.addInitScript(recordLogRequests);
  page.on('pageerror', e => log(`page error: ${e.message}`));

  // Measurement 3's lines are in the log before the view opens.
  appendBenchLines(state.logFiles.healthy, 'bulk', run, 0, BULK_LINES);
  log('opening the healthy pod’s logs');
  await openHealthyPodLogs(page, state);
  const heap = await heapReader(page);

  log(
    `3: ${BULK_LINES.toLocaleString(
      'en-US',
    )} lines at once, then scrolled through`,
  );
  const bulk = await measureBulkLoad(page, state, token, run);

  // A short tail for the rest, so the next minute of lines stays under the backend's byte cap.
  await chooseTailLines(page, 100);
  await waitForRow(page, 100, marker('bulk', run, BULK_LINES - 1));
  log('1: follow latency');
  const follow = await measureFollowLatency(page, state.logFiles.healthy, run);
  log(`2: ${args.seconds} s idle, then ${args.seconds} s at 1,000 lines/s`);
  const sustained = await measureSustainedFollow(
    page,
    heap,
    state.logFiles.healthy,
    run,
    args.seconds,
  );

  const results = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model,
      node: process.version,
      browser: `chromium ${browser.version()}`,
    },
    frontend: 'production build (packages/app/dist) served statically',
    followLatency: follow,
    sustainedFollow: sustained,
    bulkLoad: bulk,
  };
  printTable(results);
  fs.writeFileSync(args.out, `${JSON.stringify(results, null, 2)}\n`);
  log(`results written to ${args.out}`);
}

main()
  .catch(error => {
    log(`failed: ${error?.stack ?? error}`);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
