import YAML, { isMap, isScalar, Scalar } from 'yaml';
import {
  answersWith,
  literalCredentials,
  parsedValues,
  rendered,
} from '../__testUtils__/inputs';
import { README_OPTIONS } from '../__testUtils__/readmeOptions';

// The chart's traps (REFERENCE.md and the shared README), checked on every README option.

const ALL = README_OPTIONS.map(o => [o.name, o.answers] as const);

const s3AssumeWithKeys = (externalId: string) =>
  answersWith({
    logStore: {
      store: 's3_assume',
      region: 'us-east-1',
      bucket: 'portkey-logs',
      auth: 'access_keys',
      roleArn: 'arn:aws:iam::123456789012:role/portkey-logs',
      externalId,
    },
  });

describe('trap: chart 1.7.7 fails to render without a service account name', () => {
  it.each(ALL)('%s: names a service account', (_name, answers) => {
    const gateway = rendered(answers);
    const { serviceAccount, dataservice } = parsedValues(gateway);
    expect(serviceAccount.name).toMatch(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/);
    expect(typeof serviceAccount.create).toBe('boolean');
    // The gateway's account is created by the chart (or exists): the data service reuses it.
    expect(dataservice?.serviceAccount ?? 'no data service').toEqual(
      gateway.input.dataService.enabled
        ? { create: false, name: serviceAccount.name }
        : 'no data service',
    );
  });

  it('names an existing service account for the data service too', () => {
    const values = parsedValues(
      rendered(
        answersWith({
          serviceAccount: { mode: 'existing', name: 'shared-sa' },
          dataService: {
            enabled: true,
            finetunesBucket: 'ft-bucket',
            logExportsBucket: 'ex-bucket',
          },
        }),
      ),
    );
    expect(values.serviceAccount).toEqual({ create: false, name: 'shared-sa' });
    expect(values.dataservice.serviceAccount).toEqual({
      create: false,
      name: 'shared-sa',
    });
  });
});

describe('trap: toString turns numbers of 1,000,000 or more into 1e+06', () => {
  it('quotes REQUEST_TIMEOUT 1000000 and a numeric external ID in the YAML text', () => {
    const answers = {
      ...s3AssumeWithKeys('1234567890'),
      core: { organisationsToSync: 'org-1', requestTimeoutMs: 1_000_000 },
    };
    const text = rendered(answers).files['values.yaml'];
    expect(text).toMatch(/^ {4}REQUEST_TIMEOUT: "1000000"$/m);
    expect(text).toMatch(/^ {4}LOG_STORE_AWS_EXTERNAL_ID: "1234567890"$/m);
    expect(text).not.toMatch(/e\+0\d/);
    const data = YAML.parse(text).environment.data;
    expect(data.REQUEST_TIMEOUT).toBe('1000000');
    expect(data.LOG_STORE_AWS_EXTERNAL_ID).toBe('1234567890');
  });

  it.each(ALL)(
    '%s: every env value is a quoted string or null in the YAML text',
    (_name, answers) => {
      const doc = YAML.parseDocument(rendered(answers).files['values.yaml']);
      const data = doc.getIn(['environment', 'data'], true);
      if (!isMap(data)) throw new Error('environment.data is not a map');
      for (const pair of data.items) {
        const node = pair.value;
        if (!isScalar(node))
          throw new Error(`${String(pair.key)} is not a scalar`);
        if (node.value === null) continue;
        expect({
          key: String(pair.key),
          type: typeof node.value,
          quoted: node.type !== Scalar.PLAIN,
        }).toEqual({
          key: String(pair.key),
          type: 'string',
          quoted: true,
        });
      }
    },
  );

  // Helm reads values.yaml as YAML 1.1 (go-yaml v2): yes/no/on/off/y/n are booleans there,
  // 1_000 and 0b11 are integers, 1:20 is base 60, 2001-12-14 a timestamp.
  it.each([
    'on',
    'off',
    'yes',
    'no',
    'y',
    'N',
    'true',
    '1_000',
    '0b11',
    '0x1F',
    '012',
    '1:20',
    '2001-12-14',
    '1e3',
    '.inf',
    '~',
    'null',
  ])(
    'an external ID %j is still that string when read as YAML 1.1',
    externalId => {
      const text = rendered(s3AssumeWithKeys(externalId)).files['values.yaml'];
      expect(
        YAML.parse(text, { version: '1.1' }).environment.data
          .LOG_STORE_AWS_EXTERNAL_ID,
      ).toBe(externalId);
    },
  );

  it('keeps names that look like YAML 1.1 booleans as strings', () => {
    const answers = answersWith({
      core: { organisationsToSync: 'on' },
      serviceAccount: { mode: 'existing', name: 'yes' },
      secrets: { imagePullSecretName: 'no' },
    });
    const values11 = YAML.parse(rendered(answers).files['values.yaml'], {
      version: '1.1',
    });
    expect(values11.environment.data.ORGANISATIONS_TO_SYNC).toBe('on');
    expect(values11.serviceAccount.name).toBe('yes');
    expect(values11.imagePullSecrets).toEqual([{ name: 'no' }]);
  });

  it.each(ALL)(
    '%s: the YAML reads the same as YAML 1.1 and 1.2',
    (_name, answers) => {
      const gateway = rendered(answers);
      expect(
        YAML.parse(gateway.files['values.yaml'], { version: '1.1' }),
      ).toEqual(gateway.values);
      expect(YAML.parse(gateway.files['values.yaml'])).toEqual(gateway.values);
    },
  );
});

