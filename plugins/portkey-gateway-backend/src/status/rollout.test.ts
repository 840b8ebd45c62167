import { V1Deployment } from '@kubernetes/client-node';
import { rolloutOf } from './rollout';
import { rsPod, unscheduledPod } from './__testUtils__/pods';

function deployment(
  status: V1Deployment['status'],
  replicas = 2,
  generation = 1,
): V1Deployment {
  return {
    metadata: { name: 'gw', generation },
    spec: {
      replicas,
      selector: {},
      template: {},
    },
    status: { observedGeneration: 1, ...status },
  };
}

/**
 * The conditions Kubernetes 1.20's deployment controller writes (pkg/controller/deployment:
 * reasons and messages as there), for the ReplicaSet gw-new.
 */
const conditions = {
  available: {
    type: 'Available',
    status: 'True',
    reason: 'MinimumReplicasAvailable',
    message: 'Deployment has minimum availability.',
  },
  unavailable: {
    type: 'Available',
    status: 'False',
    reason: 'MinimumReplicasUnavailable',
    message: 'Deployment does not have minimum availability.',
  },
  created: {
    type: 'Progressing',
    status: 'True',
    reason: 'NewReplicaSetCreated',
    message: 'Created new replica set "gw-new"',
  },
  found: {
    type: 'Progressing',
    status: 'True',
    reason: 'FoundNewReplicaSet',
    message: 'Found new replica set "gw-new"',
  },
  updated: {
    type: 'Progressing',
    status: 'True',
    reason: 'ReplicaSetUpdated',
    message: 'ReplicaSet "gw-new" is progressing.',
  },
  done: {
    type: 'Progressing',
    status: 'True',
    reason: 'NewReplicaSetAvailable',
    message: 'ReplicaSet "gw-new" has successfully progressed.',
  },
  timedOut: {
    type: 'Progressing',
    status: 'False',
    reason: 'ProgressDeadlineExceeded',
    message: 'ReplicaSet "gw-new" has timed out progressing.',
  },
  replicaFailure: {
    type: 'ReplicaFailure',
    status: 'True',
    reason: 'FailedCreate',
    message: 'pods "gw-new-x" is forbidden: exceeded quota: compute',
  },
};

