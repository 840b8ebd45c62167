import { join } from 'node:path';
import { GitStore, type GitCommit } from '../git/GitStore';
import { PullRequestStore } from '../pulls/PullRequestStore';
import { temporaryDir } from '../__testUtils__/gitCli';
import { ApiError } from './ApiError';
import { mergePull } from './mergePull';
import { loadRepoContext, type StandInContext } from './StandInContext';

const AUTHOR = { name: 'Stand-in User', email: 'user@127.0.0.1' };

/**
 * A GitStore on which someone pushes to main while a merge is being written: the moment
 * between reading the base and moving it, made to happen every time instead of by chance.
 */
class RacingGitStore extends GitStore {
  pushedMain?: string;

  async createCommit(
    owner: string,
    name: string,
    commit: Omit<GitCommit, 'sha'>,
  ): Promise<string> {
    const sha = await super.createCommit(owner, name, commit);
    if (commit.message.startsWith('Merge pull request') && !this.pushedMain) {
      const main = (await this.readRef(owner, name, 'refs/heads/main'))!;
      const tree = await this.createTree(owner, name, main, [
        { path: 'PUSHED.md', mode: '100644', content: 'pushed meanwhile\n' },
      ]);
      const person = { ...AUTHOR, date: '2026-01-01T00:00:00Z' };
      this.pushedMain = await super.createCommit(owner, name, {
        tree,
        parents: [main],
        author: person,
        committer: person,
        message: 'Pushed meanwhile\n',
      });
      await this.updateRef(owner, name, 'refs/heads/main', this.pushedMain);
    }
    return sha;
  }
}

describe('mergePull', () => {
  let dir: Awaited<ReturnType<typeof temporaryDir>>;
  afterEach(() => dir.remove());

  it('refuses (405) and overwrites nothing when the base moved while the merge was written', async () => {
    dir = await temporaryDir('merge-pull-');
    const git = new RacingGitStore(join(dir.path, 'repos'));
    const pulls = new PullRequestStore(join(dir.path, 'pulls'));
    await git.ensureRepository({
      owner: 'acme',
      name: 'gateways',
      defaultBranch: 'main',
      files: { 'README.md': '# Gateways\n' },
      author: AUTHOR,
    });
    const main = (await git.readRef('acme', 'gateways', 'refs/heads/main'))!;
    const tree = await git.createTree('acme', 'gateways', main, [
      { path: 'beta.yaml', mode: '100644', content: 'beta: 1\n' },
    ]);
    const person = { ...AUTHOR, date: '2026-01-01T00:00:00Z' };
    const head = await git.createCommit('acme', 'gateways', {
      tree,
      parents: [main],
      author: person,
      committer: person,
      message: 'Add beta\n',
    });
    await git.createRef('acme', 'gateways', 'refs/heads/beta', head);
    const pull = await pulls.create(
      'acme',
      'gateways',
      {
        title: 'Add beta',
        body: null,
        draft: false,
        head: 'beta',
        base: 'main',
        lastHeadSha: head,
        requestedReviewers: [],
        requestedTeams: [],
      },
      () => false,
    );
    if (pull === 'duplicate') throw new Error('unexpected duplicate');
    const context: StandInContext = {
      git,
      pulls,
      urls: { api: 'http://127.0.0.1:1/api/v3', web: 'http://127.0.0.1:1' },
      user: { login: 'stand-in-user', ...AUTHOR },
    };
    const ctx = await loadRepoContext(context, 'acme', 'gateways');

    const refused = await mergePull(context, ctx, pull.number, {
      method: 'merge',
    }).catch(error => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect([refused.status, refused.message]).toEqual([
      405,
      'Base branch was modified. Review and try the merge again.',
    ]);
    expect(git.pushedMain).toBeDefined();
    expect(await git.readRef('acme', 'gateways', 'refs/heads/main')).toBe(
      git.pushedMain,
    );
    expect(await pulls.get('acme', 'gateways', pull.number)).toMatchObject({
      state: 'open',
    });
    expect(
      (await pulls.get('acme', 'gateways', pull.number))?.merge,
    ).toBeUndefined();

    // Tried again, it merges on top of what was pushed.
    const merged = await mergePull(context, ctx, pull.number, {
      method: 'merge',
    });
    expect(merged.merge.baseSha).toBe(git.pushedMain);
    expect(
      (await git.readCommit('acme', 'gateways', merged.merge.commitSha))
        .parents,
    ).toEqual([git.pushedMain, head]);
  });
});
