import { spawn } from 'node:child_process';
import type { Request, Response } from 'express';
import { baseEnv } from '../git/runGit';

const HTTP_BACKEND = '/usr/lib/git-core/git-http-backend';

/**
 * Runs Debian's `git http-backend` as a CGI for one smart-HTTP request: the request's body
 * goes to its stdin, its CGI headers become the response's status and headers, the rest
 * streams to the client. `pathInfo` is `/<owner>/<repo>.git/<rest>`.
 */
export function serveGitHttpBackend(options: {
  req: Request;
  res: Response;
  projectRoot: string;
  pathInfo: string;
  remoteUser?: string;
  log: (line: string) => void;
}): void {
  const { req, res } = options;
  const query = req.originalUrl.includes('?')
    ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1)
    : '';
  const env: Record<string, string> = {
    ...baseEnv(),
    GIT_PROJECT_ROOT: options.projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: options.pathInfo,
    REQUEST_METHOD: req.method,
    QUERY_STRING: query,
    CONTENT_TYPE: req.headers['content-type'] ?? '',
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
    GATEWAY_INTERFACE: 'CGI/1.1',
    SERVER_PROTOCOL: 'HTTP/1.1',
  };
  if (req.headers['content-length'])
    env.CONTENT_LENGTH = req.headers['content-length'];
  if (req.headers['content-encoding'])
    env.HTTP_CONTENT_ENCODING = req.headers['content-encoding'];
  if (typeof req.headers['git-protocol'] === 'string')
    env.GIT_PROTOCOL = req.headers['git-protocol'];
  if (options.remoteUser) env.REMOTE_USER = options.remoteUser;

  const child = spawn(HTTP_BACKEND, [], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  req.pipe(child.stdin);
  child.stdin.on('error', () => {
    // http-backend may exit before reading the whole body; its answer says why.
  });
  child.stderr.on('data', chunk =>
    options.log(`git http-backend: ${String(chunk).trim()}`),
  );

  let headerBuffer = Buffer.alloc(0);
  let headersDone = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersDone) {
      res.write(chunk);
      return;
    }
    headerBuffer = Buffer.concat([headerBuffer, chunk]);
    let end = headerBuffer.indexOf('\r\n\r\n');
    let separator = 4;
    if (end === -1) {
      end = headerBuffer.indexOf('\n\n');
      separator = 2;
    }
    if (end === -1) return;
    headersDone = true;
    let status = 200;
    for (const line of headerBuffer
      .subarray(0, end)
      .toString('latin1')
      .split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon === -1) continue;
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status')
        status = Number(value.split(' ')[0]) || 200;
      else res.setHeader(name, value);
    }
    res.status(status);
    res.write(headerBuffer.subarray(end + separator));
  });
  child.stdout.on('end', () => {
    if (!headersDone && !res.headersSent) res.status(502);
    res.end();
  });
  child.on('error', error => {
    options.log(`git http-backend could not run: ${error.message}`);
    if (!res.headersSent) res.status(500);
    res.end();
  });
}
