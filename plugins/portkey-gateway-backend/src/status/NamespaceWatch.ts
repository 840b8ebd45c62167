import {
  KubeConfig,
  KubernetesListObject,
  KubernetesObject,
  ListWatch,
  Watch,
} from '@kubernetes/client-node';
import type { CoreV1Event, V1Deployment, V1Pod } from '@kubernetes/client-node';
import { chartSelector } from './findGateways';
import { KubeGet } from '../kubernetes/kubeGet';

/** What ListWatch needs of a watch: client-node's `Watch`, or a wrapper around it. */
export type WatchLike = Pick<Watch, 'watch'>;

/** What a namespace's watch holds: everything the status view is computed from. */
export type NamespaceSnapshot = {
  pods: V1Pod[];
  deployments: V1Deployment[];
  events: CoreV1Event[];
  /** Bumped by every change, so an answer computed for one version can be reused. */
  version: number;
};

/** Where a watch failed: the first list (nothing was ever served) or a watch request. */
export class NamespaceWatchError extends Error {
  constructor(
    readonly stage: 'list' | 'watch',
    readonly kind: WatchedKind,
    readonly code: unknown,
    readonly cause: unknown,
  ) {
    super(`Could not ${stage} ${kind}: ${String(code ?? cause)}`);
    this.name = 'NamespaceWatchError';
  }
}

export type WatchedKind = 'pods' | 'deployments' | 'events';

/** What is watched: the chart's pods and Deployments, and the namespace's Warning events. */
function watched(nameLabels?: readonly string[]): Array<{
  kind: WatchedKind;
  apiPath: string;
  labelSelector?: string;
  fieldSelector?: string;
}> {
  const labelSelector = chartSelector(undefined, nameLabels);
  return [
    { kind: 'pods', apiPath: '/api/v1', labelSelector },
    { kind: 'deployments', apiPath: '/apis/apps/v1', labelSelector },
    { kind: 'events', apiPath: '/api/v1', fieldSelector: 'type=Warning' },
  ];
}

export type NamespaceWatchOptions = {
  namespace: string;
  kubeConfig: KubeConfig;
  kubeGet: KubeGet;
  /** The gateways' `app.kubernetes.io/name` values (see DEFAULT_GATEWAY_NAME_LABELS). */
  nameLabels?: readonly string[];
  /** Builds the watch for a cluster (tests wrap client-node's Watch to count or break it). */
  makeWatch?: (kubeConfig: KubeConfig) => WatchLike;
  /**
   * The API server ends each watch request after this long and the watch resumes from the
   * last resourceVersion (bookmarks keep it current), so a connection that died silently is
   * noticed within this time plus a margin.
   */
  watchTimeoutSeconds?: number;
  now?: () => number;
};

const DEFAULT_WATCH_TIMEOUT_SECONDS = 240;
/** A quiet connection is trusted this much longer than the server's own timeout. */
const CONTACT_MARGIN_MS = 60_000;

/**
 * A live copy of what the status view needs from one namespace: the chart's pods and
 * Deployments (by its label selector) and the Warning events, each kept by client-node's
 * ListWatch (one list, then one long-running watch). However many viewers ask, the API server
 * sees those three lists and three watches, plus one short re-watch per kind every
 * `watchTimeoutSeconds`.
 *
 * Objects are kept without `managedFields` and the last-applied annotation, which are often
 * most of an object's size and never shown.
 */
export class NamespaceWatch {
  /** Settles when every kind has been listed and is being watched; rejects if one could not. */
  readonly ready: Promise<void>;
  private readonly listWatches = new Map<
    WatchedKind,
    ListWatch<KubernetesObject>
  >();
  private readonly now: () => number;
  private readonly contactWithinMs: number;
  private readonly failureListeners: Array<(e: NamespaceWatchError) => void> =
    [];
  private failure: NamespaceWatchError | undefined;
  private stopped = false;
  /** Every kind has been listed (`ready` resolved). */
  private listed = false;
  private changes = 0;
  private lastContactAt: number;

