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

/** Live SHAs for a pull request: the head moves with its branch, by API or by push. */
export async function loadPullFacts(
  context: StandInContext,
  repoContext: RepoContext,
  pull: StoredPullRequest,
  withStats: boolean,
): Promise<PullRequestFacts> {
  const { owner, repo } = repoContext;
  const headSha =
    (await context.git.readRef(owner, repo, `refs/heads/${pull.head}`)) ??
    pull.lastHeadSha;
  const baseSha =
    (await context.git.readRef(owner, repo, `refs/heads/${pull.base}`)) ??
    headSha;
  const openIssues = await countOpenPulls(context, owner, repo);
  if (!withStats)
    return { pull, headSha, baseSha, author: context.user.login, openIssues };
  const files = await context.git.changedFiles(owner, repo, baseSha, headSha);
  return {
    pull,
    headSha,
    baseSha,
    author: context.user.login,
    openIssues,
    stats: {
      commits: await context.git.countCommits(owner, repo, baseSha, headSha),
      additions: files.reduce((sum, f) => sum + f.additions, 0),
      deletions: files.reduce((sum, f) => sum + f.deletions, 0),
      changedFiles: files.length,
    },
  };
}
