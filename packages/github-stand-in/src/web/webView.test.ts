import { api, OWNER, REPO, useStandIn } from '../__testUtils__/standInFixture';

describe('the web view', () => {
  const standIn = useStandIn();

  async function openPullRequest(branch: string, body: string, values: string) {
    const repo = `/repos/${OWNER}/${REPO}`;
    const call = (path: string, method: string, payload: unknown) =>
      api(standIn.server.apiBaseUrl, `${repo}${path}`, {
        method,
        body: payload,
      });
    const [latest] = (
      await api(
        standIn.server.apiBaseUrl,
        `${repo}/commits?sha=main&per_page=1`,
      )
    ).body;
    const tree = await call('/git/trees', 'POST', {
      base_tree: latest.commit.tree.sha,
      tree: [
        {
          path: 'gateways/ai-gateways/acme/values.yaml',
          mode: '100644',
          content: values,
        },
      ],
    });
    const commit = await call('/git/commits', 'POST', {
      message: 'Add acme',
      tree: tree.body.sha,
      parents: [latest.sha],
    });
    await call('/git/refs', 'POST', {
      ref: `refs/heads/${branch}`,
      sha: commit.body.sha,
    });
    const pull = await call('/pulls', 'POST', {
      title: `Gateway <${branch}>`,
      head: branch,
      base: 'main',
      body,
    });
    expect(pull.status).toBe(201);
    return pull.body;
  }

  const page = async (path: string) => {
    const response = await fetch(`${standIn.server.url}${path}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      html: await response.text(),
    };
  };

  it("shows a pull request's title, state, branches, Markdown body and the diff", async () => {
    const pull = await openPullRequest(
      'portkey-gateway/ai-gateways/acme',
      '## Gateway acme\n\n| setting | value |\n| --- | --- |\n| replicas | 2 |\n',
      'replicaCount: 2\nservice:\n  type: ClusterIP\n',
    );
    const { status, type, html } = await page(
      `/${OWNER}/${REPO}/pull/${pull.number}`,
    );
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/html/);
    expect(html).toContain('Gateway &lt;portkey-gateway/ai-gateways/acme&gt;');
    expect(html).toContain('>Open<');
    expect(html).toContain(
      '<span class="branch">portkey-gateway/ai-gateways/acme</span>',
    );
    expect(html).toContain('<span class="branch">main</span>');
    expect(html).toContain('<h2>Gateway acme</h2>');
    expect(html).toMatch(
      /<table>[\s\S]*<th>setting<\/th>[\s\S]*<td>replicas<\/td>[\s\S]*<td>2<\/td>/,
    );
    expect(html).toContain('gateways/ai-gateways/acme/values.yaml');
    expect(html).toContain('<span class="add">+replicaCount: 2</span>');
    expect(html).toContain('<span class="add">+  type: ClusterIP</span>');
  });

  it('shows HTML in a body and in a diff as text, never as markup', async () => {
    const pull = await openPullRequest(
      'xss',
      'Hello <script>alert(1)</script> <img src=x onerror=alert(2)> [link](javascript:alert(3))',
      'note: "<script>alert(4)</script>"\n',
    );
    const { html } = await page(`/${OWNER}/${REPO}/pull/${pull.number}`);
    expect(html).not.toMatch(/<script|<img|href="javascript:/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain(
      '+note: &quot;&lt;script&gt;alert(4)&lt;/script&gt;&quot;',
    );
  });

  it('lists the repositories and their pull requests with links to follow', async () => {
    const home = await page('/');
    expect(home.html).toContain(`href="/${OWNER}/${REPO}/pulls"`);
    const list = await page(`/${OWNER}/${REPO}/pulls`);
    const pulls = await standIn.server.pullRequests(OWNER, REPO);
    expect(pulls.length).toBeGreaterThan(0);
    for (const pull of pulls)
      expect(list.html).toContain(
        `href="/${OWNER}/${REPO}/pull/${pull.number}"`,
      );
    // The API's html_url is the page.
    const [first] = pulls;
    expect((await fetch(first.htmlUrl)).status).toBe(200);
  });

  it('shows a merged pull request as Merged, who merged it and its merge commit, with its diff', async () => {
    const pull = await openPullRequest(
      'portkey-gateway/ai-gateways/merged',
      'To be merged',
      'replicaCount: 5\n',
    );
    const merged = await api(
      standIn.server.apiBaseUrl,
      `/repos/${OWNER}/${REPO}/pulls/${pull.number}/merge`,
      { method: 'PUT' },
    );
    expect(merged.status).toBe(200);
    const { html } = await page(`/${OWNER}/${REPO}/pull/${pull.number}`);
    expect(html).toContain('<span class="state merged">Merged</span>');
    expect(html).not.toContain('>Open<');
    expect(html).toContain(
      `stand-in-user merged <span class="branch">portkey-gateway/ai-gateways/merged</span> into <span class="branch">main</span> as <code>${merged.body.sha.slice(
        0,
        7,
      )}</code>`,
    );
    // The diff is the one it was merged with (the base has it now).
    expect(html).toContain('<span class="add">+replicaCount: 5</span>');
    const list = await page(`/${OWNER}/${REPO}/pulls`);
    expect(list.html).toMatch(
      new RegExp(
        `<span class="state merged">Merged</span> <a href="/${OWNER}/${REPO}/pull/${pull.number}">`,
      ),
    );
  });

  it('answers 404 pages for what does not exist', async () => {
    expect((await page(`/${OWNER}/${REPO}/pull/999`)).status).toBe(404);
    expect((await page(`/${OWNER}/nothing/pulls`)).status).toBe(404);
  });
});
