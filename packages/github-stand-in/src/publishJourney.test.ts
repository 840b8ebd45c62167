import { createMockDirectory } from '@backstage/backend-test-utils';
import { join } from 'node:path';
import { filesIn, gitCli, temporaryDir } from './__testUtils__/gitCli';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';
import {
  gatewayFiles,
  integrationsFor,
  runPublishAction,
  type PublishInput,
} from './__testUtils__/publishAction';
import {
  api,
  OWNER,
  README,
  REPO,
  TOKEN,
  useStandIn,
} from './__testUtils__/standInFixture';

// The first run loads the action and octokit: on a loaded machine that is more than Jest's
// default 5 s (seen failing on this machine before this change).
jest.setTimeout(60_000);

const TARGET = 'gateways/ai-gateways/acme';
const BRANCH = 'portkey-gateway/ai-gateways/acme';

describe('publish:github:pull-request against the GitHub stand-in', () => {
  const standIn = useStandIn();
  const workspace = createMockDirectory();

  const input = (title: string, description: string): PublishInput => ({
    repoUrl: `${standIn.server.host}?owner=${OWNER}&repo=${REPO}`,
    branchName: BRANCH,
    title,
    description,
    targetPath: TARGET,
  });
  const publish = (
    files: Record<string, string>,
    title: string,
    description: string,
  ) =>
    runPublishAction({
      entry: {
        host: standIn.server.host,
        apiBaseUrl: standIn.server.apiBaseUrl,
        token: TOKEN,
      },
      workspace,
      files,
      input: input(title, description),
    });
  const get = (path: string) =>
    api(standIn.server.apiBaseUrl, `/repos/${OWNER}/${REPO}${path}`);

  async function cloneBranch(branch: string) {
    const dir = await temporaryDir('clone-');
    const checkout = join(dir.path, 'checkout');
    await gitCli([
      'clone',
      '--quiet',
      '--branch',
      branch,
      standIn.server.gitUrl(OWNER, REPO),
      checkout,
    ]);
    const files = await filesIn(checkout);
    const log = (await gitCli(['log', '--format=%H %P', '-n', '3'], checkout))
      .stdout;
    await dir.remove();
    return {
      files,
      log: log
        .trim()
        .split('\n')
        .map(line => line.split(' ')),
    };
  }

  let firstHead = '';

  it('opens a pull request whose branch holds exactly the rendered files on top of main', async () => {
    const files = gatewayFiles('acme', 1);
    const outputs = await publish(
      files,
      'Add Portkey gateway acme',
      '## acme\n\nA new gateway.',
    );

    const [pull] = await standIn.server.pullRequests(OWNER, REPO);
    expect(outputs).toEqual({
      targetBranchName: 'main',
      remoteUrl: `${standIn.server.url}/${OWNER}/${REPO}/pull/${pull.number}`,
      pullRequestNumber: pull.number,
    });

    const { status, body } = await get(`/pulls/${pull.number}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      number: pull.number,
      state: 'open',
      title: 'Add Portkey gateway acme',
      body: '## acme\n\nA new gateway.',
      html_url: outputs.remoteUrl,
      head: { ref: BRANCH, label: `${OWNER}:${BRANCH}` },
      base: { ref: 'main' },
      changed_files: 2,
      commits: 1,
    });
    const mainSha = (await get('/git/ref/heads/main')).body.object.sha;
    expect(body.base.sha).toBe(mainSha);

    // Through Debian git over smart HTTP: the branch is main's README plus the two files.
    const clone = await cloneBranch(BRANCH);
    expect(clone.files).toEqual({
      'README.md': README,
      [`${TARGET}/values.yaml`]: files['values.yaml'],
      [`${TARGET}/catalog-info.yaml`]: files['catalog-info.yaml'],
    });
    expect(clone.log[0]).toEqual([body.head.sha, mainSha]);

    // Through the API: the same head, tree and file content.
    const ref = await get(`/git/ref/heads/${BRANCH}`);
    expect(ref.body.object.sha).toBe(body.head.sha);
    const [commit] = (
      await get(`/commits?sha=${encodeURIComponent(BRANCH)}&per_page=1`)
    ).body;
    const tree = await get(`/git/trees/${commit.commit.tree.sha}?recursive=1`);
    expect(
      tree.body.tree
        .filter((e: any) => e.type === 'blob')
        .map((e: any) => e.path)
        .sort(),
    ).toEqual(
      [
        'README.md',
        `${TARGET}/catalog-info.yaml`,
        `${TARGET}/values.yaml`,
      ].sort(),
    );
    const content = await get(
      `/contents/${TARGET}/values.yaml?ref=${encodeURIComponent(BRANCH)}`,
    );
    expect(Buffer.from(content.body.content, 'base64').toString('utf8')).toBe(
      files['values.yaml'],
    );
    const changed = await get(`/pulls/${pull.number}/files`);
    expect(changed.body.map((f: any) => [f.filename, f.status]).sort()).toEqual(
      [
        [`${TARGET}/catalog-info.yaml`, 'added'],
        [`${TARGET}/values.yaml`, 'added'],
      ],
    );
    firstHead = body.head.sha;
  });

  // octokit-plugin-create-pull-request builds each run's commit on the base's latest commit
  // and moves the branch with force: true, so the new head's parent is main, not the old head.
  it('a second run updates the same pull request: one open PR, a new head force-moved onto main', async () => {
    const files = gatewayFiles('acme', 3);
    const outputs = await publish(
      files,
      'Update Portkey gateway acme',
      'Three replicas now.',
    );

    const all = (await get('/pulls?state=all')).body;
    expect(all).toHaveLength(1);
    const [pull] = all;
    expect(outputs.pullRequestNumber).toBe(pull.number);
    expect(pull).toMatchObject({
      state: 'open',
      title: 'Update Portkey gateway acme',
      body: 'Three replicas now.',
    });
    expect(pull.head.sha).not.toBe(firstHead);

    const mainSha = (await get('/git/ref/heads/main')).body.object.sha;
    const clone = await cloneBranch(BRANCH);
    expect(clone.log[0]).toEqual([pull.head.sha, mainSha]);
    expect(clone.log.flat()).not.toContain(firstHead);
    expect(clone.files[`${TARGET}/values.yaml`]).toBe(files['values.yaml']);
    expect(
      await standIn.server.readFile(
        OWNER,
        REPO,
        BRANCH,
        `${TARGET}/values.yaml`,
      ),
    ).toContain('replicaCount: 3');
    // main is untouched.
    expect(
      await standIn.server.readFile(
        OWNER,
        REPO,
        'main',
        `${TARGET}/values.yaml`,
      ),
    ).toBeUndefined();
  });

  it('after the pull request is closed, a new run opens a new one on the same branch', async () => {
    const [open] = await standIn.server.pullRequests(OWNER, REPO);
    const closed = await api(
      standIn.server.apiBaseUrl,
      `/repos/${OWNER}/${REPO}/pulls/${open.number}`,
      {
        method: 'PATCH',
        body: { state: 'closed' },
      },
    );
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', number: open.number });
    expect(closed.body.closed_at).toEqual(expect.any(String));

    const outputs = await publish(
      gatewayFiles('acme', 2),
      'Portkey gateway acme again',
      'Reopened as new.',
    );
    expect(outputs.pullRequestNumber).not.toBe(open.number);

    const openNow = (await get('/pulls?state=open')).body;
    expect(openNow.map((p: any) => p.number)).toEqual([
      outputs.pullRequestNumber,
    ]);
    const forHead = (
      await get(`/pulls?state=all&head=${OWNER}:${encodeURIComponent(BRANCH)}`)
    ).body;
    expect(forHead.map((p: any) => [p.number, p.state])).toEqual([
      [outputs.pullRequestNumber, 'open'],
      [open.number, 'closed'],
    ]);
    // Reopening the old one would give the branch two open pull requests: GitHub refuses.
    const reopen = await api(
      standIn.server.apiBaseUrl,
      `/repos/${OWNER}/${REPO}/pulls/${open.number}`,
      {
        method: 'PATCH',
        body: { state: 'open' },
      },
    );
    expect(reopen.status).toBe(422);
  });

  it('the token appears in no log line and no answer', () => {
    expect(standIn.logs.length).toBeGreaterThan(10);
    expect(standIn.logs.join('\n')).not.toContain(TOKEN);
    expect(JSON.stringify(standIn.exchanges)).not.toContain(TOKEN);
  });
});

describe("Backstage's GitHub integration config with the stand-in's host", () => {
  it('accepts a host with a port and keeps the apiBaseUrl, and the action parses the repoUrl', () => {
    const entry = {
      host: '127.0.0.1:4567',
      apiBaseUrl: 'http://127.0.0.1:4567/api/v3',
      token: 'x',
    };
    const integrations = integrationsFor(entry);
    expect(integrations.github.byHost('127.0.0.1:4567')?.config).toMatchObject({
      host: '127.0.0.1:4567',
      apiBaseUrl: 'http://127.0.0.1:4567/api/v3',
    });
    expect(
      integrations.github.byUrl('http://127.0.0.1:4567/acme/gateways')?.config
        .host,
    ).toBe('127.0.0.1:4567');
    expect(
      parseRepoUrl('127.0.0.1:4567?owner=acme&repo=gateways', integrations),
    ).toMatchObject({
      host: '127.0.0.1:4567',
      owner: 'acme',
      repo: 'gateways',
    });
  });
});
