import { toPortalError } from '../kubernetes/kubernetesErrors';

/** The HTTP status code @kubernetes/client-node attached to an error, if any. */
export function statusCodeOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Runs one Kubernetes read. 404 and 401/403 come back as outcomes the caller reports in
 * plain language; anything else (unreachable cluster, server errors) becomes the portal's
 * error through toPortalError.
 */
export async function readOptional<T>(
  read: () => Promise<T>,
  what: { cluster: string; action: string },
): Promise<
  | { outcome: 'found'; value: T }
  | { outcome: 'missing' }
  | { outcome: 'forbidden' }
> {
  try {
    return { outcome: 'found', value: await read() };
  } catch (error) {
    const code = statusCodeOf(error);
    if (code === 404) return { outcome: 'missing' };
    if (code === 401 || code === 403) return { outcome: 'forbidden' };
    throw toPortalError(error, what);
  }
}
