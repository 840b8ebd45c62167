import {
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';

/** The longest part of an API server's own message passed on to the user. */
const MAX_REASON = 300;

/**
 * What the API server answered with a non-2xx status: the HTTP status as `code` (as
 * @kubernetes/client-node's errors have it) and the message of the Kubernetes `Status` object
 * in the body, when there was one.
 */
export class KubernetesApiError extends Error {
  constructor(
    readonly code: number,
    /** The `message` of the Status body, e.g. `pods "x" not found`. */
    readonly statusMessage?: string,
  ) {
    super(
      `Kubernetes answered HTTP ${code}${
        statusMessage ? `: ${statusMessage}` : ''
      }`,
    );
    this.name = 'KubernetesApiError';
  }

  /** From a response body, which is a Kubernetes Status as JSON for every API error. */
  static fromBody(code: number, body: string | undefined): KubernetesApiError {
    return new KubernetesApiError(code, statusMessageOf(body));
  }
}

/** The `message` of a Kubernetes Status (JSON text or parsed), shortened; undefined if none. */
export function statusMessageOf(body: unknown): string | undefined {
  let parsed = body;
  if (typeof parsed === 'string') {
    try {
      parsed = JSON.parse(parsed);
    } catch {
      return undefined;
    }
  }
  const message = (parsed as { message?: unknown } | undefined)?.message;
  if (typeof message !== 'string' || !message.trim()) return undefined;
  const oneLine = message.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_REASON
    ? `${oneLine.slice(0, MAX_REASON)}…`
    : oneLine;
}

/** HTTP status code and the Status message, from our errors and from client-node's. */
function describe(error: unknown): {
  code: unknown;
  reason?: string;
} {
  if (error instanceof KubernetesApiError)
    return { code: error.code, reason: error.statusMessage };
  const e = error as { code?: unknown; statusCode?: unknown; body?: unknown };
  return {
    code: e?.code ?? e?.statusCode,
    reason: statusMessageOf(e?.body),
  };
}

const HTTP_REASONS: Record<number, string> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/**
 * Turns what a Kubernetes request threw into the portal's errors, with what the API server
 * said where it said something:
 * - 401/403: the portal's Kubernetes credentials may not do it (403);
 * - 404: not found (404), with the API server's reason (`pods "x" not found`);
 * - 400: the API server refused the request (400), e.g. a container the pod does not have;
 * - 429 and 5xx: the API server answered, with an error (503), saying what it answered;
 * - no answer at all (refused, timed out, TLS): the cluster cannot be reached (503).
 * The upstream body is never passed on, only the Status message.
 */
export function toPortalError(
  error: unknown,
  what: { cluster: string; action: string },
): Error {
  const { code, reason } = describe(error);
  const because = reason ? `: ${reason}` : '';
  const where = `in cluster "${what.cluster}"`;
  if (code === 401 || code === 403) {
    // The Status message only repeats the action, with the service account's name.
    return new NotAllowedError(
      `The portal's Kubernetes credentials for cluster "${what.cluster}" may not ${what.action} (Kubernetes answered ${code})`,
    );
  }
  if (code === 404)
    return new NotFoundError(
      `Not found ${where} while trying to ${what.action}${because}`,
    );
  if (code === 400)
    return new InputError(
      `Kubernetes refused to ${what.action} ${where}${
        because || ' (400 Bad Request)'
      }`,
    );
  if (typeof code === 'number' && (code === 429 || code >= 500)) {
    const status = HTTP_REASONS[code] ? `${code} ${HTTP_REASONS[code]}` : code;
    return new ServiceUnavailableError(
      `The API server of cluster "${what.cluster}" answered HTTP ${status}${because} while trying to ${what.action}`,
    );
  }
  if (typeof code === 'number' && code >= 400 && code < 500) {
    return new NotAllowedError(
      `Kubernetes refused to ${what.action} ${where} (${code}${because})`,
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
