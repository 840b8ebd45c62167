import { NotFoundError } from '@backstage/errors';
import type { V1Pod } from '@kubernetes/client-node';
import { CHART_LABELS } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { KubeGet, kubeGet } from '../kubernetes/kubeGet';
import {
  KubernetesApiError,
  toPortalError,
} from '../kubernetes/kubernetesErrors';
import { NamespaceTarget } from '../kubernetes/target';
import {
  chartSelector,
  DEFAULT_GATEWAY_NAME_LABELS,
  isDataService,
  isGateway,
  isRedis,
  releasesOf,
} from '../status/findGateways';
import type { GatewayStatusService } from '../status/GatewayStatusService';

/** Where the check finds a namespace's chart objects when the status view watches it. */
export type WatchedObjectsSource = Pick<
  GatewayStatusService,
  'watchedChartObjects'
>;

export type GatewayPodCheckOptions = {
  /** The `app.kubernetes.io/name` values of gateway objects. Default `['gateway']`. */
  gatewayNameLabels?: readonly string[];
  /** The status service, whose watches are used when the namespace is watched. */
  status?: WatchedObjectsSource;
  /** How the API server is read otherwise (tests count the requests with it). */
  kubeGet?: KubeGet;
};

type PodPart = { release: string; part: 'gateway' | 'redis' };

/**
 * Which release's gateway (the gateway itself or its data service) or in-cluster Redis a
 * pod is, from the chart's labels; undefined for any other pod.
 */
export function gatewayPartOf(
  pod: V1Pod,
  nameLabels: readonly string[],
): PodPart | undefined {
  const labels = pod.metadata?.labels ?? {};
  const release = labels[CHART_LABELS.instance];
  if (!release) return undefined;
  const chartNamed = nameLabels.includes(labels[CHART_LABELS.name]);
  if (chartNamed && (isGateway(pod, nameLabels) || isDataService(pod, release)))
    return { release, part: 'gateway' };
  if (isRedis(pod, release)) return { release, part: 'redis' };
  return undefined;
}

function hasContainer(pod: V1Pod, container: string): boolean {
  const spec = pod.spec;
  return [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].some(
    c => c.name === container,
  );
}

/**
 * Lets logs be read only from a gateway release's own pods: the gateway, its data service,
 * and the release's in-cluster Redis (only if the release has a gateway: a Redis of another
 * chart carries the same name label), and only from a container the pod has (init
 * containers count). Every other case, a pod that does not exist included, is the same 404,
 * so that the answer does not tell which pods exist.
 *
 * The pod is taken from the status view's watch of the namespace when it is watched and
 * holds it. Otherwise (not watched, or a pod the watch has not seen: created a moment ago, or
 * without the chart's labels) it is read with one GET, which settles it.
 */
export class GatewayPodCheck {
  private readonly nameLabels: readonly string[];
  private readonly status?: WatchedObjectsSource;
  private readonly kubeGet: KubeGet;

  constructor(options: GatewayPodCheckOptions = {}) {
    this.nameLabels = options.gatewayNameLabels ?? DEFAULT_GATEWAY_NAME_LABELS;
    this.status = options.status;
    this.kubeGet = options.kubeGet ?? kubeGet;
  }

  /**
   * Resolves if `container` of `pod` is a gateway release's (of `target.release`'s, when
   * given: the entity routes serve one release only); else throws the 404.
   */
  async check(
    target: NamespaceTarget & { pod: string; release?: string },
    container: string,
  ): Promise<void> {
    const watched = this.status?.watchedChartObjects(target);
    const pod =
      watched?.pods.find(p => p.metadata?.name === target.pod) ??
      (await this.readPod(target));
    const part = pod && gatewayPartOf(pod, this.nameLabels);
    const allowed =
      part !== undefined &&
      (target.release === undefined || part.release === target.release) &&
      hasContainer(pod!, container) &&
      (part.part === 'gateway' ||
        (await this.hasGateway(target, part.release, watched)));
    if (!allowed) {
      throw new NotFoundError(
        `No gateway pod "${target.pod}" with container "${container}" in namespace ${target.namespace} of cluster "${target.cluster}"`,
      );
    }
  }

  /** The pod, or undefined if there is none of that name in the namespace. */
  private async readPod(
    target: NamespaceTarget & { pod: string },
  ): Promise<V1Pod | undefined> {
    const { cluster, namespace, pod, clients } = target;
    try {
      return await this.kubeGet(
        clients.kubeConfig,
        `/api/v1/namespaces/${encodeURIComponent(
          namespace,
        )}/pods/${encodeURIComponent(pod)}`,
      );
    } catch (error) {
      if (error instanceof KubernetesApiError && error.code === 404)
        return undefined;
      throw toPortalError(error, {
        cluster,
        action: `read pod "${pod}" in namespace ${namespace}, which is checked before its logs are read`,
      });
    }
  }

  /** Whether the release has gateway objects in the namespace. */
  private async hasGateway(
    target: NamespaceTarget,
    release: string,
    watched: ReturnType<WatchedObjectsSource['watchedChartObjects']>,
  ): Promise<boolean> {
    if (watched) {
      return releasesOf(
        [...watched.deployments],
        [...watched.pods],
        this.nameLabels,
      ).includes(release);
    }
    const { cluster, namespace, clients } = target;
    const selector = encodeURIComponent(
      chartSelector(release, this.nameLabels),
    );
    try {
      const list = await this.kubeGet(
        clients.kubeConfig,
        `/apis/apps/v1/namespaces/${encodeURIComponent(
          namespace,
        )}/deployments?labelSelector=${selector}&resourceVersion=0`,
      );
      return releasesOf(list.items ?? [], [], this.nameLabels).includes(
        release,
      );
    } catch (error) {
      throw toPortalError(error, {
        cluster,
        action: `list deployments of release "${release}" in namespace ${namespace}, which is checked before the logs of its Redis are read`,
      });
    }
  }
}