  constructor(options: NamespaceWatchOptions) {
    const { namespace, kubeConfig, kubeGet } = options;
    this.now = options.now ?? Date.now;
    this.lastContactAt = this.now();
    const timeoutSeconds =
      options.watchTimeoutSeconds ?? DEFAULT_WATCH_TIMEOUT_SECONDS;
    this.contactWithinMs = timeoutSeconds * 1000 + CONTACT_MARGIN_MS;
    const watch = (options.makeWatch ?? (kc => new Watch(kc)))(kubeConfig);

    for (const { kind, apiPath, labelSelector, fieldSelector } of watched(
      options.nameLabels,
    )) {
      const path = `${apiPath}/namespaces/${encodeURIComponent(
        namespace,
      )}/${kind}`;
      const query = new URLSearchParams({
        ...(labelSelector ? { labelSelector } : {}),
        ...(fieldSelector ? { fieldSelector } : {}),
        // From the API server's watch cache: no quorum read of etcd.
        resourceVersion: '0',
      });
      const list = async (): Promise<
        KubernetesListObject<KubernetesObject>
      > => {
        try {
          const answer = await kubeGet(kubeConfig, `${path}?${query}`);
          this.touch();
          return { ...answer, items: (answer.items ?? []).map(slim) };
        } catch (error) {
          throw new NamespaceWatchError(
            'list',
            kind,
            (error as { code?: unknown })?.code,
            error,
          );
        }
      };
      const listWatch = new ListWatch<KubernetesObject>(
        path,
        this.watchFor(kind, watch, timeoutSeconds),
        list,
        false,
        labelSelector,
        fieldSelector,
      );
      listWatch.on('change', () => {
        this.changes += 1;
      });
      listWatch.on('connect', () => this.touch());
      listWatch.on('error', error => this.fail(kind, error));
      this.listWatches.set(kind, listWatch);
    }

    this.ready = Promise.all(
      [...this.listWatches.values()].map(lw => lw.start()),
    ).then(() => {
      if (this.failure) throw this.failure;
      this.listed = true;
    });
    // A failure before anyone awaited `ready` is reported through it, not as unhandled.
    this.ready.catch(() => undefined);
  }

  /** True while every watch runs and has been heard from recently. */
  get healthy(): boolean {
    return (
      !this.failure &&
      !this.stopped &&
      this.now() - this.lastContactAt <= this.contactWithinMs
    );
  }

  /** Listed and healthy: what it holds is the namespace as it is now (to the watch's delay). */
  get serving(): boolean {
    return this.listed && this.healthy;
  }

  /** Bumped by every change: compare before taking a snapshot, which copies every object. */
  get version(): number {
    return this.changes;
  }

  snapshot(): NamespaceSnapshot {
    const items = (kind: WatchedKind) =>
      this.listWatches.get(kind)!.list() as any[];
    return {
      pods: items('pods'),
      deployments: items('deployments'),
      events: items('events'),
      version: this.changes,
    };
  }

  onFailure(listener: (e: NamespaceWatchError) => void) {
    this.failureListeners.push(listener);
  }

  stop() {
    if (this.stopped) return;
    this.stopped = true;
    for (const lw of this.listWatches.values()) lw.stop();
  }

  private touch() {
    this.lastContactAt = this.now();
  }

  private fail(kind: WatchedKind, error: unknown) {
    if (this.failure || this.stopped) return;
    this.failure =
      error instanceof NamespaceWatchError
        ? error
        : new NamespaceWatchError(
            'watch',
            kind,
            (error as { statusCode?: unknown })?.statusCode ??
              (error as { code?: unknown })?.code,
            error,
          );
    this.stop();
    for (const listener of this.failureListeners) listener(this.failure);
  }

  /**
   * The watch ListWatch uses for one kind: asks for bookmarks (so resuming after the
   * server's timeout rarely needs a new list) and a server-side timeout (so a silently dead
   * connection is noticed), records contact, and keeps objects slim.
   */
  private watchFor(
    kind: WatchedKind,
    watch: WatchLike,
    timeoutSeconds: number,
  ): Watch {
    const wrapped: WatchLike = {
      watch: async (path, queryParams, callback, done) => {
        if (this.stopped) {
          // ListWatch may ask for the watch after a list that ran while it was stopped.
          const stopped = new AbortController();
          stopped.abort();
          return stopped;
        }
        this.touch();
        return watch.watch(
          path,
          {
            ...queryParams,
            allowWatchBookmarks: true,
            timeoutSeconds,
          },
          (phase, object, raw) => {
            this.touch();
            callback(phase, phase === 'BOOKMARK' ? object : slim(object), raw);
          },
          error => {
            if (error && !this.stopped) {
              // ListWatch reports this through its error listeners; keep the kind with it.
              done(
                new NamespaceWatchError(
                  'watch',
                  kind,
                  error?.statusCode ?? error?.code,
                  error,
                ),
              );
              return;
            }
            done(error);
          },
        );
      },
    };
    return wrapped as Watch;
  }
}

/** The object without the parts the view never shows and that are often most of its size. */
function slim<T extends KubernetesObject>(object: T): T {
  const metadata = object?.metadata;
  if (!metadata) return object;
  const { managedFields: _managed, ...rest } = metadata;
  const annotations = rest.annotations;
  if (
    annotations &&
    'kubectl.kubernetes.io/last-applied-configuration' in annotations
  ) {
    const {
      'kubectl.kubernetes.io/last-applied-configuration': _applied,
      ...kept
    } = annotations;
    rest.annotations = kept;
  }
  return { ...object, metadata: rest };
}
