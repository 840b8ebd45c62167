import { createMockDirectory } from '@backstage/backend-test-utils';
import { gatewayFiles, runPublishAction } from '../__testUtils__/publishAction';
import {
  api,
  OWNER,
  REPO,
  TOKEN,
  useStandIn,
} from '../__testUtils__/standInFixture';
import { checkBranchQueryExchange } from './__testUtils__/graphqlBranchQuery';
import {
  GithubOpenApiContract,
  UnknownOperationError,
} from './__testUtils__/githubOpenApiContract';

const TARGET = 'gateways/ai-gateways/acme';
const BRANCH = 'portkey-gateway/ai-gateways/acme';

// Loading GitHub's description (13 MB) and compiling its schemas takes a few seconds.
jest.setTimeout(60_000);

describe("the stand-in against GitHub's REST description (@octokit/openapi)", () => {
  const standIn = useStandIn();
  const workspace = createMockDirectory();
  let contract: GithubOpenApiContract;

  beforeAll(() => {
    contract = new GithubOpenApiContract();
  });

  const publish = (replicas: number, title: string) =>
    runPublishAction({
      entry: {
        host: standIn.server.host,
        apiBaseUrl: standIn.server.apiBaseUrl,
        token: TOKEN,
      },
      workspace,
      files: gatewayFiles('acme', replicas),
      input: {
        repoUrl: `${standIn.server.host}?owner=${OWNER}&repo=${REPO}`,
        branchName: BRANCH,
        title,
        description: `${title}\n\n| key | value |\n| --- | --- |\n| replicas | ${replicas} |`,
        targetPath: TARGET,
      },
    });
  const repoApi = (path: string, init?: Parameters<typeof api>[2]) =>
    api(standIn.server.apiBaseUrl, `/repos/${OWNER}/${REPO}${path}`, init);

  it('every request the action makes and every answer fits the operation GitHub documents', async () => {
    await publish(1, 'Add Portkey gateway acme');
    await publish(2, 'Update Portkey gateway acme');
    const actionExchanges = [...standIn.exchanges];

    // The action's calls, in octokit-plugin-create-pull-request's order for a new branch.
    const rest = actionExchanges.filter(e => e.path !== '/graphql');
    expect(
      rest.slice(0, 7).map(e => `${e.method} ${contract.check(e).operationId}`),
    ).toEqual([
      'GET repos/get',
      'GET repos/list-commits',
      'POST git/create-blob',
      'POST git/create-blob',
      'POST git/create-tree',
      'POST git/create-commit',
      'POST git/create-ref',
    ]);
    expect(rest.map(e => contract.check(e).operationId)).toContain(
      'pulls/create',
    );
    expect(rest.map(e => contract.check(e).operationId)).toContain(
      'git/update-ref',
    );
    expect(rest.map(e => contract.check(e).operationId)).toContain(
      'pulls/update',
    );

    const graphql = actionExchanges.filter(e => e.path === '/graphql');
    expect(graphql).toHaveLength(2);
    for (const exchange of graphql)
      expect(checkBranchQueryExchange(exchange)).toEqual([]);
    expect((graphql[0].responseBody as any).data.repository.ref).toBeNull();
    expect(
      (graphql[1].responseBody as any).data.repository.ref
        .associatedPullRequests.edges,
    ).toHaveLength(1);

    for (const exchange of rest) {
      expect({
        call: `${exchange.method} ${exchange.path}`,
        ...contract.check(exchange),
      }).toEqual({
        call: `${exchange.method} ${exchange.path}`,
        operationId: expect.any(String),
        problems: [],
      });
    }
  });

  it("the reviewer's calls and the stand-in's errors fit GitHub's description too", async () => {
    standIn.exchanges.length = 0;
    const [pull] = await standIn.server.pullRequests(OWNER, REPO);
    await repoApi('/pulls?state=all');
    await repoApi(
      `/pulls?state=open&head=${OWNER}:${encodeURIComponent(BRANCH)}`,
    );
    await repoApi(`/pulls/${pull.number}`);
    await repoApi(`/pulls/${pull.number}/files`);
    await repoApi(`/git/ref/heads/${encodeURIComponent(BRANCH)}`);
    const head = await repoApi(
      `/commits?sha=${encodeURIComponent(BRANCH)}&per_page=1`,
    );
    await repoApi(`/git/trees/${head.body[0].commit.tree.sha}?recursive=1`);
    await repoApi(
      `/contents/${TARGET}/values.yaml?ref=${encodeURIComponent(BRANCH)}`,
    );
    await repoApi(`/contents/${TARGET}?ref=${encodeURIComponent(BRANCH)}`);
    await repoApi(`/pulls/${pull.number}/requested_reviewers`, {
      method: 'POST',
      body: { reviewers: ['octocat'] },
    });
    await repoApi(`/pulls/${pull.number}`, {
      method: 'PATCH',
      body: { title: 'Renamed', body: 'New body' },
    });
    await repoApi(`/pulls/${pull.number}`, {
      method: 'PATCH',
      body: { state: 'closed' },
    });
    await api(standIn.server.apiBaseUrl, '/user');
    // Errors: unknown repository, pull request, ref and file; a bad body; no token.
    await api(standIn.server.apiBaseUrl, `/repos/${OWNER}/missing`);
    await repoApi('/pulls/999');
    await repoApi('/git/ref/heads/no-such-branch');
    await repoApi('/contents/no/such/file?ref=main');
    await repoApi('/pulls', {
      method: 'POST',
      body: { title: 'x', head: 'no-such-branch', base: 'main' },
    });
    await repoApi('/git/refs', {
      method: 'POST',
      body: { ref: 'refs/heads/main', sha: head.body[0].sha },
    });
    await repoApi('/pulls', { method: 'GET', token: null });

    const statuses = standIn.exchanges.map(e => e.status);
    expect(statuses).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201, 200, 200, 200, 404, 404,
      404, 404, 422, 422, 401,
    ]);
    for (const exchange of standIn.exchanges) {
      expect({
        call: `${exchange.method} ${exchange.path} ${exchange.status}`,
        ...contract.check(exchange),
      }).toEqual({
        call: `${exchange.method} ${exchange.path} ${exchange.status}`,
        operationId: expect.any(String),
        problems: [],
      });
    }
  });

  it('a run after the pull request was closed (branch exists, no open PR) fits too', async () => {
    standIn.exchanges.length = 0;
    const outputs = await publish(3, 'Portkey gateway acme again');
    const operations = standIn.exchanges
      .filter(e => e.path !== '/graphql')
      .map(e => contract.check(e).operationId);
    expect(operations.slice(-2)).toEqual(['git/update-ref', 'pulls/create']);
    const graphql = standIn.exchanges.filter(e => e.path === '/graphql');
    expect(graphql.map(checkBranchQueryExchange)).toEqual([[]]);
    expect(
      (graphql[0].responseBody as any).data.repository.ref
        .associatedPullRequests.edges,
    ).toEqual([]);
    for (const exchange of standIn.exchanges.filter(
      e => e.path !== '/graphql',
    )) {
      expect({
        call: `${exchange.method} ${exchange.path} ${exchange.status}`,
        ...contract.check(exchange),
      }).toEqual({
        call: `${exchange.method} ${exchange.path} ${exchange.status}`,
        operationId: expect.any(String),
        problems: [],
      });
    }
    expect(outputs.pullRequestNumber).toBe(2);
  });

  it('merging (and its refusals), asking whether merged, and a raw file with its ETag fit too', async () => {
    standIn.exchanges.length = 0;
    const [closed, open] = await standIn.server.pullRequests(OWNER, REPO);
    expect([closed.state, open.state]).toEqual(['closed', 'open']);
    await repoApi(`/pulls/${open.number}/merge`);
    await repoApi(`/pulls/${open.number}/merge`, {
      method: 'PUT',
      body: { sha: '0'.repeat(40) },
    });
    await repoApi(`/pulls/${open.number}/merge`, {
      method: 'PUT',
      body: { merge_method: 'rebase' },
    });
    const merged = await repoApi(`/pulls/${open.number}/merge`, {
      method: 'PUT',
      body: {
        merge_method: 'merge',
        sha: open.headSha,
        commit_title: 'Merge acme',
        commit_message: 'Replicas: 3',
      },
    });
    await repoApi(`/pulls/${open.number}/merge`);
    await repoApi(`/pulls/${open.number}`);
    await repoApi(`/pulls?state=closed`);
    await repoApi(`/pulls/${open.number}/merge`, { method: 'PUT' });
    await repoApi(`/pulls/${closed.number}/merge`, { method: 'PUT' });
    await repoApi(`/pulls/${open.number}`, {
      method: 'PATCH',
      body: { state: 'open' },
    });
    await repoApi('/pulls/999/merge', { method: 'PUT' });
    await repoApi('');
    // What Backstage's GithubUrlReader sends for a file: the raw media type, then its ETag.
    const raw = { accept: 'application/vnd.github.v3.raw' };
    const file = await repoApi(`/contents/${TARGET}/values.yaml?ref=main`, {
      headers: raw,
    });
    await repoApi(`/contents/${TARGET}/values.yaml?ref=main`, {
      headers: { ...raw, 'if-none-match': file.headers.get('etag')! },
    });
    await repoApi(`/contents/${TARGET}/values.yaml?ref=main`, {
      headers: { accept: 'application/vnd.github.raw+json' },
    });
    await repoApi('/contents/no/such/file?ref=main', { headers: raw });
    await repoApi(`/contents/${TARGET}?ref=main`, { headers: raw });

    expect(merged.body.merged).toBe(true);
    expect(file.text).toBe(gatewayFiles('acme', 3)['values.yaml']);
    expect(
      standIn.exchanges.map(e => `${e.method} ${e.status} ${e.path}`),
    ).toEqual([
      `GET 404 /repos/${OWNER}/${REPO}/pulls/${open.number}/merge`,
      `PUT 409 /repos/${OWNER}/${REPO}/pulls/${open.number}/merge`,
      `PUT 405 /repos/${OWNER}/${REPO}/pulls/${open.number}/merge`,
      `PUT 200 /repos/${OWNER}/${REPO}/pulls/${open.number}/merge`,
      `GET 204 /repos/${OWNER}/${REPO}/pulls/${open.number}/merge`,
      `GET 200 /repos/${OWNER}/${REPO}/pulls/${open.number}`,
      `GET 200 /repos/${OWNER}/${REPO}/pulls`,
      `PUT 405 /repos/${OWNER}/${REPO}/pulls/${open.number}/merge`,
      `PUT 405 /repos/${OWNER}/${REPO}/pulls/${closed.number}/merge`,
      `PATCH 422 /repos/${OWNER}/${REPO}/pulls/${open.number}`,
      `PUT 404 /repos/${OWNER}/${REPO}/pulls/999/merge`,
      `GET 200 /repos/${OWNER}/${REPO}`,
      `GET 200 /repos/${OWNER}/${REPO}/contents/${TARGET}/values.yaml`,
      `GET 304 /repos/${OWNER}/${REPO}/contents/${TARGET}/values.yaml`,
      `GET 200 /repos/${OWNER}/${REPO}/contents/${TARGET}/values.yaml`,
      `GET 404 /repos/${OWNER}/${REPO}/contents/no/such/file`,
      `GET 200 /repos/${OWNER}/${REPO}/contents/${TARGET}`,
    ]);
    const operations = standIn.exchanges.map(
      e => contract.check(e).operationId,
    );
    expect(new Set(operations)).toEqual(
      new Set([
        'pulls/check-if-merged',
        'pulls/merge',
        'pulls/get',
        'pulls/list',
        'pulls/update',
        'repos/get',
        'repos/get-content',
      ]),
    );
    for (const exchange of standIn.exchanges) {
      expect({
        call: `${exchange.method} ${exchange.path} ${exchange.status}`,
        ...contract.check(exchange),
      }).toEqual({
        call: `${exchange.method} ${exchange.path} ${exchange.status}`,
        operationId: expect.any(String),
        problems: [],
      });
    }
  });

  describe('the checker itself', () => {
    const exchange = (
      overrides: Partial<Parameters<GithubOpenApiContract['check']>[0]>,
    ) => ({
      method: 'POST',
      path: '/repos/o/r/pulls',
      query: {},
      requestBody: { title: 't', head: 'feature', base: 'main' },
      status: 422,
      responseBody: {
        message: 'Validation Failed',
        documentation_url: 'https://docs.github.com/rest',
      },
      ...overrides,
    });

    it('rejects a request GitHub rejects: POST pulls without head', () => {
      expect(
        contract.check(exchange({ requestBody: { title: 't', base: 'main' } }))
          .problems,
      ).toEqual([
        expect.stringContaining("must have required property 'head'"),
      ]);
    });

    it('rejects an answer that lacks what GitHub documents as required', () => {
      const { problems } = contract.check(
        exchange({ status: 201, responseBody: { number: 1, title: 't' } }),
      );
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringContaining("must have required property 'head'"),
        ]),
      );
    });

    it('rejects a status GitHub does not document for the operation', () => {
      expect(contract.check(exchange({ status: 418 })).problems).toEqual([
        expect.stringContaining('status 418 is not documented'),
      ]);
    });

    it('rejects a query parameter the operation does not have', () => {
      const check = contract.check(
        exchange({
          method: 'GET',
          path: '/repos/o/r/pulls',
          query: { colour: 'red' },
          requestBody: undefined,
          status: 200,
          responseBody: [],
        }),
      );
      expect(check.problems).toEqual([
        'query parameter "colour" is not one of /repos/{owner}/{repo}/pulls\'s',
      ]);
    });

    it('rejects an answer that is not JSON to a request for JSON', () => {
      const check = contract.check(
        exchange({
          method: 'GET',
          path: '/repos/o/r/contents/README.md',
          requestBody: undefined,
          requestAccept: 'application/vnd.github+json',
          status: 200,
          responseBody: '# Hello\n',
          responseContentType: 'text/plain; charset=utf-8',
        }),
      );
      expect(check.problems).toEqual([
        expect.stringContaining('asked for JSON'),
      ]);
    });

    it('rejects a body where GitHub documents none, unless it is an error status', () => {
      const checkIfMerged = (status: number, responseBody: unknown) =>
        contract.check(
          exchange({
            method: 'GET',
            path: '/repos/o/r/pulls/1/merge',
            requestBody: undefined,
            status,
            responseBody,
          }),
        ).problems;
      expect(checkIfMerged(204, undefined)).toEqual([]);
      expect(checkIfMerged(204, { merged: true })).toEqual([
        'response 204 has a body, and GitHub documents none',
      ]);
      expect(
        checkIfMerged(404, { message: 'Not Found', documentation_url: 'x' }),
      ).toEqual([]);
      expect(checkIfMerged(404, { message: 404 })).toEqual([
        expect.stringContaining('/message must be string'),
      ]);
    });

    it('fails loudly on an operation GitHub does not have', () => {
      expect(() =>
        contract.check(exchange({ path: '/repos/o/r/make-coffee' })),
      ).toThrow(UnknownOperationError);
    });

    it('tells a GraphQL answer the plugin could not read', () => {
      expect(
        checkBranchQueryExchange({
          status: 200,
          requestBody: { query: 'query { viewer { login } }', variables: {} },
          responseBody: {
            data: {
              repository: {
                ref: {
                  associatedPullRequests: { edges: [{ node: { number: 1 } }] },
                },
              },
            },
          },
        }).length,
      ).toBeGreaterThan(2);
    });
  });
});
