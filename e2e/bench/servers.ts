/*
 * The portal the benchmark measures: the e2e backend (a real kube-apiserver, the stub kubelet
 * and the backend, e2e/cluster/backendWithCluster.ts) on 7007 and the app's production build
 * served from packages/app/dist on 3000. A production build, not `yarn start app`: the dev
 * server's unminified bundles and React's development build would be measured instead of the
 * view, and a build takes about 35 s where the dev server takes minutes to start here.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { BACKEND_URL, FRONTEND_URL, REPO_ROOT } from '../support';

const LOGS_DIR = path.join(REPO_ROOT, 'e2e/logs');
const APP_DIST = path.join(REPO_ROOT, 'packages/app/dist');
const YARN = path.join(REPO_ROOT, '.yarn/releases/yarn-4.13.0.cjs');

const sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms));

/** Builds the app (backstage-cli package build), its output to e2e/logs/app-build.log. */
export function buildApp() {
  fs.mkdirSync(LOGS_DIR, { recursive: true });
  const out = fs.openSync(path.join(LOGS_DIR, 'app-build.log'), 'w');
  execFileSync(process.execPath, [YARN, 'workspace', 'app', 'build'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', out, out],
  });
}

/** Starts the e2e backend in its own process group, its output to e2e/logs/bench-backend.log. */
export function startBackend(): ChildProcess {
  fs.mkdirSync(LOGS_DIR, { recursive: true });
  const out = fs.openSync(path.join(LOGS_DIR, 'bench-backend.log'), 'w');
  return spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      'e2e/cluster/backendWithCluster.ts',
    ],
    {
      cwd: REPO_ROOT,
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        // The guest sign-in provider only works in development mode.
        NODE_ENV: 'development',
        // As in playwright.config.ts: the scaffolder module wants some token; never used.
        GITHUB_TOKEN: process.env.GITHUB_TOKEN ?? 'e2e-dry-run-placeholder',
      },
    },
  );
}

/** Stops a process group started by startBackend: SIGTERM, then SIGKILL after 10 s. */
export async function stopProcessGroup(child: ChildProcess) {
  const alive = () => child.exitCode === null && child.signalCode === null;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      // The group is gone already.
    }
  };
  if (!alive()) return;
  signal('SIGTERM');
  for (let i = 0; i < 100 && alive(); i++) await sleep(100);
  signal('SIGKILL');
}

/** Serves the built app on the frontend's port, every unknown path answered with index.html. */
export async function serveApp(): Promise<http.Server> {
  const index = path.join(APP_DIST, 'index.html');
  if (!fs.existsSync(index))
    throw new Error(`${index} is missing: build the app`);
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
    '.woff2': 'font/woff2',
  };
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(
      new URL(req.url ?? '/', FRONTEND_URL).pathname,
    );
    const file = path.join(APP_DIST, path.normalize(urlPath));
    const found =
      file.startsWith(APP_DIST) &&
      fs.existsSync(file) &&
      fs.statSync(file).isFile()
        ? file
        : index;
    res.writeHead(200, {
      'Content-Type': types[path.extname(found)] ?? 'application/octet-stream',
    });
    fs.createReadStream(found).pipe(res);
  });
  const port = Number(new URL(FRONTEND_URL).port);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}

/** Waits until the backend answers its readiness check. */
export async function waitForBackend(child: ChildProcess, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(
        `the backend exited (${child.exitCode}): see e2e/logs/bench-backend.log`,
      );
    try {
      const res = await fetch(`${BACKEND_URL}/.backstage/health/v1/readiness`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(500);
  }
  throw new Error(
    'the backend did not get ready: see e2e/logs/bench-backend.log',
  );
}
