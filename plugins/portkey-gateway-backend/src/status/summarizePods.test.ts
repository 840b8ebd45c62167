import { V1Deployment, V1Pod } from '@kubernetes/client-node';
import { rolloutOf, summarizePod, summarizeWorkload } from './summarizePods';

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

/** A pod of ReplicaSet `gw-<replicaSet>`, its gateway container waiting for `reason`. */
function rsPod(
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
function unscheduledPod(name: string, replicaSet: string): V1Pod {
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

describe('summarizePod', () => {
  it('reports a failing init container, an eviction and an unscheduled pod', () => {
    const pod: V1Pod = {
      metadata: {
        name: 'p',
        creationTimestamp: new Date('2026-01-01T00:00:00Z'),
      },
      spec: { containers: [{ name: 'gateway' }] },
      status: {
        phase: 'Failed',
        reason: 'Evicted',
        message: 'The node was low on resource: memory.',
        initContainerStatuses: [
          {
            name: 'done',
            image: 'i',
            imageID: '',
            ready: true,
            restartCount: 0,
            state: { terminated: { exitCode: 0, reason: 'Completed' } },
          },
          {
            name: 'wait-for-db',
            image: 'i',
            imageID: '',
            ready: false,
            restartCount: 2,
            state: { terminated: { exitCode: 1, reason: 'Error' } },
          },
        ],
        conditions: [
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message: '0/1 nodes are available',
          },
        ],
      },
    };
    const summary = summarizePod(pod);
    expect(summary).toMatchObject({
      name: 'p',
      phase: 'Failed',
      reason: 'Evicted',
      ready: false,
      restarts: 2,
      createdAt: '2026-01-01T00:00:00.000Z',
      containers: [
        { name: 'wait-for-db', state: 'terminated', reason: 'Error' },
      ],
    });
    // Each hint once, where it belongs: the pod's causes on the pod, the container's on it.
    expect(summary.hints.map(h => h.reason)).toEqual([
      'Evicted',
      'FailedScheduling',
    ]);
    expect(summary.containers[0].hints.map(h => h.reason)).toEqual(['Error']);
  });

  it("shows a crashing container's hints on the container only", () => {
    const summary = summarizePod(crashingPod('p'));
    expect(summary.containers[0].hints.map(h => h.reason)).toEqual([
      'CrashLoopBackOff',
      'OOMKilled',
    ]);
    expect(summary.hints).toEqual([]);
  });
});

/** A running pod whose gateway container keeps being OOM-killed. */
function crashingPod(name: string): V1Pod {
  return {
    metadata: { name },
    spec: {
      imagePullSecrets: [{ name: 'regcred' }],
      containers: [{ name: 'gateway' }],
    },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'gateway',
          image: 'i',
          imageID: '',
          ready: false,
          restartCount: 5,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } },
        },
      ],
    },
  };
}

describe('summarizeWorkload', () => {
  it("drops an event's hint that the pod it is about already shows, keeps the event", () => {
    const event = (object: string, reason: string, message: string) => ({
      metadata: {},
      involvedObject: { kind: 'Pod', name: object },
      reason,
      message,
    });
    const workload = summarizeWorkload({
      name: 'gw',
      pods: [crashingPod('gw-crash'), unscheduledPod('gw-pending', 'new')],
      events: [
        event('gw-crash', 'BackOff', 'Back-off restarting failed container'),
        event(
          'gw-pending',
          'FailedScheduling',
          '0/3 nodes are available: 3 Insufficient cpu.',
        ),
        // A hint neither pod shows stays on its event.
        event('gw-crash', 'Unhealthy', 'Liveness probe failed: timeout'),
        // The same cause on a pod that does not show it: the event keeps its hint.
        event('gw-pending', 'BackOff', 'Back-off restarting failed container'),
      ],
    });
    const hints = Object.fromEntries(
      workload.warnings.map(w => [
        `${w.object} ${w.reason}`,
        w.hint?.reason ?? null,
      ]),
    );
    expect(hints).toEqual({
      'Pod/gw-crash BackOff': null,
      'Pod/gw-pending FailedScheduling': null,
      'Pod/gw-crash Unhealthy': 'Unhealthy',
      'Pod/gw-pending BackOff': 'CrashLoopBackOff',
    });
  });

  it('explains a pod event with the pull secrets of that pod', () => {
    const pulling = (name: string, secret: string): V1Pod => ({
      metadata: { name },
      spec: {
        imagePullSecrets: [{ name: secret }],
        containers: [{ name: 'gateway' }],
      },
      status: { phase: 'Pending' },
    });
    const workload = summarizeWorkload({
      name: 'gw',
      pods: [pulling('gw-a', 'first'), pulling('gw-b', 'second')],
      events: [
        {
          metadata: {},
          involvedObject: { kind: 'Pod', name: 'gw-b' },
          reason: 'Failed',
          message: 'Failed to pull image "i": unauthorized',
        },
      ],
    });
    expect(workload.warnings[0].hint?.message).toContain('"second"');
  });

  it('reports pods without a Deployment as rollout "missing"', () => {
    const pod: V1Pod = {
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'gateway', image: 'img:1' }] },
      status: {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
      },
    };
    expect(
      summarizeWorkload({ name: 'gw', pods: [pod], events: [] }),
    ).toMatchObject({
      deployment: 'gw',
      image: 'img:1',
      rollout: 'missing',
      replicas: { desired: 1, ready: 1, available: 0, updated: 0 },
    });
  });

  it('takes the pull secrets from the pod template when no pod exists, keeps the newest events', () => {
    const workload = summarizeWorkload({
      name: 'gw',
      deployment: {
        metadata: { name: 'gw', generation: 1 },
        spec: {
          replicas: 1,
          selector: {},
          template: {
            spec: {
              imagePullSecrets: [{ name: 'regcred' }],
              containers: [{ name: 'gateway', image: 'img:2' }],
            },
          },
        },
        status: { observedGeneration: 1 },
      },
      pods: [],
      events: [1, 2, 3].map(i => ({
        metadata: {},
        involvedObject: { kind: 'ReplicaSet', name: `gw-abc${i}` },
        reason: 'Failed',
        message: 'Failed to pull image "img:2"',
        lastTimestamp: new Date(Date.UTC(2026, 0, i)),
      })),
      maxEvents: 2,
    });
    expect(workload.rollout).toBe('progressing');
    expect(workload.warnings.map(w => w.object)).toEqual([
      'ReplicaSet/gw-abc3',
      'ReplicaSet/gw-abc2',
    ]);
    expect(workload.warnings[0].hint?.message).toContain('"regcred"');
  });
});
