import {
  buildPullRequest,
  describeSecretKeys,
  GatewayPullRequest,
  RenderedGateway,
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
    secretKeys: describeSecretKeys(rendered.plan).map(k => k.key),
    files: {
      [valuesPath]: rendered.files['values.yaml'],
      [catalogInfoPath]: rendered.files['catalog-info.yaml'],
    },
  };
}
