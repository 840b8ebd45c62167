import type { CoreV1Event, V1Deployment, V1Pod } from '@kubernetes/client-node';
import {
  CHART_LABELS,
  PORTKEY_CHART,
  gatewayFullname,
  gatewayLabelSelector,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import type { GatewayStatus } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { summarizeWorkload } from './summarizePods';

const {
  name: NAME,
  instance: INSTANCE,
  component: COMPONENT,
  chart: CHART,
  appVersion: VERSION,
} = CHART_LABELS;

/**
 * The `app.kubernetes.io/name` values gateway (and data service) objects carry: the chart's
 * name, `gateway`, unless a release set `nameOverride`, which replaces it (REFERENCE.md §4).
 */
export const DEFAULT_GATEWAY_NAME_LABELS: readonly string[] = [
  PORTKEY_CHART.name,
];

/**
 * One label selector for everything the chart runs in a namespace (gateway, data service and
 * Redis pods or Deployments), so a namespace costs one list per kind. With a release, only
 * that release's objects.
 */
export function chartSelector(
  release?: string,
  nameLabels: readonly string[] = DEFAULT_GATEWAY_NAME_LABELS,
): string {
  return gatewayLabelSelector({ release, nameLabels });
}

type StringMap = { [key: string]: string };
/** A pod or a Deployment (whose selector and pod template carry labels too). */
type Labelled = { metadata?: { labels?: StringMap }; spec?: object };
type WorkloadSpec = {
  selector?: { matchLabels?: StringMap };
  template?: { metadata?: { labels?: StringMap } };
};

const labels = (o: Labelled) => o.metadata?.labels ?? {};

/**
 * The component label of a pod, or of a Deployment: the data service Deployment has it in
 * its selector and pod template only, not in its own labels (REFERENCE.md §4).
 */
function componentOf(o: Labelled): string | undefined {
  const spec = o.spec as WorkloadSpec | undefined;
  return (
    labels(o)[COMPONENT] ??
    spec?.selector?.matchLabels?.[COMPONENT] ??
    spec?.template?.metadata?.labels?.[COMPONENT]
  );
}

/**
 * Gateway pods and Deployments carry the chart's name label and no component label (nor, for
 * a Deployment, one in its selector or pod template). Status and settings both use this.
 */
export function isGateway(
  o: Labelled,
  nameLabels: readonly string[] = DEFAULT_GATEWAY_NAME_LABELS,
): boolean {
  return nameLabels.includes(labels(o)[NAME]) && componentOf(o) === undefined;
}

/**
 * The data service's objects: its component label is `<fullname>-dataservice`; by the suffix,
 * because `fullnameOverride` and `nameOverride` change the fullname.
 */
export function isDataService(o: Labelled, release: string): boolean {
  return (
    labels(o)[INSTANCE] === release &&
    (componentOf(o) ?? '').endsWith(PORTKEY_CHART.dataServiceSuffix)
  );
}

export function isRedis(o: Labelled, release: string): boolean {
  const l = labels(o);
  return (
    l[NAME] === PORTKEY_CHART.inClusterRedisName && l[INSTANCE] === release
  );
}

/**
 * The release's gateway Deployment among its candidates: the one with the chart's fullname,
 * else the first (a release renamed by fullnameOverride).
 */
export function pickGatewayDeployment<T extends V1Deployment>(
  candidates: T[],
  release: string,
): T | undefined {
  const fullname = gatewayFullname(release);
  return candidates.find(d => d.metadata?.name === fullname) ?? candidates[0];
}

/** Releases in the order of their names, from gateway Deployments and gateway pods. */
export function releasesOf(
  deployments: V1Deployment[],
  pods: V1Pod[],
  nameLabels: readonly string[] = DEFAULT_GATEWAY_NAME_LABELS,
) {
  const releases = new Set<string>();
  for (const o of [...deployments, ...pods]) {
    const release = labels(o)[INSTANCE];
    if (release && isGateway(o, nameLabels)) releases.add(release);
  }
  return [...releases].sort();
}

/**
 * Groups what a namespace's lists returned into gateways: each release's gateway Deployment
 * and pods, with its data service and in-cluster Redis beside it.
 */
export function findGateways(input: {
  pods: V1Pod[];
  deployments: V1Deployment[];
  events: CoreV1Event[];
  release?: string;
  maxEvents?: number;
  /** See DEFAULT_GATEWAY_NAME_LABELS. */
  nameLabels?: readonly string[];
}): GatewayStatus[] {
  const { pods, deployments, events, maxEvents } = input;
  const nameLabels = input.nameLabels ?? DEFAULT_GATEWAY_NAME_LABELS;
  const isGatewayOf = (o: Labelled) => isGateway(o, nameLabels);
  const releases = releasesOf(deployments, pods, nameLabels).filter(
    r => !input.release || r === input.release,
  );
  return releases.map(release => {
    const ofRelease = (o: Labelled) => labels(o)[INSTANCE] === release;
    const fullname = gatewayFullname(release);
    const gatewayDeployments = deployments.filter(
      d => ofRelease(d) && isGatewayOf(d),
    );
    const deployment = pickGatewayDeployment(gatewayDeployments, release);
    const gateway = summarizeWorkload({
      name: deployment?.metadata?.name ?? fullname,
      deployment,
      pods: pods.filter(p => ofRelease(p) && isGatewayOf(p)),
      events,
      maxEvents,
      container: PORTKEY_CHART.gatewayContainer,
    });
    const side = (match: (o: Labelled) => boolean, fallbackName: string) => {
      const d = deployments.find(match);
      const p = pods.filter(match);
      if (!d && p.length === 0) return undefined;
      return summarizeWorkload({
        name: d?.metadata?.name ?? fallbackName,
        deployment: d,
        pods: p,
        events,
        maxEvents,
      });
    };
    const dataService = side(
      o => isDataService(o, release),
      `${fullname}${PORTKEY_CHART.dataServiceSuffix}`,
    );
    const redis = side(
      o => isRedis(o, release),
      PORTKEY_CHART.inClusterRedisName,
    );
    const source: Labelled =
      deployment ?? pods.find(p => ofRelease(p) && isGatewayOf(p)) ?? {};
    return {
      release,
      chart: labels(source)[CHART],
      appVersion: labels(source)[VERSION],
      ...gateway,
      ...(dataService ? { dataService } : {}),
      ...(redis ? { redis } : {}),
    };
  });
}
