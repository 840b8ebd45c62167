import { gatewayInputSchema } from './gatewayInput';
import {
  findNumbersInTextFields,
  formatGatewayInputErrors,
  NUMBER_FOR_TEXT_MESSAGE,
} from './validateGatewayInput';
import {
  answersWith,
  errorsOf,
  minimalAnswers,
  validInput,
  withField,
  withoutField,
} from '../__testUtils__/inputs';

const LABEL_RULE =
  'must be lowercase letters, digits and "-", starting and ending with a letter or digit';
const ARN_RULE =
  'must be an IAM role ARN such as arn:aws:iam::123456789012:role/portkey-logs';
const LOG_STORES =
  's3, s3_assume, gcs, wasabi, netapp, s3_custom, azure, mongo';
const ROLE = 'arn:aws:iam::123456789012:role/portkey';

describe('validateGatewayInput: valid answers', () => {
  it('accepts the minimal answers and applies the defaults', () => {
    const input = validInput(minimalAnswers());
    expect(input.analytics).toEqual({ store: 'control_plane' });
    expect(input.cache).toEqual({ store: 'redis' });
    expect(input.server).toEqual({
      mode: 'gateway',
      mcpPort: 8788,
      separateMcpService: false,
    });
    expect(input.serviceAccount).toEqual({ mode: 'create' });
    expect(input.secrets).toEqual({
      imagePullSecretName: 'portkeyenterpriseregistrycredentials',
    });
    expect(input.gateway).toMatchObject({
      chartVersion: '1.7.7',
      replicas: 1,
      serviceType: 'ClusterIP',
    });
    expect(input.core.serviceName).toBe('portkeyenterprise');
    expect(input.catalog.lifecycle).toBe('production');
  });

  it('accepts a release name of 53 characters and a namespace of 63', () => {
    const { gateway } = validInput(
      answersWith({
        gateway: { releaseName: 'a'.repeat(53), namespace: 'b'.repeat(63) },
      }),
    );
    expect([gateway.releaseName.length, gateway.namespace.length]).toEqual([
      53, 63,
    ]);
  });
});

describe('validateGatewayInput: missing sections and fields', () => {
  it('names every missing section, and lists the stores for the log store', () => {
    expect(errorsOf({})).toEqual([
      { field: 'gateway', message: 'is required' },
      { field: 'core', message: 'is required' },
      {
        field: 'logStore',
        message: `is required: choose a store (${LOG_STORES})`,
      },
      { field: 'catalog', message: 'is required' },
    ]);
    expect(errorsOf(null)).toEqual(errorsOf({}));
  });

  it.each([
    'gateway.releaseName',
    'gateway.namespace',
    'core.organisationsToSync',
    'catalog.owner',
    'logStore.bucket',
    'logStore.region',
  ])('names a missing %s', field => {
    expect(errorsOf(withoutField(minimalAnswers(), field))).toEqual([
      { field, message: 'is required' },
    ]);
  });

  it('names a missing log store choice', () => {
    expect(errorsOf(withoutField(minimalAnswers(), 'logStore.store'))).toEqual([
      { field: 'logStore.store', message: `must be one of: ${LOG_STORES}` },
    ]);
  });

  it('names an empty literal as required', () => {
    expect(
      errorsOf(withField(minimalAnswers(), 'core.organisationsToSync', '   ')),
    ).toEqual([{ field: 'core.organisationsToSync', message: 'is required' }]);
  });

  it('reports every problem at once, each field once', () => {
    const errors = errorsOf({
      gateway: { releaseName: 'Bad_Name', replicas: 'x' },
      logStore: { store: 'ftp' },
      catalog: {},
    });
    expect(errors.map(e => e.field)).toEqual([
      'gateway.releaseName',
      'gateway.namespace',
      'gateway.replicas',
      'core',
      'logStore.store',
      'catalog.owner',
    ]);
    expect(formatGatewayInputErrors(errors).split('\n')).toEqual(
      errors.map(e => `${e.field}: ${e.message}`),
    );
  });
});

