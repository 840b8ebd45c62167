import fc from 'fast-check';
import { GatewayInputAnswers } from '../model/gatewayInput';
import { findCredential } from '../model/plainText';

// Arbitraries of VALID gateway answers across every option, built from the model's own rules
// (DNS labels, regions, buckets, ARNs, single-line literals without credentials) and its
// cross-field rules, so each generated value must render.

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** A DNS label of 1..max characters. */
export const dnsLabel = (max = 63) =>
  fc
    .stringMatching(new RegExp(`^[a-z0-9]([-a-z0-9]{0,${max - 2}}[a-z0-9])?$`))
    .filter(s => s.length <= max);
/** A Helm release name (at most 53 characters). */
export const releaseName = () => dnsLabel(53);
/** A Secret, ConfigMap or ServiceAccount name (dot-separated labels). */
export const objectName = () =>
  fc
    .array(dnsLabel(20), { minLength: 1, maxLength: 3 })
    .map(parts => parts.join('.'));
export const hostName = () =>
  fc
    .array(dnsLabel(20), { minLength: 1, maxLength: 4 })
    .map(parts => parts.join('.'));
export const awsRegion = () =>
  fc.oneof(
    fc.constantFrom(
      'us-east-1',
      'eu-west-1',
      'ap-southeast-2',
      'us-gov-west-1',
      'cn-north-1',
    ),
    fc.stringMatching(/^[a-z]{2}(-gov)?-[a-z]{1,10}-\d$/),
  );
export const bucketName = () =>
  fc.stringMatching(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/);
export const iamRoleArn = () =>
  fc
    .tuple(
      fc.constantFrom('aws', 'aws-cn', 'aws-us-gov'),
      fc.stringMatching(/^\d{12}$/),
      fc.stringMatching(/^[\w+=,.@-]{1,64}$/),
    )
    .map(
      ([partition, account, role]) =>
        `arn:${partition}:iam::${account}:role/${role}`,
    );
/** Letters, digits, "_", "." and "-" (the model's identifier fields). */
export const identifier = () =>
  fc.stringMatching(/^[A-Za-z0-9_.-]{1,40}$/).filter(s => !findCredential(s));
export const entityRef = () =>
  fc
    .tuple(
      opt(fc.constantFrom('group:', 'user:')),
      opt(fc.constantFrom('default/', 'team.ns/')),
      fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,30}$/),
    )
    .map(([kind, ns, name]) => `${kind ?? ''}${ns ?? ''}${name}`)
    .filter(s => !findCredential(s));
export const httpUrl = () =>
  fc
    .tuple(
      fc.constantFrom('http', 'https'),
      hostName(),
      opt(fc.integer({ min: 1, max: 65535 })),
      fc.array(fc.stringMatching(/^[a-z0-9_-]{1,12}$/), { maxLength: 3 }),
    )
    .map(
      ([scheme, host, port, path]) =>
        `${scheme}://${host}${port ? `:${port}` : ''}${path
          .map(p => `/${p}`)
          .join('')}`,
    );
export const redisUrl = () =>
  fc
    .tuple(
      fc.constantFrom('redis://', 'rediss://', ''),
      hostName(),
      opt(fc.integer({ min: 1, max: 65535 })),
      opt(fc.integer({ min: 0, max: 15 })),
    )
    .map(
      ([scheme, host, port, db]) =>
        `${scheme}${host}${port ? `:${port}` : ''}${
          db !== undefined ? `/${db}` : ''
        }`,
    );
/** A single-line literal the model accepts (printable, trimmed, no template, no credential, at most maxChars). */
export const freeText = (
  maxChars: number,
  maxGraphemes = Math.min(maxChars, 60),
) =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: maxGraphemes }).filter(
    s =>
      s.length <= maxChars &&
      s.trim() === s &&
      s.length > 0 &&
      // eslint-disable-next-line no-control-regex
      !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s) &&
      !/\{\{|\}\}|\$\{/.test(s) &&
      !findCredential(s),
  );
export const organisations = () =>
  fc
    .tuple(
      fc.array(fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/), {
        minLength: 1,
        maxLength: 4,
      }),
      fc.constantFrom(',', ', ', ' , '),
    )
    .map(([ids, sep]) => ids.join(sep))
    .filter(s => !findCredential(s));

