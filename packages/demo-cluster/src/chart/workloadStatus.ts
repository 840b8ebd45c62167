import type {
  V1ContainerStatus,
  V1Deployment,
  V1Pod,
} from '@kubernetes/client-node';

/**
 * How a pod runs, as the kubelet would report it: ready, or one container crash-looping
 * (waiting with a reason and message, restarted, its last run ended with an exit code).
 */
export type PodRun =
  | 'ready'
  | {
      crashLoop: {
        /** Default: the pod's first container. */
        container?: string;
        /** Default CrashLoopBackOff. */
        reason?: string;
        /** Default `back-off 2m40s restarting failed container=<name>`. */
        message?: string;
        /** Default 5. */
        restarts?: number;
        /** Of the last run; default 1. */
        exitCode?: number;
      };
    };

/** The pod status a kubelet would write for containers `{name, image}` running as `run`. */
export function podStatus(
  containers: ReadonlyArray<{ name: string; image?: string }>,
  run: PodRun,
  now = new Date(),
): V1Pod['status'] {
  const crash = run === 'ready' ? undefined : run.crashLoop;
  const crashing = crash ? crash.container ?? containers[0]?.name : undefined;
  const containerStatuses: V1ContainerStatus[] = containers.map(c =>
    c.name === crashing
      ? {
          name: c.name,
          image: c.image ?? '',
          imageID: '',
          ready: false,
          restartCount: crash!.restarts ?? 5,
          state: {
            waiting: {
              reason: crash!.reason ?? 'CrashLoopBackOff',
              message:
                crash!.message ??
                `back-off 2m40s restarting failed container=${c.name}`,
            },
          },
          lastState: {
            terminated: {
              reason: 'Error',
              exitCode: crash!.exitCode ?? 1,
              startedAt: now,
              finishedAt: now,
            },
          },
        }
      : {
          name: c.name,
          image: c.image ?? '',
          imageID: '',
          ready: true,
          restartCount: 0,
          state: { running: { startedAt: now } },
        },
  );
  const ready = !crashing;
  return {
    phase: 'Running',
    conditions: [
      {
        type: 'Ready',
        status: ready ? 'True' : 'False',
        lastTransitionTime: now,
      },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
    ],
    containerStatuses,
  };
}

/**
 * What the deployment controller would write for a Deployment whose ReplicaSet
 * `replicaSet` has `replicas` pods of which `ready` are ready: available only when all are
 * (with maxUnavailable 25 % of a few replicas rounding down to 0).
 */
export function deploymentStatus(
  options: { replicaSet: string; replicas: number; ready: number },
  now = new Date(),
): V1Deployment['status'] {
  const { replicaSet, replicas, ready } = options;
  const available = ready === replicas;
  return {
    observedGeneration: 1,
    replicas,
    updatedReplicas: replicas,
    readyReplicas: ready,
    availableReplicas: ready,
    unavailableReplicas: replicas - ready,
    conditions: [
      {
        type: 'Available',
        status: available ? 'True' : 'False',
        reason: available
          ? 'MinimumReplicasAvailable'
          : 'MinimumReplicasUnavailable',
        message: available
          ? 'Deployment has minimum availability.'
          : 'Deployment does not have minimum availability.',
        lastUpdateTime: now,
        lastTransitionTime: now,
      },
      {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${replicaSet}" has successfully progressed.`,
        lastUpdateTime: now,
        lastTransitionTime: now,
      },
    ],
  };
}