describe('validateGatewayInput: names', () => {
  it.each([
    ['gateway.releaseName', 'Bad_Name', LABEL_RULE],
    [
      'gateway.releaseName',
      'a'.repeat(54),
      'must be at most 53 characters (Helm limit)',
    ],
    ['gateway.releaseName', '-team', LABEL_RULE],
    ['gateway.namespace', 'b'.repeat(64), 'must be at most 63 characters'],
    ['gateway.namespace', 'Team', LABEL_RULE],
    ['gateway.namespace', 'my.ns', LABEL_RULE],
    [
      'secrets.secretName',
      'Portkey_Secret',
      'must be lowercase letters, digits and "-", starting and ending with a letter or digit, optionally in dot-separated parts',
    ],
    [
      'gateway.ingress.host',
      'https://gw.example.com',
      'must be a lowercase DNS host name such as gateway.example.com (no scheme, port or path)',
    ],
    [
      'logStore.bucket',
      'My_Bucket',
      'must be a bucket name: lowercase letters, digits, "." and "-"',
    ],
    ['logStore.bucket', 'ab', 'must be 3 to 63 characters'],
    ['logStore.region', 'US-EAST-1', 'must be an AWS region such as us-east-1'],
    [
      'catalog.owner',
      'team a',
      'must be an entity reference such as group:default/platform-team',
    ],
    ['gateway.imageTag', '-latest', 'must be an image tag such as 2.13.0'],
    [
      'gateway.cluster',
      'prod eu',
      'must be a cluster name: letters, digits, "-", "_", ".", ":", "/" and "@"',
    ],
  ])('%s %j: %s', (field, value, message) => {
    const answers = withField(
      field === 'gateway.ingress.host'
        ? withField(minimalAnswers(), 'gateway.ingress.enabled', true)
        : minimalAnswers(),
      field,
      value,
    );
    expect(errorsOf(answers)).toEqual([{ field, message }]);
  });

  it.each([
    [
      'serviceAccount.roleArn',
      {
        serviceAccount: { mode: 'create', roleArn: 'arn:aws:iam::123:role/x' },
      },
    ],
    [
      'serviceAccount.roleArn',
      { serviceAccount: { mode: 'create', roleArn: 'arn:aws:s3:::bucket' } },
    ],
    [
      'logStore.roleArn',
      {
        logStore: {
          store: 's3_assume',
          region: 'us-east-1',
          bucket: 'logs-1',
          auth: 'access_keys',
          roleArn: 'role/portkey',
          externalId: 'x',
        },
      },
    ],
    [
      'dataService.finetunesRoleArn',
      {
        dataService: {
          enabled: true,
          finetunesBucket: 'ft-1',
          logExportsBucket: 'ex-1',
          finetunesRoleArn: ROLE.replace('iam', 'sts'),
        },
      },
    ],
    [
      'bedrock.roleArn',
      { bedrock: { access: 'pod_role', roleArn: `${ROLE} ` } },
    ],
  ] as const)('a bad ARN in %s', (field, sections) => {
    expect(errorsOf(answersWith(sections as any))).toEqual([
      { field, message: ARN_RULE },
    ]);
  });
});

