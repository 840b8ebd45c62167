import { Router } from 'express';
import { InvalidGitInputError, isSha, type TreeChange } from '../git/GitStore';
import { ApiError, invalidRequest, notFound } from './ApiError';
import { asyncRoute } from './asyncRoute';
import {
  authenticatedUserJson,
  blobJson,
  commitJson,
  gitCommitJson,
  refJson,
  repositoryJson,
  treeJson,
} from './representations';
import {
  countOpenPulls,
  loadRepoContext,
  type StandInContext,
} from './StandInContext';
import { BodyReader } from './validateBody';

const DOCS = {
  repo: 'https://docs.github.com/rest/repos/repos#get-a-repository',
  commits: 'https://docs.github.com/rest/commits/commits#list-commits',
  blob: 'https://docs.github.com/rest/git/blobs#create-a-blob',
  tree: 'https://docs.github.com/rest/git/trees#create-a-tree',
  getTree: 'https://docs.github.com/rest/git/trees#get-a-tree',
  commit: 'https://docs.github.com/rest/git/commits#create-a-commit',
  createRef: 'https://docs.github.com/rest/git/refs#create-a-reference',
  updateRef: 'https://docs.github.com/rest/git/refs#update-a-reference',
  getRef: 'https://docs.github.com/rest/git/refs#get-a-reference',
  user: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
};

const FILE_MODES = ['100644', '100755', '040000', '160000', '120000'] as const;
const TREE_TYPES = ['blob', 'tree', 'commit'] as const;

function nowIso() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Reads an author/committer object: name and email required, date optional (ISO 8601). */
function readPerson(
  value: Record<string, unknown> | undefined,
  fallback: { name: string; email: string; date: string },
  body: BodyReader,
  field: string,
) {
  if (!value) return fallback;
  const person = body.item(value, field);
  const date = person.optionalString('date');
  if (date !== undefined && Number.isNaN(Date.parse(date)))
    throw invalidRequest(
      `For 'properties/${field}/date', "${date}" is not a date-time.`,
      DOCS.commit,
    );
  return {
    name: person.requiredString('name'),
    email: person.requiredString('email'),
    date: date
      ? new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z')
      : fallback.date,
  };
}

