import { answersWith, validInput } from '../__testUtils__/inputs';
import {
  DEFAULT_SECRET_NAME,
  ExpectedEnv,
  README_OPTIONS,
  SECRET,
} from '../__testUtils__/readmeOptions';
import { SecretEnvKey } from '../chart/secretKeys';
import {
  describeSecretKeys,
  EnvSource,
  planGatewayEnv,
} from './planGatewayEnv';

/** The plan as a plain object, key → source. */
function planOf(answers: unknown) {
  const plan = planGatewayEnv(validInput(answers));
  return { secretName: plan.secretName, env: Object.fromEntries(plan.env) };
}

/** The sources an expected env means, for a given Secret name. */
function sourcesOf(
  env: ExpectedEnv,
  secretName: string,
): Record<string, EnvSource> {
  return Object.fromEntries(
    Object.entries(env).map(([key, value]): [string, EnvSource] => [
      key,
      value === SECRET
        ? { from: 'secret', secretName, key: key as SecretEnvKey }
        : { from: 'literal', value },
    ]),
  );
}

describe('planGatewayEnv: the env keys of each README option', () => {
  it.each(README_OPTIONS.map(o => [o.name, o] as const))(
    '%s',
    (_name, option) => {
      const plan = planOf(option.answers);
      expect(plan.secretName).toBe(DEFAULT_SECRET_NAME);
      // Exactly these keys, each from exactly this source: no more, no fewer.
      expect(plan.env).toEqual(sourcesOf(option.env, DEFAULT_SECRET_NAME));
    },
  );
});

describe('planGatewayEnv: details', () => {
  it('reads every secret key from the Secret named in secrets.secretName', () => {
    const plan = planOf(
      answersWith({
        secrets: { secretName: 'portkey-credentials' },
        analytics: {
          store: 'clickhouse',
          endpoint: 'https://ch:8443',
          user: 'u',
          logTable: 'l',
          feedbackTable: 'f',
          generationHooksTable: 'g',
        },
      }),
    );
    expect(plan.secretName).toBe('portkey-credentials');
    const secretNames = Object.values(plan.env).flatMap(s =>
      s.from === 'secret' ? [s.secretName] : [],
    );
    // PORTKEY_CLIENT_AUTH, LOG_STORE_ACCESS_KEY, LOG_STORE_SECRET_KEY, ANALYTICS_STORE_PASSWORD
    expect(secretNames).toEqual(Array(4).fill('portkey-credentials'));
  });

  it('names the default Secret after the gateway fullname', () => {
    expect(
      planOf(
        answersWith({
          gateway: { releaseName: 'portkey-gateway', namespace: 'ai' },
        }),
      ).secretName,
    ).toBe('portkey-gateway-secrets');
  });

  it('writes REQUEST_TIMEOUT as a string of the milliseconds', () => {
    const plan = planOf(
      answersWith({
        core: { organisationsToSync: 'org-1', requestTimeoutMs: 1_000_000 },
      }),
    );
    expect(plan.env.REQUEST_TIMEOUT).toEqual({
      from: 'literal',
      value: '1000000',
    });
  });

  it('joins several organisation IDs with commas, without spaces', () => {
    const plan = planOf(
      answersWith({ core: { organisationsToSync: 'org-1 , org-2,org-3' } }),
    );
    expect(plan.env.ORGANISATIONS_TO_SYNC).toEqual({
      from: 'literal',
      value: 'org-1,org-2,org-3',
    });
  });

  it('uses a custom MCP port', () => {
    const plan = planOf(
      answersWith({ server: { mode: 'all', mcpPort: 9000 } }),
    );
    expect(plan.env.MCP_PORT).toEqual({ from: 'literal', value: '9000' });
  });

  it('ignores imdsV1 unless the log store uses IMDS', () => {
    const plan = planOf(
      answersWith({
        logStore: {
          store: 's3_assume',
          region: 'us-east-1',
          bucket: 'b-1',
          auth: 'irsa',
          imdsV1: true,
        },
        serviceAccount: { mode: 'existing', name: 'portkey' },
      }),
    );
    expect(plan.env).not.toHaveProperty('AWS_IMDS_V1');
  });

  it('describes each secret key the plan needs, for the reviewer', () => {
    const plan = planGatewayEnv(
      validInput(
        answersWith({
          bedrock: { access: 'access_keys', region: 'us-east-1' },
        }),
      ),
    );
    const described = describeSecretKeys(plan);
    expect(described.map(d => d.key)).toEqual([
      'PORTKEY_CLIENT_AUTH',
      'LOG_STORE_ACCESS_KEY',
      'LOG_STORE_SECRET_KEY',
      'AWS_ASSUME_ROLE_ACCESS_KEY_ID',
      'AWS_ASSUME_ROLE_SECRET_ACCESS_KEY',
    ]);
    for (const { description } of described)
      expect(description).toMatch(/\w{3,}/);
  });
});
