import { gitCli } from './__testUtils__/gitCli';
import { pullRequestClient } from './__testUtils__/pullRequests';
import {
  api,
  OWNER,
  README,
  REPO,
  useStandIn,
} from './__testUtils__/standInFixture';

const VALUES = 'gateways/ai-gateways/acme/values.yaml';

describe('merging a pull request (PUT /pulls/{n}/merge)', () => {
  const standIn = useStandIn({ files: { [VALUES]: 'replicaCount: 1\n' } });
  const pulls = pullRequestClient(() => standIn.server.apiBaseUrl, OWNER, REPO);
  const repoApi = (path: string, init?: Parameters<typeof api>[2]) =>
    api(standIn.server.apiBaseUrl, `/repos/${OWNER}/${REPO}${path}`, init);
  const merge = (number: number, body?: unknown) =>
    repoApi(`/pulls/${number}/merge`, { method: 'PUT', body });
  /** `git cat-file -p` in the bare repository: what git itself says was written. */
  const catFile = async (sha: string) =>
    (
      await gitCli([
        `--git-dir=${standIn.stateDir}/repos/${OWNER}/${REPO}.git`,
        'cat-file',
        '-p',
        sha,
      ])
    ).stdout;

  it('writes a merge commit (parents: base, head) with both sides, moves the base and closes the pull request as merged', async () => {
    const pull = await pulls.open({
      branch: 'add-beta',
      files: { 'gateways/ai-gateways/beta/values.yaml': 'replicaCount: 2\n' },
      title: 'Add gateway beta',
    });
    // main moves on meanwhile, so the merge is a real one and not a fast-forward.
    const baseBefore = await pulls.push('main', { 'NOTES.md': 'notes\n' });
    expect((await repoApi(`/pulls/${pull.number}`)).body).toMatchObject({
      mergeable: true,
      mergeable_state: 'clean',
      merged: false,
    });

    const answer = await merge(pull.number);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      sha: expect.stringMatching(/^[0-9a-f]{40}$/),
      merged: true,
      message: 'Pull Request successfully merged',
    });
    const { sha } = answer.body;
    expect(await pulls.head('main')).toBe(sha);
    const commit = await catFile(sha);
    expect(commit).toContain(`parent ${baseBefore}\nparent ${pull.headSha}\n`);
    expect(commit).toContain(
      `\n\nMerge pull request #${pull.number} from ${OWNER}/add-beta\n\nAdd gateway beta\n`,
    );
    const read = (path: string) =>
      standIn.server.readFile(OWNER, REPO, 'main', path);
    expect(await read('gateways/ai-gateways/beta/values.yaml')).toBe(
      'replicaCount: 2\n',
    );
    expect(await read('NOTES.md')).toBe('notes\n');
    expect(await read('README.md')).toBe(README);

    const merged = (await repoApi(`/pulls/${pull.number}`)).body;
    expect(merged).toMatchObject({
      state: 'closed',
      merged: true,
      merge_commit_sha: sha,
      merged_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      merged_by: { login: 'stand-in-user' },
      mergeable: null,
      head: { sha: pull.headSha },
      base: { sha: baseBefore },
    });
    expect(merged.closed_at).toBe(merged.merged_at);
    // The files it changed stay listed, as GitHub's do after a merge.
    expect(
      (await repoApi(`/pulls/${pull.number}/files`)).body.map(
        (f: { filename: string }) => f.filename,
      ),
    ).toEqual(['gateways/ai-gateways/beta/values.yaml']);
    expect((await repoApi(`/pulls/${pull.number}/merge`)).status).toBe(204);
    expect(
      (await standIn.server.pullRequests(OWNER, REPO)).find(
        p => p.number === pull.number,
      ),
    ).toMatchObject({ state: 'closed', merged: true, mergeCommitSha: sha });
  });

  it('refuses to merge a merged pull request again, or to reopen it', async () => {
    const pull = await pulls.open({
      branch: 'add-gamma',
      files: { 'gateways/ai-gateways/gamma/values.yaml': 'replicaCount: 1\n' },
    });
    expect((await merge(pull.number)).status).toBe(200);
    const main = await pulls.head('main');
    const again = await merge(pull.number);
    expect(again.status).toBe(405);
    expect(again.body.message).toBe('Pull Request is not mergeable');
    expect(await pulls.head('main')).toBe(main);
    const reopen = await repoApi(`/pulls/${pull.number}`, {
      method: 'PATCH',
      body: { state: 'open' },
    });
    expect(reopen.status).toBe(422);
    expect(reopen.body.errors[0].message).toBe(
      'state cannot be changed. The pull request cannot be reopened.',
    );
  });

  it('squashes: one commit on the base with the merged tree and the given title', async () => {
    const pull = await pulls.open({
      branch: 'add-delta',
      files: { 'gateways/ai-gateways/delta/values.yaml': 'replicaCount: 1\n' },
      title: 'Add gateway delta',
    });
    await pulls.push('add-delta', {
      'gateways/ai-gateways/delta/catalog-info.yaml': 'kind: Component\n',
    });
    const base = await pulls.head('main');
    const answer = await merge(pull.number, {
      merge_method: 'squash',
      commit_title: 'Gateway delta',
    });
    expect(answer.status).toBe(200);
    const commit = await catFile(answer.body.sha);
    expect(commit.match(/^parent /gm)).toHaveLength(1);
    expect(commit).toContain(`parent ${base}\n`);
    expect(commit).toContain(
      '\n\nGateway delta\n\n* Add gateways/ai-gateways/delta/values.yaml\n\n* Change gateways/ai-gateways/delta/catalog-info.yaml\n',
    );
    expect(
      await standIn.server.readFile(
        OWNER,
        REPO,
        'main',
        'gateways/ai-gateways/delta/catalog-info.yaml',
      ),
    ).toBe('kind: Component\n');
    expect((await repoApi(`/pulls/${pull.number}`)).body.merged).toBe(true);
  });

  it('answers 405 for a conflict and leaves the base and the pull request as they were', async () => {
    const pull = await pulls.open({
      branch: 'acme-3',
      files: { [VALUES]: 'replicaCount: 3\n' },
    });
    await pulls.push('main', { [VALUES]: 'replicaCount: 4\n' });
    const main = await pulls.head('main');
    expect((await repoApi(`/pulls/${pull.number}`)).body).toMatchObject({
      mergeable: false,
      mergeable_state: 'dirty',
    });
    const answer = await merge(pull.number);
    expect(answer.status).toBe(405);
    expect(answer.body.message).toBe('Pull Request is not mergeable');
    expect(await pulls.head('main')).toBe(main);
    expect((await repoApi(`/pulls/${pull.number}`)).body).toMatchObject({
      state: 'open',
      merged: false,
    });
    expect((await repoApi(`/pulls/${pull.number}/merge`)).status).toBe(404);
  });

  it('answers 409 when `sha` is not the head any more, and merges when it is', async () => {
    const pull = await pulls.open({
      branch: 'add-epsilon',
      files: { 'gateways/ai-gateways/epsilon/values.yaml': 'a: 1\n' },
    });
    const moved = await pulls.push('add-epsilon', {
      'gateways/ai-gateways/epsilon/values.yaml': 'a: 2\n',
    });
    const stale = await merge(pull.number, { sha: pull.headSha });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe(
      'Head branch was modified. Review and try the merge again.',
    );
    const answer = await merge(pull.number, { sha: moved });
    expect(answer.status).toBe(200);
    expect((await repoApi(`/pulls/${pull.number}`)).body.head.sha).toBe(moved);
  });

  it('refuses rebase, drafts, closed pull requests and a bad merge_method; 404 for an unknown one', async () => {
    const pull = await pulls.open({
      branch: 'add-zeta',
      files: { 'gateways/ai-gateways/zeta/values.yaml': 'a: 1\n' },
    });
    const rebase = await merge(pull.number, { merge_method: 'rebase' });
    expect([rebase.status, rebase.body.message]).toEqual([
      405,
      'Rebase merges are not allowed on this repository.',
    ]);
    expect((await repoApi('')).body.allow_rebase_merge).toBe(false);
    const bad = await merge(pull.number, { merge_method: 'octopus' });
    expect(bad.status).toBe(422);
    await repoApi(`/pulls/${pull.number}`, {
      method: 'PATCH',
      body: { state: 'closed' },
    });
    const closed = await merge(pull.number);
    expect([closed.status, closed.body.message]).toEqual([
      405,
      'Pull Request is not mergeable',
    ]);
    const draft = await pulls.open({
      branch: 'add-eta',
      files: { 'gateways/ai-gateways/eta/values.yaml': 'a: 1\n' },
      draft: true,
    });
    const draftAnswer = await merge(draft.number);
    expect([draftAnswer.status, draftAnswer.body.message]).toEqual([
      405,
      'Pull Request is still a draft',
    ]);
    expect((await merge(999)).status).toBe(404);
    expect((await repoApi('/pulls/999/merge')).status).toBe(404);
  });

  it('merges once when two merges of one pull request race: the other is refused', async () => {
    const pull = await pulls.open({
      branch: 'add-theta',
      files: { 'gateways/ai-gateways/theta/values.yaml': 'a: 1\n' },
    });
    const main = await pulls.head('main');
    const answers = await Promise.all([merge(pull.number), merge(pull.number)]);
    expect(answers.map(a => a.status).sort()).toEqual([200, 405]);
    const [winner] = answers.filter(a => a.status === 200).map(a => a.body.sha);
    expect(await pulls.head('main')).toBe(winner);
    expect(await catFile(winner)).toContain(`parent ${main}\n`);
  });
});
