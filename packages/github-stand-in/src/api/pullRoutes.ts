import { Router } from 'express';
import type { StoredPullRequest } from '../pulls/PullRequestStore';
import {
  ApiError,
  invalidRequest,
  notFound,
  validationFailed,
} from './ApiError';
import { asyncRoute } from './asyncRoute';
import {
  diffEntryJson,
  pullRequestJson,
  type RepoContext,
} from './representations';
import {
  loadPull as loadStoredPull,
  loadPullFacts,
  loadRepoContext,
  pullShas,
  type StandInContext,
} from './StandInContext';
import { BodyReader } from './validateBody';

const DOCS = {
  list: 'https://docs.github.com/rest/pulls/pulls#list-pull-requests',
  create: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
  get: 'https://docs.github.com/rest/pulls/pulls#get-a-pull-request',
  update: 'https://docs.github.com/rest/pulls/pulls#update-a-pull-request',
  files: 'https://docs.github.com/rest/pulls/pulls#list-pull-requests-files',
  reviewers:
    'https://docs.github.com/rest/pulls/review-requests#request-reviewers-for-a-pull-request',
};

/** `owner:branch` or `branch`; the stand-in has no forks, so the owner must be the repo's. */
function parseHead(head: string, owner: string): string | undefined {
  const colon = head.indexOf(':');
  if (colon === -1) return head;
  return head.slice(0, colon) === owner ? head.slice(colon + 1) : undefined;
}