describe('trap: a missing SERVER_MODE becomes "<nil>" and renders a Service without ports', () => {
  it.each(ALL)('%s: SERVER_MODE is "", "all" or "mcp"', (_name, answers) => {
    const data = parsedValues(rendered(answers)).environment.data;
    expect(data).toHaveProperty('SERVER_MODE');
    expect(['', 'all', 'mcp']).toContain(data.SERVER_MODE);
  });

  it('never writes SERVER_MODE "gateway" (which disables both servers)', () => {
    expect(
      parsedValues(rendered(answersWith({ server: { mode: 'gateway' } })))
        .environment.data.SERVER_MODE,
    ).toBe('');
  });
});

describe('trap: CACHE_STORE "redis" renders an in-cluster Redis named "redis"', () => {
  it.each(ALL)(
    '%s: the in-cluster Redis only when chosen',
    (_name, answers) => {
      const gateway = rendered(answers);
      const data = parsedValues(gateway).environment.data;
      const { cache } = gateway.input;
      expect({
        CACHE_STORE: data.CACHE_STORE,
        inClusterUrl: data.REDIS_URL === 'redis://redis:6379',
      }).toEqual({
        CACHE_STORE: cache.store,
        inClusterUrl: cache.store === 'redis',
      });
      expect(data.REDIS_TLS_ENABLED).toBe(
        cache.store === 'redis' ? 'false' : String(cache.tls),
      );
    },
  );
});

describe('trap: the default imageCredentials entry creates a registry Secret from a placeholder password', () => {
  it.each(ALL)(
    '%s: no image credentials, an existing pull secret',
    (_name, answers) => {
      const values = parsedValues(rendered(answers));
      expect(values.imageCredentials).toEqual([]);
      expect(values.imagePullSecrets).toEqual([
        { name: 'portkeyenterpriseregistrycredentials' },
      ]);
    },
  );
});

describe('no credential in values.yaml', () => {
  it.each(ALL)(
    '%s: secret keys are empty and listed, no value looks like a credential',
    (_name, answers) => {
      const { environment } = parsedValues(rendered(answers));
      const data = environment.data as Record<string, string | null>;
      expect(
        environment.secretKeys.filter((key: string) => data[key] !== ''),
      ).toEqual([]);
      expect(literalCredentials(data, environment.secretKeys)).toEqual([]);
    },
  );
});
