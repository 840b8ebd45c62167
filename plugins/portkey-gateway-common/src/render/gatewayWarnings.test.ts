import { answersWith, rendered } from '../__testUtils__/inputs';

// Choices the model allows but a reviewer should weigh; they go into the pull request's body.

const bedrockPodRole = { access: 'pod_role' } as const;
const nodeRoleWarning = /the pods get only the node's role/;

describe('the Bedrock pod-role warning', () => {
  it('warns when the created service account has no IRSA role', () => {
    const gateway = rendered(
      answersWith({
        bedrock: bedrockPodRole,
        serviceAccount: { mode: 'create' },
      }),
    );
    expect(gateway.warnings.some(w => nodeRoleWarning.test(w))).toBe(true);
  });

  it('is quiet when the service account has an IRSA role', () => {
    const gateway = rendered(
      answersWith({
        bedrock: bedrockPodRole,
        serviceAccount: {
          mode: 'create',
          roleArn: 'arn:aws:iam::123456789012:role/portkey-gateway',
        },
      }),
    );
    expect(gateway.warnings.some(w => nodeRoleWarning.test(w))).toBe(false);
  });

  it('is quiet when the log store already uses the node role (IMDS)', () => {
    const gateway = rendered(
      answersWith({
        bedrock: bedrockPodRole,
        serviceAccount: { mode: 'create' },
        logStore: {
          store: 's3_assume',
          region: 'eu-west-1',
          bucket: 'portkey-logs',
          auth: 'imds',
        },
      }),
    );
    expect(gateway.warnings.some(w => nodeRoleWarning.test(w))).toBe(false);
  });

  it('leaves an existing service account to the existing-account warning', () => {
    const gateway = rendered(
      answersWith({
        bedrock: bedrockPodRole,
        serviceAccount: { mode: 'existing', name: 'portkey-sa' },
      }),
    );
    expect(gateway.warnings.some(w => nodeRoleWarning.test(w))).toBe(false);
    expect(
      gateway.warnings.some(w =>
        w.includes('runs as the existing service account "portkey-sa"'),
      ),
    ).toBe(true);
  });
});
