import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express, {
  type ErrorRequestHandler,
  type NextFunction,
  type Request,
  type Response,
} from 'express';
import { ApiError, DOCS } from './api/ApiError';
import { contentsRoutes } from './api/contentsRoutes';
import { graphqlRoute } from './api/graphqlRoute';
import { mergeRoutes } from './api/mergeRoutes';
import { pullRoutes } from './api/pullRoutes';
import { pullRequestUrl, type AuthenticatedUser } from './api/representations';
import { repositoryRoutes } from './api/repositoryRoutes';
import { pullShas, type StandInContext } from './api/StandInContext';
import { checkAuthorization } from './auth';
import { GitStore, isValidName } from './git/GitStore';
import { PullRequestStore } from './pulls/PullRequestStore';
import { serveGitHttpBackend } from './smartHttp/gitHttpBackend';
import { webRoutes } from './web/webRoutes';

/** A repository the stand-in creates at start (left as it is when it already exists). */
export type SeedRepository = {
  owner: string;
  name: string;
  /** Default: main */
  defaultBranch?: string;
  /** The initial commit's files (path → UTF-8 text); default a README.md. */
  files?: Record<string, string>;
};

/** One REST or GraphQL request and the server's answer, for contract checks in tests. */
export type ApiExchange = {
  method: string;
  /** The path below the API root, e.g. /repos/o/r/pulls, or /graphql for GraphQL. */
  path: string;
  query: Record<string, string>;
  requestBody: unknown;
  /** The request's Accept header: a custom media type asks for an answer that is not JSON. */
  requestAccept?: string;
  status: number;
  /** JSON as sent, the text of any other answer, or undefined for none (204, 304). */
  responseBody: unknown;
  /** The answer's Content-Type; undefined when it has no body. */
  responseContentType?: string;
};

export type GithubStandInOptions = {
  /** Where the bare repositories (repos/) and pull requests (pulls/) are kept. */
  stateDir: string;
  /** Default 0: an ephemeral port. Always on 127.0.0.1. */
  port?: number;
  /** The one token the API and pushes accept. */
  token: string;
  repositories?: SeedRepository[];
  /** The token's user; default login `stand-in-user`. */
  user?: Partial<AuthenticatedUser>;
  /** One line per request (method, path, status); never headers or bodies. Default: stderr. */
  log?: (line: string) => void;
  /** Sees every API request and answer (tests check them against GitHub's OpenAPI). */
  onApiExchange?: (exchange: ApiExchange) => void;
};

/** A pull request as tests and the demo read it: the stored fields and the live head. */
export type PullRequestSummary = {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  merged: boolean;
  /** The merge commit on the base, once merged. */
  mergeCommitSha: string | null;
  head: string;
  base: string;
  headSha: string;
  htmlUrl: string;
};

export type GithubStandIn = {
  /** http://127.0.0.1:<port>: the web view, and git at /<owner>/<repo>.git */
  url: string;
  /** 127.0.0.1:<port>, the `host` of Backstage's integrations.github entry */
  host: string;
  /** http://127.0.0.1:<port>/api/v3 */
  apiBaseUrl: string;
  gitUrl(owner: string, repo: string): string;
  pullRequests(owner: string, repo: string): Promise<PullRequestSummary[]>;
  /** A file's text at a branch, tag or SHA, or undefined when it is not there. */
  readFile(
    owner: string,
    repo: string,
    ref: string,
    path: string,
  ): Promise<string | undefined>;
  stop(): Promise<void>;
};

const SMART_HTTP =
  /^\/([^/]+)\/([^/]+)\.git(\/(?:info\/refs|git-upload-pack|git-receive-pack))$/;

function unauthorized(result: 'missing' | 'wrong', docs: string) {
  return new ApiError(
    401,
    result === 'missing' ? 'Requires authentication' : 'Bad credentials',
    docs,
  );
}

/**
 * Starts the GitHub stand-in: real git repositories served over smart HTTP, the part of
 * GitHub's REST API that `publish:github:pull-request` uses under /api/v3, its GraphQL
 * branch query at /api/graphql, and web pages for the pull requests.
 */
