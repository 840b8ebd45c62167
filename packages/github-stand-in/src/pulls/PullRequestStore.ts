import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** How a pull request was merged; its SHAs are frozen from then on, as GitHub's are. */
export type StoredMerge = {
  method: 'merge' | 'squash';
  /** The commit the base branch moved to. */
  commitSha: string;
  /** The base's and the head's commits when it was merged. */
  baseSha: string;
  headSha: string;
  at: string;
  /** The login of the token's user, who merged it. */
  by: string;
};

/** What the stand-in keeps about a pull request; SHAs are read live from git. */
export type StoredPullRequest = {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft: boolean;
  /** Branch names in the same repository (no forks). */
  head: string;
  base: string;
  /** The head commit when last seen, for a branch that was deleted since. */
  lastHeadSha: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  requestedReviewers: string[];
  requestedTeams: string[];
  /** Set once merged (state is then closed); absent in pull requests stored before merging existed. */
  merge?: StoredMerge;
};

type RepositoryPulls = { nextNumber: number; pulls: StoredPullRequest[] };

/**
 * Pull requests as JSON under `<stateDir>/pulls/<owner>/<repo>.json`, so a restart keeps them.
 * Writes go through one queue per file and a rename, so a crash never leaves half a file.
 */
export class PullRequestStore {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly pullsDir: string) {}

  private file(owner: string, repo: string) {
    return join(this.pullsDir, owner, `${repo}.json`);
  }

  private async load(owner: string, repo: string): Promise<RepositoryPulls> {
    try {
      return JSON.parse(await readFile(this.file(owner, repo), 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { nextNumber: 1, pulls: [] };
      throw error;
    }
  }

  private async save(owner: string, repo: string, data: RepositoryPulls) {
    const file = this.file(owner, repo);
    await mkdir(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(data, null, 2)}\n`);
    await rename(temporary, file);
  }

  /** Runs `change` on the repository's pull requests with no other change in between. */
  private serialize<T>(key: string, change: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(change, change);
    this.queues.set(
      key,
      next.catch(() => undefined),
    );
    return next;
  }

  async list(owner: string, repo: string): Promise<StoredPullRequest[]> {
    return (await this.load(owner, repo)).pulls;
  }

  async get(
    owner: string,
    repo: string,
    number: number,
  ): Promise<StoredPullRequest | undefined> {
    return (await this.load(owner, repo)).pulls.find(p => p.number === number);
  }

  /**
   * Opens a pull request; `isDuplicate` runs inside the lock so two concurrent creates for one
   * branch cannot both pass GitHub's one-open-PR-per-head rule.
   */
  async create(
    owner: string,
    repo: string,
    fields: Omit<
      StoredPullRequest,
      'number' | 'createdAt' | 'updatedAt' | 'closedAt' | 'state'
    >,
    isDuplicate: (pulls: StoredPullRequest[]) => boolean,
  ): Promise<StoredPullRequest | 'duplicate'> {
    return this.serialize(`${owner}/${repo}`, async () => {
      const data = await this.load(owner, repo);
      if (isDuplicate(data.pulls)) return 'duplicate' as const;
      const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      const pull: StoredPullRequest = {
        ...fields,
        number: data.nextNumber,
        state: 'open',
        createdAt: now,
        updatedAt: now,
        closedAt: null,
      };
      data.nextNumber += 1;
      data.pulls.push(pull);
      await this.save(owner, repo, data);
      return pull;
    });
  }

  /**
   * Applies `change` to one pull request; `change` may throw to refuse it. No other change to
   * the repository's pull requests runs until it settles, so it may do git work (a merge) that
   * must not race a close or another merge.
   */
  async update(
    owner: string,
    repo: string,
    number: number,
    change: (
      pull: StoredPullRequest,
      all: StoredPullRequest[],
    ) => Partial<StoredPullRequest> | Promise<Partial<StoredPullRequest>>,
  ): Promise<StoredPullRequest | undefined> {
    return this.serialize(`${owner}/${repo}`, async () => {
      const data = await this.load(owner, repo);
      const index = data.pulls.findIndex(p => p.number === number);
      if (index === -1) return undefined;
      const changes = await change(data.pulls[index], data.pulls);
      const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      const updated = { ...data.pulls[index], ...changes, updatedAt: now };
      data.pulls[index] = updated;
      await this.save(owner, repo, data);
      return updated;
    });
  }
}
