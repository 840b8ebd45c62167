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
