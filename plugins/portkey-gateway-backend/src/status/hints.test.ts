import { hintFor } from './hints';

describe('hintFor', () => {
  it('names the pull secret for image pull failures, or says none is set', () => {
    for (const reason of ['ImagePullBackOff', 'ErrImagePull']) {
      const hint = hintFor(reason, 'x', { imagePullSecrets: ['regcred'] });
      expect(hint?.reason).toBe(reason);
      expect(hint?.message).toContain('"regcred" (imagePullSecrets)');
    }
    expect(hintFor('ErrImagePull', 'x')?.message).toMatch(
      /names no imagePullSecrets/,
    );
    // The kubelet's events about pulls.
    expect(
      hintFor('Failed', 'Failed to pull image "a": 401 Unauthorized')?.reason,
    ).toBe('Failed');
    expect(hintFor('BackOff', 'Back-off pulling image "a"')).toBeDefined();
    expect(hintFor('Failed', 'Error: something else')).toBeUndefined();
  });

  it('names the Secret and key a CreateContainerConfigError misses', () => {
    expect(
      hintFor(
        'CreateContainerConfigError',
        "couldn't find key LOG_STORE in Secret ai/portkey-ai-gateway",
      )?.message,
    ).toMatch(/^The Secret "portkey-ai-gateway" lacks the key "LOG_STORE"/);
    expect(
      hintFor('CreateContainerConfigError', 'secret "gw" not found')?.message,
    ).toMatch(/^The Secret "gw" .* does not exist/);
    expect(
      hintFor(
        'CreateContainerConfigError',
        "couldn't find key A in ConfigMap ai/cm",
      )?.message,
    ).toMatch(/^The ConfigMap "cm" lacks the key "A"/);
    expect(hintFor('CreateContainerConfigError', 'other')?.message).toMatch(
      /Secret or ConfigMap/,
    );
  });

  it('explains OOMKilled, CrashLoopBackOff, scheduling, probes and evictions', () => {
    expect(hintFor('OOMKilled', '')?.message).toMatch(/memory limit/);
    expect(hintFor('CrashLoopBackOff', '')?.message).toMatch(
      /previous container's logs/,
    );
    expect(
      hintFor('BackOff', 'Back-off restarting failed container gateway')
        ?.reason,
    ).toBe('CrashLoopBackOff');
    expect(hintFor('FailedScheduling', '0/3 nodes')?.message).toMatch(
      /No node can run the pod/,
    );
    expect(
      hintFor('Unhealthy', 'Readiness probe failed: HTTP 503', {
        gatewayPort: 8080,
      })?.message,
    ).toMatch(/GET \/v1\/health on its gateway port \(8080\)/);
    expect(hintFor('Unhealthy', 'Readiness probe failed: x')?.message).toMatch(
      /\(8787\)/,
    );
    expect(hintFor('Unhealthy', 'Liveness probe failed: x')?.message).toMatch(
      /restarts the container/,
    );
    expect(hintFor('Unhealthy', 'Startup probe errored')).toBeUndefined();
    expect(hintFor('Evicted', 'low on memory')?.message).toMatch(/evicted/);
  });

  it('gives nothing for unknown or missing reasons', () => {
    expect(hintFor(undefined, 'x')).toBeUndefined();
    expect(hintFor('Completed', '')).toBeUndefined();
    expect(hintFor('toString', '')).toBeUndefined();
  });
});