/** The repository, its commits and the Git database API: blobs, trees, commits, refs. */
export function repositoryRoutes(context: StandInContext): Router {
  const router = Router();
  const { git } = context;

  router.get(
    '/user',
    asyncRoute(async (_req, res) => {
      res.json(
        authenticatedUserJson(
          context.urls,
          context.user,
          '2026-01-01T00:00:00Z',
        ),
      );
    }),
  );

  router.get(
    '/repos/:owner/:repo',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      res.json(repositoryJson(ctx, await countOpenPulls(context, owner, repo)));
    }),
  );

  router.get(
    '/repos/:owner/:repo/commits',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      const start =
        typeof req.query.sha === 'string' ? req.query.sha : ctx.defaultBranch;
      const perPage = Math.min(
        Math.max(Number(req.query.per_page ?? 30) || 30, 1),
        100,
      );
      const page = Math.max(Number(req.query.page ?? 1) || 1, 1);
      const sha =
        (await git.readRef(owner, repo, `refs/heads/${start}`)) ??
        (await git.resolveCommit(owner, repo, start));
      if (!sha)
        throw new ApiError(
          404,
          `No commit found for SHA: ${start}`,
          DOCS.commits,
        );
      const commits = await git.listCommits(owner, repo, sha, perPage * page);
      res.json(
        commits.slice(perPage * (page - 1)).map(c => commitJson(ctx, c)),
      );
    }),
  );

  router.post(
    '/repos/:owner/:repo/git/blobs',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      const body = BodyReader.of(req.body, DOCS.blob);
      const content = body.requiredString('content');
      const encoding = body.optionalString('encoding') ?? 'utf-8';
      if (encoding !== 'utf-8' && encoding !== 'utf8' && encoding !== 'base64')
        throw invalidRequest(
          `encoding must be "utf-8" or "base64", got "${encoding}".`,
          DOCS.blob,
        );
      const bytes = Buffer.from(
        content,
        encoding === 'base64' ? 'base64' : 'utf8',
      );
      const sha = await git.writeBlob(owner, repo, bytes);
      res.status(201).location(blobJson(ctx, sha).url).json(blobJson(ctx, sha));
    }),
  );

  router.post(
    '/repos/:owner/:repo/git/trees',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      const body = BodyReader.of(req.body, DOCS.tree);
      const baseTree = body.optionalString('base_tree');
      const changes: TreeChange[] = body
        .requiredArray('tree')
        .map((value, index) => {
          const item = body.item(value, `tree[${index}]`);
          const path = item.requiredString('path');
          const mode = item.optionalEnum('mode', FILE_MODES) ?? '100644';
          item.optionalEnum('type', TREE_TYPES);
          const content = item.optionalString('content');
          const sha = item.nullableString('sha');
          if (content !== undefined && sha !== undefined)
            throw invalidRequest(
              `tree.sha and tree.content cannot both be set (tree[${index}]).`,
              DOCS.tree,
            );
          if (content === undefined && sha === undefined)
            throw invalidRequest(
              `Must supply either tree.sha or tree.content (tree[${index}]).`,
              DOCS.tree,
            );
          if (sha !== undefined && sha !== null && !isSha(sha))
            throw invalidRequest(
              `tree.sha ${sha} is not a valid object (tree[${index}]).`,
              DOCS.tree,
            );
          if (
            path.startsWith('/') ||
            path.split('/').some(p => p === '' || p === '.' || p === '..')
          )
            throw invalidRequest(
              `tree.path ${JSON.stringify(
                path,
              )} contains a malformed path component.`,
              DOCS.tree,
            );
          return { path, mode, content, sha };
        });
      if (
        baseTree !== undefined &&
        !(await git.treeShaOf(owner, repo, baseTree))
      )
        throw invalidRequest('base_tree is not a valid tree oid.', DOCS.tree);
      for (const change of changes) {
        if (change.sha && !(await git.objectType(owner, repo, change.sha)))
          throw invalidRequest(
            `tree.sha ${change.sha} is not a valid object.`,
            DOCS.tree,
          );
      }
      try {
        const sha = await git.createTree(owner, repo, baseTree, changes);
        const entries = await git.readTree(owner, repo, sha, false);
        res.status(201).json(treeJson(ctx, sha, entries));
      } catch (error) {
        if (error instanceof InvalidGitInputError)
          throw invalidRequest(error.message, DOCS.tree);
        throw error;
      }
    }),
  );

  router.get(
    '/repos/:owner/:repo/git/trees/:treeSha',
    asyncRoute(async (req, res) => {
      const { owner, repo, treeSha } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      const sha =
        (await git.treeShaOf(owner, repo, treeSha)) ??
        (await git.treeShaOf(owner, repo, `refs/heads/${treeSha}`));
      if (!sha) throw notFound(DOCS.getTree);
      const recursive =
        req.query.recursive !== undefined &&
        req.query.recursive !== '0' &&
        req.query.recursive !== 'false';
      res.json(
        treeJson(ctx, sha, await git.readTree(owner, repo, sha, recursive)),
      );
    }),
  );

  router.post(
    '/repos/:owner/:repo/git/commits',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      const body = BodyReader.of(req.body, DOCS.commit);
      const message = body.requiredString('message');
      const tree = body.requiredString('tree');
      const parents = (body.optionalArray('parents') ?? []).map(p => {
        if (typeof p !== 'string')
          throw invalidRequest(
            `For 'items', ${JSON.stringify(p)} is not a string.`,
            DOCS.commit,
          );
        return p;
      });
      const self = {
        name: context.user.name,
        email: context.user.email,
        date: nowIso(),
      };
      const author = readPerson(
        body.optionalObject('author'),
        self,
        body,
        'author',
      );
      const committer = readPerson(
        body.optionalObject('committer'),
        author,
        body,
        'committer',
      );
      if ((await git.objectType(owner, repo, tree)) !== 'tree')
        throw invalidRequest('Tree SHA does not exist', DOCS.commit);
      for (const parent of parents) {
        if ((await git.objectType(owner, repo, parent)) !== 'commit')
          throw invalidRequest(
            'Parent SHA does not exist or is not a commit object',
            DOCS.commit,
          );
      }
      const sha = await git.createCommit(owner, repo, {
        tree,
        parents,
        author,
        committer,
        message,
      });
      const json = gitCommitJson(ctx, await git.readCommit(owner, repo, sha));
      res.status(201).location(json.url).json(json);
    }),
  );

  router.post(
    '/repos/:owner/:repo/git/refs',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      const body = BodyReader.of(req.body, DOCS.createRef);
      const ref = body.requiredString('ref');
      const sha = body.requiredString('sha');
      if (
        !ref.startsWith('refs/') ||
        ref.split('/').length < 3 ||
        !(await git.isValidRefName(ref))
      )
        throw new ApiError(
          422,
          `${ref} is not a valid ref name.`,
          DOCS.createRef,
        );
      const type = await git.objectType(owner, repo, sha);
      if (!type)
        throw new ApiError(422, 'Object does not exist', DOCS.createRef);
      if (await git.readRef(owner, repo, ref))
        throw new ApiError(422, 'Reference already exists', DOCS.createRef);
      try {
        await git.createRef(owner, repo, ref, sha);
      } catch {
        throw new ApiError(422, 'Reference already exists', DOCS.createRef);
      }
      const json = refJson(ctx, ref, sha, type);
      res.status(201).location(json.url).json(json);
    }),
  );

  router.patch(
    '/repos/:owner/:repo/git/refs/*',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      const ref = `refs/${(req.params as unknown as string[])[0]}`;
      const body = BodyReader.of(req.body, DOCS.updateRef);
      const sha = body.requiredString('sha');
      const force = body.optionalBoolean('force') ?? false;
      const current = await git.readRef(owner, repo, ref);
      if (!current)
        throw new ApiError(422, 'Reference does not exist', DOCS.updateRef);
      const type = await git.objectType(owner, repo, sha);
      if (!type)
        throw new ApiError(422, 'Object does not exist', DOCS.updateRef);
      if (!force && !(await git.isAncestor(owner, repo, current, sha)))
        throw new ApiError(422, 'Update is not a fast forward', DOCS.updateRef);
      try {
        await git.updateRef(owner, repo, ref, sha, current);
      } catch {
        throw new ApiError(
          409,
          'Reference update failed: the ref moved',
          DOCS.updateRef,
        );
      }
      res.json(refJson(ctx, ref, sha, type));
    }),
  );

  router.get(
    '/repos/:owner/:repo/git/ref/*',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const ctx = await loadRepoContext(context, owner, repo);
      const ref = `refs/${(req.params as unknown as string[])[0]}`;
      const sha = await git.readRef(owner, repo, ref);
      if (!sha) throw notFound(DOCS.getRef);
      res.json(
        refJson(
          ctx,
          ref,
          sha,
          (await git.objectType(owner, repo, sha)) ?? 'commit',
        ),
      );
    }),
  );

  return router;
}
