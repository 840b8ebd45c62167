import { expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// What a reviewer sees of the journey's pull requests on the git server (the GitHub stand-in,
// packages/github-stand-in), read the way any GitHub client reads them: its REST API, and a
// clone over smart HTTP with Debian's git.

export type GitServerState = {
  url: string;
  apiBaseUrl: string;
  host: string;
  owner: string;
  repo: string;
  /** The stand-in's throwaway token (the e2e state dir is git-ignored). */
  token: string;
};

export type PullRequest = {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  html_url: string;
  head: { ref: string; sha: string };
  base: { ref: string };
};

async function api<T>(
  server: GitServerState,
  route: string,
  init: RequestInit = {},
): Promise<T> {
  const response = await fetch(`${server.apiBaseUrl}${route}`, {
    ...init,
    headers: {
      authorization: `token ${server.token}`,
      accept: 'application/vnd.github+json',
      'content-type': 'application/json',
      ...init.headers,
    },
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(
      `${init.method ?? 'GET'} ${route}: ${response.status} ${text}`,
    );
  return text ? JSON.parse(text) : (undefined as T);
}

const repoRoute = (s: GitServerState) => `/repos/${s.owner}/${s.repo}`;

/** Every pull request (open and closed) whose head is `branch`. */
export function pullRequestsFor(server: GitServerState, branch: string) {
  return api<PullRequest[]>(
    server,
    `${repoRoute(server)}/pulls?state=all&head=${encodeURIComponent(
      `${server.owner}:${branch}`,
    )}`,
  );
}

/** The parents of a commit (the history from it, newest first, is what GitHub lists). */
export async function parentsOf(server: GitServerState, sha: string) {
  const [commit] = await api<
    Array<{ sha: string; parents: Array<{ sha: string }> }>
  >(server, `${repoRoute(server)}/commits?sha=${sha}&per_page=1`);
  expect(commit?.sha).toBe(sha);
  return commit.parents.map(p => p.sha);
}

/** Merges a pull request, as a reviewer's "Merge" does. */
export function mergePullRequest(server: GitServerState, number: number) {
  return api(server, `${repoRoute(server)}/pulls/${number}/merge`, {
    method: 'PUT',
    body: JSON.stringify({ merge_method: 'merge' }),
  });
}

/**
 * Clones the repository at `branch` over smart HTTP with Debian's git and returns the files
 * under `folder`, by path relative to the repository.
 */
export function filesOnBranch(
  server: GitServerState,
  branch: string,
  folder: string,
): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-clone-'));
  try {
    execFileSync(
      'git',
      [
        '-c',
        `http.extraHeader=Authorization: Basic ${Buffer.from(
          `x-access-token:${server.token}`,
        ).toString('base64')}`,
        'clone',
        '--quiet',
        '--branch',
        branch,
        `${server.url}/${server.owner}/${server.repo}.git`,
        dir,
      ],
      { env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }, stdio: 'pipe' },
    );
    const root = path.join(dir, folder);
    return Object.fromEntries(
      fs
        .readdirSync(root)
        .map(name => [
          path.posix.join(folder, name),
          fs.readFileSync(path.join(root, name), 'utf8'),
        ]),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