describe('validateGatewayInput: choices and types', () => {
  it.each([
    ['logStore.store', 'ftp', `must be one of: ${LOG_STORES}`],
    [
      'analytics.store',
      'bigquery',
      'must be one of: control_plane, clickhouse',
    ],
    [
      'cache.store',
      'memcached',
      'must be one of: redis, aws-elastic-cache, custom',
    ],
    [
      'gateway.serviceType',
      'Ingress',
      'must be one of: ClusterIP, NodePort, LoadBalancer',
    ],
    ['gateway.chartVersion', '1.7.6', 'must be one of: 1.7.7'],
    ['server.mode', 'gateway-only', 'must be one of: gateway, all, mcp'],
    ['serviceAccount.mode', 'auto', 'must be one of: create, existing'],
    ['bedrock.access', 'keys', 'must be one of: none, access_keys, pod_role'],
    ['otel.protocol', 'grpc', 'must be one of: http/json, http/protobuf'],
  ])('%s %j: %s', (field, value, message) => {
    const base =
      field === 'otel.protocol'
        ? withField(minimalAnswers(), 'otel', {
            enabled: true,
            endpoint: 'http://otel:4318',
          })
        : minimalAnswers();
    expect(errorsOf(withField(base, field, value))).toEqual([
      { field, message },
    ]);
  });

  it.each([
    ['gateway', 'team-a', 'must be an object'],
    ['gateway.replicas', 'three', 'must be a whole number'],
    ['gateway.replicas', 1.5, 'must be a whole number'],
    ['gateway.replicas', 0, 'must be at least 1'],
    ['gateway.replicas', 101, 'must be at most 100'],
    ['core.requestTimeoutMs', '1000', 'must be a whole number of milliseconds'],
    ['gateway.autoscaling.enabled', 'yes', 'must be a boolean'],
    ['core.organisationsToSync', 42, NUMBER_FOR_TEXT_MESSAGE],
    ['core.organisationsToSync', true, 'must be a string'],
    [
      'core.organisationsToSync',
      'org 1',
      'must be one or more organisation IDs separated by commas',
    ],
  ])('%s %j: %s', (field, value, message) => {
    expect(errorsOf(withField(minimalAnswers(), field, value))).toEqual([
      { field, message },
    ]);
  });

  it('names an MCP port out of range', () => {
    expect(
      errorsOf(answersWith({ server: { mode: 'all', mcpPort: 80 } })),
    ).toEqual([
      { field: 'server.mcpPort', message: 'must be a port from 1024 to 65535' },
    ]);
  });
});

describe('numbers where the model wants text (unquoted digits in an answers file)', () => {
  const assumeRole = (externalId: unknown) =>
    withField(
      answersWith({
        logStore: {
          store: 's3_assume',
          region: 'us-east-1',
          bucket: 'acme-logs',
          auth: 'access_keys',
          roleArn: ROLE,
        },
      }),
      'logStore.externalId',
      externalId,
    );

  it('names the field and says to quote it, without echoing the value', () => {
    const errors = errorsOf(assumeRole(123456789012));
    expect(errors).toEqual([
      { field: 'logStore.externalId', message: NUMBER_FOR_TEXT_MESSAGE },
    ]);
    expect(NUMBER_FOR_TEXT_MESSAGE).toMatch(/quotes/);
    expect(JSON.stringify(errors)).not.toContain('123456789012');
  });

  it('accepts the same digits as text', () => {
    expect(validInput(assumeRole('012345678901')).logStore).toMatchObject({
      externalId: '012345678901',
    });
  });

  it('lists every text field of the chosen options that holds a number', () => {
    // Typed loosely: these are the numbers an answers file can hold, not valid answers.
    const answers: any = answersWith({
      gateway: { releaseName: 'team-a', namespace: 'ai', imageTag: 2.1 },
      core: { organisationsToSync: 1234 },
      logStore: {
        store: 'azure',
        storageAccount: 'acme',
        container: 'logs',
        auth: 'entra',
        entraClientId: 11111111,
        entraTenantId: 22222222,
      },
      bedrock: { access: 'access_keys', region: 'us-east-1', externalId: 99 },
      dataService: { enabled: false, finetunesBucket: 123 },
      // A number where the model wants a number is not listed.
      server: { mode: 'all', mcpPort: 9000 },
    } as any);
    expect(findNumbersInTextFields(answers)).toEqual([
      ['gateway', 'imageTag'],
      ['core', 'organisationsToSync'],
      ['logStore', 'entraClientId'],
      ['logStore', 'entraTenantId'],
      ['bedrock', 'externalId'],
    ]);
    expect(findNumbersInTextFields(minimalAnswers())).toEqual([]);
    expect(findNumbersInTextFields(null)).toEqual([]);
  });
});

