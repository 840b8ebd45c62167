import { CHART_DEFAULT_ENV_KEYS } from '../chart/chartFacts';
import { answersWith, parsedValues, rendered } from '../__testUtils__/inputs';
import {
  DEFAULT_SECRET_NAME,
  ExpectedEnv,
  expectedSecretKeys,
  MINIMAL_ENV,
  README_OPTIONS,
  SECRET,
} from '../__testUtils__/readmeOptions';

/** What environment.data must hold: used keys, secret keys as "", every other default key null. */
function expectedData(env: ExpectedEnv): Record<string, string | null> {
  const data: Record<string, string | null> = Object.fromEntries(
    CHART_DEFAULT_ENV_KEYS.map(key => [key, null]),
  );
  for (const [key, value] of Object.entries(env))
    data[key] = value === SECRET ? '' : value;
  return data;
}

/** Env key families that belong to one option each. */
const FAMILIES: Record<string, RegExp> = {
  'object-store log store':
    /^LOG_STORE_(REGION|ACCESS_KEY|SECRET_KEY|GENERATIONS_BUCKET|BASEPATH|AWS_ROLE_ARN|AWS_EXTERNAL_ID)$/,
  azure: /^AZURE_/,
  mongo: /^MONGO_/,
  clickhouse:
    /^ANALYTICS_(STORE_ENDPOINT|STORE_USER|STORE_PASSWORD|LOG_TABLE|FEEDBACK_TABLE|GENERATION_HOOKS_TABLE)$/,
  otel: /^OTEL_/,
  imds: /^AWS_IMDS_V1$/,
  'redis cluster mode': /^REDIS_MODE$/,
  bedrock: /^AWS_ASSUME_ROLE_/,
  'data service': /^(FINETUNES_|LOG_EXPORTS_)/,
  mcp: /^MCP_/,
};

describe('renderChartValues: environment of each README option', () => {
  it.each(README_OPTIONS.map(o => [o.name, o] as const))(
    '%s',
    (_name, option) => {
      const values = parsedValues(rendered(option.answers));
      const { environment } = values;

      // Existing-Secret explicit mode: the chart creates no Secret and reads these keys from ours.
      expect(environment.create).toBe(false);
      expect(environment.existingSecret).toBe(DEFAULT_SECRET_NAME);
      expect([...environment.secretKeys].sort()).toEqual(
        expectedSecretKeys(option.env).sort(),
      );
      expect(environment.data).toEqual(expectedData(option.env));

      // No other option's keys reach the pod: a family is set only if the option uses it.
      const used = Object.keys(option.env);
      const setKeys = Object.keys(environment.data).filter(
        key => environment.data[key] !== null,
      );
      for (const [family, pattern] of Object.entries(FAMILIES)) {
        if (used.some(key => pattern.test(key))) continue;
        expect({
          family,
          keys: setKeys.filter(key => pattern.test(key)),
        }).toEqual({ family, keys: [] });
      }
    },
  );

  it('an s3 gateway sets no Azure, Mongo, ClickHouse, Bedrock or data service key', () => {
    const data = parsedValues(rendered(answersWith({}))).environment.data;
    const leaked = Object.keys(data).filter(
      key =>
        data[key] !== null &&
        /^(AZURE_|MONGO_|ANALYTICS_STORE_(ENDPOINT|USER|PASSWORD)|ANALYTICS_(LOG|FEEDBACK)_TABLE|AWS_ASSUME_ROLE_|FINETUNES_|LOG_EXPORTS_|LOG_STORE_(BASEPATH|AWS_))/.test(
          key,
        ),
    );
    expect(leaked).toEqual([]);
    // The chart's default ANALYTICS_STORE is clickhouse: it must be overridden.
    expect(data.ANALYTICS_STORE).toBe('control_plane');
  });
});

describe('renderChartValues: service account', () => {
  it('creates a service account named after the gateway by default', () => {
    expect(parsedValues(rendered(answersWith({}))).serviceAccount).toEqual({
      create: true,
      name: 'team-a-gateway',
    });
  });

  it('creates the IRSA service account with the role annotation', () => {
    const role = 'arn:aws:iam::123456789012:role/portkey-logs';
    const values = parsedValues(
      rendered(
        answersWith({
          logStore: {
            store: 's3_assume',
            region: 'us-east-1',
            bucket: 'portkey-logs',
            auth: 'irsa',
          },
          serviceAccount: {
            mode: 'create',
            name: 'portkey-irsa',
            roleArn: role,
          },
        }),
      ),
    );
    expect(values.serviceAccount).toEqual({
      create: true,
      name: 'portkey-irsa',
      annotations: { 'eks.amazonaws.com/role-arn': role },
    });
  });

  it('names an existing service account without creating it', () => {
    const values = parsedValues(
      rendered(
        answersWith({
          serviceAccount: { mode: 'existing', name: 'portkey-sa' },
        }),
      ),
    );
    expect(values.serviceAccount).toEqual({
      create: false,
      name: 'portkey-sa',
    });
  });
});

