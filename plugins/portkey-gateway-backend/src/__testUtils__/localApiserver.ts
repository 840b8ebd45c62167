import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The local kube-apiserver (+ etcd) of a jest run, started on first use: only test files that
 * call testCluster() pay for it, a run of pure tests starts nothing.
 *
 * globalSetup makes a run directory (cheap) and names it in PORTKEY_TEST_KUBE_RUN_DIR, which
 * every worker inherits. The first worker that needs the apiserver wins the `start.lock`
 * directory (mkdir is atomic) and runs scripts/kube/start-apiserver.sh into `<run>/kube`;
 * the others wait for its `ready` (or `failed`) file. globalTeardown stops what was started
 * and removes the run directory (etcd's data is ~125 MB).
 */
const RUN_DIR_VARIABLE = 'PORTKEY_TEST_KUBE_RUN_DIR';
const repoRoot = resolve(__dirname, '../../../..');
/** Includes the one-time build of the binaries on a fresh machine. */
const START_TIMEOUT_MS = 30 * 60_000;

const paths = (run: string) => ({
  lock: join(run, 'start.lock'),
  starter: join(run, 'start.lock', 'pid'),
  ready: join(run, 'ready'),
  failed: join(run, 'failed'),
  state: join(run, 'kube'),
});

/** For globalSetup: the run directory, nothing started yet. */
export function prepareLocalApiserver() {
  process.env[RUN_DIR_VARIABLE] = mkdtempSync(join(tmpdir(), 'portkey-kube-'));
}

/** Blocks the thread: testCluster() is synchronous (test files call it at load time). */
function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function start(run: string) {
  const { starter, ready, failed, state } = paths(run);
  writeFileSync(starter, String(process.pid));
  try {
    execFileSync(join(repoRoot, 'scripts/kube/start-apiserver.sh'), [state], {
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: START_TIMEOUT_MS,
    });
  } catch (error) {
    writeFileSync(failed, String((error as Error).message));
    throw error;
  }
  // Written whole, then renamed: a waiter never reads half a file.
  writeFileSync(`${ready}.tmp`, state);
  renameSync(`${ready}.tmp`, ready);
}

function waitForStart(run: string) {
  const { starter, ready, failed } = paths(run);
  const until = Date.now() + START_TIMEOUT_MS;
  while (!existsSync(ready)) {
    if (existsSync(failed))
      throw new Error(
        `The local kube-apiserver did not start: ${readFileSync(
          failed,
          'utf8',
        )}`,
      );
    const pid = existsSync(starter) ? Number(readFileSync(starter, 'utf8')) : 0;
    if (pid && !isAlive(pid) && !existsSync(ready))
      throw new Error(
        `The jest worker (pid ${pid}) starting the local kube-apiserver ended before it was ready`,
      );
    if (Date.now() > until)
      throw new Error(
        `The local kube-apiserver was not ready after ${
          START_TIMEOUT_MS / 60_000
        } minutes`,
      );
    sleepSync(200);
  }
}

/**
 * The state directory of the run's local kube-apiserver (its env.json, kubeconfigs, CA),
 * starting it if no worker has yet.
 */
export function localApiserverState(): string {
  const run = process.env[RUN_DIR_VARIABLE];
  if (!run)
    throw new Error(
      `No test cluster: ${RUN_DIR_VARIABLE} is not set (the package's jest globalSetup sets it; set PORTKEY_TEST_KUBE_STATE for an apiserver already running)`,
    );
  const { lock, ready, state } = paths(run);
  if (existsSync(ready)) return state;
  let won = false;
  try {
    mkdirSync(lock);
    won = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (won) start(run);
  else waitForStart(run);
  return state;
}

/** For globalTeardown: stops the apiserver if a test started it, removes the run directory. */
export function stopLocalApiserver() {
  const run = process.env[RUN_DIR_VARIABLE];
  if (!run) return;
  const { lock, state } = paths(run);
  // A start that failed or was cut short may have left processes: stop by their pid files.
  if (existsSync(lock))
    execFileSync(join(repoRoot, 'scripts/kube/stop-apiserver.sh'), [state], {
      stdio: 'inherit',
    });
  rmSync(run, { recursive: true, force: true });
}
