import { NotFoundError } from '@backstage/errors';
import type { GatewayStatusList } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { ClusterClients } from '../clusters/ClusterRegistry';
import { toPortalError } from '../clusters/kubernetesErrors';
import { PromiseCoalescer } from './coalesce';
import { chartSelector, findGateways } from './findGateways';

export type NamespaceTarget = {
  cluster: string;
  namespace: string;
  clients: ClusterClients;
};

export type GatewayStatusServiceOptions = {
  /**
   * How long (ms) a successful answer is shared with later identical callers (same cluster,
   * namespace and release). Default 2000; 0 shares only among concurrent callers.
   */
  coalesceMs?: number;
  /** At most this many cluster/namespace/release answers are kept. Default 256. */
  maxEntries?: number;
  /** Warning events kept per workload, newest first. Default 20. */
  maxEvents?: number;
  now?: () => number;
};

/**
 * Lists the gateways of a namespace with their pods, health and events.
 *
 * Cost per answer: three list requests in parallel (pods and Deployments by the chart's label
 * selector, Warning events by field selector), each with `resourceVersion: "0"`, so the API
 * server answers from its watch cache without a quorum read of etcd.
 *
 * Staleness: `resourceVersion: "0"` may return data a little behind etcd (normally well under
 * a second), and identical requests within `coalesceMs` (default 2 s) after an answer arrived
 * get that same answer. So a view may be up to about `coalesceMs` plus the watch cache's lag
 * old; `observedAt` says when it was read. Errors are never shared beyond concurrent callers.
 *
 * An unknown `release` is a 404; a namespace without gateways is an empty list.
 */
export class GatewayStatusService {
  private readonly coalescer: PromiseCoalescer<GatewayStatusList>;
  private readonly maxEvents: number;
  private readonly now: () => number;

  constructor(options: GatewayStatusServiceOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxEvents = options.maxEvents ?? 20;
    this.coalescer = new PromiseCoalescer({
      ttlMs: options.coalesceMs ?? 2000,
      maxEntries: options.maxEntries ?? 256,
      now: this.now,
    });
  }

  async listGateways(
    target: NamespaceTarget & { release?: string },
  ): Promise<GatewayStatusList> {
    const key = JSON.stringify([
      target.cluster,
      target.namespace,
      target.release ?? null,
    ]);
    return this.coalescer.get(key, () => this.read(target));
  }

  private async read(
    target: NamespaceTarget & { release?: string },
  ): Promise<GatewayStatusList> {
    const { cluster, namespace, clients, release } = target;
    const labelSelector = chartSelector(release);
    const kube = <T>(action: string, call: () => Promise<T>) =>
      call().catch(error => {
        throw toPortalError(error, {
          cluster,
          action: `${action} in namespace ${namespace}`,
        });
      });
    const [pods, deployments, events] = await Promise.all([
      kube('list pods', () =>
        clients.core.listNamespacedPod({
          namespace,
          labelSelector,
          resourceVersion: '0',
        }),
      ),
      kube('list deployments', () =>
        clients.apps.listNamespacedDeployment({
          namespace,
          labelSelector,
          resourceVersion: '0',
        }),
      ),
      kube('list events', () =>
        clients.core.listNamespacedEvent({
          namespace,
          fieldSelector: 'type=Warning',
          resourceVersion: '0',
        }),
      ),
    ]);
    const items = findGateways({
      pods: pods.items,
      deployments: deployments.items,
      events: events.items,
      release,
      maxEvents: this.maxEvents,
    });
    if (release && items.length === 0) {
      throw new NotFoundError(
        `No gateway of release "${release}" in namespace ${namespace} of cluster "${cluster}"`,
      );
    }
    return {
      cluster,
      namespace,
      observedAt: new Date(this.now()).toISOString(),
      items,
    };
  }
}
