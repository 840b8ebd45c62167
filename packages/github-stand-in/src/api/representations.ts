import { createHash } from 'node:crypto';
import type { ChangedFile, GitCommit, GitTreeEntry } from '../git/GitStore';
import type { StoredPullRequest } from '../pulls/PullRequestStore';

/*
 * GitHub's JSON for the objects the stand-in serves. GitHub's OpenAPI schemas require most
 * of these fields (see src/contract): the URLs follow GitHub's own patterns under the
 * stand-in's address, counts that the stand-in does not keep are 0, and ids are stable
 * numbers derived from names, as real ids are stable.
 */

export type Urls = {
  /** e.g. http://127.0.0.1:1234/api/v3 */
  api: string;
  /** e.g. http://127.0.0.1:1234 */
  web: string;
};

export type RepoContext = Urls & {
  owner: string;
  repo: string;
  defaultBranch: string;
  createdAt: string;
  pushedAt: string;
};

export type AuthenticatedUser = { login: string; name: string; email: string };

/** A stable positive id for a name, like GitHub's database ids. */
export function stableId(kind: string, name: string): number {
  return (
    (createHash('sha256').update(`${kind}:${name}`).digest().readUInt32BE(0) %
      1_000_000_000) +
    1
  );
}

function nodeId(prefix: string, id: number | string): string {
  return `${prefix}_${Buffer.from(String(id)).toString('base64url')}`;
}

