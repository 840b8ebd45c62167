import { z } from 'zod';
import {
  gatewayFullname,
  IRSA_ROLE_ANNOTATION,
  PORTKEY_CHART,
} from '../chart/chartFacts';
import {
  awsRegion,
  bucketName,
  configMapKey,
  entityRef,
  helmReleaseName,
  hostName,
  iamRoleArn,
  namespaceName,
  objectName,
  ruledName,
} from './kubernetesNames';
import { KUBERNETES_NAME_RULES } from './kubernetesNameRules';
import { httpUrl, plainText } from './plainText';

// The input model: what a team chooses for a gateway, named the way a user thinks, one
// section per concern. The template form, the scaffolder action and the CLI all take this
// shape; the renderer turns it into chart values. No field ever holds a secret value: each
// credential is a key of the Kubernetes Secret named in `secrets.secretName`.

/** The message for a store choice that is missing or unknown. */
const storeChoice = (stores: string[]) => (issue: { input?: unknown }) =>
  issue.input === undefined
    ? `is required: choose a store (${stores.join(', ')})`
    : `must be one of: ${stores.join(', ')}`;

const identifier = (what: string) =>
  plainText({ max: 128 }).pipe(
    z.string().regex(/^[A-Za-z0-9_.-]+$/, {
      error: `must be a ${what}: letters, digits, "_", "." and "-"`,
    }),
  );

const gatewaySection = z.object({
  releaseName: helmReleaseName(),
  namespace: namespaceName(),
  /** The cluster name the status view uses (as configured in the portal); optional with one cluster. */
  cluster: plainText({ max: KUBERNETES_NAME_RULES.cluster.maxLength })
    .pipe(ruledName(KUBERNETES_NAME_RULES.cluster))
    .optional(),
  chartVersion: z
    .enum(PORTKEY_CHART.supportedVersions, {
      error: `must be one of: ${PORTKEY_CHART.supportedVersions.join(', ')}`,
    })
    .default(PORTKEY_CHART.defaultVersion),
  /** Overrides the gateway image tag (default: the chart's appVersion). */
  imageTag: plainText({ max: 128 })
    .pipe(
      z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, {
        error: 'must be an image tag such as 2.13.0',
      }),
    )
    .optional(),
  replicas: z
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(100, { error: 'must be at most 100' })
    .default(1),
  autoscaling: z
    .object({
      enabled: z.boolean().default(false),
      minReplicas: z
        .int()
        .min(1, { error: 'must be at least 1' })
        .max(100)
        .default(2),
      maxReplicas: z
        .int()
        .min(1, { error: 'must be at least 1' })
        .max(100)
        .default(20),
      targetCPUUtilizationPercentage: z
        .int()
        .min(1)
        .max(100, { error: 'must be a percentage from 1 to 100' })
        .default(60),
      targetMemoryUtilizationPercentage: z
        .int()
        .min(1)
        .max(100, { error: 'must be a percentage from 1 to 100' })
        .optional(),
    })
    .prefault({}),
  serviceType: z
    .enum(['ClusterIP', 'NodePort', 'LoadBalancer'], {
      error: 'must be one of: ClusterIP, NodePort, LoadBalancer',
    })
    .default('ClusterIP'),
  ingress: z
    .object({
      enabled: z.boolean().default(false),
      host: hostName().optional(),
      className: identifier('class name').default('nginx'),
      /** A TLS Secret (type kubernetes.io/tls) in the namespace; omit for plain HTTP. */
      tlsSecretName: objectName().optional(),
    })
    .prefault({}),
});

const coreSection = z.object({
  serviceName: identifier('service name').default(
    PORTKEY_CHART.defaultServiceName,
  ),
  /** Organisation ID(s) shared by Portkey, comma-separated. */
  organisationsToSync: plainText({ max: 2048 }).pipe(
    z.string().regex(/^[A-Za-z0-9_-]+(\s*,\s*[A-Za-z0-9_-]+)*$/, {
      error: 'must be one or more organisation IDs separated by commas',
    }),
  ),
  /** REQUEST_TIMEOUT in milliseconds (optional). */
  requestTimeoutMs: z
    .int({ error: 'must be a whole number of milliseconds' })
    .min(1)
    .max(86_400_000)
    .optional(),
});

