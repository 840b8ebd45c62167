import type {
  CoreV1Event,
  V1ContainerStatus,
  V1Deployment,
  V1Pod,
} from '@kubernetes/client-node';
import type {
  GatewayContainerStatus,
  GatewayHint,
  GatewayPodStatus,
  GatewayWarningEvent,
  GatewayWorkloadStatus,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { PORTKEY_CHART } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { HintContext, hintFor } from './hints';
import { rolloutOf } from './rollout';

const MAX_MESSAGE = 500;

function shorten(text: string | undefined): string | undefined {
  if (!text) return undefined;
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/** client-node gives Date objects; tests and other callers may give strings. */
export function isoDate(value: Date | string | undefined): string | undefined {
  if (!value) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function uniqueHints(hints: (GatewayHint | undefined)[]): GatewayHint[] {
  const seen = new Set<string>();
  const out: GatewayHint[] = [];
  for (const hint of hints) {
    if (!hint || seen.has(hint.message)) continue;
    seen.add(hint.message);
    out.push(hint);
  }
  return out;
}

export function summarizeContainer(
  status: V1ContainerStatus,
  context: HintContext,
): GatewayContainerStatus {
  const { state, lastState } = status;
  let summary: Pick<GatewayContainerStatus, 'state' | 'reason' | 'message'>;
  if (state?.waiting) {
    summary = {
      state: 'waiting',
      reason: state.waiting.reason,
      message: shorten(state.waiting.message),
    };
  } else if (state?.terminated) {
    summary = {
      state: 'terminated',
      reason: state.terminated.reason,
      message: shorten(state.terminated.message),
    };
  } else if (state?.running) {
    summary = { state: 'running' };
  } else {
    summary = { state: 'unknown' };
  }
  const last = lastState?.terminated;
  return {
    name: status.name,
    image: status.image,
    ready: status.ready === true,
    restarts: status.restartCount ?? 0,
    ...summary,
    ...(last
      ? {
          lastTerminationReason: last.reason,
          lastTerminationExitCode: last.exitCode,
        }
      : {}),
    hints: uniqueHints([
      hintFor(summary.reason, summary.message, context),
      last?.reason && last.reason !== summary.reason
        ? hintFor(last.reason, last.message, context)
        : undefined,
    ]),
  };
}

/** The gateway container's named port, for the readiness-probe hint. */
function gatewayPort(pod: V1Pod): number | undefined {
  for (const container of pod.spec?.containers ?? []) {
    const port = container.ports?.find(
      p => p.name === PORTKEY_CHART.gatewayPortName,
    );
    if (port) return port.containerPort;
  }
  return undefined;
}

export function hintContextOf(pod: V1Pod | undefined): HintContext {
  if (!pod) return {};
  return {
    imagePullSecrets: (pod.spec?.imagePullSecrets ?? [])
      .map(s => s.name)
      .filter((n): n is string => !!n),
    gatewayPort: gatewayPort(pod),
  };
}

/** What the view needs of a pod; never the pod object itself. */
export function summarizePod(pod: V1Pod): GatewayPodStatus {
  const context = hintContextOf(pod);
  const statuses = [
    ...(pod.status?.initContainerStatuses ?? []).filter(
      s => !s.state?.terminated || s.state.terminated.exitCode !== 0,
    ),
    ...(pod.status?.containerStatuses ?? []),
  ];
  const containers = statuses.map(s => summarizeContainer(s, context));
  const unscheduled = pod.status?.conditions?.find(
    c => c.type === 'PodScheduled' && c.status === 'False',
  );
  const ready =
    pod.status?.conditions?.some(
      c => c.type === 'Ready' && c.status === 'True',
    ) ?? false;
  return {
    name: pod.metadata?.name ?? '',
    phase: pod.status?.phase ?? 'Unknown',
    ...(pod.status?.reason
      ? {
          reason: pod.status.reason,
          message: shorten(pod.status.message),
        }
      : {}),
    ready,
    restarts: containers.reduce((sum, c) => sum + c.restarts, 0),
    createdAt: isoDate(pod.metadata?.creationTimestamp),
    node: pod.spec?.nodeName,
    containers,
    // Only causes of the pod itself: container hints are shown on their container.
    hints: uniqueHints([
      hintFor(pod.status?.reason, pod.status?.message, context),
      unscheduled?.reason === 'Unschedulable'
        ? hintFor('FailedScheduling', unscheduled.message, context)
        : undefined,
    ]),
  };
}

/**
 * `shownHints`: the hint messages already shown on the object the event is about (a pod and
 * its containers); the event does not repeat them.
 */
export function summarizeEvent(
  event: CoreV1Event,
  context: HintContext,
  shownHints: ReadonlySet<string> = new Set(),
): GatewayWarningEvent {
  const reason = event.reason ?? '';
  const message = event.message ?? '';
  const found = hintFor(reason, message, context);
  const hint = found && !shownHints.has(found.message) ? found : undefined;
  return {
    object: `${event.involvedObject.kind}/${event.involvedObject.name}`,
    reason,
    message: shorten(message) ?? '',
    count: event.count ?? event.series?.count ?? 1,
    lastSeen: isoDate(
      event.lastTimestamp ??
        event.series?.lastObservedTime ??
        event.eventTime ??
        event.firstTimestamp ??
        event.metadata?.creationTimestamp,
    ),
    ...(hint ? { hint } : {}),
  };
}

function mainImage(
  deployment: V1Deployment | undefined,
  container: string | undefined,
): string | undefined {
  const containers = deployment?.spec?.template?.spec?.containers ?? [];
  return (
    (container ? containers.find(c => c.name === container) : undefined) ??
    containers[0]
  )?.image;
}

/** The hint messages each pod shows (its own and its containers'), by pod name. */
function hintsShownByPod(pods: GatewayPodStatus[]): Map<string, Set<string>> {
  return new Map(
    pods.map(pod => [
      pod.name,
      new Set(
        [...pod.hints, ...pod.containers.flatMap(c => c.hints)].map(
          h => h.message,
        ),
      ),
    ]),
  );
}

/**
 * A Deployment (or, when only pods were found, its pods) with its pods and Warning events.
 * `events` are those of the namespace; those about the Deployment, its ReplicaSets and the
 * given pods are kept, newest first, at most `maxEvents`.
 */
export function summarizeWorkload(options: {
  name: string;
  deployment?: V1Deployment;
  pods: V1Pod[];
  events: CoreV1Event[];
  container?: string;
  maxEvents?: number;
}): GatewayWorkloadStatus {
  const { name, deployment, pods, events, container } = options;
  const podsByName = new Map(pods.map(p => [p.metadata?.name ?? '', p]));
  // Without pods, the pod template names the pull secrets and ports.
  const template = deployment?.spec?.template?.spec;
  const context = hintContextOf(
    pods[0] ?? (template ? ({ spec: template } as V1Pod) : undefined),
  );
  const podSummaries = pods
    .map(summarizePod)
    .sort((a, b) => a.name.localeCompare(b.name));
  const hintsShown = hintsShownByPod(podSummaries);
  const warnings = events
    .filter(e => {
      const { kind, name: object } = e.involvedObject;
      if (kind === 'Pod') return podsByName.has(object ?? '');
      if (kind === 'Deployment') return object === name;
      // ReplicaSets are <deployment>-<pod-template-hash>.
      if (kind === 'ReplicaSet')
        return (
          !!object &&
          /^[a-z0-9]+$/.test(object.slice(name.length + 1)) &&
          object.startsWith(`${name}-`)
        );
      return false;
    })
    .map(e => {
      // A pod's event is explained with that pod's pull secrets and ports.
      const pod =
        e.involvedObject.kind === 'Pod' ? e.involvedObject.name ?? '' : '';
      return summarizeEvent(
        e,
        pod ? hintContextOf(podsByName.get(pod)) : context,
        hintsShown.get(pod),
      );
    })
    .sort((a, b) => (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''))
    .slice(0, options.maxEvents ?? 20);
  const status = deployment?.status;
  return {
    deployment: name,
    image:
      mainImage(deployment, container) ?? pods[0]?.spec?.containers?.[0]?.image,
    replicas: {
      desired: deployment ? deployment.spec?.replicas ?? 1 : pods.length,
      ready:
        status?.readyReplicas ??
        (deployment ? 0 : podSummaries.filter(p => p.ready).length),
      available: status?.availableReplicas ?? 0,
      updated: status?.updatedReplicas ?? 0,
    },
    ...(deployment
      ? rolloutOf(deployment, pods)
      : { rollout: 'missing' as const }),
    pods: podSummaries,
    warnings,
  };
}
