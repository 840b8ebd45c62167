import {
  buildPullRequest,
  formatGatewayInputErrors,
  GatewayPullRequest,
  RenderedGateway,
  renderGateway,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { posix } from 'node:path';

/** Where a gateway's files go, relative to the workspace (or the CLI's output folder). */
export function defaultTargetPath(rendered: RenderedGateway): string {
  return `gateways/${rendered.input.gateway.namespace}/${rendered.input.gateway.releaseName}`;
}

/** The branch a re-run of the same gateway reuses, so the same pull request gets updated. */
export function branchNameFor(rendered: RenderedGateway): string {
  return `portkey-gateway/${rendered.input.gateway.namespace}/${rendered.input.gateway.releaseName}`;
}

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
 */
export function normalizeTargetPath(targetPath: string): string {
  const normalized = posix
    .normalize(targetPath.replace(/\\/g, '/'))
    .replace(/\/+$/, '');
  if (
    targetPath.trim() === '' ||
    normalized === '.' ||
    posix.isAbsolute(normalized) ||
    normalized === '..' ||
    normalized.startsWith('../')
  ) {
    throw new TargetPathError(targetPath);
  }
  return normalized.replace(/^\.\//, '');
}

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
 */
export function gatewayFiles(
  rendered: RenderedGateway,
  targetPath = defaultTargetPath(rendered),
): GatewayFiles {
  const normalized = normalizeTargetPath(targetPath);
  const valuesPath = posix.join(normalized, 'values.yaml');
  const catalogInfoPath = posix.join(normalized, 'catalog-info.yaml');
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

export type RenderedGatewayFiles =
  | { ok: true; rendered: RenderedGateway; output: GatewayFiles }
  /** The answers are invalid: `errors` lists each field and what is allowed, a line each. */
  | { ok: false; problem: 'input'; errors: string }
  | { ok: false; problem: 'targetPath'; message: string };

/**
 * Validates the answers, renders them and lays out the files: the one path the action and the
 * CLI share, each turning a refusal into its own kind of error.
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