/** Pull requests: list, open, read, edit (title, body, state, base), files, reviewers. */
export function pullRoutes(context: StandInContext): Router {
  const router = Router();
  const { git, pulls } = context;

  async function render(
    ctx: RepoContext,
    pull: StoredPullRequest,
    full: boolean,
  ) {
    return pullRequestJson(ctx, await loadPullFacts(context, ctx, pull, full));
  }

  const loadPull = (ctx: RepoContext, value: string, docs: string) =>
    loadStoredPull(context, ctx, value, docs);

  router.get(
    '/repos/:owner/:repo/pulls',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      const state =
        typeof req.query.state === 'string' ? req.query.state : 'open';
      if (!['open', 'closed', 'all'].includes(state))
        throw invalidRequest(
          `For 'state', "${state}" is not one of ["open","closed","all"].`,
          DOCS.list,
        );
      const head =
        typeof req.query.head === 'string'
          ? parseHead(req.query.head, owner)
          : null;
      const base =
        typeof req.query.base === 'string' ? req.query.base : undefined;
      const perPage = Math.min(
        Math.max(Number(req.query.per_page ?? 30) || 30, 1),
        100,
      );
      const page = Math.max(Number(req.query.page ?? 1) || 1, 1);
      const matching = (await pulls.list(owner, repo))
        .filter(p => state === 'all' || p.state === state)
        .filter(p => head === null || p.head === head)
        .filter(p => base === undefined || p.base === base)
        // GitHub's default order: newest first.
        .sort((a, b) => b.number - a.number)
        .slice(perPage * (page - 1), perPage * page);
      res.json(await Promise.all(matching.map(p => render(ctx, p, false))));
    }),
  );

  router.post(
    '/repos/:owner/:repo/pulls',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      const body = BodyReader.of(req.body, DOCS.create);
      const headInput = body.requiredString('head');
      const base = body.requiredString('base');
      const title = body.optionalString('title');
      const text = body.nullableString('body') ?? null;
      const draft = body.optionalBoolean('draft') ?? false;
      body.optionalBoolean('maintainer_can_modify');
      if (title === undefined)
        throw validationFailed(
          [{ resource: 'PullRequest', field: 'title', code: 'missing_field' }],
          DOCS.create,
        );
      const head = parseHead(headInput, owner);
      const headSha =
        head && (await git.readRef(owner, repo, `refs/heads/${head}`));
      if (!head || !headSha)
        throw validationFailed(
          [{ resource: 'PullRequest', field: 'head', code: 'invalid' }],
          DOCS.create,
        );
      const baseSha = await git.readRef(owner, repo, `refs/heads/${base}`);
      if (!baseSha)
        throw validationFailed(
          [{ resource: 'PullRequest', field: 'base', code: 'invalid' }],
          DOCS.create,
        );
      if ((await git.countCommits(owner, repo, baseSha, headSha)) === 0)
        throw validationFailed(
          [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `No commits between ${base} and ${head}`,
            },
          ],
          DOCS.create,
        );
      const created = await pulls.create(
        owner,
        repo,
        {
          title,
          body: text,
          draft,
          head,
          base,
          lastHeadSha: headSha,
          requestedReviewers: [],
          requestedTeams: [],
        },
        existing => existing.some(p => p.state === 'open' && p.head === head),
      );
      if (created === 'duplicate')
        throw validationFailed(
          [
            {
              resource: 'PullRequest',
              code: 'custom',
              message: `A pull request already exists for ${owner}:${head}.`,
            },
          ],
          DOCS.create,
        );
      const json = await render(ctx, created, true);
      res.status(201).location(json.url).json(json);
    }),
  );

  router.get(
    '/repos/:owner/:repo/pulls/:number',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      res.json(
        await render(
          ctx,
          await loadPull(ctx, req.params.number, DOCS.get),
          true,
        ),
      );
    }),
  );

  router.patch(
    '/repos/:owner/:repo/pulls/:number',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      const number = (await loadPull(ctx, req.params.number, DOCS.update))
        .number;
      const body = BodyReader.of(req.body, DOCS.update);
      const title = body.optionalString('title');
      const text = body.nullableString('body');
      const state = body.optionalEnum('state', ['open', 'closed'] as const);
      const base = body.optionalString('base');
      body.optionalBoolean('maintainer_can_modify');
      if (
        base !== undefined &&
        !(await git.readRef(owner, repo, `refs/heads/${base}`))
      )
        throw validationFailed(
          [{ resource: 'PullRequest', field: 'base', code: 'invalid' }],
          DOCS.update,
        );
      const current = await pulls.get(owner, repo, number);
      const lastHeadSha = current
        ? (await pullShas(git, owner, repo, current)).headSha
        : undefined;
      const updated = await pulls.update(owner, repo, number, (pull, all) => {
        const changes: Partial<StoredPullRequest> = {};
        if (title !== undefined) changes.title = title;
        if (text !== undefined) changes.body = text;
        if (base !== undefined) changes.base = base;
        if (lastHeadSha) changes.lastHeadSha = lastHeadSha;
        if (state === 'closed' && pull.state === 'open') {
          changes.state = 'closed';
          changes.closedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        }
        if (state === 'open' && pull.merge)
          throw validationFailed(
            [
              {
                resource: 'PullRequest',
                field: 'state',
                code: 'custom',
                message:
                  'state cannot be changed. The pull request cannot be reopened.',
              },
            ],
            DOCS.update,
          );
        if (state === 'open' && pull.state === 'closed') {
          // GitHub keeps one open pull request per head and base.
          if (
            all.some(
              p =>
                p.state === 'open' &&
                p.head === pull.head &&
                p.number !== pull.number,
            )
          )
            throw validationFailed(
              [
                {
                  resource: 'PullRequest',
                  code: 'custom',
                  message: `A pull request already exists for ${owner}:${pull.head}.`,
                },
              ],
              DOCS.update,
            );
          changes.state = 'open';
          changes.closedAt = null;
        }
        return changes;
      });
      if (!updated) throw notFound(DOCS.update);
      res.json(await render(ctx, updated, true));
    }),
  );

  router.get(
    '/repos/:owner/:repo/pulls/:number/files',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      const pull = await loadPull(ctx, req.params.number, DOCS.files);
      const facts = await loadPullFacts(context, ctx, pull, false);
      const files = await git.changedFiles(
        owner,
        repo,
        facts.baseSha,
        facts.headSha,
      );
      res.json(files.map(f => diffEntryJson(ctx, facts.headSha, f)));
    }),
  );

  router.post(
    '/repos/:owner/:repo/pulls/:number/requested_reviewers',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      const number = (await loadPull(ctx, req.params.number, DOCS.reviewers))
        .number;
      const body = BodyReader.of(req.body, DOCS.reviewers);
      const asStrings = (field: string) =>
        (body.optionalArray(field) ?? []).map(v => {
          if (typeof v !== 'string')
            throw invalidRequest(
              `For 'items', ${JSON.stringify(v)} is not a string.`,
              DOCS.reviewers,
            );
          return v;
        });
      const reviewers = asStrings('reviewers');
      const teams = asStrings('team_reviewers');
      if (reviewers.includes(context.user.login))
        throw new ApiError(
          422,
          'Review cannot be requested from pull request author.',
          DOCS.reviewers,
        );
      const updated = await pulls.update(owner, repo, number, pull => ({
        requestedReviewers: [
          ...new Set([...pull.requestedReviewers, ...reviewers]),
        ],
        requestedTeams: [...new Set([...pull.requestedTeams, ...teams])],
      }));
      if (!updated) throw notFound(DOCS.reviewers);
      res.status(201).json(await render(ctx, updated, false));
    }),
  );

  return router;
}
