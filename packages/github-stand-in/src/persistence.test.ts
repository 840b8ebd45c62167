import { startGithubStandIn } from './server';
import { api, TOKEN } from './__testUtils__/standInFixture';
import { temporaryDir } from './__testUtils__/gitCli';

describe('state on disk', () => {
  it('a restart on the same state dir keeps repositories, branches and pull requests', async () => {
    const dir = await temporaryDir('persist-');
    const options = {
      stateDir: dir.path,
      token: TOKEN,
      repositories: [
        { owner: 'acme', name: 'gateways', files: { 'README.md': 'seed\n' } },
      ],
      log: () => {},
    };
    try {
      const first = await startGithubStandIn(options);
      const repo = `/repos/acme/gateways`;
      const [latest] = (await api(first.apiBaseUrl, `${repo}/commits`)).body;
      const tree = await api(first.apiBaseUrl, `${repo}/git/trees`, {
        method: 'POST',
        body: {
          base_tree: latest.commit.tree.sha,
          tree: [{ path: 'x.txt', mode: '100644', content: 'x\n' }],
        },
      });
      const commit = await api(first.apiBaseUrl, `${repo}/git/commits`, {
        method: 'POST',
        body: { message: 'x', tree: tree.body.sha, parents: [latest.sha] },
      });
      await api(first.apiBaseUrl, `${repo}/git/refs`, {
        method: 'POST',
        body: { ref: 'refs/heads/x', sha: commit.body.sha },
      });
      const pull = await api(first.apiBaseUrl, `${repo}/pulls`, {
        method: 'POST',
        body: { title: 'Add x', body: 'Adds x.', head: 'x', base: 'main' },
      });
      expect(pull.status).toBe(201);
      await first.stop();

      // Seeding again must not reset what is there.
      const second = await startGithubStandIn(options);
      try {
        expect(await second.pullRequests('acme', 'gateways')).toEqual([
          expect.objectContaining({
            number: pull.body.number,
            title: 'Add x',
            body: 'Adds x.',
            state: 'open',
            headSha: commit.body.sha,
          }),
        ]);
        expect(
          await second.readFile('acme', 'gateways', 'main', 'README.md'),
        ).toBe('seed\n');
        expect(await second.readFile('acme', 'gateways', 'x', 'x.txt')).toBe(
          'x\n',
        );
        const next = await api(second.apiBaseUrl, `${repo}/pulls`, {
          method: 'POST',
          body: { title: 'again', head: 'x', base: 'main' },
        });
        // Still one open pull request per branch, after the restart too.
        expect(next.status).toBe(422);
        expect(next.body.errors[0].message).toBe(
          'A pull request already exists for acme:x.',
        );
      } finally {
        await second.stop();
      }
    } finally {
      await dir.remove();
    }
  });
});
