import type { GitCommit } from '../git/GitStore';
import type { StoredMerge, StoredPullRequest } from '../pulls/PullRequestStore';
import { ApiError, notFound } from './ApiError';
import type { RepoContext } from './representations';
import type { StandInContext } from './StandInContext';

export const MERGE_DOCS =
  'https://docs.github.com/rest/pulls/pulls#merge-a-pull-request';

export type MergeMethod = 'merge' | 'squash' | 'rebase';

/** PUT /pulls/{n}/merge's body, read and checked by the route. */
export type MergeRequest = {
  method: MergeMethod;
  commitTitle?: string;
  commitMessage?: string;
  /** The head the caller reviewed: the merge is refused when the head moved since. */
  sha?: string;
};

/** GitHub's answers when a merge cannot be done: 405, or 409 for a head that moved. */
const refuse = {
  notMergeable: () =>
    new ApiError(405, 'Pull Request is not mergeable', MERGE_DOCS),
  draft: () => new ApiError(405, 'Pull Request is still a draft', MERGE_DOCS),
  rebase: () =>
    new ApiError(
      405,
      'Rebase merges are not allowed on this repository.',
      MERGE_DOCS,
    ),
  baseMoved: () =>
    new ApiError(
      405,
      'Base branch was modified. Review and try the merge again.',
      MERGE_DOCS,
    ),
  headMoved: () =>
    new ApiError(
      409,
      'Head branch was modified. Review and try the merge again.',
      MERGE_DOCS,
    ),
};

function nowIso() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function subject(commit: GitCommit) {
  return commit.message.split('\n')[0];
}

/** GitHub's default messages: "Merge pull request #n from owner/branch" and the title. */
function commitMessage(
  ctx: RepoContext,
  pull: StoredPullRequest,
  request: MergeRequest,
  squashed: GitCommit[],
): string {
  const title =
    request.commitTitle ??
    (request.method === 'squash'
      ? `${pull.title} (#${pull.number})`
      : `Merge pull request #${pull.number} from ${ctx.owner}/${pull.head}`);
  const detail =
    request.commitMessage ??
    (request.method === 'squash'
      ? squashed.map(c => `* ${subject(c)}`).join('\n\n')
      : pull.title);
  return detail ? `${title}\n\n${detail}\n` : `${title}\n`;
}

/**
 * Merges an open pull request as GitHub's merge button does: a merge commit (parents: the
 * base's head, then the pull request's head) or a squash (one commit on the base), whose tree
 * is `git merge-tree`'s. The base moves by compare-and-swap, so a base that moved in between
 * is refused, never overwritten. Runs inside the pull-request store's lock for the repository,
 * so a close or a second merge waits for it. Answers the stored, now merged, pull request.
 */
export async function mergePull(
  context: StandInContext,
  ctx: RepoContext,
  number: number,
  request: MergeRequest,
): Promise<StoredPullRequest & { merge: StoredMerge }> {
  const { git, user } = context;
  const { owner, repo } = ctx;
  const merged = await context.pulls.update(owner, repo, number, async pull => {
    if (pull.state !== 'open' || pull.merge) throw refuse.notMergeable();
    if (request.method === 'rebase') throw refuse.rebase();
    if (pull.draft) throw refuse.draft();
    const headSha = await git.readRef(owner, repo, `refs/heads/${pull.head}`);
    const baseSha = await git.readRef(owner, repo, `refs/heads/${pull.base}`);
    if (!headSha || !baseSha) throw refuse.notMergeable();
    if (request.sha !== undefined && request.sha !== headSha)
      throw refuse.headMoved();
    const result = await git.mergeTree(owner, repo, baseSha, headSha);
    if (!result.clean) throw refuse.notMergeable();

    const at = nowIso();
    const person = { name: user.name, email: user.email, date: at };
    const squashed =
      request.method === 'squash'
        ? await git.commitsBetween(owner, repo, baseSha, headSha)
        : [];
    const commitSha = await git.createCommit(owner, repo, {
      tree: result.tree,
      parents: request.method === 'squash' ? [baseSha] : [baseSha, headSha],
      author: person,
      committer: person,
      message: commitMessage(ctx, pull, request, squashed),
    });
    try {
      await git.updateRef(
        owner,
        repo,
        `refs/heads/${pull.base}`,
        commitSha,
        baseSha,
      );
    } catch {
      throw refuse.baseMoved();
    }
    const merge: StoredMerge = {
      method: request.method,
      commitSha,
      baseSha,
      headSha,
      at,
      by: user.login,
    };
    return { state: 'closed', closedAt: at, lastHeadSha: headSha, merge };
  });
  // Undefined only when the pull request is gone, which the store never does.
  if (!merged?.merge) throw notFound(MERGE_DOCS);
  return { ...merged, merge: merged.merge };
}
