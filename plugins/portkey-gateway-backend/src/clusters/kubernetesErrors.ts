import {
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/**
 * Turns what @kubernetes/client-node throws into the portal's errors: a clear 403 when the
 * portal's Kubernetes credentials may not do something, 404 for a missing object, and 503
 * when the cluster cannot be reached. The upstream body is not passed on.
 */
export function toPortalError(
  error: unknown,
  what: { cluster: string; action: string },
): Error {
  const code = (error as { code?: unknown })?.code;
  if (code === 401 || code === 403) {
    return new NotAllowedError(
      `The portal's Kubernetes credentials for cluster "${what.cluster}" may not ${what.action} (Kubernetes answered ${code})`,
    );
  }
  if (code === 404)
    return new NotFoundError(
      `Not found in cluster "${what.cluster}" while trying to ${what.action}`,
    );
  if (typeof code === 'number' && code >= 400 && code < 500) {
    return new NotAllowedError(
      `Kubernetes refused to ${what.action} in cluster "${what.cluster}" (${code})`,
    );
  }
  return new ServiceUnavailableError(
    `Cluster "${what.cluster}" cannot be reached (${describeNetworkError(
      error,
    )}) while trying to ${what.action}`,
  );
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: unknown })?.code;
  if (typeof code === 'string') return code;
  if (typeof code === 'number') return `HTTP ${code}`;
  return 'no answer';
}
