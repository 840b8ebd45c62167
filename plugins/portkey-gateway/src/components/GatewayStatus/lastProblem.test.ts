import {
  degradedGateway,
  healthyGateway,
} from '../../__testUtils__/gatewayStatus';
import { formatAge } from './formatAge';
import { lastProblem } from './lastProblem';

describe('lastProblem', () => {
  it('finds none on a healthy gateway', () => {
    expect(lastProblem(healthyGateway)).toBeUndefined();
  });

  it('takes the most recent warning with its hint when the rollout is not degraded', () => {
    const problem = lastProblem({ ...degradedGateway, rollout: 'progressing' });
    expect(problem?.summary).toMatch(/^Pod\/.*: BackOff: Back-off restarting/);
    expect(problem?.hint).toBeUndefined();
  });

  it('falls back to a container reason with its hint', () => {
    const problem = lastProblem({
      ...degradedGateway,
      rollout: 'progressing',
      warnings: [],
    });
    expect(problem?.summary).toContain('container gateway: CrashLoopBackOff');
    expect(problem?.hint?.reason).toBe('OOMKilled');
  });
});

describe('formatAge', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  it.each([
    ['2026-12-01T11:59:15Z', '45s'],
    ['2026-12-01T11:30:00Z', '30m'],
    ['2026-12-01T07:00:00Z', '5h'],
    ['2026-11-28T12:00:00Z', '3d'],
    [undefined, ''],
  ])('%s is %s old', (since, age) => {
    expect(formatAge(since, now)).toBe(age);
  });
});