const secretsSection = z.object({
  /** The Kubernetes Secret, in the gateway's namespace, that holds every credential key. */
  secretName: objectName().optional(),
  /** An existing kubernetes.io/dockerconfigjson Secret with the Portkey registry credentials. */
  imagePullSecretName: objectName().default(
    PORTKEY_CHART.defaultImagePullSecret,
  ),
});

const clickhouseAnalytics = z.object({
  store: z.literal('clickhouse'),
  endpoint: httpUrl(),
  user: identifier('user name'),
  logTable: identifier('table name'),
  feedbackTable: identifier('table name'),
  generationHooksTable: identifier('table name'),
});
const analyticsSection = z.discriminatedUnion(
  'store',
  [z.object({ store: z.literal('control_plane') }), clickhouseAnalytics],
  { error: storeChoice(['control_plane', 'clickhouse']) },
);

const otelSection = z.object({
  enabled: z.boolean().default(false),
  endpoint: httpUrl().optional(),
  /** OTEL_RESOURCE_ATTRIBUTES, e.g. ApplicationShortName=gateway,AssetId=12323 */
  resourceAttributes: plainText({ max: 2048 }).optional(),
  protocol: z
    .enum(['http/json', 'http/protobuf'], {
      error: 'must be one of: http/json, http/protobuf',
    })
    .default('http/json'),
  /** Exporter headers (they usually carry API keys) come from the Secret key OTEL_EXPORTER_OTLP_HEADERS. */
  headersFromSecret: z.boolean().default(false),
});

const s3LikeWithBucket = <T extends string>(store: T) =>
  z.object({
    store: z.literal(store),
    region: plainText({ max: 64 }),
    bucket: bucketName(),
  });
const s3LikeWithBasePath = <T extends string>(store: T) =>
  z.object({
    store: z.literal(store),
    region: plainText({ max: 64 }),
    /** The base URL including the bucket name, e.g. https://s3.example.com/portkey-logs */
    basePath: httpUrl(),
  });

const logStoreSection = z.discriminatedUnion(
  'store',
  [
    z.object({
      store: z.literal('s3'),
      region: awsRegion(),
      bucket: bucketName(),
    }),
    z.object({
      store: z.literal('s3_assume'),
      region: awsRegion(),
      bucket: bucketName(),
      /** How the gateway gets AWS credentials: Portkey-shared keys + role, EKS IRSA, or EC2 instance metadata. */
      auth: z.enum(['access_keys', 'irsa', 'imds'], {
        error: 'must be one of: access_keys, irsa, imds',
      }),
      roleArn: iamRoleArn().optional(),
      externalId: plainText({ max: 1224 }).optional(),
      /** Only for EC2 instances still on IMDSv1. */
      imdsV1: z.boolean().default(false),
    }),
    s3LikeWithBucket('gcs'),
    s3LikeWithBucket('wasabi'),
    s3LikeWithBasePath('netapp'),
    s3LikeWithBasePath('s3_custom'),
    z.object({
      store: z.literal('azure'),
      storageAccount: identifier('storage account name'),
      container: identifier('container name'),
      auth: z.enum(['storage_key', 'managed_identity', 'entra'], {
        error: 'must be one of: storage_key, managed_identity, entra',
      }),
      /** Only when the node has several managed identities. */
      managedClientId: identifier('client id').optional(),
      entraClientId: identifier('client id').optional(),
      entraTenantId: identifier('tenant id').optional(),
    }),
    z.object({
      store: z.literal('mongo'),
      database: identifier('database name'),
      collection: identifier('collection name'),
      hooksCollection: identifier('collection name'),
      /** A PEM (DocumentDB / TLS CA) mounted at /etc/shared/document_db.pem from a ConfigMap or Secret of yours. */
      pem: z
        .object({
          source: z
            .enum(['none', 'configMap', 'secret'], {
              error: 'must be one of: none, configMap, secret',
            })
            .default('none'),
          name: objectName().optional(),
          key: configMapKey().default('document_db.pem'),
        })
        .prefault({}),
    }),
  ],
  {
    error: storeChoice([
      's3',
      's3_assume',
      'gcs',
      'wasabi',
      'netapp',
      's3_custom',
      'azure',
      'mongo',
    ]),
  },
);

