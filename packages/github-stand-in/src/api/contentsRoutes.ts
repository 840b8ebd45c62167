import { Router, type Response } from 'express';
import { ApiError, notFound } from './ApiError';
import { asyncRoute } from './asyncRoute';
import {
  contentMediaType,
  ifNoneMatchHits,
  objectEtag,
  rawMediaTypeHeader,
} from './mediaType';
import { contentDirectoryJson, contentFileJson } from './representations';
import { loadRepoContext, type StandInContext } from './StandInContext';

const DOCS =
  'https://docs.github.com/rest/repos/contents#get-repository-content';

/**
 * A file's bytes, as GitHub answers the raw media type (Backstage's GithubUrlReader asks for
 * it): the blob's SHA as the ETag, and 304 with no body when If-None-Match names it.
 */
function sendRaw(
  res: Response,
  file: { sha: string; content: Buffer },
  ifNoneMatch: string | undefined,
  json: boolean,
) {
  const etag = objectEtag(file.sha);
  res.setHeader('ETag', etag);
  res.setHeader('x-github-media-type', rawMediaTypeHeader({ json }));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // Express's res.send would answer 304 by itself, but not to a request saying
  // Cache-Control: no-cache, which fetch() adds to every conditional request; GitHub answers
  // 304 to those too, so the check is made here.
  if (ifNoneMatchHits(ifNoneMatch, etag)) {
    res.status(304).end();
    return;
  }
  res.type('text/plain; charset=utf-8').send(file.content);
}

/** GET (and HEAD) /repos/{owner}/{repo}/contents/{path}: a file or a folder at a ref. */
export function contentsRoutes(context: StandInContext): Router {
  const router = Router();
  const { git } = context;

  // Express answers HEAD with this GET route too, as octokit-plugin-create-pull-request's
  // check for a file to delete expects.
  router.get(
    ['/repos/:owner/:repo/contents', '/repos/:owner/:repo/contents/*'],
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      const path = ((req.params as unknown as string[])[0] ?? '').replace(
        /\/+$/,
        '',
      );
      const ref =
        typeof req.query.ref === 'string' ? req.query.ref : ctx.defaultBranch;
      const media = contentMediaType(req.headers.accept);
      // The answer depends on the media type asked for: caches must keep them apart.
      res.vary('Accept');
      const commit =
        (await git.readRef(owner, repo, `refs/heads/${ref}`)) ??
        (await git.resolveCommit(owner, repo, ref));
      if (!commit)
        throw new ApiError(404, `No commit found for the ref ${ref}`, DOCS);
      if (path === '') {
        res.json(
          contentDirectoryJson(
            ctx,
            ref,
            await git.readTree(owner, repo, commit, false),
          ),
        );
        return;
      }
      const file = await git.fileAt(owner, repo, commit, path);
      if (file && media.raw) {
        sendRaw(res, file, req.headers['if-none-match'], media.json);
        return;
      }
      if (file) {
        res.json(contentFileJson(ctx, ref, path, file.sha, file.content));
        return;
      }
      // A folder is listed as JSON whatever the media type, as GitHub does.
      const tree = await git.treeAt(owner, repo, commit, path);
      if (!tree) throw notFound(DOCS);
      const entries = (await git.readTree(owner, repo, tree, false)).map(e => ({
        ...e,
        path: `${path}/${e.path}`,
      }));
      res.json(contentDirectoryJson(ctx, ref, entries));
    }),
  );

  return router;
}
