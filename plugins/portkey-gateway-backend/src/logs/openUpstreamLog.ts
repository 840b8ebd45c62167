import type { IncomingMessage } from 'node:http';
import { kubeStream } from '../kubernetes/kubeGet';
import { toPortalError } from '../kubernetes/kubernetesErrors';
import { NamespaceTarget } from '../kubernetes/target';
import { LogQuery } from './parseLogQuery';
import { ClientLeaving } from './watchClientLeaving';

/** A pod's log as the API server streams it. */
export type UpstreamLog = {
  body: IncomingMessage;
  /** Closes the request to the API server (and with it the kubelet's stream); a no-op after its end. */
  abort(): void;
  /** The first error the body emitted before anyone else listened to it. */
  readonly earlyError: Error | undefined;
};

/** The API server path of a pod's log, with the query client-node's `Log` would send. */
export function podLogPath(
  namespace: string,
  pod: string,
  query: LogQuery,
  maxBytes: number,
): string {
  const params = new URLSearchParams({
    container: query.container,
    follow: String(query.follow),
    previous: String(query.previous),
    timestamps: String(query.timestamps),
    limitBytes: String(maxBytes),
  });
  if (query.tailLines) params.set('tailLines', String(query.tailLines));
  if (query.sinceSeconds)
    params.set('sinceSeconds', String(query.sinceSeconds));
  return `/api/v1/namespaces/${encodeURIComponent(
    namespace,
  )}/pods/${encodeURIComponent(pod)}/log?${params}`;
}

/** What the portal's errors say it tried to do. */
export function readLogsAction(
  target: { namespace: string; pod: string },
  container: string,
): string {
  return `read the logs of container "${container}" of pod "${target.pod}" in namespace ${target.namespace}`;
}

/**
 * Opens a pod's log through the API server (pods/log, with its RBAC and validation), asking
 * for at most `maxBytes`. The request is aborted as soon as the client leaves; then there is
 * nobody to answer and this resolves undefined. Kubernetes' refusals are the portal's errors
 * (toPortalError).
 */
export async function openUpstreamLog(options: {
  target: NamespaceTarget & { pod: string };
  query: LogQuery;
  maxBytes: number;
  client: ClientLeaving;
}): Promise<UpstreamLog | undefined> {
  const { target, query, maxBytes, client } = options;
  const abort = new AbortController();
  client.onLeave(() => abort.abort());
  let body: IncomingMessage;
  try {
    body = await kubeStream(
      target.clients.kubeConfig,
      podLogPath(target.namespace, target.pod, query, maxBytes),
      abort.signal,
    );
  } catch (error) {
    if (client.left) return undefined; // nobody to tell
    throw toPortalError(error, {
      cluster: target.cluster,
      action: readLogsAction(target, query.container),
    });
  }
  // Errors from here on (the connection breaking, or our own abort) end the response; until
  // its writer listens they must not go unheard.
  let earlyError: Error | undefined;
  body.on('error', (error: Error) => {
    earlyError ??= error;
  });
  if (client.left) {
    abort.abort();
    return undefined;
  }
  return {
    body,
    abort: () => abort.abort(),
    get earlyError() {
      return earlyError;
    },
  };
}