describe('validateGatewayInput: cross-field rules', () => {
  it.each([
    [
      'IRSA on a created service account without a role',
      {
        logStore: {
          store: 's3_assume',
          region: 'us-east-1',
          bucket: 'logs-1',
          auth: 'irsa',
        },
        serviceAccount: { mode: 'create' },
      },
      [
        [
          'serviceAccount.roleArn',
          /is required for IRSA: .*eks\.amazonaws\.com\/role-arn.*existing, annotated service account/,
        ],
      ],
    ],
    [
      's3_assume with access keys but no role or external ID',
      {
        logStore: {
          store: 's3_assume',
          region: 'us-east-1',
          bucket: 'logs-1',
          auth: 'access_keys',
        },
      },
      [
        ['logStore.roleArn', /^is required for s3_assume with access_keys/],
        ['logStore.externalId', /^is required for s3_assume with access_keys/],
      ],
    ],
    [
      'an existing service account without a name',
      { serviceAccount: { mode: 'existing' } },
      [
        [
          'serviceAccount.name',
          /^is required when using an existing service account$/,
        ],
      ],
    ],
    [
      'an ingress without a host',
      {
        gateway: {
          releaseName: 'team-a',
          namespace: 'ai',
          ingress: { enabled: true },
        },
      },
      [['gateway.ingress.host', /^is required when the ingress is enabled$/]],
    ],
    [
      'autoscaling with min > max',
      {
        gateway: {
          releaseName: 'team-a',
          namespace: 'ai',
          autoscaling: { enabled: true, minReplicas: 5, maxReplicas: 3 },
        },
      },
      [
        [
          'gateway.autoscaling.minReplicas',
          /^must not be greater than gateway\.autoscaling\.maxReplicas$/,
        ],
      ],
    ],
    [
      'OTEL push without an endpoint',
      { otel: { enabled: true } },
      [['otel.endpoint', /^is required when OTEL push is enabled$/]],
    ],
    [
      'Entra authentication without its ids',
      {
        logStore: {
          store: 'azure',
          storageAccount: 'acct',
          container: 'logs',
          auth: 'entra',
        },
      },
      [
        ['logStore.entraClientId', /^is required for Entra authentication$/],
        ['logStore.entraTenantId', /^is required for Entra authentication$/],
      ],
    ],
    [
      'a Mongo PEM from a Secret without its name',
      {
        logStore: {
          store: 'mongo',
          database: 'db',
          collection: 'c',
          hooksCollection: 'h',
          pem: { source: 'secret' },
        },
      },
      [['logStore.pem.name', /^is required: the Secret that holds the PEM$/]],
    ],
    [
      'a Mongo PEM from a ConfigMap without its name',
      {
        logStore: {
          store: 'mongo',
          database: 'db',
          collection: 'c',
          hooksCollection: 'h',
          pem: { source: 'configMap' },
        },
      },
      [
        [
          'logStore.pem.name',
          /^is required: the ConfigMap that holds the PEM$/,
        ],
      ],
    ],
    [
      'an external cache with a literal URL but no URL',
      { cache: { store: 'custom' } },
      [['cache.url', /^is required unless cache\.urlSource is "secret"$/]],
    ],
    [
      'Bedrock access keys without a region',
      { bedrock: { access: 'access_keys' } },
      [['bedrock.region', /^is required when Bedrock uses access keys$/]],
    ],
    [
      'the data service without its buckets',
      { dataService: { enabled: true } },
      [
        [
          'dataService.finetunesBucket',
          /^is required when the data service is enabled$/,
        ],
        [
          'dataService.logExportsBucket',
          /^is required when the data service is enabled$/,
        ],
      ],
    ],
    [
      'an MCP port equal to the gateway port',
      { server: { mode: 'all', mcpPort: 8787 } },
      [['server.mcpPort', /^must differ from the gateway port 8787$/]],
    ],
    [
      'a release name too long for <fullname>-dataservice',
      {
        gateway: { releaseName: 'a'.repeat(50), namespace: 'ai' },
        dataService: {
          enabled: true,
          finetunesBucket: 'ft-1',
          logExportsBucket: 'ex-1',
        },
      },
      [
        [
          'gateway.releaseName',
          /^is too long: .*-dataservice", over the 63-character limit; use at most 43 characters$/,
        ],
      ],
    ],
  ] as const)('%s', (_name, sections, expected) => {
    const errors = errorsOf(answersWith(sections as any));
    expect(errors.map(e => e.field)).toEqual(expected.map(([field]) => field));
    errors.forEach((error, i) => expect(error.message).toMatch(expected[i][1]));
  });

  // The form hides the fields of unchosen options but keeps their values; validateGatewayInput
  // drops them, so these two rules only fire on the schema itself (e.g. another caller of it).
  it('refuses a role on an existing service account (schema), ignores it as a hidden leftover (validate)', () => {
    const answers = answersWith({
      serviceAccount: { mode: 'existing', name: 'portkey-sa', roleArn: ROLE },
    });
    const parsed = gatewayInputSchema.safeParse(answers);
    expect(
      parsed.success
        ? []
        : parsed.error.issues.map(i => [i.path.join('.'), i.message]),
    ).toEqual([
      [
        'serviceAccount.roleArn',
        'can only be set on a service account the chart creates (mode "create"); annotate your existing service account yourself',
      ],
    ]);
    expect(validInput(answers).serviceAccount).toEqual({
      mode: 'existing',
      name: 'portkey-sa',
    });
  });

  it('refuses a separate MCP Service in gateway mode (schema), ignores it as a hidden leftover (validate)', () => {
    const answers = answersWith({
      server: { mode: 'gateway', separateMcpService: true },
    });
    const parsed = gatewayInputSchema.safeParse(answers);
    expect(
      parsed.success
        ? []
        : parsed.error.issues.map(i => [i.path.join('.'), i.message]),
    ).toEqual([
      ['server.separateMcpService', 'needs server.mode "all" or "mcp"'],
    ]);
    expect(validInput(answers).server.separateMcpService).toBe(false);
  });

  it('accepts IRSA through an existing service account without a role', () => {
    const input = validInput(
      answersWith({
        logStore: {
          store: 's3_assume',
          region: 'us-east-1',
          bucket: 'logs-1',
          auth: 'irsa',
        },
        serviceAccount: { mode: 'existing', name: 'irsa-sa' },
      }),
    );
    expect(input.serviceAccount).toEqual({ mode: 'existing', name: 'irsa-sa' });
  });

  it('accepts an external cache URL from the Secret without a literal URL', () => {
    expect(
      validInput(
        answersWith({
          cache: { store: 'aws-elastic-cache', urlSource: 'secret' },
        }),
      ).cache,
    ).toEqual({
      store: 'aws-elastic-cache',
      urlSource: 'secret',
      tls: true,
      clusterMode: false,
    });
  });
});