const redisUrl = () =>
  plainText({ secretOption: 'set cache.urlSource to "secret"' }).pipe(
    z.string().regex(/^(rediss?:\/\/)?[A-Za-z0-9.-]+(:\d+)?(\/\d+)?$/, {
      error:
        'must be a Redis endpoint such as redis://host:6379, rediss://host:6379 or host:6379',
    }),
  );
const externalRedis = <T extends string>(store: T, tlsDefault: boolean) =>
  z.object({
    store: z.literal(store),
    /** A URL with a password belongs in the Secret (key REDIS_URL). */
    urlSource: z
      .enum(['literal', 'secret'], { error: 'must be one of: literal, secret' })
      .default('literal'),
    url: redisUrl().optional(),
    tls: z.boolean().default(tlsDefault),
    clusterMode: z.boolean().default(false),
  });
const cacheSection = z.discriminatedUnion(
  'store',
  [
    z.object({ store: z.literal('redis') }),
    externalRedis('aws-elastic-cache', true),
    externalRedis('custom', false),
  ],
  { error: storeChoice(['redis', 'aws-elastic-cache', 'custom']) },
);

const bedrockSection = z.object({
  /** none; access_keys: long-term keys from the Secret; pod_role: the pod's own role (IRSA or IMDS). */
  access: z
    .enum(['none', 'access_keys', 'pod_role'], {
      error: 'must be one of: none, access_keys, pod_role',
    })
    .default('none'),
  region: awsRegion().optional(),
  /** The Bedrock-enabled role the virtual key assumes (for the review notes; not a chart value). */
  roleArn: iamRoleArn().optional(),
  externalId: plainText({ max: 1224 }).optional(),
});

const dataServiceSection = z.object({
  enabled: z.boolean().default(false),
  finetunesBucket: bucketName().optional(),
  logExportsBucket: bucketName().optional(),
  finetunesRoleArn: iamRoleArn().optional(),
});

const serverSection = z.object({
  /** gateway: the AI gateway only; all: gateway and MCP server; mcp: MCP server only. */
  mode: z
    .enum(['gateway', 'all', 'mcp'], {
      error: 'must be one of: gateway, all, mcp',
    })
    .default('gateway'),
  mcpPort: z
    .int()
    .min(1024, { error: 'must be a port from 1024 to 65535' })
    .max(65535, { error: 'must be a port from 1024 to 65535' })
    .default(PORTKEY_CHART.defaultMcpPort),
  mcpGatewayBaseUrl: httpUrl().optional(),
  /** Expose MCP on its own Service (<fullname>-mcp) as well. */
  separateMcpService: z.boolean().default(false),
});

const serviceAccountSection = z.object({
  /** create: the chart creates one (optionally IRSA-annotated); existing: name one you manage. */
  mode: z
    .enum(['create', 'existing'], { error: 'must be one of: create, existing' })
    .default('create'),
  name: objectName().optional(),
  /** IRSA: the role annotated on the created service account (eks.amazonaws.com/role-arn). */
  roleArn: iamRoleArn().optional(),
});

const catalogSection = z.object({
  owner: entityRef(),
  system: entityRef().optional(),
  lifecycle: identifier('lifecycle').default('production'),
  description: plainText({ max: 512 }).optional(),
});

