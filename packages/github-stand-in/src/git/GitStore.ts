import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { GitCommandError, runGit, runGitRaw } from './runGit';

/** A person as git records them; date is ISO 8601 (UTC). */
export type GitPerson = { name: string; email: string; date: string };

export type GitCommit = {
  sha: string;
  tree: string;
  parents: string[];
  author: GitPerson;
  committer: GitPerson;
  message: string;
};

export type GitTreeEntry = {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  size?: number;
};

/** One change for createTree: new content, an existing blob, or a deletion (sha null). */
export type TreeChange = {
  path: string;
  mode: string;
  content?: string;
  sha?: string | null;
};

export type ChangedFile = {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'changed';
  sha: string;
  additions: number;
  deletions: number;
  patch: string;
};

/** `git merge-tree --write-tree`: the merged tree, or the paths that conflict. */
export type MergeTreeResult =
  | { clean: true; tree: string }
  | { clean: false; conflicts: string[] };

export class InvalidGitInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidGitInputError';
  }
}

const NAME_PATTERN = /^[A-Za-z0-9_.-]{1,100}$/;
const SHA_PATTERN = /^[0-9a-f]{40}$/;
const ZERO_SHA = '0'.repeat(40);

/** git diff --raw's status letters, as GitHub names them. */
const STATUS_BY_LETTER: Record<string, ChangedFile['status']> = {
  A: 'added',
  D: 'removed',
  M: 'modified',
};

export function isValidName(name: string): boolean {
  return NAME_PATTERN.test(name) && name !== '.' && name !== '..';
}

export function isSha(value: unknown): value is string {
  return typeof value === 'string' && SHA_PATTERN.test(value);
}

function toIso(epochSeconds: string): string {
  return new Date(Number(epochSeconds) * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}

function parsePerson(line: string): GitPerson {
  const match = /^(.*) <([^>]*)> (\d+) [+-]\d{4}$/.exec(line);
  if (!match) return { name: line, email: '', date: toIso('0') };
  return { name: match[1], email: match[2], date: toIso(match[3]) };
}

/** Parses `git cat-file commit`: headers (with continuation lines), a blank line, the message. */
function parseCommit(sha: string, raw: string): GitCommit {
  const split = raw.indexOf('\n\n');
  const headerText = split === -1 ? raw : raw.slice(0, split);
  const message = split === -1 ? '' : raw.slice(split + 2);
  const commit: GitCommit = {
    sha,
    tree: '',
    parents: [],
    author: parsePerson(''),
    committer: parsePerson(''),
    message,
  };
  for (const line of headerText.split('\n')) {
    if (line.startsWith(' ')) continue; // continuation of gpgsig and the like
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'tree') commit.tree = value;
    else if (key === 'parent') commit.parents.push(value);
    else if (key === 'author') commit.author = parsePerson(value);
    else if (key === 'committer') commit.committer = parsePerson(value);
  }
  return commit;
}

/**
 * Bare git repositories under `<stateDir>/repos/<owner>/<name>.git`, read and written with
 * Debian's git: every blob, tree, commit and ref the API reports is a real git object.
 */
export class GitStore {
  constructor(private readonly reposDir: string) {}

  gitDir(owner: string, name: string): string {
    if (!isValidName(owner) || !isValidName(name)) {
      throw new InvalidGitInputError(
        `invalid repository name ${owner}/${name}`,
      );
    }
    return join(this.reposDir, owner, `${name}.git`);
  }

  async exists(owner: string, name: string): Promise<boolean> {
    if (!isValidName(owner) || !isValidName(name)) return false;
    try {
      return (await stat(join(this.gitDir(owner, name), 'HEAD'))).isFile();
    } catch {
      return false;
    }
  }

  async listRepositories(): Promise<{ owner: string; name: string }[]> {
    const result: { owner: string; name: string }[] = [];
    const owners = await readdir(this.reposDir).catch(() => [] as string[]);
    for (const owner of owners.sort()) {
      const entries = await readdir(join(this.reposDir, owner)).catch(
        () => [] as string[],
      );
      for (const entry of entries.sort()) {
        if (entry.endsWith('.git'))
          result.push({ owner, name: entry.slice(0, -4) });
      }
    }
    return result;
  }

