import type { V1Deployment, V1Pod } from '@kubernetes/client-node';
import type { GatewayRolloutState } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

/**
 * Waiting reasons a container does not get out of by waiting: the image, the configuration
 * or the program must change. (ContainerCreating, PodInitializing and an unscheduled pod do
 * heal by themselves.)
 */
const STUCK_REASONS = new Set([
  'CrashLoopBackOff',
  'ImagePullBackOff',
  'ErrImagePull',
  'ErrImageNeverPull',
  'InvalidImageName',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
]);

/** The container of a pod stuck in a STUCK_REASONS state, init containers first. */
function stuckContainerOf(
  pod: V1Pod,
): { container: string; reason: string } | undefined {
  const statuses = [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
  for (const status of statuses) {
    const reason = status.state?.waiting?.reason;
    if (reason && STUCK_REASONS.has(reason))
      return { container: status.name, reason };
  }
  return undefined;
}

/**
 * The ReplicaSet a Deployment condition's message names: the deployment controller writes
 * `Created new replica set "x"`, `Found new replica set "x"`, `ReplicaSet "x" is progressing.`,
 * `ReplicaSet "x" has successfully progressed.`, `ReplicaSet "x" has timed out progressing.`
 */
function replicaSetNamedIn(message: string | undefined): string | undefined {
  return /replica ?set "([^"]+)"/i.exec(message ?? '')?.[1];
}

/** The ReplicaSet that made a pod: its controller owner, else from its pod-template-hash. */
function replicaSetOf(pod: V1Pod, deployment: string): string | undefined {
  const owner = pod.metadata?.ownerReferences?.find(
    o => o.kind === 'ReplicaSet' && o.controller !== false,
  );
  if (owner) return owner.name;
  const hash = pod.metadata?.labels?.['pod-template-hash'];
  return hash ? `${deployment}-${hash}` : undefined;
}

/** Milliseconds; client-node gives Date objects, the watch's JSON strings. */
function createdAt(pod: V1Pod): number {
  return new Date(pod.metadata?.creationTimestamp ?? 0).getTime() || 0;
}

/**
 * The pods of the rollout's new ReplicaSet (the one the Progressing condition names, else
 * the one of the newest pod): old pods failing while a fix rolls out are not the rollout's
 * problem.
 */
function newPodsOf(
  deployment: V1Deployment,
  pods: V1Pod[],
  progressingMessage: string | undefined,
): V1Pod[] {
  const name = deployment.metadata?.name ?? '';
  const newest = [...pods].sort((a, b) => createdAt(b) - createdAt(a))[0];
  const replicaSet =
    replicaSetNamedIn(progressingMessage) ??
    (newest ? replicaSetOf(newest, name) : undefined);
  return replicaSet
    ? pods.filter(p => replicaSetOf(p, name) === replicaSet)
    : pods;
}

/** Names the first stuck new pod (and how many more there are), if any is stuck. */
function stuckRolloutMessage(newPods: V1Pod[]): string | undefined {
  const stuck = newPods
    .map(pod => ({ pod: pod.metadata?.name ?? '', ...stuckContainerOf(pod) }))
    .filter(s => s.reason)
    .sort((a, b) => a.pod.localeCompare(b.pod));
  if (stuck.length === 0) return undefined;
  const [first] = stuck;
  const more =
    stuck.length > 1
      ? ` (${stuck.length - 1} more new pod${
          stuck.length > 2 ? 's' : ''
        } stuck too)`
      : '';
  return `Pod ${first.pod} of the new version is stuck: container "${first.container}" is ${first.reason}${more}.`;
}

/**
 * Rollout state from the Deployment's conditions and replica counts (as `kubectl rollout
 * status` reads them) and the state of its new pods; see GatewayRolloutState.
 */
export function rolloutOf(
  deployment: V1Deployment,
  pods: V1Pod[] = [],
): {
  rollout: GatewayRolloutState;
  rolloutMessage?: string;
} {
  const desired = deployment.spec?.replicas ?? 1;
  const status = deployment.status ?? {};
  const conditions = status.conditions ?? [];
  const progressing = conditions.find(c => c.type === 'Progressing');
  const available = conditions.find(c => c.type === 'Available');
  const failure = conditions.find(
    c => c.type === 'ReplicaFailure' && c.status === 'True',
  );
  if (progressing?.reason === 'ProgressDeadlineExceeded')
    return { rollout: 'degraded', rolloutMessage: progressing.message };
  if (failure) return { rollout: 'degraded', rolloutMessage: failure.message };
  const updated = status.updatedReplicas ?? 0;
  const total = status.replicas ?? 0;
  const availableReplicas = status.availableReplicas ?? 0;
  const observed =
    (status.observedGeneration ?? 0) >= (deployment.metadata?.generation ?? 0);
  if (
    observed &&
    updated >= desired &&
    total <= updated &&
    availableReplicas >= updated
  )
    return { rollout: 'complete' };
  const stuck = stuckRolloutMessage(
    newPodsOf(deployment, pods, progressing?.message),
  );
  if (stuck) return { rollout: 'degraded', rolloutMessage: stuck };
  // The rollout had finished and pods were lost since: no rollout is under way to heal it.
  // During a rollout (a fresh Deployment included) Available=False is normal.
  if (
    available?.status === 'False' &&
    progressing?.reason === 'NewReplicaSetAvailable'
  )
    return { rollout: 'degraded', rolloutMessage: available.message };
  return { rollout: 'progressing', rolloutMessage: progressing?.message };
}