export async function startGithubStandIn(
  options: GithubStandInOptions,
): Promise<GithubStandIn> {
  if (!options.token)
    throw new Error('startGithubStandIn: a token is required');
  const log =
    options.log ??
    ((line: string) => process.stderr.write(`[github-stand-in] ${line}\n`));
  const reposDir = join(options.stateDir, 'repos');
  await mkdir(reposDir, { recursive: true });
  const git = new GitStore(reposDir);
  const pulls = new PullRequestStore(join(options.stateDir, 'pulls'));
  const user: AuthenticatedUser = {
    login: options.user?.login ?? 'stand-in-user',
    name: options.user?.name ?? 'Stand-in User',
    email: options.user?.email ?? 'stand-in-user@users.noreply.127.0.0.1',
  };

  for (const seed of options.repositories ?? []) {
    await git.ensureRepository({
      owner: seed.owner,
      name: seed.name,
      defaultBranch: seed.defaultBranch ?? 'main',
      files: seed.files ?? {},
      author: { name: user.name, email: user.email },
    });
  }

  // Filled in once the port is known.
  const urls = { api: '', web: '' };
  const context: StandInContext = { git, pulls, urls, user };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use((req, res, next) => {
    const started = Date.now();
    res.on('finish', () =>
      log(
        `${req.method} ${req.path} ${res.statusCode} ${Date.now() - started}ms`,
      ),
    );
    next();
  });

  app.use((req, res, next) => {
    const match = SMART_HTTP.exec(req.path);
    if (!match) {
      next();
      return;
    }
    const [, owner, repo, rest] = match;
    const isPush =
      rest === '/git-receive-pack' || req.query.service === 'git-receive-pack';
    const auth = checkAuthorization(req.headers.authorization, options.token);
    // Reads are public (as for a public repository) unless a wrong credential is sent;
    // pushes need the token as the basic-auth password.
    if (auth === 'wrong' || (isPush && auth !== 'ok')) {
      res
        .status(401)
        .setHeader('WWW-Authenticate', 'Basic realm="GitHub stand-in"');
      res
        .type('text')
        .send(
          auth === 'wrong'
            ? 'Invalid username or token.\n'
            : 'Authentication required.\n',
        );
      return;
    }
    git
      .exists(owner, repo)
      .then(exists => {
        if (!exists || !isValidName(owner) || !isValidName(repo)) {
          res.status(404).type('text').send('Repository not found.\n');
          return;
        }
        serveGitHttpBackend({
          req,
          res,
          projectRoot: reposDir,
          pathInfo: `/${owner}/${repo}.git${rest}`,
          remoteUser: auth === 'ok' ? user.login : undefined,
          log,
        });
      })
      .catch(next);
  });

  const recordExchanges =
    (prefix: string) => (req: Request, res: Response, next: NextFunction) => {
      res.setHeader('x-github-media-type', 'github.v3; format=json');
      let recorded = false;
      const record = (responseBody: unknown, contentType?: string) => {
        if (recorded) return;
        recorded = true;
        options.onApiExchange?.({
          method: req.method,
          path: `${prefix}${req.path}`.replace(/\/$/, '') || '/',
          query: Object.fromEntries(
            Object.entries(req.query).map(([k, v]) => [k, String(v)]),
          ),
          requestBody:
            req.body && Object.keys(req.body).length ? req.body : undefined,
          requestAccept: req.headers.accept,
          status: res.statusCode,
          responseBody,
          responseContentType: contentType,
        });
      };
      const sendJson = res.json.bind(res);
      res.json = (body: unknown) => {
        record(body, 'application/json; charset=utf-8');
        return sendJson(body);
      };
      // Answers that are no JSON (a raw file, 204, 304) end here without passing res.json.
      const end = res.end.bind(res) as (...args: unknown[]) => Response;
      res.end = ((...args: unknown[]) => {
        const [chunk] = args;
        const text =
          typeof chunk === 'string' || Buffer.isBuffer(chunk)
            ? chunk.toString()
            : undefined;
        const type = res.getHeader('content-type');
        record(text || undefined, text ? String(type ?? '') : undefined);
        return end(...args);
      }) as Response['end'];
      next();
    };

  const requireToken =
    (docs: string) => (req: Request, res: Response, next: NextFunction) => {
      const auth = checkAuthorization(req.headers.authorization, options.token);
      if (auth !== 'ok') {
        next(unauthorized(auth, docs));
        return;
      }
      // Classic personal access tokens report their scopes; octokit-plugin-create-pull-request
      // reads this header to tell a user's token from an app's.
      res.setHeader('x-oauth-scopes', 'repo');
      next();
    };

  const apiErrors: ErrorRequestHandler = (error, _req, res, _next) => {
    if (error instanceof ApiError) {
      res.status(error.status).json(error.toBody());
      return;
    }
    if ((error as { type?: string }).type === 'entity.parse.failed') {
      res.status(400).json({
        message: 'Problems parsing JSON',
        documentation_url: DOCS,
        status: '400',
      });
      return;
    }
    log(`internal error: ${(error as Error).message}`);
    res.status(500).json({
      message: 'Server Error',
      documentation_url: DOCS,
      status: '500',
    });
  };

  const json = express.json({
    limit: '100mb',
    type: ['application/json', 'application/*+json'],
  });
  app.use(
    '/api/v3',
    recordExchanges(''),
    json,
    requireToken(DOCS),
    repositoryRoutes(context),
    contentsRoutes(context),
    pullRoutes(context),
    mergeRoutes(context),
    (_req: Request, _res: Response, next: NextFunction) =>
      next(new ApiError(404, 'Not Found')),
    apiErrors,
  );
  app.use(
    '/api/graphql',
    recordExchanges('/graphql'),
    json,
    requireToken('https://docs.github.com/graphql'),
    graphqlRoute(context),
    apiErrors,
  );
  app.use(webRoutes(context));

  const server = app.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  urls.web = url;
  urls.api = `${url}/api/v3`;

  return {
    url,
    host: `127.0.0.1:${port}`,
    apiBaseUrl: urls.api,
    gitUrl: (owner, repo) => `${url}/${owner}/${repo}.git`,
    async pullRequests(owner, repo) {
      const stored = await pulls.list(owner, repo);
      return Promise.all(
        stored.map(async p => ({
          number: p.number,
          title: p.title,
          body: p.body,
          state: p.state,
          merged: p.merge !== undefined,
          mergeCommitSha: p.merge?.commitSha ?? null,
          head: p.head,
          base: p.base,
          headSha: (await pullShas(git, owner, repo, p)).headSha,
          htmlUrl: pullRequestUrl({ ...urls, owner, repo }, p.number),
        })),
      );
    },
    async readFile(owner, repo, ref, path) {
      const sha =
        (await git.readRef(owner, repo, `refs/heads/${ref}`)) ??
        (await git.resolveCommit(owner, repo, ref));
      if (!sha) return undefined;
      return (await git.fileAt(owner, repo, sha, path))?.content.toString(
        'utf8',
      );
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close(error => (error ? reject(error) : resolve())),
      );
    },
  };
}
