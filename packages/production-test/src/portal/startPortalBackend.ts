import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { REPO_ROOT } from '../repoRoot';

/** A running portal backend (packages/backend from source) and how to stop it. */
export type PortalBackend = {
  url: string;
  /** Stops its process group (SIGTERM, SIGKILL after `graceMs`) and waits for its exit. */
  stop: () => Promise<void>;
};

export type PortalBackendOptions = {
  /** Config files after app-config.yaml, in order. */
  configFiles: string[];
  /** The port the config makes it listen on, on 127.0.0.1. */
  port: number;
  /** Added to this process's environment (the database credentials travel here, never in argv). */
  env: Record<string, string>;
  /** Its stdout and stderr are appended here. */
  logFile: string;
  /** Its pid goes here while it runs, so that a shell trap can stop it after an interrupt. */
  pidFile: string;
  readyTimeoutMs?: number;
};

/**
 * Starts the portal's backend as the image runs it: from the repository's root (the working
 * directory that app-config.production.yaml's file locations are relative to), with
 * NODE_ENV=production, through Backstage's node transform instead of a build (the plugins
 * of this repository are TypeScript sources). Resolves when its readiness endpoint answers
 * 200; rejects with the end of its log when it exits first or is not ready in time.
 */
export async function startPortalBackend(
  options: PortalBackendOptions,
): Promise<PortalBackend> {
  const { configFiles, port, env, logFile, pidFile } = options;
  const url = `http://127.0.0.1:${port}`;
  const out = fs.openSync(logFile, 'a', 0o600);
  const child = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      'packages/backend/src/index',
      ...['app-config.yaml', ...configFiles].flatMap(f => ['--config', f]),
    ],
    {
      cwd: REPO_ROOT,
      // Its own process group, so that stop() reaches whatever it starts.
      detached: true,
      stdio: ['ignore', out, out],
      env: { ...process.env, ...env, NODE_ENV: 'production' },
    },
  );
  fs.closeSync(out);
  fs.writeFileSync(pidFile, `${child.pid}\n`);
  const exited = new Promise<number | null>(resolve =>
    child.once('exit', code => resolve(code)),
  );
  const stop = () => stopProcessGroup(child, exited, pidFile);
  try {
    await waitUntilReady(
      `${url}/.backstage/health/v1/readiness`,
      exited,
      options.readyTimeoutMs ?? 120_000,
    );
  } catch (error) {
    await stop();
    throw new Error(
      `${(error as Error).message}\nend of ${logFile}:\n${tail(logFile, 40)}`,
    );
  }
  return { url, stop };
}

/** Polls the readiness endpoint until it answers 200, the process exits, or time is up. */
async function waitUntilReady(
  readinessUrl: string,
  exited: Promise<number | null>,
  timeoutMs: number,
) {
  let exitCode: number | null | undefined;
  exited.then(code => {
    exitCode = code;
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined)
      throw new Error(
        `the backend exited (code ${exitCode}) before it was ready`,
      );
    try {
      const res = await fetch(readinessUrl);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`the backend was not ready within ${timeoutMs} ms`);
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

async function stopProcessGroup(
  child: ChildProcess,
  exited: Promise<number | null>,
  pidFile: string,
  graceMs = 30_000,
) {
  if (child.exitCode === null && child.signalCode === null) {
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
  fs.rmSync(pidFile, { force: true });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
