import { describeCompanion, lastProblem } from './describeGatewayHealth';
import { degradedGateway, healthyGateway } from './__fixtures__/gatewayStatus';

describe('lastProblem', () => {
  it('says why a rollout is not complete first', () => {
    expect(lastProblem(degradedGateway)).toBe(
      'Pod staging-gateway-7d9f-abcde: container gateway is in ImagePullBackOff',
    );
  });

  it('else takes the most recent warning event, else a waiting container', () => {
    expect(lastProblem(healthyGateway)).toBeUndefined();
    const warned = {
      ...healthyGateway,
      warnings: [
        {
          object: 'Pod/p1',
          reason: 'Unhealthy',
          message: 'Readiness probe failed',
          count: 3,
          lastSeen: '2026-12-01T09:00:00Z',
        },
        {
          object: 'Pod/p2',
          reason: 'BackOff',
          message: 'Back-off restarting',
          count: 1,
          lastSeen: '2026-12-01T09:30:00Z',
        },
      ],
    };
    expect(lastProblem(warned)).toBe('BackOff: Back-off restarting');
    const waiting = {
      ...healthyGateway,
      pods: [
        {
          name: 'p1',
          phase: 'Running',
          ready: false,
          restarts: 4,
          hints: [],
          containers: [
            {
              name: 'gateway',
              ready: false,
              restarts: 4,
              state: 'waiting' as const,
              reason: 'CrashLoopBackOff',
              hints: [],
            },
          ],
        },
      ],
    };
    expect(lastProblem(waiting)).toBe('p1: CrashLoopBackOff');
  });
});

describe('describeCompanion', () => {
  it('says whether the workload exists and how many pods are ready', () => {
    expect(describeCompanion(undefined)).toBe('none');
    expect(describeCompanion(healthyGateway.redis)).toBe(
      '1/1 ready (rollout complete)',
    );
  });
});
