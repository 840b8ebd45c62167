import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  gatewayFiles,
  runPublishAction,
  type GithubEntry,
} from './__testUtils__/publishAction';
import { api } from './__testUtils__/standInFixture';

/*
 * The same journey as publishJourney.test.ts, against github.com, when a token and a
 * repository to open pull requests in are given (PORTKEY_E2E_GITHUB_TOKEN,
 * PORTKEY_E2E_GITHUB_REPO=owner/name). It uses a branch of its own, closes its pull request
 * and deletes the branch at the end. Without them the suite is skipped, saying why in its name.
 */
const token = process.env.PORTKEY_E2E_GITHUB_TOKEN;
const repoSpec = process.env.PORTKEY_E2E_GITHUB_REPO;
const configured = Boolean(
  token && repoSpec && /^[^/]+\/[^/]+$/.test(repoSpec),
);
const GITHUB_API = 'https://api.github.com';

(configured ? describe : describe.skip)(
  `publish:github:pull-request against real GitHub (${
    configured
      ? `PORTKEY_E2E_GITHUB_REPO=${repoSpec}`
      : 'skipped: set PORTKEY_E2E_GITHUB_TOKEN and PORTKEY_E2E_GITHUB_REPO=owner/name to run'
  })`,
  () => {
    const [owner, repo] = (repoSpec ?? '/').split('/');
    const branch = `portkey-gateway/e2e-${Date.now()}`;
    const target = 'gateways/e2e/acme';
    const entry: GithubEntry = { host: 'github.com', token: token! };
    const workspace = createMockDirectory();
    const github = (path: string, init?: Parameters<typeof api>[2]) =>
      api(GITHUB_API, `/repos/${owner}/${repo}${path}`, { token, ...init });
    const publish = (replicas: number, title: string) =>
      runPublishAction({
        entry,
        workspace,
        files: gatewayFiles('acme', replicas),
        input: {
          repoUrl: `github.com?owner=${owner}&repo=${repo}`,
          branchName: branch,
          title,
          description: `${title}.`,
          targetPath: target,
        },
      });

    jest.setTimeout(120_000);

    afterAll(async () => {
      const open =
        (
          await github(
            `/pulls?state=open&head=${owner}:${encodeURIComponent(branch)}`,
          )
        ).body ?? [];
      for (const pull of open)
        await github(`/pulls/${pull.number}`, {
          method: 'PATCH',
          body: { state: 'closed' },
        });
      await github(`/git/refs/heads/${encodeURIComponent(branch)}`, {
        method: 'DELETE',
      });
    });

    it('opens a pull request, and a second run updates the same one', async () => {
      const first = await publish(1, 'E2E: add Portkey gateway acme');
      expect(first.targetBranchName).toEqual(expect.any(String));
      const pull = await github(`/pulls/${first.pullRequestNumber}`);
      expect(pull.body).toMatchObject({
        state: 'open',
        title: 'E2E: add Portkey gateway acme',
        head: { ref: branch },
      });
      expect(first.remoteUrl).toBe(pull.body.html_url);
      const files = await github(`/pulls/${first.pullRequestNumber}/files`);
      expect(files.body.map((f: any) => f.filename).sort()).toEqual([
        `${target}/catalog-info.yaml`,
        `${target}/values.yaml`,
      ]);

      const second = await publish(3, 'E2E: update Portkey gateway acme');
      expect(second.pullRequestNumber).toBe(first.pullRequestNumber);
      const updated = await github(`/pulls/${first.pullRequestNumber}`);
      expect(updated.body.title).toBe('E2E: update Portkey gateway acme');
      expect(updated.body.head.sha).not.toBe(pull.body.head.sha);
      const content = await github(
        `/contents/${target}/values.yaml?ref=${encodeURIComponent(branch)}`,
      );
      expect(
        Buffer.from(content.body.content, 'base64').toString('utf8'),
      ).toContain('replicaCount: 3');
    });
  },
);
