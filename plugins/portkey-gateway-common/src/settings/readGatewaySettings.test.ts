import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import YAML from 'yaml';
import { renderGateway } from '../render/renderGateway';
import { DeployedGateway, readGatewaySettings } from './readGatewaySettings';
import { GatewayInput } from '../model/gatewayInput';
import { settingsFromInput } from './settingsFromInput';

const EXISTING_ACCOUNT_ROLE = 'arn:aws:iam::123456789012:role/existing-account';
const examplesDir = resolve(
  __dirname,
  '../../../../templates/portkey-gateway/examples',
);

/** What the chart gives the gateway pod for these values (see REFERENCE.md §3-5). */
function deployedFrom(answers: unknown): {
  input: GatewayInput;
  deployed: DeployedGateway;
} {
  const result = renderGateway(answers);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const env: DeployedGateway['env'] = {};
  if (result.input.dataService.enabled)
    env.DATASERVICE_BASEPATH = {
      from: 'literal',
      value: 'http://x-dataservice:8081',
    };
  for (const [name, source] of result.plan.env) {
    env[name] =
      source.from === 'literal'
        ? { from: 'literal', value: source.value }
        : {
            from: 'secret',
            secretName: source.secretName,
            key: source.key,
            keyPresent: name !== 'PORTKEY_CLIENT_AUTH',
          };
  }
  const values = result.values as any;
  return {
    input: result.input,
    deployed: {
      env,
      // An existing service account is the user's own; here it is one annotated for IRSA.
      serviceAccount: {
        name: values.serviceAccount.name,
        annotations:
          result.input.serviceAccount.mode === 'existing'
            ? { 'eks.amazonaws.com/role-arn': EXISTING_ACCOUNT_ROLE }
            : values.serviceAccount.annotations,
      },
      volumes: values.volumes,
      volumeMounts: values.volumeMounts,
    },
  };
}

describe('readGatewaySettings', () => {
  const examples = readdirSync(examplesDir).filter(f => f.endsWith('.yaml'));

  it.each(examples)('reads %s back as the choices the form wrote', file => {
    const { repoUrl: _, ...answers } = YAML.parse(
      readFileSync(join(examplesDir, file), 'utf8'),
    );
    const { input, deployed } = deployedFrom(answers);
    const settings = readGatewaySettings(deployed);

    const expected = settingsFromInput(input, {
      existingServiceAccountRoleArn: EXISTING_ACCOUNT_ROLE,
    });
    expect(settings).toMatchObject(expected);
    // Exactly, where the input decides the whole section.
    expect(settings.analytics).toEqual(expected.analytics);
    expect(settings.dataService).toEqual(expected.dataService);
    expect(settings.logStore.pem).toEqual(expected.logStore.pem);
    expect(settings.cache.url).toBe(expected.cache.url);

    // Every secret key is a reference, with whether it exists; never a value.
    expect(settings.secretReferences.map(r => r.env)).toEqual(
      Object.entries(deployed.env)
        .filter(([, s]) => s.from === 'secret')
        .map(([name]) => name),
    );
    expect(
      settings.secretReferences.find(r => r.env === 'PORTKEY_CLIENT_AUTH'),
    ).toMatchObject({ keyPresent: false });
  });

  it('never returns a credential, even when the caller resolved one or a literal holds one', () => {
    const settings = readGatewaySettings({
      env: {
        LOG_STORE: {
          from: 'secret',
          secretName: 'gw',
          key: 'LOG_STORE',
          value: 's3',
        },
        LOG_STORE_SECRET_KEY: {
          from: 'secret',
          secretName: 'gw',
          key: 'LOG_STORE_SECRET_KEY',
          value: 'wJalrXUtnFEMI/K7MDENG',
        },
        LOG_STORE_ACCESS_KEY: {
          from: 'literal',
          value: 'AKIAABCDEFGHIJKLMNOP',
        },
        CACHE_STORE: { from: 'literal', value: 'custom' },
        REDIS_URL: { from: 'literal', value: 'redis://:hunter2@cache:6379' },
        ANALYTICS_STORE: { from: 'literal', value: 'clickhouse' },
        ANALYTICS_STORE_ENDPOINT: {
          from: 'literal',
          value: 'https://portkey:s3cret@clickhouse:8443',
        },
        SERVER_MODE: { from: 'literal', value: 'gateway' },
      },
    });
    const text = JSON.stringify(settings);
    for (const secret of [
      'wJalrXUtnFEMI',
      'AKIAABCDEFGHIJKLMNOP',
      'hunter2',
      's3cret',
    ])
      expect(text).not.toContain(secret);
    expect(settings.logStore.store).toBe('s3'); // non-credential value resolved from a chart-created Secret
    expect(settings.withheld.sort()).toEqual([
      'ANALYTICS_STORE_ENDPOINT',
      'REDIS_URL',
    ]);
    expect(settings.secretReferences).toEqual([
      {
        env: 'LOG_STORE_SECRET_KEY',
        secretName: 'gw',
        key: 'LOG_STORE_SECRET_KEY',
      },
    ]);
    expect(settings.server).toEqual({
      mode: 'invalid',
      invalidValue: 'gateway',
    });
  });
});