describe('validateGatewayInput: cross-field rules with other problems', () => {
  // A form checks its pages as they are answered, before the later pages' required sections
  // exist; the rules still apply to the sections that parse.
  it('reports IRSA without a role even before the other pages are answered', () => {
    const errors = errorsOf({
      logStore: {
        store: 's3_assume',
        region: 'us-east-1',
        bucket: 'logs-1',
        auth: 'irsa',
      },
    });
    expect(errors.map(e => e.field)).toEqual(
      expect.arrayContaining([
        'gateway',
        'core',
        'catalog',
        'serviceAccount.roleArn',
      ]),
    );
    expect(
      errors.find(e => e.field === 'serviceAccount.roleArn')!.message,
    ).toMatch(/^is required for IRSA: /);
  });

  it('reports a rule and a field problem together, once each', () => {
    const answers = answersWith({
      gateway: {
        releaseName: 'team-a',
        namespace: 'ai',
        autoscaling: { enabled: true, minReplicas: 5, maxReplicas: 2 },
      },
      core: { organisationsToSync: 'not ok!' },
    } as any);
    expect(
      errorsOf(answers).map(e => [e.field, e.message.slice(0, 24)]),
    ).toEqual([
      ['core.organisationsToSync', 'must be one or more orga'],
      ['gateway.autoscaling.minReplicas', 'must not be greater than'],
    ]);
  });

  it('leaves out the rules that read a section that does not parse', () => {
    const errors = errorsOf({
      gateway: { releaseName: 'r'.repeat(50), namespace: 'ai' },
      dataService: { enabled: true, finetunesBucket: 'BAD' },
    });
    expect(errors.map(e => e.field)).toContain('dataService.finetunesBucket');
    // dataService did not parse, so the Service-name rule that reads it is not applied.
    expect(errors.map(e => e.field)).not.toContain('gateway.releaseName');
  });
});