describe('rolloutOf', () => {
  const full = {
    replicas: 2,
    updatedReplicas: 2,
    readyReplicas: 2,
    availableReplicas: 2,
  };
  /** A fresh Deployment seconds after creation: no pod is available yet. */
  const fresh = {
    replicas: 2,
    updatedReplicas: 2,
    unavailableReplicas: 2,
  };

  it('is complete when every desired replica is updated and available', () => {
    expect(
      rolloutOf(
        deployment({
          ...full,
          conditions: [conditions.available, conditions.done],
        }),
      ),
    ).toEqual({ rollout: 'complete' });
    expect(rolloutOf(deployment({ observedGeneration: 1 }, 0)).rollout).toBe(
      'complete',
    );
  });

  it('is progressing for a fresh Deployment whose pods are being created or scheduled', () => {
    expect(
      rolloutOf(
        deployment({
          conditions: [conditions.unavailable, conditions.created],
        }),
      ),
    ).toEqual({
      rollout: 'progressing',
      rolloutMessage: 'Created new replica set "gw-new"',
    });
    expect(
      rolloutOf(
        deployment({
          ...fresh,
          conditions: [conditions.unavailable, conditions.updated],
        }),
        [rsPod('gw-new-a', 'new'), unscheduledPod('gw-new-b', 'new')],
      ),
    ).toEqual({
      rollout: 'progressing',
      rolloutMessage: 'ReplicaSet "gw-new" is progressing.',
    });
    // The controller restarted and found the ReplicaSet it had made.
    expect(
      rolloutOf(
        deployment({
          ...fresh,
          conditions: [conditions.unavailable, conditions.found],
        }),
        [rsPod('gw-new-a', 'new')],
      ).rollout,
    ).toBe('progressing');
  });

  it('is progressing while a new version rolls out, or before the controller saw the change', () => {
    expect(
      rolloutOf(
        deployment({
          ...full,
          replicas: 3,
          updatedReplicas: 1,
          conditions: [conditions.available, conditions.updated],
        }),
      ),
    ).toEqual({
      rollout: 'progressing',
      rolloutMessage: 'ReplicaSet "gw-new" is progressing.',
    });
    expect(rolloutOf(deployment(full, 2, 2)).rollout).toBe('progressing');
  });

  it('is degraded, naming the pod, when a new pod is stuck in a state waiting will not fix', () => {
    for (const reason of [
      'CrashLoopBackOff',
      'ImagePullBackOff',
      'ErrImagePull',
      'InvalidImageName',
      'CreateContainerConfigError',
      'CreateContainerError',
      'RunContainerError',
    ]) {
      expect(
        rolloutOf(
          deployment({
            ...fresh,
            conditions: [conditions.unavailable, conditions.updated],
          }),
          [rsPod('gw-new-a', 'new'), rsPod('gw-new-b', 'new', reason)],
        ),
      ).toEqual({
        rollout: 'degraded',
        rolloutMessage: `Pod gw-new-b of the new version is stuck: container "gateway" is ${reason}.`,
      });
    }
    // An init container counts too, and more stuck pods are counted.
    const init = rsPod('gw-new-a', 'new');
    init.status!.initContainerStatuses = [
      {
        name: 'wait-for-db',
        image: 'i',
        imageID: '',
        ready: false,
        restartCount: 4,
        state: { waiting: { reason: 'CrashLoopBackOff' } },
      },
    ];
    expect(
      rolloutOf(
        deployment({
          ...fresh,
          conditions: [conditions.unavailable, conditions.updated],
        }),
        [
          init,
          rsPod('gw-new-b', 'new', 'ImagePullBackOff'),
          rsPod('gw-new-c', 'new', 'ImagePullBackOff'),
        ],
      ).rolloutMessage,
    ).toBe(
      'Pod gw-new-a of the new version is stuck: container "wait-for-db" is CrashLoopBackOff (2 more new pods stuck too).',
    );
  });

  it("is progressing when only the old version's pods are stuck (a fix rolling out)", () => {
    expect(
      rolloutOf(
        deployment({
          replicas: 3,
          updatedReplicas: 1,
          conditions: [conditions.unavailable, conditions.updated],
        }),
        [
          rsPod('gw-old-a', 'old', 'CrashLoopBackOff'),
          rsPod('gw-old-b', 'old', 'CrashLoopBackOff'),
          rsPod('gw-new-a', 'new'),
        ],
      ).rollout,
    ).toBe('progressing');
    // Without a ReplicaSet in the message, the newest pod's ReplicaSet is the new one.
    const withoutName = [
      rsPod('gw-old-a', 'old', 'CrashLoopBackOff', '2026-01-01T00:00:00Z'),
      rsPod('gw-new-a', 'new', undefined, '2026-01-02T00:00:00Z'),
    ];
    const unnamed = deployment({
      replicas: 2,
      updatedReplicas: 1,
      conditions: [
        { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' },
      ],
    });
    expect(rolloutOf(unnamed, withoutName).rollout).toBe('progressing');
    expect(
      rolloutOf(unnamed, [
        ...withoutName,
        rsPod('gw-new-b', 'new', 'ErrImagePull'),
      ]).rolloutMessage,
    ).toMatch(/^Pod gw-new-b of the new version is stuck/);
  });

  it('is degraded past the progress deadline, on a replica failure, or when a finished rollout lost minimum availability', () => {
    expect(
      rolloutOf(
        deployment({
          ...fresh,
          conditions: [conditions.unavailable, conditions.timedOut],
        }),
      ),
    ).toEqual({
      rollout: 'degraded',
      rolloutMessage: 'ReplicaSet "gw-new" has timed out progressing.',
    });
    expect(
      rolloutOf(
        deployment({
          replicas: 1,
          updatedReplicas: 1,
          conditions: [
            conditions.unavailable,
            conditions.updated,
            conditions.replicaFailure,
          ],
        }),
      ),
    ).toEqual({
      rollout: 'degraded',
      rolloutMessage: 'pods "gw-new-x" is forbidden: exceeded quota: compute',
    });
    expect(
      rolloutOf(
        deployment({
          ...full,
          readyReplicas: 0,
          availableReplicas: 0,
          unavailableReplicas: 2,
          conditions: [conditions.unavailable, conditions.done],
        }),
        [rsPod('gw-new-a', 'new'), rsPod('gw-new-b', 'new')],
      ),
    ).toEqual({
      rollout: 'degraded',
      rolloutMessage: 'Deployment does not have minimum availability.',
    });
  });
});