describe('renderChartValues: Mongo PEM', () => {
  const mongo = {
    store: 'mongo',
    database: 'portkey',
    collection: 'logs',
    hooksCollection: 'hooks',
  } as const;

  it('mounts the PEM from a ConfigMap at /etc/shared/document_db.pem', () => {
    const values = parsedValues(
      rendered(
        answersWith({
          logStore: {
            ...mongo,
            pem: { source: 'configMap', name: 'docdb-ca' },
          },
        }),
      ),
    );
    expect(values.volumes).toEqual([
      { name: 'mongo-pem', configMap: { name: 'docdb-ca' } },
    ]);
    expect(values.volumeMounts).toEqual([
      {
        name: 'mongo-pem',
        mountPath: '/etc/shared/document_db.pem',
        subPath: 'document_db.pem',
        readOnly: true,
      },
    ]);
  });

  it('mounts the PEM from a Secret, with subPath = the key', () => {
    const values = parsedValues(
      rendered(
        answersWith({
          logStore: {
            ...mongo,
            pem: { source: 'secret', name: 'docdb-pem', key: 'ca.pem' },
          },
        }),
      ),
    );
    expect(values.volumes).toEqual([
      { name: 'mongo-pem', secret: { secretName: 'docdb-pem' } },
    ]);
    expect(values.volumeMounts).toEqual([
      {
        name: 'mongo-pem',
        mountPath: '/etc/shared/document_db.pem',
        subPath: 'ca.pem',
        readOnly: true,
      },
    ]);
  });

  it('mounts nothing without a PEM', () => {
    const values = parsedValues(rendered(answersWith({ logStore: mongo })));
    expect(values).not.toHaveProperty('volumes');
    expect(values).not.toHaveProperty('volumeMounts');
  });
});

describe('renderChartValues: data service', () => {
  it('enables the data service on the gateway service account', () => {
    const values = parsedValues(
      rendered(
        answersWith({
          dataService: {
            enabled: true,
            finetunesBucket: 'ft-bucket',
            logExportsBucket: 'exports-bucket',
          },
          serviceAccount: { mode: 'existing', name: 'portkey-sa' },
        }),
      ),
    );
    expect(values.dataservice).toEqual({
      enabled: true,
      serviceAccount: { create: false, name: 'portkey-sa' },
    });
    expect(values.environment.data).toMatchObject({
      FINETUNES_BUCKET: 'ft-bucket',
      LOG_EXPORTS_BUCKET: 'exports-bucket',
      FINETUNES_AWS_ROLE_ARN: null,
    });
  });

  it('leaves the data service out when not enabled', () => {
    expect(parsedValues(rendered(answersWith({})))).not.toHaveProperty(
      'dataservice',
    );
  });
});

describe('renderChartValues: gateway settings', () => {
  it('renders the minimal answers with one replica, a ClusterIP Service and the pull secret', () => {
    const values = parsedValues(rendered(answersWith({})));
    expect(values.replicaCount).toBe(1);
    expect(values.service).toEqual({ type: 'ClusterIP' });
    expect(values.imagePullSecrets).toEqual([
      { name: 'portkeyenterpriseregistrycredentials' },
    ]);
    expect(values.imageCredentials).toEqual([]);
    expect(values.podLabels).toEqual({
      'backstage.io/kubernetes-id': 'team-a-gateway',
    });
    for (const key of ['ingress', 'autoscaling', 'mcpService', 'images'])
      expect(values).not.toHaveProperty(key);
    expect(
      Object.keys(values.environment.data)
        .filter(k => values.environment.data[k] !== null)
        .sort(),
    ).toEqual(Object.keys(MINIMAL_ENV).sort());
  });

  it('uses a named pull secret and an image tag', () => {
    const values = parsedValues(
      rendered(
        answersWith({
          gateway: {
            releaseName: 'team-a',
            namespace: 'ai',
            imageTag: '2.13.1',
          },
          secrets: { imagePullSecretName: 'regcred' },
        }),
      ),
    );
    expect(values.imagePullSecrets).toEqual([{ name: 'regcred' }]);
    expect(values.images).toEqual({ gatewayImage: { tag: '2.13.1' } });
  });

  it('renders an ingress with TLS', () => {
    const values = parsedValues(
      rendered(
        answersWith({
          gateway: {
            releaseName: 'team-a',
            namespace: 'ai',
            ingress: {
              enabled: true,
              host: 'gateway.example.com',
              tlsSecretName: 'gateway-tls',
            },
          },
        }),
      ),
    );
    expect(values.ingress).toEqual({
      enabled: true,
      hostname: 'gateway.example.com',
      ingressClassName: 'nginx',
      tls: [{ hosts: ['gateway.example.com'], secretName: 'gateway-tls' }],
    });
  });

  it('renders autoscaling instead of a replica count, dropping the default memory metric', () => {
    const values = parsedValues(
      rendered(
        answersWith({
          gateway: {
            releaseName: 'team-a',
            namespace: 'ai',
            autoscaling: { enabled: true, minReplicas: 3, maxReplicas: 6 },
          },
        }),
      ),
    );
    expect(values).not.toHaveProperty('replicaCount');
    expect(values.autoscaling).toEqual({
      enabled: true,
      minReplicas: 3,
      maxReplicas: 6,
      targetCPUUtilizationPercentage: 60,
      targetMemoryUtilizationPercentage: null,
    });
  });

  it('renders a separate MCP Service only when asked', () => {
    expect(
      parsedValues(
        rendered(
          answersWith({ server: { mode: 'mcp', separateMcpService: true } }),
        ),
      ).mcpService,
    ).toEqual({
      enabled: true,
    });
    expect(
      parsedValues(rendered(answersWith({ server: { mode: 'mcp' } }))),
    ).not.toHaveProperty('mcpService');
  });

  it('is pure: the same answers give the same files', () => {
    const answers = README_OPTIONS[1].answers;
    expect(rendered(answers).files).toEqual(
      rendered(structuredClone(answers)).files,
    );
  });
});
