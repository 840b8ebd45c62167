import { Router } from 'express';
import { notFound } from './ApiError';
import { asyncRoute } from './asyncRoute';
import { MERGE_DOCS, mergePull } from './mergePull';
import { mergeResultJson } from './representations';
import {
  loadPull,
  loadRepoContext,
  type StandInContext,
} from './StandInContext';
import { BodyReader } from './validateBody';

const CHECK_DOCS =
  'https://docs.github.com/rest/pulls/pulls#check-if-a-pull-request-has-been-merged';

const METHODS = ['merge', 'squash', 'rebase'] as const;

/** Merging a pull request (PUT) and asking whether it was merged (GET). */
export function mergeRoutes(context: StandInContext): Router {
  const router = Router();

  router.put(
    '/repos/:owner/:repo/pulls/:number/merge',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      const pull = await loadPull(context, ctx, req.params.number, MERGE_DOCS);
      // The body is optional: express.json leaves {} when none was sent.
      const body = BodyReader.of(req.body ?? {}, MERGE_DOCS);
      const merged = await mergePull(context, ctx, pull.number, {
        method: body.optionalEnum('merge_method', METHODS) ?? 'merge',
        commitTitle: body.optionalString('commit_title'),
        commitMessage: body.optionalString('commit_message'),
        sha: body.optionalString('sha'),
      });
      res.json(mergeResultJson(merged.merge.commitSha));
    }),
  );

  router.get(
    '/repos/:owner/:repo/pulls/:number/merge',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      const pull = await loadPull(context, ctx, req.params.number, CHECK_DOCS);
      if (!pull.merge) throw notFound(CHECK_DOCS);
      res.status(204).end();
    }),
  );

  return router;
}
