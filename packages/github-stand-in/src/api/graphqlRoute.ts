import { Router } from 'express';
import { asyncRoute } from './asyncRoute';
import { pullRequestUrl, stableId } from './representations';
import type { StandInContext } from './StandInContext';

/*
 * GitHub's GraphQL API is not in @octokit/openapi and the stand-in runs no GraphQL engine: it
 * answers the one query octokit-plugin-create-pull-request sends to learn whether the head
 * branch exists and has an open pull request, and refuses any other query with a GraphQL
 * error, so a new caller fails loudly instead of reading a made-up answer.
 */

const BRANCH_QUERY = [
  /repository\s*\(\s*name\s*:\s*\$repo\s*,\s*owner\s*:\s*\$owner\s*\)/,
  /ref\s*\(\s*qualifiedName\s*:\s*\$head\s*\)/,
  /associatedPullRequests\s*\(\s*first\s*:\s*(\d+)\s*,\s*states\s*:\s*OPEN\s*\)/,
  /node\s*\{\s*id\s+number\s+url\s*\}/,
];

export function isBranchQuery(query: string): boolean {
  return BRANCH_QUERY.every(pattern => pattern.test(query));
}

export function graphqlRoute(context: StandInContext): Router {
  const router = Router();
  router.post(
    '/',
    asyncRoute(async (req, res) => {
      const { query, variables } = (req.body ?? {}) as {
        query?: unknown;
        variables?: Record<string, unknown>;
      };
      if (typeof query !== 'string' || !isBranchQuery(query)) {
        res.json({
          errors: [
            {
              message:
                'This GitHub stand-in answers only the branch query of octokit-plugin-create-pull-request.',
            },
          ],
        });
        return;
      }
      const owner = String(variables?.owner ?? '');
      const repo = String(variables?.repo ?? '');
      const head = String(variables?.head ?? '');
      if (!(await context.git.exists(owner, repo))) {
        res.json({
          data: { repository: null },
          errors: [
            {
              type: 'NOT_FOUND',
              path: ['repository'],
              locations: [{ line: 3, column: 7 }],
              message: `Could not resolve to a Repository with the name '${owner}/${repo}'.`,
            },
          ],
        });
        return;
      }
      // qualifiedName takes a full ref or a branch name, as on GitHub.
      const branch = head.replace(/^refs\/heads\//, '');
      const sha = await context.git.readRef(
        owner,
        repo,
        `refs/heads/${branch}`,
      );
      if (!sha) {
        res.json({ data: { repository: { ref: null } } });
        return;
      }
      const first = Number(BRANCH_QUERY[2].exec(query)?.[1] ?? 1);
      const open = (await context.pulls.list(owner, repo))
        .filter(p => p.state === 'open' && p.head === branch)
        .sort((a, b) => a.number - b.number)
        .slice(0, first);
      res.json({
        data: {
          repository: {
            ref: {
              associatedPullRequests: {
                edges: open.map(p => ({
                  node: {
                    id: `PR_${Buffer.from(
                      String(stableId('pull', `${owner}/${repo}#${p.number}`)),
                    ).toString('base64url')}`,
                    number: p.number,
                    url: pullRequestUrl(
                      { ...context.urls, owner, repo },
                      p.number,
                    ),
                  },
                })),
              },
            },
          },
        },
      });
    }),
  );
  return router;
}