  /**
   * Creates a bare repository (if missing) whose default branch gets one commit with `files`.
   * An existing repository is left as it is, so a restart keeps what was pushed.
   */
  async ensureRepository(options: {
    owner: string;
    name: string;
    defaultBranch: string;
    files: Record<string, string>;
    author: Omit<GitPerson, 'date'>;
  }): Promise<void> {
    const { owner, name, defaultBranch } = options;
    if (await this.exists(owner, name)) return;
    const gitDir = this.gitDir(owner, name);
    await mkdir(join(this.reposDir, owner), { recursive: true });
    await runGit([
      'init',
      '--bare',
      '--quiet',
      `--initial-branch=${defaultBranch}`,
      gitDir,
    ]);
    // Pushes over smart HTTP are allowed (the server checks the token before git runs).
    await runGit(['config', 'http.receivepack', 'true'], { gitDir });
    const files = Object.keys(options.files).length
      ? options.files
      : { 'README.md': `# ${name}\n` };
    const tree = await this.createTree(
      owner,
      name,
      undefined,
      Object.entries(files).map(([path, content]) => ({
        path,
        mode: '100644',
        content,
      })),
    );
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const person = { ...options.author, date: now };
    const sha = await this.createCommit(owner, name, {
      message: 'Initial commit\n',
      tree,
      parents: [],
      author: person,
      committer: person,
    });
    await this.updateRef(owner, name, `refs/heads/${defaultBranch}`, sha);
  }