/** The gateway input, before cross-field rules. */
const gatewayInputObject = z.object({
  gateway: gatewaySection,
  core: coreSection,
  secrets: secretsSection.prefault({}),
  analytics: analyticsSection.default({ store: 'control_plane' }),
  otel: otelSection.prefault({}),
  logStore: logStoreSection,
  cache: cacheSection.default({ store: 'redis' }),
  bedrock: bedrockSection.prefault({}),
  dataService: dataServiceSection.prefault({}),
  server: serverSection.prefault({}),
  serviceAccount: serviceAccountSection.prefault({}),
  catalog: catalogSection,
});

/** Reports one problem: the field to fix (its path in the input) and what is allowed there. */
type Report = (path: (string | number)[], message: string) => void;

/** The input's sections after parsing, each present only when it parsed. */
export type ParsedGatewaySections = Partial<
  z.output<typeof gatewayInputObject>
>;

/**
 * Rules that span fields: each names the field to fix and what is allowed. Each rule runs when
 * the sections it reads parsed, so a form can apply them to the pages answered so far, and a
 * caller with several problems hears of all of them at once.
 */
function crossFieldRules(input: ParsedGatewaySections, need: Report) {
  const {
    gateway,
    logStore,
    cache,
    bedrock,
    dataService,
    server,
    serviceAccount,
    otel,
  } = input;

  if (
    gateway?.autoscaling.enabled &&
    gateway.autoscaling.minReplicas > gateway.autoscaling.maxReplicas
  ) {
    need(
      ['gateway', 'autoscaling', 'minReplicas'],
      'must not be greater than gateway.autoscaling.maxReplicas',
    );
  }
  // The chart names Services <fullname>-dataservice and <fullname>-mcp without truncating,
  // and a Service name is at most 63 characters.
  const suffixes = [
    ...(dataService?.enabled ? [PORTKEY_CHART.dataServiceSuffix] : []),
    ...(server?.separateMcpService && server.mode !== 'gateway'
      ? [PORTKEY_CHART.mcpServiceSuffix]
      : []),
  ];
  if (gateway) {
    const fullname = gatewayFullname(gateway.releaseName);
    for (const suffix of suffixes) {
      if (fullname.length + suffix.length > 63) {
        need(
          ['gateway', 'releaseName'],
          `is too long: the chart names a Service "${fullname}${suffix}", over the 63-character limit; use at most ${
            63 - suffix.length - (fullname.length - gateway.releaseName.length)
          } characters`,
        );
      }
    }
  }
  if (gateway?.ingress.enabled && !gateway.ingress.host) {
    need(
      ['gateway', 'ingress', 'host'],
      'is required when the ingress is enabled',
    );
  }
  if (otel?.enabled && !otel.endpoint) {
    need(['otel', 'endpoint'], 'is required when OTEL push is enabled');
  }

  if (serviceAccount?.mode === 'existing') {
    if (!serviceAccount.name)
      need(
        ['serviceAccount', 'name'],
        'is required when using an existing service account',
      );
    if (serviceAccount.roleArn) {
      need(
        ['serviceAccount', 'roleArn'],
        'can only be set on a service account the chart creates (mode "create"); annotate your existing service account yourself',
      );
    }
  }

  if (logStore?.store === 's3_assume') {
    if (logStore.auth === 'access_keys') {
      if (!logStore.roleArn)
        need(
          ['logStore', 'roleArn'],
          'is required for s3_assume with access_keys (the role with bucket access)',
        );
      if (!logStore.externalId)
        need(
          ['logStore', 'externalId'],
          'is required for s3_assume with access_keys (the external ID of the trust relationship)',
        );
    }
    if (
      logStore.auth === 'irsa' &&
      serviceAccount?.mode === 'create' &&
      !serviceAccount.roleArn
    ) {
      need(
        ['serviceAccount', 'roleArn'],
        `is required for IRSA: the created service account needs the ${IRSA_ROLE_ANNOTATION} annotation (or use an existing, annotated service account)`,
      );
    }
  } else if (logStore?.store === 'azure') {
    if (logStore.auth === 'entra') {
      if (!logStore.entraClientId)
        need(
          ['logStore', 'entraClientId'],
          'is required for Entra authentication',
        );
      if (!logStore.entraTenantId)
        need(
          ['logStore', 'entraTenantId'],
          'is required for Entra authentication',
        );
    }
  } else if (
    logStore?.store === 'mongo' &&
    logStore.pem.source !== 'none' &&
    !logStore.pem.name
  ) {
    need(
      ['logStore', 'pem', 'name'],
      `is required: the ${
        logStore.pem.source === 'secret' ? 'Secret' : 'ConfigMap'
      } that holds the PEM`,
    );
  }

  if (
    cache &&
    cache.store !== 'redis' &&
    cache.urlSource === 'literal' &&
    !cache.url
  ) {
    need(['cache', 'url'], 'is required unless cache.urlSource is "secret"');
  }

  if (bedrock?.access === 'access_keys' && !bedrock.region) {
    need(['bedrock', 'region'], 'is required when Bedrock uses access keys');
  }

  if (dataService?.enabled) {
    if (!dataService.finetunesBucket)
      need(
        ['dataService', 'finetunesBucket'],
        'is required when the data service is enabled',
      );
    if (!dataService.logExportsBucket)
      need(
        ['dataService', 'logExportsBucket'],
        'is required when the data service is enabled',
      );
  }

  if (server?.separateMcpService && server.mode === 'gateway') {
    need(['server', 'separateMcpService'], 'needs server.mode "all" or "mcp"');
  }
  if (
    server &&
    server.mode !== 'gateway' &&
    server.mcpPort === PORTKEY_CHART.defaultGatewayPort
  ) {
    need(
      ['server', 'mcpPort'],
      `must differ from the gateway port ${PORTKEY_CHART.defaultGatewayPort}`,
    );
  }
}

