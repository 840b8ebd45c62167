import { V1Pod } from '@kubernetes/client-node';

/** A pod of ReplicaSet `gw-<replicaSet>`, its gateway container waiting for `reason`. */
export function rsPod(
  name: string,
  replicaSet: string,
  waiting?: string,
  createdAt = '2026-01-01T00:00:00Z',
): V1Pod {
  return {
    metadata: {
      name,
      creationTimestamp: new Date(createdAt),
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: `gw-${replicaSet}`,
          uid: replicaSet,
          controller: true,
        },
      ],
    },
    spec: { containers: [{ name: 'gateway' }] },
    status: {
      phase: 'Pending',
      containerStatuses: [
        {
          name: 'gateway',
          image: 'i',
          imageID: '',
          ready: false,
          restartCount: 0,
          state: { waiting: { reason: waiting ?? 'ContainerCreating' } },
        },
      ],
    },
  };
}

/** A pod not yet scheduled (no container statuses yet). */
export function unscheduledPod(name: string, replicaSet: string): V1Pod {
  return {
    ...rsPod(name, replicaSet),
    status: {
      phase: 'Pending',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message: '0/3 nodes are available: 3 Insufficient cpu.',
        },
      ],
    },
  };
}