  async defaultBranch(owner: string, name: string): Promise<string> {
    const ref = (
      await runGit(['symbolic-ref', 'HEAD'], {
        gitDir: this.gitDir(owner, name),
      })
    ).trim();
    return ref.replace(/^refs\/heads\//, '');
  }

  /** The commit a ref (full name), branch name or SHA points at, or undefined. */
  async resolveCommit(
    owner: string,
    name: string,
    refOrSha: string,
  ): Promise<string | undefined> {
    if (refOrSha.startsWith('-')) return undefined;
    try {
      const out = await runGit(
        ['rev-parse', '--verify', '--quiet', `${refOrSha}^{commit}`],
        { gitDir: this.gitDir(owner, name) },
      );
      return out.trim() || undefined;
    } catch (error) {
      if (error instanceof GitCommandError) return undefined;
      throw error;
    }
  }

  /** The SHA a full ref name (refs/heads/...) points at, or undefined. */
  async readRef(
    owner: string,
    name: string,
    fullRef: string,
  ): Promise<string | undefined> {
    try {
      const out = await runGit(['show-ref', '--verify', '--hash', fullRef], {
        gitDir: this.gitDir(owner, name),
      });
      return out.trim() || undefined;
    } catch (error) {
      if (error instanceof GitCommandError) return undefined;
      throw error;
    }
  }

  async objectType(
    owner: string,
    name: string,
    sha: string,
  ): Promise<string | undefined> {
    if (!isSha(sha)) return undefined;
    try {
      return (
        await runGit(['cat-file', '-t', sha], {
          gitDir: this.gitDir(owner, name),
        })
      ).trim();
    } catch (error) {
      if (error instanceof GitCommandError) return undefined;
      throw error;
    }
  }

  async readCommit(
    owner: string,
    name: string,
    sha: string,
  ): Promise<GitCommit> {
    const raw = await runGit(['cat-file', 'commit', sha], {
      gitDir: this.gitDir(owner, name),
    });
    return parseCommit(sha, raw);
  }

  /** Commits reachable from `sha`, newest first (git log order). */
  async listCommits(
    owner: string,
    name: string,
    sha: string,
    limit: number,
  ): Promise<GitCommit[]> {
    const out = await runGit(['rev-list', `--max-count=${limit}`, sha, '--'], {
      gitDir: this.gitDir(owner, name),
    });
    const shas = out.split('\n').filter(Boolean);
    return Promise.all(shas.map(s => this.readCommit(owner, name, s)));
  }

  async writeBlob(
    owner: string,
    name: string,
    content: Buffer,
  ): Promise<string> {
    const out = await runGit(['hash-object', '-w', '--stdin'], {
      gitDir: this.gitDir(owner, name),
      input: content,
    });
    return out.trim();
  }

  async readBlob(owner: string, name: string, sha: string): Promise<Buffer> {
    return runGitRaw(['cat-file', 'blob', sha], {
      gitDir: this.gitDir(owner, name),
    });
  }

  /** The entries of a tree (all levels when recursive); trees report no size. */
  async readTree(
    owner: string,
    name: string,
    treeish: string,
    recursive: boolean,
  ): Promise<GitTreeEntry[]> {
    const args = ['ls-tree', '-z', '-l', '--full-tree'];
    if (recursive) args.push('-r', '-t');
    const out = await runGit([...args, treeish], {
      gitDir: this.gitDir(owner, name),
    });
    return out
      .split('\0')
      .filter(Boolean)
      .map(line => {
        const tab = line.indexOf('\t');
        const [mode, type, sha, size] = line.slice(0, tab).split(/\s+/);
        return {
          path: line.slice(tab + 1),
          mode,
          type: type as GitTreeEntry['type'],
          sha,
          size: size === '-' ? undefined : Number(size),
        };
      });
  }

  /** The tree of a commit (or a tree itself), or undefined. */
  async treeShaOf(
    owner: string,
    name: string,
    treeish: string,
  ): Promise<string | undefined> {
    try {
      return (
        await runGit(
          ['rev-parse', '--verify', '--quiet', `${treeish}^{tree}`],
          {
            gitDir: this.gitDir(owner, name),
          },
        )
      ).trim();
    } catch (error) {
      if (error instanceof GitCommandError) return undefined;
      throw error;
    }
  }

  /** The tree at `path` in a commit, or undefined when there is no folder there. */
  async treeAt(
    owner: string,
    name: string,
    commitSha: string,
    path: string,
  ): Promise<string | undefined> {
    try {
      // Everything after the colon is the path, so no ^{tree} suffix: ask for the type.
      const sha = (
        await runGit(
          ['rev-parse', '--verify', '--quiet', `${commitSha}:${path}`],
          {
            gitDir: this.gitDir(owner, name),
          },
        )
      ).trim();
      return (await this.objectType(owner, name, sha)) === 'tree'
        ? sha
        : undefined;
    } catch (error) {
      if (error instanceof GitCommandError) return undefined;
      throw error;
    }
  }

  /** The blob at `path` in commit `sha`, or undefined when there is none. */
  async fileAt(
    owner: string,
    name: string,
    commitSha: string,
    path: string,
  ): Promise<{ sha: string; content: Buffer } | undefined> {
    let entries: string;
    try {
      entries = await runGit(
        ['ls-tree', '-z', '--full-tree', commitSha, '--', path],
        {
          gitDir: this.gitDir(owner, name),
        },
      );
    } catch (error) {
      // A path git will not look up (outside the tree, say) is a file that is not there.
      if (error instanceof GitCommandError) return undefined;
      throw error;
    }
    const entry = entries.split('\0').find(line => line.endsWith(`\t${path}`));
    if (!entry) return undefined;
    const [, type, sha] = entry.slice(0, entry.indexOf('\t')).split(/\s+/);
    if (type !== 'blob') return undefined;
    return { sha, content: await this.readBlob(owner, name, sha) };
  }

  /**
   * Writes a tree: `base` (a tree SHA, or none for an empty tree) with `changes` applied,
   * through a temporary index so concurrent requests do not share one.
   */
  async createTree(
    owner: string,
    name: string,
    base: string | undefined,
    changes: TreeChange[],
  ): Promise<string> {
    const gitDir = this.gitDir(owner, name);
    const indexFile = join(gitDir, `stand-in-index-${randomUUID()}`);
    const env = { GIT_INDEX_FILE: indexFile };
    try {
      if (base) await runGit(['read-tree', base], { gitDir, env });
      else await runGit(['read-tree', '--empty'], { gitDir, env });
      for (const change of changes) {
        if (change.sha === null) {
          await runGit(['update-index', '--force-remove', '--', change.path], {
            gitDir,
            env,
          });
          continue;
        }
        const sha =
          change.content !== undefined
            ? await this.writeBlob(
                owner,
                name,
                Buffer.from(change.content, 'utf8'),
              )
            : change.sha;
        if (!sha)
          throw new InvalidGitInputError(
            `tree entry ${change.path} has neither content nor sha`,
          );
        await runGit(
          [
            'update-index',
            '--add',
            '--cacheinfo',
            `${change.mode},${sha},${change.path}`,
          ],
          { gitDir, env },
        );
      }
      return (await runGit(['write-tree'], { gitDir, env })).trim();
    } catch (error) {
      if (error instanceof GitCommandError)
        throw new InvalidGitInputError(error.stderr.trim() || error.message);
      throw error;
    } finally {
      await rm(indexFile, { force: true });
    }
  }

  async createCommit(
    owner: string,
    name: string,
    commit: Omit<GitCommit, 'sha'>,
  ): Promise<string> {
    const args = ['commit-tree', commit.tree];
    for (const parent of commit.parents) args.push('-p', parent);
    const out = await runGit(args, {
      gitDir: this.gitDir(owner, name),
      input: commit.message,
      env: {
        GIT_AUTHOR_NAME: commit.author.name,
        GIT_AUTHOR_EMAIL: commit.author.email,
        GIT_AUTHOR_DATE: commit.author.date,
        GIT_COMMITTER_NAME: commit.committer.name,
        GIT_COMMITTER_EMAIL: commit.committer.email,
        GIT_COMMITTER_DATE: commit.committer.date,
      },
    });
    return out.trim();
  }

  /**
   * Moves (or creates) a ref. With `expectedOld` the update is atomic: git refuses when the
   * ref moved in between (ZERO_SHA expects it not to exist).
   */
  async updateRef(
    owner: string,
    name: string,
    fullRef: string,
    sha: string,
    expectedOld?: string,
  ): Promise<void> {
    const args = ['update-ref', fullRef, sha];
    if (expectedOld !== undefined) args.push(expectedOld);
    await runGit(args, { gitDir: this.gitDir(owner, name) });
  }

  async createRef(owner: string, name: string, fullRef: string, sha: string) {
    await this.updateRef(owner, name, fullRef, sha, ZERO_SHA);
  }

  async isAncestor(
    owner: string,
    name: string,
    ancestor: string,
    descendant: string,
  ) {
    try {
      await runGit(['merge-base', '--is-ancestor', ancestor, descendant], {
        gitDir: this.gitDir(owner, name),
      });
      return true;
    } catch (error) {
      if (error instanceof GitCommandError) return false;
      throw error;
    }
  }

  /**
   * Merges two commits without a work tree or index (`git merge-tree --write-tree`, git
   * 2.38+): the tree a merge would commit, or the conflicting paths. Histories with no common
   * commit do not merge, as GitHub's merge button refuses them.
   */
  async mergeTree(
    owner: string,
    name: string,
    base: string,
    head: string,
  ): Promise<MergeTreeResult> {
    const args = [
      'merge-tree',
      '--write-tree',
      '--name-only',
      '--no-messages',
      '-z',
      base,
      head,
    ];
    try {
      const out = await runGit(args, { gitDir: this.gitDir(owner, name) });
      return { clean: true, tree: out.split('\0')[0].trim() };
    } catch (error) {
      if (!(error instanceof GitCommandError)) throw error;
      // Exit 1: conflicts. The output is the tree (with conflict markers), then the paths.
      if (error.exitCode === 1) {
        const [, ...paths] = error.stdout.split('\0');
        return { clean: false, conflicts: [...new Set(paths.filter(Boolean))] };
      }
      if (/unrelated histories/.test(error.stderr))
        return { clean: false, conflicts: [] };
      throw error;
    }
  }

  /** The commits `head` has that `base` lacks, oldest first (for a squash's message). */
  async commitsBetween(
    owner: string,
    name: string,
    base: string,
    head: string,
  ): Promise<GitCommit[]> {
    const out = await runGit(
      ['rev-list', '--reverse', `${base}..${head}`, '--'],
      {
        gitDir: this.gitDir(owner, name),
      },
    );
    const shas = out.split('\n').filter(Boolean);
    return Promise.all(shas.map(s => this.readCommit(owner, name, s)));
  }

  /** How many commits `head` has that `base` lacks (git rev-list --count base..head). */
  async countCommits(owner: string, name: string, base: string, head: string) {
    const out = await runGit(
      ['rev-list', '--count', `${base}..${head}`, '--'],
      {
        gitDir: this.gitDir(owner, name),
      },
    );
    return Number(out.trim());
  }

  /** When the repository was made: the time of its oldest commit on any ref. */
  async createdAt(owner: string, name: string): Promise<string> {
    const out = await runGit(
      ['log', '--all', '--format=%ct', '--reverse', '--max-parents=0'],
      {
        gitDir: this.gitDir(owner, name),
      },
    );
    const first = out.split('\n').find(Boolean);
    return toIso(first ?? String(Math.floor(Date.now() / 1000)));
  }

  /** The newest committer time on any ref: as close to GitHub's pushed_at as git can tell. */
  async pushedAt(owner: string, name: string): Promise<string> {
    const out = await runGit(
      [
        'for-each-ref',
        '--sort=-committerdate',
        '--count=1',
        '--format=%(committerdate:unix)',
        'refs/heads',
      ],
      { gitDir: this.gitDir(owner, name) },
    );
    return toIso(out.trim() || String(Math.floor(Date.now() / 1000)));
  }

  async isValidRefName(fullRef: string): Promise<boolean> {
    try {
      await runGit(['check-ref-format', fullRef]);
      return true;
    } catch (error) {
      if (error instanceof GitCommandError) return false;
      throw error;
    }
  }

  /** The files a pull request changes: `git diff base...head`, one entry and patch per file. */
  async changedFiles(
    owner: string,
    name: string,
    base: string,
    head: string,
  ): Promise<ChangedFile[]> {
    const gitDir = this.gitDir(owner, name);
    const range = `${base}...${head}`;
    const raw = await runGit(
      ['diff', '--raw', '-z', '--no-renames', '--no-abbrev', range],
      {
        gitDir,
      },
    );
    const numstat = await runGit(
      ['diff', '--numstat', '-z', '--no-renames', range],
      {
        gitDir,
      },
    );
    const counts = new Map<string, { additions: number; deletions: number }>();
    for (const record of numstat.split('\0').filter(Boolean)) {
      const [added, deleted, path] = record.split('\t');
      counts.set(path, {
        additions: added === '-' ? 0 : Number(added),
        deletions: deleted === '-' ? 0 : Number(deleted),
      });
    }
    const fields = raw.split('\0');
    const files: ChangedFile[] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const meta = fields[i];
      const path = fields[i + 1];
      if (!meta.startsWith(':')) break;
      const [, , oldSha, newSha, letter] = meta.slice(1).split(' ');
      const status = STATUS_BY_LETTER[letter] ?? 'changed';
      const patchText = await runGit(
        ['diff', '--no-renames', range, '--', path],
        { gitDir },
      );
      // GitHub's patch starts at the first hunk: drop git's file headers.
      const hunk = patchText.indexOf('\n@@');
      files.push({
        filename: path,
        status,
        sha: status === 'removed' ? oldSha : newSha,
        ...(counts.get(path) ?? { additions: 0, deletions: 0 }),
        patch: hunk === -1 ? '' : patchText.slice(hunk + 1).replace(/\n$/, ''),
      });
    }
    return files;
  }
}

export { ZERO_SHA };