export function userJson(urls: Urls, login: string) {
  const id = stableId('user', login);
  const api = `${urls.api}/users/${login}`;
  return {
    login,
    id,
    node_id: nodeId('U', id),
    avatar_url: `${urls.web}/${login}.png`,
    gravatar_id: '',
    url: api,
    html_url: `${urls.web}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: 'User',
    user_view_type: 'public',
    site_admin: false,
  };
}

/** GET /user: the token's owner (a private-user, GitHub's shape for yourself). */
export function authenticatedUserJson(
  urls: Urls,
  user: AuthenticatedUser,
  createdAt: string,
) {
  return {
    ...userJson(urls, user.login),
    name: user.name,
    company: null,
    blog: '',
    location: null,
    email: user.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    notification_email: user.email,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: createdAt,
    updated_at: createdAt,
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: false,
    plan: {
      name: 'free',
      space: 976562499,
      private_repos: 10000,
      collaborators: 0,
    },
  };
}

export function repositoryJson(ctx: RepoContext, openIssues: number) {
  const full = `${ctx.owner}/${ctx.repo}`;
  const api = `${ctx.api}/repos/${full}`;
  const id = stableId('repo', full);
  return {
    id,
    node_id: nodeId('R', id),
    name: ctx.repo,
    full_name: full,
    private: false,
    owner: userJson(ctx, ctx.owner),
    html_url: `${ctx.web}/${full}`,
    description: null,
    fork: false,
    url: api,
    forks_url: `${api}/forks`,
    keys_url: `${api}/keys{/key_id}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    teams_url: `${api}/teams`,
    hooks_url: `${api}/hooks`,
    issue_events_url: `${api}/issues/events{/number}`,
    events_url: `${api}/events`,
    assignees_url: `${api}/assignees{/user}`,
    branches_url: `${api}/branches{/branch}`,
    tags_url: `${api}/tags`,
    blobs_url: `${api}/git/blobs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    trees_url: `${api}/git/trees{/sha}`,
    statuses_url: `${api}/statuses/{sha}`,
    languages_url: `${api}/languages`,
    stargazers_url: `${api}/stargazers`,
    contributors_url: `${api}/contributors`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    commits_url: `${api}/commits{/sha}`,
    git_commits_url: `${api}/git/commits{/sha}`,
    comments_url: `${api}/comments{/number}`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    contents_url: `${api}/contents/{+path}`,
    compare_url: `${api}/compare/{base}...{head}`,
    merges_url: `${api}/merges`,
    archive_url: `${api}/{archive_format}{/ref}`,
    downloads_url: `${api}/downloads`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    labels_url: `${api}/labels{/name}`,
    releases_url: `${api}/releases{/id}`,
    deployments_url: `${api}/deployments`,
    created_at: ctx.createdAt,
    updated_at: ctx.pushedAt,
    pushed_at: ctx.pushedAt,
    git_url: `${ctx.web.replace(/^https?:/, 'git:')}/${full}.git`,
    ssh_url: `git@${new URL(ctx.web).host}:${full}.git`,
    clone_url: `${ctx.web}/${full}.git`,
    svn_url: `${ctx.web}/${full}`,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: false,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: 'public',
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    default_branch: ctx.defaultBranch,
    // What PUT /pulls/{n}/merge does here: merge commits and squashes, no rebases.
    allow_merge_commit: true,
    allow_squash_merge: true,
    allow_rebase_merge: false,
    // The token may push: octokit-plugin-create-pull-request forks when push is false.
    permissions: {
      admin: true,
      maintain: true,
      push: true,
      triage: true,
      pull: true,
    },
    network_count: 0,
    subscribers_count: 0,
  };
}

function personJson(person: GitCommit['author']) {
  return { name: person.name, email: person.email, date: person.date };
}

function parentsJson(ctx: RepoContext, parents: string[]) {
  const api = `${ctx.api}/repos/${ctx.owner}/${ctx.repo}`;
  return parents.map(sha => ({
    sha,
    url: `${api}/commits/${sha}`,
    html_url: `${ctx.web}/${ctx.owner}/${ctx.repo}/commit/${sha}`,
  }));
}

const UNSIGNED = {
  verified: false,
  reason: 'unsigned',
  signature: null,
  payload: null,
  verified_at: null,
};

/** A commit as GET /repos/{o}/{r}/commits lists it. */
export function commitJson(ctx: RepoContext, commit: GitCommit) {
  const api = `${ctx.api}/repos/${ctx.owner}/${ctx.repo}`;
  return {
    sha: commit.sha,
    node_id: nodeId('C', commit.sha),
    commit: {
      author: personJson(commit.author),
      committer: personJson(commit.committer),
      message: commit.message.replace(/\n$/, ''),
      tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
      url: `${api}/git/commits/${commit.sha}`,
      comment_count: 0,
      verification: UNSIGNED,
    },
    url: `${api}/commits/${commit.sha}`,
    html_url: `${ctx.web}/${ctx.owner}/${ctx.repo}/commit/${commit.sha}`,
    comments_url: `${api}/commits/${commit.sha}/comments`,
    // The stand-in links commits to no account, as GitHub does for an unknown email.
    author: null,
    committer: null,
    parents: parentsJson(ctx, commit.parents),
  };
}

/** A commit as the Git database API (POST/GET git/commits) shows it. */
export function gitCommitJson(ctx: RepoContext, commit: GitCommit) {
  const api = `${ctx.api}/repos/${ctx.owner}/${ctx.repo}`;
  return {
    sha: commit.sha,
    node_id: nodeId('C', commit.sha),
    url: `${api}/git/commits/${commit.sha}`,
    html_url: `${ctx.web}/${ctx.owner}/${ctx.repo}/commit/${commit.sha}`,
    author: personJson(commit.author),
    committer: personJson(commit.committer),
    tree: { sha: commit.tree, url: `${api}/git/trees/${commit.tree}` },
    message: commit.message.replace(/\n$/, ''),
    parents: parentsJson(ctx, commit.parents),
    verification: UNSIGNED,
  };
}

export function treeJson(
  ctx: RepoContext,
  sha: string,
  entries: GitTreeEntry[],
) {
  const api = `${ctx.api}/repos/${ctx.owner}/${ctx.repo}`;
  return {
    sha,
    url: `${api}/git/trees/${sha}`,
    tree: entries.map(entry => ({
      path: entry.path,
      mode: entry.mode,
      type: entry.type,
      sha: entry.sha,
      ...(entry.size !== undefined ? { size: entry.size } : {}),
      url:
        entry.type === 'blob'
          ? `${api}/git/blobs/${entry.sha}`
          : `${api}/git/trees/${entry.sha}`,
    })),
    truncated: false,
  };
}

export function blobJson(ctx: RepoContext, sha: string) {
  return {
    sha,
    url: `${ctx.api}/repos/${ctx.owner}/${ctx.repo}/git/blobs/${sha}`,
  };
}

export function refJson(
  ctx: RepoContext,
  fullRef: string,
  sha: string,
  type: string,
) {
  const api = `${ctx.api}/repos/${ctx.owner}/${ctx.repo}`;
  return {
    ref: fullRef,
    node_id: nodeId('REF', `${ctx.owner}/${ctx.repo}:${fullRef}`),
    url: `${api}/git/${fullRef}`,
    object: {
      sha,
      type,
      url: `${api}/git/${type === 'tag' ? 'tags' : 'commits'}/${sha}`,
    },
  };
}

function encodePath(path: string) {
  return path.split('/').map(encodeURIComponent).join('/');
}

export function contentFileJson(
  ctx: RepoContext,
  ref: string,
  path: string,
  sha: string,
  content: Buffer,
) {
  const api = `${ctx.api}/repos/${ctx.owner}/${ctx.repo}`;
  const self = `${api}/contents/${encodePath(path)}?ref=${encodeURIComponent(
    ref,
  )}`;
  const html = `${ctx.web}/${ctx.owner}/${ctx.repo}/blob/${ref}/${encodePath(
    path,
  )}`;
  const git = `${api}/git/blobs/${sha}`;
  return {
    type: 'file',
    encoding: 'base64',
    size: content.length,
    name: path.split('/').pop() ?? path,
    path,
    // GitHub wraps base64 at 60 characters with newlines.
    content: `${(content.toString('base64').match(/.{1,60}/g) ?? ['']).join(
      '\n',
    )}\n`,
    sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: `${ctx.web}/${ctx.owner}/${ctx.repo}/raw/${ref}/${encodePath(
      path,
    )}`,
    _links: { self, git, html },
  };
}

/** A tree entry's type as the contents API names it. */
const CONTENT_TYPES: Record<GitTreeEntry['type'], string> = {
  blob: 'file',
  tree: 'dir',
  commit: 'submodule',
};

export function contentDirectoryJson(
  ctx: RepoContext,
  ref: string,
  entries: GitTreeEntry[],
) {
  const api = `${ctx.api}/repos/${ctx.owner}/${ctx.repo}`;
  return entries.map(entry => {
    const self = `${api}/contents/${encodePath(
      entry.path,
    )}?ref=${encodeURIComponent(ref)}`;
    const isDir = entry.type === 'tree';
    const html = `${ctx.web}/${ctx.owner}/${ctx.repo}/${
      isDir ? 'tree' : 'blob'
    }/${ref}/${encodePath(entry.path)}`;
    const git = `${api}/git/${isDir ? 'trees' : 'blobs'}/${entry.sha}`;
    return {
      type: CONTENT_TYPES[entry.type],
      size: entry.size ?? 0,
      name: entry.path.split('/').pop() ?? entry.path,
      path: entry.path,
      sha: entry.sha,
      url: self,
      git_url: git,
      html_url: html,
      download_url: isDir
        ? null
        : `${ctx.web}/${ctx.owner}/${ctx.repo}/raw/${ref}/${encodePath(
            entry.path,
          )}`,
      _links: { self, git, html },
    };
  });
}

export function pullRequestUrl(
  ctx: Urls & { owner: string; repo: string },
  number: number,
) {
  return `${ctx.web}/${ctx.owner}/${ctx.repo}/pull/${number}`;
}

export type PullRequestFacts = {
  pull: StoredPullRequest;
  headSha: string;
  baseSha: string;
  /** Full representation only: whether the head merges cleanly (null once closed). */
  mergeable?: boolean | null;
  /** Present for the full representation (GET/POST/PATCH of one pull request). */
  stats?: {
    commits: number;
    additions: number;
    deletions: number;
    changedFiles: number;
  };
  author: string;
  openIssues: number;
};

/** A pull request: the simple form (lists) or, with stats, the full form. */
export function pullRequestJson(ctx: RepoContext, facts: PullRequestFacts) {
  const { pull } = facts;
  const full = `${ctx.owner}/${ctx.repo}`;
  const api = `${ctx.api}/repos/${full}`;
  const id = stableId('pull', `${full}#${pull.number}`);
  const html = pullRequestUrl(ctx, pull.number);
  const repository = repositoryJson(ctx, facts.openIssues);
  const self = `${api}/pulls/${pull.number}`;
  const simple = {
    url: self,
    id,
    node_id: nodeId('PR', id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${pull.number}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: userJson(ctx, facts.author),
    body: pull.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.merge?.at ?? null,
    merge_commit_sha: pull.merge?.commitSha ?? null,
    assignee: null,
    assignees: [],
    requested_reviewers: pull.requestedReviewers.map(login =>
      userJson(ctx, login),
    ),
    requested_teams: pull.requestedTeams.map(slug => teamJson(ctx, slug)),
    draft: pull.draft,
    commits_url: `${self}/commits`,
    review_comments_url: `${self}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pull.number}/comments`,
    statuses_url: `${api}/statuses/${facts.headSha}`,
    head: {
      label: `${ctx.owner}:${pull.head}`,
      ref: pull.head,
      sha: facts.headSha,
      user: userJson(ctx, ctx.owner),
      repo: repository,
    },
    base: {
      label: `${ctx.owner}:${pull.base}`,
      ref: pull.base,
      sha: facts.baseSha,
      user: userJson(ctx, ctx.owner),
      repo: repository,
    },
    _links: {
      self: { href: self },
      html: { href: html },
      issue: { href: `${api}/issues/${pull.number}` },
      comments: { href: `${api}/issues/${pull.number}/comments` },
      review_comments: { href: `${self}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${self}/commits` },
      statuses: { href: `${api}/statuses/${facts.headSha}` },
    },
    author_association: 'OWNER',
    auto_merge: null,
  };
  if (!facts.stats) return simple;
  const mergeable = facts.mergeable ?? null;
  return {
    ...simple,
    merged: pull.merge !== undefined,
    mergeable,
    // The stand-in does not rebase (see the merge route): it never says a rebase would work.
    rebaseable: pull.state === 'open' ? false : null,
    mergeable_state: mergeableState(pull, mergeable),
    merged_by: pull.merge ? userJson(ctx, pull.merge.by) : null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: facts.stats.commits,
    additions: facts.stats.additions,
    deletions: facts.stats.deletions,
    changed_files: facts.stats.changedFiles,
  };
}

/** GitHub's mergeable_state: dirty for conflicts, draft, clean; unknown once closed. */
function mergeableState(pull: StoredPullRequest, mergeable: boolean | null) {
  if (pull.state !== 'open' || mergeable === null) return 'unknown';
  if (!mergeable) return 'dirty';
  return pull.draft ? 'draft' : 'clean';
}

/** PUT /pulls/{n}/merge's answer. */
export function mergeResultJson(sha: string) {
  return { sha, merged: true, message: 'Pull Request successfully merged' };
}

export function teamJson(ctx: Urls & { owner: string }, slug: string) {
  const id = stableId('team', `${ctx.owner}/${slug}`);
  const api = `${ctx.api}/organizations/${stableId(
    'user',
    ctx.owner,
  )}/team/${id}`;
  return {
    id,
    node_id: nodeId('T', id),
    url: api,
    members_url: `${api}/members{/member}`,
    name: slug,
    description: null,
    permission: 'pull',
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    html_url: `${ctx.web}/orgs/${ctx.owner}/teams/${slug}`,
    repositories_url: `${api}/repos`,
    slug,
    parent: null,
  };
}

export function diffEntryJson(
  ctx: RepoContext,
  headSha: string,
  file: ChangedFile,
) {
  const api = `${ctx.api}/repos/${ctx.owner}/${ctx.repo}`;
  const path = encodePath(file.filename);
  return {
    sha: file.sha,
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.additions + file.deletions,
    blob_url: `${ctx.web}/${ctx.owner}/${ctx.repo}/blob/${headSha}/${path}`,
    raw_url: `${ctx.web}/${ctx.owner}/${ctx.repo}/raw/${headSha}/${path}`,
    contents_url: `${api}/contents/${path}?ref=${headSha}`,
    patch: file.patch,
  };
}
