import { formatGatewayInputErrors } from '../model/validateGatewayInput';
import { RenderedGateway, renderGateway } from '../render/renderGateway';
import {
  buildPullRequest,
  GatewayPullRequest,
} from '../review/buildPullRequest';

// What the scaffolder action writes, what the CLI writes and what the form's preview shows,
// from one function: the folder, the two files, the branch and the pull request. Pure (no
// node:path), so it runs in the browser too.

/** POSIX path normalisation: "." and empty segments dropped, ".." resolved where it can be. */
function normalizePosix(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..')
      parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

const joinPosix = (folder: string, file: string) => `${folder}/${file}`;

/** Where a gateway's files go, relative to the workspace (or the CLI's output folder). @public */
export function defaultTargetPath(rendered: RenderedGateway): string {
  return `gateways/${rendered.input.gateway.namespace}/${rendered.input.gateway.releaseName}`;
}

/** The branch a re-run of the same gateway reuses, so the same pull request gets updated. @public */
export function branchNameFor(rendered: RenderedGateway): string {
  return `portkey-gateway/${rendered.input.gateway.namespace}/${rendered.input.gateway.releaseName}`;
}

/** @public */
export class TargetPathError extends Error {
  constructor(targetPath: string) {
    super(
      `targetPath: must be a relative folder inside the workspace, got "${targetPath}"`,
    );
    this.name = 'TargetPathError';
  }
}

/**
 * A relative folder inside the workspace, normalised; anything else (absolute, empty,
 * climbing out with "..") is refused with an error that names the field.
 *
 * @public
 */
export function normalizeTargetPath(targetPath: string): string {
  const normalized = normalizePosix(targetPath.replace(/\\/g, '/')).replace(
    /\/+$/,
    '',
  );
  if (
    targetPath.trim() === '' ||
    normalized === '.' ||
    normalized.startsWith('/') ||
    normalized === '..' ||
    normalized.startsWith('../')
  ) {
    throw new TargetPathError(targetPath);
  }
  return normalized.replace(/^\.\//, '');
}

/** @public */
export type GatewayFiles = {
  targetPath: string;
  /** Files to write, keyed by their path relative to the workspace root. */
  files: Record<string, string>;
  pullRequest: GatewayPullRequest;
  valuesPath: string;
  catalogInfoPath: string;
  /** The keys the gateway's Secret must hold before merge. */
  secretKeys: string[];
};

/**
 * Everything the action and the CLI write for one gateway: the same files and PR text in
 * both, so a GitOps user running the CLI gets exactly what the portal would propose.
 *
 * @public
 */
export function gatewayFiles(
  rendered: RenderedGateway,
  targetPath = defaultTargetPath(rendered),
): GatewayFiles {
  const normalized = normalizeTargetPath(targetPath);
  const valuesPath = joinPosix(normalized, 'values.yaml');
  const catalogInfoPath = joinPosix(normalized, 'catalog-info.yaml');
  const pullRequest = buildPullRequest(rendered, {
    valuesPath,
    catalogInfoPath,
  });
  return {
    targetPath: normalized,
    valuesPath,
    catalogInfoPath,
    pullRequest,
    secretKeys: rendered.secretKeys.map(k => k.key),
    files: {
      [valuesPath]: rendered.files['values.yaml'],
      [catalogInfoPath]: rendered.files['catalog-info.yaml'],
    },
  };
}

/** @public */
export type RenderedGatewayFiles =
  | { ok: true; rendered: RenderedGateway; output: GatewayFiles }
  /** The answers are invalid: `errors` lists each field and what is allowed, a line each. */
  | { ok: false; problem: 'input'; errors: string }
  | { ok: false; problem: 'targetPath'; message: string };

/**
 * Validates the answers, renders them and lays out the files: the one path the action and the
 * CLI share (and the form's preview), each turning a refusal into its own kind of error.
 *
 * @public
 */
export function renderGatewayFiles(
  answers: unknown,
  targetPath?: string,
): RenderedGatewayFiles {
  const rendered = renderGateway(answers);
  if (!rendered.ok) {
    return {
      ok: false,
      problem: 'input',
      errors: formatGatewayInputErrors(rendered.errors),
    };
  }
  try {
    return { ok: true, rendered, output: gatewayFiles(rendered, targetPath) };
  } catch (error) {
    if (error instanceof TargetPathError)
      return { ok: false, problem: 'targetPath', message: error.message };
    throw error;
  }
}
