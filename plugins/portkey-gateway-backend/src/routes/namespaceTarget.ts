import type { Request } from 'express';
import { NamespaceTarget } from '../kubernetes/target';
import { pathParam } from './pathParams';
import { RouteContext } from './RouteContext';

/** The cluster and namespace of a namespace-wide route, within the cluster's allow-list. */
export function namespaceTargetOf(
  context: RouteContext,
  req: Request,
): NamespaceTarget {
  const cluster = pathParam(req, 'cluster');
  const namespace = pathParam(req, 'namespace');
  return {
    cluster,
    namespace,
    clients: context.clusters.forNamespace(cluster, namespace),
  };
}