const analytics = () =>
  fc.oneof(
    fc.constant({ store: 'control_plane' as const }),
    fc.record({
      store: fc.constant('clickhouse' as const),
      endpoint: httpUrl(),
      user: identifier(),
      logTable: identifier(),
      feedbackTable: identifier(),
      generationHooksTable: identifier(),
    }),
  );

const otel = () =>
  fc.oneof(
    fc.constant(undefined),
    fc.record(
      {
        enabled: fc.boolean(),
        endpoint: httpUrl(),
        resourceAttributes: freeText(2048),
        protocol: fc.constantFrom(
          'http/json' as const,
          'http/protobuf' as const,
        ),
        headersFromSecret: fc.boolean(),
      },
      { requiredKeys: ['enabled', 'endpoint'] },
    ),
  );

const logStore = () =>
  fc.oneof(
    fc.record({
      store: fc.constant('s3' as const),
      region: awsRegion(),
      bucket: bucketName(),
    }),
    fc.record(
      {
        store: fc.constant('s3_assume' as const),
        region: awsRegion(),
        bucket: bucketName(),
        auth: fc.constantFrom(
          'access_keys' as const,
          'irsa' as const,
          'imds' as const,
        ),
        roleArn: iamRoleArn(),
        externalId: freeText(1224),
        imdsV1: fc.boolean(),
      },
      {
        requiredKeys: [
          'store',
          'region',
          'bucket',
          'auth',
          'roleArn',
          'externalId',
        ],
      },
    ),
    fc.record({
      store: fc.constantFrom('gcs' as const, 'wasabi' as const),
      region: freeText(64, 20),
      bucket: bucketName(),
    }),
    fc.record({
      store: fc.constantFrom('netapp' as const, 's3_custom' as const),
      region: freeText(64, 20),
      basePath: httpUrl(),
    }),
    fc.record(
      {
        store: fc.constant('azure' as const),
        storageAccount: identifier(),
        container: identifier(),
        auth: fc.constantFrom(
          'storage_key' as const,
          'managed_identity' as const,
          'entra' as const,
        ),
        managedClientId: identifier(),
        entraClientId: identifier(),
        entraTenantId: identifier(),
      },
      {
        requiredKeys: [
          'store',
          'storageAccount',
          'container',
          'auth',
          'entraClientId',
          'entraTenantId',
        ],
      },
    ),
    fc.record(
      {
        store: fc.constant('mongo' as const),
        database: identifier(),
        collection: identifier(),
        hooksCollection: identifier(),
        pem: fc.record(
          {
            source: fc.constantFrom(
              'none' as const,
              'configMap' as const,
              'secret' as const,
            ),
            name: objectName(),
            key: fc
              .stringMatching(/^[-._a-zA-Z0-9]{1,40}$/)
              .filter(s => !findCredential(s)),
          },
          { requiredKeys: ['name'] },
        ),
      },
      { requiredKeys: ['store', 'database', 'collection', 'hooksCollection'] },
    ),
  );

const cache = () =>
  fc.oneof(
    fc.constant({ store: 'redis' as const }),
    fc.record(
      {
        store: fc.constantFrom('aws-elastic-cache' as const, 'custom' as const),
        urlSource: fc.constantFrom('literal' as const, 'secret' as const),
        url: redisUrl(),
        tls: fc.boolean(),
        clusterMode: fc.boolean(),
      },
      { requiredKeys: ['store', 'url'] },
    ),
  );

const bedrock = () =>
  fc.record(
    {
      access: fc.constantFrom(
        'none' as const,
        'access_keys' as const,
        'pod_role' as const,
      ),
      region: awsRegion(),
      roleArn: iamRoleArn(),
      externalId: freeText(1224),
    },
    { requiredKeys: ['region'] },
  );

