import type { GitStore } from '../git/GitStore';
import type {
  PullRequestStore,
  StoredPullRequest,
} from '../pulls/PullRequestStore';
import { notFound } from './ApiError';
import type {
  AuthenticatedUser,
  PullRequestFacts,
  RepoContext,
  Urls,
} from './representations';

/** What every route needs: the stores, the server's addresses and the token's user. */
export type StandInContext = {
  git: GitStore;
  pulls: PullRequestStore;
  urls: Urls;
  user: AuthenticatedUser;
};

/** The facts a repository's JSON needs, or GitHub's 404 for an unknown repository. */
export async function loadRepoContext(
  context: StandInContext,
  owner: string,
  repo: string,
): Promise<RepoContext> {
  if (!(await context.git.exists(owner, repo))) throw notFound();
  const [defaultBranch, createdAt, pushedAt] = await Promise.all([
    context.git.defaultBranch(owner, repo),
    context.git.createdAt(owner, repo),
    context.git.pushedAt(owner, repo),
  ]);
  return { ...context.urls, owner, repo, defaultBranch, createdAt, pushedAt };
}

export async function countOpenPulls(
  context: StandInContext,
  owner: string,
  repo: string,
) {
  return (await context.pulls.list(owner, repo)).filter(p => p.state === 'open')
    .length;
}

/** A pull request's number from the path; anything else is GitHub's 404. */
export function pullNumber(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw notFound();
  return number;
}

/** The stored pull request, or GitHub's 404 (with the operation's documentation link). */
export async function loadPull(
  context: StandInContext,
  ctx: RepoContext,
  value: string,
  docs: string,
): Promise<StoredPullRequest> {
  const pull = await context.pulls.get(ctx.owner, ctx.repo, pullNumber(value));
  if (!pull) throw notFound(docs);
  return pull;
}

/**
 * A pull request's head and base commits: live from its branches (the head moves with its
 * branch, by API or by push), frozen at the merge once merged, as GitHub's are.
 */
export async function pullShas(
  git: GitStore,
  owner: string,
  repo: string,
  pull: StoredPullRequest,
): Promise<{ headSha: string; baseSha: string }> {
  if (pull.merge)
    return { headSha: pull.merge.headSha, baseSha: pull.merge.baseSha };
  const headSha =
    (await git.readRef(owner, repo, `refs/heads/${pull.head}`)) ??
    pull.lastHeadSha;
  const baseSha =
    (await git.readRef(owner, repo, `refs/heads/${pull.base}`)) ?? headSha;
  return { headSha, baseSha };
}

export async function loadPullFacts(
  context: StandInContext,
  repoContext: RepoContext,
  pull: StoredPullRequest,
  withStats: boolean,
): Promise<PullRequestFacts> {
  const { owner, repo } = repoContext;
  const { headSha, baseSha } = await pullShas(context.git, owner, repo, pull);
  const openIssues = await countOpenPulls(context, owner, repo);
  const facts = {
    pull,
    headSha,
    baseSha,
    author: context.user.login,
    openIssues,
  };
  if (!withStats) return facts;
  const files = await context.git.changedFiles(owner, repo, baseSha, headSha);
  return {
    ...facts,
    // Only an open pull request has a mergeability; GitHub reports null otherwise.
    mergeable:
      pull.state === 'open'
        ? (await context.git.mergeTree(owner, repo, baseSha, headSha)).clean
        : null,
    stats: {
      commits: await context.git.countCommits(owner, repo, baseSha, headSha),
      additions: files.reduce((sum, f) => sum + f.additions, 0),
      deletions: files.reduce((sum, f) => sum + f.deletions, 0),
      changedFiles: files.length,
    },
  };
}
