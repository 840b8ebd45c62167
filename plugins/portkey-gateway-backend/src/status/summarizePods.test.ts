import { V1Pod } from '@kubernetes/client-node';
import { summarizePod, summarizeWorkload } from './summarizePods';
import { unscheduledPod } from './__testUtils__/pods';

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