const gateway = () =>
  fc.record(
    {
      releaseName: releaseName(),
      namespace: dnsLabel(63),
      cluster: identifier(),
      imageTag: fc
        .stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,30}$/)
        .filter(s => !findCredential(s)),
      replicas: fc.integer({ min: 1, max: 100 }),
      autoscaling: fc
        .record({
          enabled: fc.boolean(),
          a: fc.integer({ min: 1, max: 100 }),
          b: fc.integer({ min: 1, max: 100 }),
          targetCPUUtilizationPercentage: fc.integer({ min: 1, max: 100 }),
          targetMemoryUtilizationPercentage: opt(
            fc.integer({ min: 1, max: 100 }),
          ),
        })
        .map(({ a, b, targetMemoryUtilizationPercentage, ...rest }) => ({
          ...rest,
          minReplicas: Math.min(a, b),
          maxReplicas: Math.max(a, b),
          ...(targetMemoryUtilizationPercentage
            ? { targetMemoryUtilizationPercentage }
            : {}),
        })),
      serviceType: fc.constantFrom(
        'ClusterIP' as const,
        'NodePort' as const,
        'LoadBalancer' as const,
      ),
      ingress: fc.record(
        {
          enabled: fc.boolean(),
          host: hostName(),
          className: identifier(),
          tlsSecretName: objectName(),
        },
        { requiredKeys: ['enabled', 'host'] },
      ),
    },
    { requiredKeys: ['releaseName', 'namespace'] },
  );

const server = () =>
  fc
    .record({
      mode: fc.constantFrom('gateway' as const, 'all' as const, 'mcp' as const),
      mcpPort: opt(
        fc.integer({ min: 1024, max: 65535 }).filter(p => p !== 8787),
      ),
      mcpGatewayBaseUrl: opt(httpUrl()),
      separateMcpService: fc.boolean(),
    })
    .map(s => ({
      ...s,
      separateMcpService: s.mode !== 'gateway' && s.separateMcpService,
    }));

/** Valid answers across every option and optional field. */
export const validAnswers = (): fc.Arbitrary<GatewayInputAnswers> =>
  fc
    .record({
      gateway: gateway(),
      core: fc.record(
        {
          serviceName: identifier(),
          organisationsToSync: organisations(),
          requestTimeoutMs: fc.integer({ min: 1, max: 86_400_000 }),
        },
        { requiredKeys: ['organisationsToSync'] },
      ),
      secrets: opt(
        fc.record(
          { secretName: objectName(), imagePullSecretName: objectName() },
          { requiredKeys: [] },
        ),
      ),
      analytics: opt(analytics()),
      otel: otel(),
      logStore: logStore(),
      cache: opt(cache()),
      bedrock: opt(bedrock()),
      dataService: opt(
        fc.record({
          enabled: fc.boolean(),
          finetunesBucket: bucketName(),
          logExportsBucket: bucketName(),
          finetunesRoleArn: opt(iamRoleArn()),
        }),
      ),
      server: opt(server()),
      serviceAccount: fc.record(
        {
          mode: fc.constantFrom('create' as const, 'existing' as const),
          name: objectName(),
          roleArn: iamRoleArn(),
        },
        { requiredKeys: ['mode'] },
      ),
      catalog: fc.record(
        {
          owner: entityRef(),
          system: entityRef(),
          lifecycle: identifier(),
          description: freeText(512, 200),
        },
        { requiredKeys: ['owner'] },
      ),
    })
    .map(answers => {
      // The cross-field rules, applied so the answers are valid by construction.
      const sa = answers.serviceAccount;
      const irsa =
        answers.logStore.store === 's3_assume' &&
        answers.logStore.auth === 'irsa';
      let serviceAccount = sa;
      if (sa.mode === 'existing')
        serviceAccount = {
          mode: 'existing' as const,
          name: sa.name ?? 'portkey-sa',
        };
      else if (irsa)
        serviceAccount = {
          ...sa,
          roleArn: sa.roleArn ?? 'arn:aws:iam::123456789012:role/irsa',
        };
      // <fullname>-dataservice and <fullname>-mcp must fit in 63 characters.
      const longServices =
        answers.dataService?.enabled || answers.server?.separateMcpService;
      const release = longServices
        ? answers.gateway.releaseName.slice(0, 43).replace(/-+$/, '')
        : answers.gateway.releaseName;
      const withoutUndefined = Object.fromEntries(
        Object.entries({
          ...answers,
          gateway: { ...answers.gateway, releaseName: release },
          serviceAccount,
        }).filter(([, v]) => v !== undefined),
      );
      return withoutUndefined as unknown as GatewayInputAnswers;
    });
