import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

// This package runs from the repository's source (never built), so __dirname is stable.
// eslint-disable-next-line no-restricted-syntax
const REPO_ROOT = path.resolve(__dirname, '../../..');
export const GATEWAY_TEMPLATE = path.join(
  REPO_ROOT,
  'templates/portkey-gateway/template.yaml',
);

/** The repository a portal's pull requests go to, on a GitHub-compatible git server. */
export type GitServerTarget = { host: string; owner: string; repo: string };

/**
 * Writes the gateway template as a portal pointed at a local git server offers it: the same
 * pages and steps, with the Repository page's picker limited to that server's host, owner and
 * repository (the product's template allows github.com only: `allowedHosts` cannot come from
 * config). Returns the file's path, for a catalog location that replaces the template's own.
 */
export function writeTemplateForGitServer(
  dir: string,
  target: GitServerTarget,
): string {
  const document = parseDocument(fs.readFileSync(GATEWAY_TEMPLATE, 'utf8'));
  const pages = document.getIn(['spec', 'parameters']) as any;
  const index = pages.items.findIndex((page: any) =>
    page.hasIn(['properties', 'repoUrl']),
  );
  if (index < 0)
    throw new Error(`${GATEWAY_TEMPLATE}: no page asks for repoUrl`);
  const options = ['spec', 'parameters', index, 'properties', 'repoUrl'];
  document.setIn([...options, 'ui:options'], {
    allowedHosts: [target.host],
    allowedOwners: [target.owner],
    allowedRepos: [target.repo],
  });
  document.setIn(
    ['metadata', 'description'],
    `${document.getIn(['metadata', 'description'])} ` +
      `Pull requests go to ${target.owner}/${target.repo} on the local git server ` +
      `${target.host} (a GitHub stand-in).`,
  );
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'portkey-gateway-template.yaml');
  fs.writeFileSync(file, document.toString());
  return file;
}
