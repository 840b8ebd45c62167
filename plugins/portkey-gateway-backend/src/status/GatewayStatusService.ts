import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  CoreV1Event,
  KubeConfig,
  V1Deployment,
  V1Pod,
} from '@kubernetes/client-node';
import type { GatewayStatusList } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { NamespaceTarget } from '../kubernetes/target';
import { toPortalError } from '../kubernetes/kubernetesErrors';
import {
  NAMESPACE_UNCHECKED,
  NamespaceExistenceCache,
} from '../kubernetes/namespaceExistence';
import { PromiseCoalescer } from './coalesce';
import {
  chartSelector,
  DEFAULT_GATEWAY_NAME_LABELS,
  findGateways,
} from './findGateways';
import { KubeGet, kubeGet } from '../kubernetes/kubeGet';
import {
  NamespaceSnapshot,
  NamespaceWatch,
  NamespaceWatchError,
  WatchLike,
} from './NamespaceWatch';
import { NamespaceWatches, watchKey, WatchTarget } from './NamespaceWatches';

/** What a namespace's watch holds of the chart's objects (see watchedChartObjects). */
export type WatchedChartObjects = {
  readonly pods: readonly V1Pod[];
  readonly deployments: readonly V1Deployment[];
};

export type GatewayStatusServiceOptions = {
  /**
   * `watch` (the default): each namespace asked about is listed once and then watched, and
   * every answer is computed from that live copy, so viewers cost the API server nothing
   * more. `list`: every answer lists pods, Deployments and events anew (shared by identical
   * requests within `coalesceMs`); also used, per namespace, when the credentials may list
   * but not watch.
   */
  source?: 'watch' | 'list';
  /** A watched namespace nobody asked about for this long is no longer watched. Default 5 min. */
  watchIdleMs?: number;
  /** At most this many namespaces are watched at once. Default 64. */
  maxWatches?: number;
  /** The API server ends each watch after this long and it is resumed. Default 240 s. */
  watchTimeoutSeconds?: number;
  /** Builds the watch of a cluster (tests count or break watches with it). */
  makeWatch?: (kubeConfig: KubeConfig) => WatchLike;
  logger?: LoggerService;
  /**
   * The `app.kubernetes.io/name` values of gateway objects: `gateway`, plus the `nameOverride`
   * of any release that sets one. Default `['gateway']`.
   */
  gatewayNameLabels?: readonly string[];
  /**
   * With `source: list`: how long (ms) a successful answer is shared with later identical
   * callers (same cluster, namespace and release). Default 2000; 0 shares only among
   * concurrent callers.
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
 * By default (`source: 'watch'`) the first request for a namespace lists the chart's pods and
 * Deployments (by its label selector) and the Warning events, then keeps them current with a
 * watch (see NamespaceWatch); every answer is computed from that copy, and reused while
 * nothing changed. The API server therefore sees three lists and three watches per watched
 * namespace, whatever the number of viewers, and an answer lags the cluster only by the
 * watch's delivery (normally milliseconds). `observedAt` is when the answer was computed.
 * A namespace is watched until nobody has asked about it for `watchIdleMs` (5 min).
 *
 * Without watch permission (or with `source: 'list'`): three list requests in parallel per
 * answer, each with `resourceVersion=0`, so the API server answers from its watch cache
 * without a quorum read of etcd; over keep-alive connections, parsed as plain JSON (see
 * kubeGet.ts). Identical requests within `coalesceMs` (default 2 s) after an answer arrived
 * get that same answer, so such an answer may be up to about `coalesceMs` old.
 *
 * Only the summary leaves this class. Errors are never shared beyond concurrent callers. An
 * unknown `release` is a 404; a namespace without gateways is an empty list.
 */
export class GatewayStatusService {
  private readonly coalescer: PromiseCoalescer<GatewayStatusList>;
  private readonly maxEvents: number;
  private readonly now: () => number;
  private readonly kubeGet: KubeGet;
  private readonly source: 'watch' | 'list';
  private readonly watches: NamespaceWatches<NamespaceTarget>;
  private readonly logger?: LoggerService;
  private readonly nameLabels: readonly string[];
  private readonly namespaces: NamespaceExistenceCache;
  /** Cluster/namespace keys whose credentials may list but not watch, until when. */
  private readonly watchForbiddenUntil = new Map<string, number>();
  /** The last namespace-wide answer computed from each watch, for its snapshot version. */
  private readonly computed = new WeakMap<
    NamespaceWatch,
    { version: number; items: GatewayStatusList['items'] }
  >();

  constructor(options: GatewayStatusServiceOptions = {}) {
    this.now = options.now ?? Date.now;
    this.kubeGet = options.kubeGet ?? kubeGet;
    this.maxEvents = options.maxEvents ?? 20;
    this.source = options.source ?? 'watch';
    this.logger = options.logger;
    this.nameLabels = options.gatewayNameLabels ?? DEFAULT_GATEWAY_NAME_LABELS;
    this.namespaces = new NamespaceExistenceCache({
      kubeGet: this.kubeGet,
      now: this.now,
    });
    this.coalescer = new PromiseCoalescer({
      ttlMs: options.coalesceMs ?? 2000,
      maxEntries: options.maxEntries ?? 256,
      now: this.now,
    });
    this.watches = new NamespaceWatches<NamespaceTarget>({
      idleMs: options.watchIdleMs,
      maxWatches: options.maxWatches,
      now: this.now,
      create: ({ namespace, clients }) =>
        new NamespaceWatch({
          namespace,
          kubeConfig: clients.kubeConfig,
          kubeGet: this.kubeGet,
          nameLabels: this.nameLabels,
          makeWatch: options.makeWatch,
          watchTimeoutSeconds: options.watchTimeoutSeconds,
          now: this.now,
        }),
    });
  }

  /** Namespaces currently watched. */
  get watchedNamespaces(): number {
    return this.watches.size;
  }

  /** The label selector a release's objects are searched with (for answers that found none). */
  labelSelectorFor(release: string): string {
    return chartSelector(release, this.nameLabels);
  }

  /**
   * The chart's pods and Deployments in a namespace as its running watch holds them (read
   * only), or undefined when the namespace is not being watched or its watch is not healthy.
   * Never starts a watch, and does not keep one from going idle.
   */
  watchedChartObjects(target: WatchTarget): WatchedChartObjects | undefined {
    const snapshot = this.watches.peek(target)?.snapshot();
    return (
      snapshot && { pods: snapshot.pods, deployments: snapshot.deployments }
    );
  }

  /** Stops every watch; call on shutdown. */
  close() {
    this.watches.stopAll();
  }

  /**
   * The gateways of the namespace. When there are none (or RBAC refused the lists), whether
   * the namespace exists is checked (cached 30 s): one that does not is a 404 saying so.
   */
  async listGateways(
    target: NamespaceTarget & { release?: string },
  ): Promise<GatewayStatusList> {
    const list = await this.read(target).catch(async error => {
      throw await this.namespaces.explainRefusal(target, error);
    });
    if (list.items.length > 0) return list;
    const existence = await this.namespaces.requireExisting(target);
    if (target.release) {
      const { cluster, namespace, release } = target;
      throw new NotFoundError(
        `No gateway of release "${release}" in namespace ${namespace} of cluster "${cluster}"${
          existence === 'unknown' ? ` (${NAMESPACE_UNCHECKED})` : ''
        }`,
      );
    }
    return list;
  }

  private async read(
    target: NamespaceTarget & { release?: string },
  ): Promise<GatewayStatusList> {
    if (this.source === 'watch' && this.mayWatch(target)) {
      try {
        return await this.fromWatch(target);
      } catch (error) {
        if (!(error instanceof NamespaceWatchError)) throw error;
        if (!this.isWatchForbidden(error, target)) {
          // Its code is the HTTP status (list or watch) or the network error's code.
          throw toPortalError(error, {
            cluster: target.cluster,
            action: `${error.stage} ${error.kind} in namespace ${target.namespace}`,
          });
        }
      }
    }
    return this.fromLists(target);
  }

  private async fromWatch(
    target: NamespaceTarget & { release?: string },
  ): Promise<GatewayStatusList> {
    const watch = await this.watches.get(target);
    let computed = this.computed.get(watch);
    if (computed?.version !== watch.version) {
      const snapshot = watch.snapshot();
      computed = {
        version: snapshot.version,
        items: this.summarize(snapshot),
      };
      this.computed.set(watch, computed);
    }
    return this.answer(
      target,
      new Date(this.now()).toISOString(),
      computed.items,
    );
  }

  private summarize(snapshot: Omit<NamespaceSnapshot, 'version'>) {
    return findGateways({
      // The JSON as the API server sent it: timestamps are strings, which the summaries accept.
      pods: snapshot.pods,
      deployments: snapshot.deployments,
      events: snapshot.events,
      maxEvents: this.maxEvents,
      nameLabels: this.nameLabels,
    });
  }

  private mayWatch(target: NamespaceTarget): boolean {
    const until = this.watchForbiddenUntil.get(watchKey(target));
    return until === undefined || until <= this.now();
  }

  /**
   * Lists were allowed but a watch was refused: RBAC grants list without watch. Answer from
   * lists for that namespace (and say so once), and try watching again after 10 minutes.
   */
  private isWatchForbidden(
    error: NamespaceWatchError,
    target: NamespaceTarget,
  ): boolean {
    if (error.stage !== 'watch' || (error.code !== 403 && error.code !== 401))
      return false;
    this.watchForbiddenUntil.set(watchKey(target), this.now() + 10 * 60_000);
    this.logger?.warn(
      `Portkey gateways: the credentials for cluster "${target.cluster}" may list but not watch ${error.kind} in namespace ${target.namespace}; answering from lists (more API requests per viewer). Grant "watch" on pods, deployments and events to fix this.`,
    );
    return true;
  }

  private fromLists(
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
    return this.coalescer.get(key(release ?? null), () => this.list(target));
  }

  /** The answer for a target: only its release's gateways (none: listGateways says 404). */
  private answer(
    target: NamespaceTarget & { release?: string },
    observedAt: string,
    gateways: GatewayStatusList['items'],
  ): GatewayStatusList {
    const { cluster, namespace, release } = target;
    const items = release
      ? gateways.filter(g => g.release === release)
      : gateways;
    return {
      cluster,
      namespace,
      observedAt,
      labelSelector: chartSelector(release, this.nameLabels),
      items,
    };
  }

  private async list(
    target: NamespaceTarget & { release?: string },
  ): Promise<GatewayStatusList> {
    const { cluster, namespace, clients, release } = target;
    const labelSelector = chartSelector(release, this.nameLabels);
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
      pods: pods as V1Pod[],
      deployments: deployments as V1Deployment[],
      events: events as CoreV1Event[],
      release,
      maxEvents: this.maxEvents,
      nameLabels: this.nameLabels,
    });
    return this.answer(target, new Date(this.now()).toISOString(), items);
  }
}
