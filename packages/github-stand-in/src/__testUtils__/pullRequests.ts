import { api } from './standInFixture';

/**
 * Pull requests made through the stand-in's API as a client would make them: a commit on a
 * branch (files changed on top of another branch's head), then POST /pulls.
 */
export function pullRequestClient(
  apiBaseUrl: () => string,
  owner: string,
  repo: string,
) {
  const call = async (path: string, method: string, body?: unknown) => {
    const answer = await api(apiBaseUrl(), `/repos/${owner}/${repo}${path}`, {
      method,
      body,
    });
    if (answer.status >= 300)
      throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
    return answer.body;
  };

  /** The commit a branch points at. */
  const head = async (branch: string): Promise<string> =>
    (await call(`/git/ref/heads/${encodeURIComponent(branch)}`, 'GET')).object
      .sha;

  /** A commit on top of `from` with `files` (path → text) changed; answers its SHA. */
  async function commit(
    from: string,
    files: Record<string, string>,
    message: string,
  ): Promise<string> {
    const [latest] = await call(
      `/commits?sha=${encodeURIComponent(from)}&per_page=1`,
      'GET',
    );
    const tree = await call('/git/trees', 'POST', {
      base_tree: latest.commit.tree.sha,
      tree: Object.entries(files).map(([path, content]) => ({
        path,
        mode: '100644',
        content,
      })),
    });
    return (
      await call('/git/commits', 'POST', {
        message,
        tree: tree.sha,
        parents: [latest.sha],
      })
    ).sha;
  }

  return {
    head,
    /** Moves an existing branch forward with a commit changing `files`. */
    async push(branch: string, files: Record<string, string>) {
      const sha = await commit(branch, files, `Change ${Object.keys(files)}`);
      await call(`/git/refs/heads/${encodeURIComponent(branch)}`, 'PATCH', {
        sha,
      });
      return sha;
    },
    /** A new branch off `base` with `files` changed, and a pull request for it into `base`. */
    async open(options: {
      branch: string;
      files: Record<string, string>;
      base?: string;
      title?: string;
      draft?: boolean;
    }): Promise<{ number: number; headSha: string }> {
      const base = options.base ?? 'main';
      const sha = await commit(
        base,
        options.files,
        `Add ${Object.keys(options.files)}`,
      );
      await call('/git/refs', 'POST', {
        ref: `refs/heads/${options.branch}`,
        sha,
      });
      const pull = await call('/pulls', 'POST', {
        title: options.title ?? `Change on ${options.branch}`,
        head: options.branch,
        base,
        draft: options.draft ?? false,
      });
      return { number: pull.number, headSha: pull.head.sha };
    },
  };
}
