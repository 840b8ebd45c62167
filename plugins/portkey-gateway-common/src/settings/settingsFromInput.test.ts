import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import YAML from 'yaml';
import { validateGatewayInput } from '../model/validateGatewayInput';
import { settingsFromInput } from './settingsFromInput';

const examplesDir = resolve(
  __dirname,
  '../../../../templates/portkey-gateway/examples',
);

function inputOf(example: string, change: (answers: any) => void = () => {}) {
  const { repoUrl: _, ...answers } = YAML.parse(
    readFileSync(join(examplesDir, example), 'utf8'),
  );
  change(answers);
  const validation = validateGatewayInput(answers);
  if (!validation.ok) throw new Error(JSON.stringify(validation.errors));
  return validation.input;
}

describe('settingsFromInput', () => {
  it('says what the running gateway reports, the way it reports it', () => {
    const expected = settingsFromInput(
      inputOf('cache-redis.yaml', a => {
        a.core.organisationsToSync = 'org-1 , org-2';
      }),
    );
    // The chart's in-cluster Redis, and the list without the spaces the form allowed.
    expect(expected.cache).toMatchObject({
      store: 'redis',
      url: 'redis://redis:6379',
    });
    expect(expected.core.organisationsToSync).toBe('org-1,org-2');
    // Pod role and "no Bedrock" look alike in the env.
    expect(expected.bedrock).toEqual({ access: 'pod_role_or_none' });
  });

  it('takes the role of an existing service account from the caller, and leaves out what is unknown', () => {
    const input = inputOf('existing-service-account.yaml');
    expect(settingsFromInput(input).serviceAccount).toEqual({});
    expect(
      settingsFromInput(input, {
        existingServiceAccountRoleArn: 'arn:aws:iam::123456789012:role/x',
      }).serviceAccount,
    ).toEqual({ roleArn: 'arn:aws:iam::123456789012:role/x' });
  });

  it('keeps the IMDS v1 choice only for IMDS, and a PEM only when one is mounted', () => {
    const imds = settingsFromInput(inputOf('log-store-s3-assume-imds.yaml'));
    expect(imds.logStore).toMatchObject({ auth: 'imds' });
    expect(imds.logStore).toHaveProperty('imdsV1');
    const irsa = settingsFromInput(inputOf('log-store-s3-assume-irsa.yaml'));
    expect(irsa.logStore).not.toHaveProperty('imdsV1');
    expect(
      settingsFromInput(inputOf('log-store-mongo.yaml')).logStore,
    ).not.toHaveProperty('pem');
    expect(
      settingsFromInput(inputOf('log-store-mongo-pem.yaml')).logStore.pem,
    ).toMatchObject({ source: 'secret' });
  });
});
