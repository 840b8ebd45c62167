import { NotFoundError } from '@backstage/errors';
import type { CoreV1Event, V1Deployment, V1Pod } from '@kubernetes/client-node';
import type { GatewayStatusList } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { ClusterClients } from '../clusters/ClusterRegistry';
import { toPortalError } from '../clusters/kubernetesErrors';
import { PromiseCoalescer } from './coalesce';
import { chartSelector, findGateways } from './findGateways';
import { KubeGet, kubeGet } from './kubeGet';

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
  /** How the API server is read (tests count the requests with it). */
  kubeGet?: KubeGet;
};

/**
 * Lists the gateways of a namespace with their pods, health and events.
 *
 * Cost per answer: three list requests in parallel (pods and Deployments by the chart's label
 * selector, Warning events by field selector), each with `resourceVersion=0`, so the API
 * server answers from its watch cache without a quorum read of etcd; over keep-alive
 * connections, parsed as plain JSON (see kubeGet.ts). Only the summary leaves this class.
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
  private readonly kubeGet: KubeGet;

  constructor(options: GatewayStatusServiceOptions = {}) {
    this.now = options.now ?? Date.now;
    this.kubeGet = options.kubeGet ?? kubeGet;
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
    const key = (release: string | null) =>
      JSON.stringify([target.cluster, target.namespace, release]);
    const { release } = target;
    if (release) {
      // A running or fresh answer for the whole namespace holds this release's answer too.
      const namespaceWide = this.coalescer.peek(key(null));
      if (namespaceWide) {
        return namespaceWide.then(list =>
          this.answer(target, list.observedAt, list.items),
        );
      }
    }
    return this.coalescer.get(key(release ?? null), () => this.read(target));
  }

  /** The answer for a target: only its release's gateways, 404 for an unknown release. */
  private answer(
    target: NamespaceTarget & { release?: string },
    observedAt: string,
    gateways: GatewayStatusList['items'],
  ): GatewayStatusList {
    const { cluster, namespace, release } = target;
    const items = release
      ? gateways.filter(g => g.release === release)
      : gateways;
    if (release && items.length === 0) {
      throw new NotFoundError(
        `No gateway of release "${release}" in namespace ${namespace} of cluster "${cluster}"`,
      );
    }
    return { cluster, namespace, observedAt, items };
  }

  private async read(
    target: NamespaceTarget & { release?: string },
  ): Promise<GatewayStatusList> {
    const { cluster, namespace, clients, release } = target;
    const labelSelector = chartSelector(release);
    const list = (action: string, path: string, query: string) =>
      this.kubeGet(
        clients.kubeConfig,
        `${path}/namespaces/${encodeURIComponent(
          namespace,
        )}/${query}&resourceVersion=0`,
      ).then(
        (answer: { items?: unknown[] }) => answer.items ?? [],
        error => {
          throw toPortalError(error, {
            cluster,
            action: `${action} in namespace ${namespace}`,
          });
        },
      );
    const selector = `labelSelector=${encodeURIComponent(labelSelector)}`;
    const [pods, deployments, events] = await Promise.all([
      list('list pods', '/api/v1', `pods?${selector}`),
      list('list deployments', '/apis/apps/v1', `deployments?${selector}`),
      list(
        'list events',
        '/api/v1',
        `events?fieldSelector=${encodeURIComponent('type=Warning')}`,
      ),
    ]);
    const items = findGateways({
      // The JSON as the API server sent it: timestamps are strings, which the summaries accept.
      pods: pods as V1Pod[],
      deployments: deployments as V1Deployment[],
      events: events as CoreV1Event[],
      release,
      maxEvents: this.maxEvents,
    });
    return this.answer(target, new Date(this.now()).toISOString(), items);
  }
}
