import { V1Deployment, V1Pod } from '@kubernetes/client-node';
import { rolloutOf, summarizePod, summarizeWorkload } from './summarizePods';

function deployment(
  status: V1Deployment['status'],
  replicas = 2,
  generation = 1,
): V1Deployment {
  return {
    metadata: { name: 'd', generation },
    spec: {
      replicas,
      selector: {},
      template: {},
    },
    status: { observedGeneration: 1, ...status },
  };
}

describe('rolloutOf', () => {
  const full = {
    replicas: 2,
    updatedReplicas: 2,
    readyReplicas: 2,
    availableReplicas: 2,
  };

  it('is complete when every desired replica is updated and available', () => {
    expect(rolloutOf(deployment(full))).toEqual({ rollout: 'complete' });
    expect(rolloutOf(deployment({ observedGeneration: 1 }, 0)).rollout).toBe(
      'complete',
    );
  });

  it('is progressing during a rollout or before the controller saw the change', () => {
    expect(
      rolloutOf(
        deployment({
          ...full,
          replicas: 3,
          updatedReplicas: 1,
          conditions: [
            {
              type: 'Progressing',
              status: 'True',
              reason: 'ReplicaSetUpdated',
              message: 'ReplicaSet "d-2" is progressing.',
            },
          ],
        }),
      ),
    ).toEqual({
      rollout: 'progressing',
      rolloutMessage: 'ReplicaSet "d-2" is progressing.',
    });
    expect(rolloutOf(deployment(full, 2, 2)).rollout).toBe('progressing');
  });

  it('is degraded past the progress deadline, on a replica failure, or without minimum availability', () => {
    expect(
      rolloutOf(
        deployment({
          ...full,
          conditions: [
            {
              type: 'Progressing',
              status: 'False',
              reason: 'ProgressDeadlineExceeded',
              message: 'timed out',
            },
          ],
        }),
      ),
    ).toEqual({ rollout: 'degraded', rolloutMessage: 'timed out' });
    expect(
      rolloutOf(
        deployment({
          ...full,
          conditions: [
            {
              type: 'ReplicaFailure',
              status: 'True',
              reason: 'FailedCreate',
              message: 'exceeded quota',
            },
          ],
        }),
      ),
    ).toEqual({ rollout: 'degraded', rolloutMessage: 'exceeded quota' });
    expect(
      rolloutOf(
        deployment({
          ...full,
          availableReplicas: 0,
          conditions: [
            {
              type: 'Available',
              status: 'False',
              reason: 'MinimumReplicasUnavailable',
              message: 'Deployment does not have minimum availability.',
            },
          ],
        }),
      ).rollout,
    ).toBe('degraded');
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
    expect(summary.hints.map(h => h.reason)).toEqual([
      'Evicted',
      'Error',
      'FailedScheduling',
    ]);
  });
});

describe('summarizeWorkload', () => {
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
