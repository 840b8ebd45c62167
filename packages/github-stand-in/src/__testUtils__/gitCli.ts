import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** Debian's git as a person runs it, with no user config and no prompts. */
export async function gitCli(
  args: string[],
  cwd?: string,
): Promise<{ stdout: string; stderr: string }> {
  return execFileAsync('git', args, {
    cwd,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: tmpdir(),
      GIT_TERMINAL_PROMPT: '0',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Test Person',
      GIT_AUTHOR_EMAIL: 'test@127.0.0.1',
      GIT_COMMITTER_NAME: 'Test Person',
      GIT_COMMITTER_EMAIL: 'test@127.0.0.1',
    },
  });
}

/** An Authorization header for git's `-c http.extraHeader=...` (token as basic password). */
export function basicAuthHeader(token: string): string {
  return `Authorization: Basic ${Buffer.from(
    `x-access-token:${token}`,
  ).toString('base64')}`;
}

/** A temporary directory, removed by the returned function. */
export async function temporaryDir(prefix: string) {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Every file in a checkout (without .git), path → text. */
export async function filesIn(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  async function walk(current: string) {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const full = join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else result[relative(dir, full)] = await readFile(full, 'utf8');
    }
  }
  await walk(dir);
  return result;
}
