import { join } from 'node:path';
import { basicAuthHeader, gitCli, temporaryDir } from '../__testUtils__/gitCli';
import {
  api,
  OWNER,
  README,
  REPO,
  TOKEN,
  useStandIn,
} from '../__testUtils__/standInFixture';

describe('git over smart HTTP (Debian git against git http-backend)', () => {
  const standIn = useStandIn();
  let dir: Awaited<ReturnType<typeof temporaryDir>>;
  beforeEach(async () => {
    dir = await temporaryDir('smart-http-');
  });
  afterEach(() => dir.remove());

  const withToken = (token: string) =>
    standIn.server
      .gitUrl(OWNER, REPO)
      .replace('http://', `http://x-access-token:${token}@`);

  async function cloneAndCommit(name: string) {
    const checkout = join(dir.path, name);
    await gitCli([
      'clone',
      '--quiet',
      standIn.server.gitUrl(OWNER, REPO),
      checkout,
    ]);
    await gitCli(['checkout', '--quiet', '-b', name], checkout);
    await gitCli(
      ['commit', '--quiet', '--allow-empty', '-m', `commit on ${name}`],
      checkout,
    );
    const sha = (await gitCli(['rev-parse', 'HEAD'], checkout)).stdout.trim();
    return { checkout, sha };
  }

  it('clones the seeded repository without credentials, as a public repository', async () => {
    const checkout = join(dir.path, 'clone');
    await gitCli([
      'clone',
      '--quiet',
      standIn.server.gitUrl(OWNER, REPO),
      checkout,
    ]);
    expect((await gitCli(['show', 'HEAD:README.md'], checkout)).stdout).toBe(
      README,
    );
    const main = await api(
      standIn.server.apiBaseUrl,
      `/repos/${OWNER}/${REPO}/git/ref/heads/main`,
    );
    expect((await gitCli(['rev-parse', 'HEAD'], checkout)).stdout.trim()).toBe(
      main.body.object.sha,
    );
  });

  it('pushes with the token as the basic-auth password (in the URL or as an extra header)', async () => {
    const first = await cloneAndCommit('pushed-by-url');
    await gitCli(
      ['push', '--quiet', withToken(TOKEN), 'pushed-by-url'],
      first.checkout,
    );
    const second = await cloneAndCommit('pushed-by-header');
    await gitCli(
      [
        '-c',
        `http.extraHeader=${basicAuthHeader(TOKEN)}`,
        'push',
        '--quiet',
        'origin',
        'pushed-by-header',
      ],
      second.checkout,
    );

    for (const { name, sha } of [
      { name: 'pushed-by-url', sha: first.sha },
      { name: 'pushed-by-header', sha: second.sha },
    ]) {
      const ref = await api(
        standIn.server.apiBaseUrl,
        `/repos/${OWNER}/${REPO}/git/ref/heads/${name}`,
      );
      expect(ref.body.object.sha).toBe(sha);
    }
    expect(standIn.logs.join('\n')).not.toContain(TOKEN);
  });

  it('refuses a push without the token, or with a wrong one, and the branch does not appear', async () => {
    const { checkout } = await cloneAndCommit('refused');
    await expect(
      gitCli(['push', 'origin', 'refused'], checkout),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(
        /Authentication failed|could not read Username|401/,
      ),
    });
    await expect(
      gitCli(['push', withToken('not-the-token'), 'refused'], checkout),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/Authentication failed|401/),
    });
    const ref = await api(
      standIn.server.apiBaseUrl,
      `/repos/${OWNER}/${REPO}/git/ref/heads/refused`,
    );
    expect(ref.status).toBe(404);
  });

  it("a push to a pull request's branch moves the pull request's head", async () => {
    const { checkout, sha } = await cloneAndCommit('feature');
    await gitCli(['push', '--quiet', withToken(TOKEN), 'feature'], checkout);
    const created = await api(
      standIn.server.apiBaseUrl,
      `/repos/${OWNER}/${REPO}/pulls`,
      {
        method: 'POST',
        body: { title: 'Feature', head: 'feature', base: 'main' },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.head.sha).toBe(sha);

    await gitCli(
      ['commit', '--quiet', '--allow-empty', '-m', 'second'],
      checkout,
    );
    await gitCli(['push', '--quiet', withToken(TOKEN), 'feature'], checkout);
    const next = (await gitCli(['rev-parse', 'HEAD'], checkout)).stdout.trim();
    const pull = await api(
      standIn.server.apiBaseUrl,
      `/repos/${OWNER}/${REPO}/pulls/${created.body.number}`,
    );
    expect(pull.body.head.sha).toBe(next);
    expect(pull.body.commits).toBe(2);
  });

  it('answers 404 for a repository that does not exist', async () => {
    const url = standIn.server.gitUrl(OWNER, 'missing');
    await expect(
      gitCli(['clone', url, join(dir.path, 'missing')]),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/not found|404/),
    });
  });
});