/**
 * The zod schema of the gateway input, with defaults and cross-field rules.
 *
 * @public
 */
export const gatewayInputSchema = gatewayInputObject.superRefine((input, ctx) =>
  crossFieldRules(input, (path, message) =>
    ctx.addIssue({ code: 'custom', path, message }),
  ),
);

/** The input's sections, in the order the form asks for them. @public */
export const GATEWAY_INPUT_SECTIONS = Object.keys(
  gatewayInputObject.shape,
) as (keyof typeof gatewayInputObject.shape)[];

/**
 * The cross-field rules applied to every section that parses on its own (the others are
 * left out, with the rules that read them). `gatewayInputSchema` applies the same rules once
 * the whole input parses; this is for inputs with other problems too, such as a form whose
 * later pages are not answered yet.
 *
 * @param parseSection - parses one section's answers (with the caller's error map).
 */
export function crossFieldProblems(
  answers: Record<string, unknown>,
  parseSection: (schema: z.ZodType, value: unknown) => unknown,
): { path: (string | number)[]; message: string }[] {
  const sections: Record<string, unknown> = {};
  for (const key of GATEWAY_INPUT_SECTIONS) {
    const parsed = parseSection(gatewayInputObject.shape[key], answers[key]);
    if (parsed !== undefined) sections[key] = parsed;
  }
  const problems: { path: (string | number)[]; message: string }[] = [];
  crossFieldRules(sections as ParsedGatewaySections, (path, message) =>
    problems.push({ path, message }),
  );
  return problems;
}

/** What a caller passes (defaults may be omitted). @public */
export type GatewayInputAnswers = z.input<typeof gatewayInputSchema>;
/** A validated gateway input with defaults applied. @public */
export type GatewayInput = z.output<typeof gatewayInputSchema>;
/** @public */
export type LogStoreInput = GatewayInput['logStore'];
/** @public */
export type CacheInput = GatewayInput['cache'];
/** @public */
export type AnalyticsInput = GatewayInput['analytics'];
