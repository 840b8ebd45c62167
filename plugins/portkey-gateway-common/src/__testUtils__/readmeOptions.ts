import { GatewayInputAnswers } from '../model/gatewayInput';
import { answersWith } from './inputs';

// One case per option block of the chart README (UPSTREAM-README.md), with the env keys that
// block lists, written out by hand from the README and REFERENCE.md. `SECRET` marks a key the
// gateway must read from the Kubernetes Secret (same key name there); every other key is the
// literal string the pod must see.

/** Marks an env key that must come from the gateway's Secret. */
export const SECRET: unique symbol = Symbol('from the Secret');
export type ExpectedEnv = Record<string, string | typeof SECRET>;

/** The Secret name for release team-a when secrets.secretName is not given. */
export const DEFAULT_SECRET_NAME = 'team-a-gateway-secrets';

/** Keys every gateway gets with the minimal answers' defaults (control plane, in-cluster Redis, gateway mode). */
const CORE: ExpectedEnv = {
  SERVICE_NAME: 'portkeyenterprise',
  PORT: '8787',
  PORTKEY_CLIENT_AUTH: SECRET,
  ORGANISATIONS_TO_SYNC: 'org-1',
  SERVER_MODE: '',
};
const CONTROL_PLANE: ExpectedEnv = { ANALYTICS_STORE: 'control_plane' };
const IN_CLUSTER_REDIS: ExpectedEnv = {
  CACHE_STORE: 'redis',
  REDIS_URL: 'redis://redis:6379',
  REDIS_TLS_ENABLED: 'false',
};
const S3: ExpectedEnv = {
  LOG_STORE: 's3',
  LOG_STORE_REGION: 'us-east-1',
  LOG_STORE_ACCESS_KEY: SECRET,
  LOG_STORE_SECRET_KEY: SECRET,
  LOG_STORE_GENERATIONS_BUCKET: 'portkey-logs',
};
/** The env of the minimal answers. */
export const MINIMAL_ENV: ExpectedEnv = {
  ...CORE,
  ...CONTROL_PLANE,
  ...IN_CLUSTER_REDIS,
  ...S3,
};

/** Everything except the log store (for log-store cases). */
const WITHOUT_LOG_STORE: ExpectedEnv = {
  ...CORE,
  ...CONTROL_PLANE,
  ...IN_CLUSTER_REDIS,
};
/** Everything except analytics (for analytics cases). */
const WITHOUT_ANALYTICS: ExpectedEnv = { ...CORE, ...IN_CLUSTER_REDIS, ...S3 };
/** Everything except the cache (for cache cases). */
const WITHOUT_CACHE: ExpectedEnv = { ...CORE, ...CONTROL_PLANE, ...S3 };

export type ReadmeOption = {
  /** README section and option. */
  name: string;
  answers: GatewayInputAnswers;
  env: ExpectedEnv;
};

const ROLE = 'arn:aws:iam::123456789012:role/portkey-logs';
const CLICKHOUSE = {
  store: 'clickhouse',
  endpoint: 'https://clickhouse.internal:8443',
  user: 'portkey',
  logTable: 'generations',
  feedbackTable: 'feedbacks',
  generationHooksTable: 'generation_hooks',
} as const;
const CLICKHOUSE_ENV: ExpectedEnv = {
  ANALYTICS_STORE: 'clickhouse',
  ANALYTICS_STORE_ENDPOINT: 'https://clickhouse.internal:8443',
  ANALYTICS_STORE_USER: 'portkey',
  ANALYTICS_STORE_PASSWORD: SECRET,
  ANALYTICS_LOG_TABLE: 'generations',
  ANALYTICS_FEEDBACK_TABLE: 'feedbacks',
  ANALYTICS_GENERATION_HOOKS_TABLE: 'generation_hooks',
};
const MONGO = {
  store: 'mongo',
  database: 'portkey',
  collection: 'logs',
  hooksCollection: 'hooks',
} as const;
const MONGO_ENV: ExpectedEnv = {
  LOG_STORE: 'mongo',
  MONGO_DB_CONNECTION_URL: SECRET,
  MONGO_DATABASE: 'portkey',
  MONGO_COLLECTION_NAME: 'logs',
  // values.yaml spells it GENERATIONS, the README and the data service GENERATION: both are set.
  MONGO_GENERATIONS_HOOKS_COLLECTION_NAME: 'hooks',
  MONGO_GENERATION_HOOKS_COLLECTION_NAME: 'hooks',
};

export const README_OPTIONS: ReadmeOption[] = [
  // Log store
  { name: 'log store s3', answers: answersWith({}), env: MINIMAL_ENV },
  {
    name: 'log store s3_assume with access keys (method 1)',
    answers: answersWith({
      logStore: {
        store: 's3_assume',
        region: 'eu-west-1',
        bucket: 'portkey-logs',
        auth: 'access_keys',
        roleArn: ROLE,
        externalId: 'ext-42',
      },
    }),
    env: {
      ...WITHOUT_LOG_STORE,
      LOG_STORE: 's3_assume',
      LOG_STORE_REGION: 'eu-west-1',
      LOG_STORE_ACCESS_KEY: SECRET,
      LOG_STORE_SECRET_KEY: SECRET,
      LOG_STORE_GENERATIONS_BUCKET: 'portkey-logs',
      LOG_STORE_AWS_ROLE_ARN: ROLE,
      LOG_STORE_AWS_EXTERNAL_ID: 'ext-42',
    },
  },
  {
    name: 'log store s3_assume with EKS IRSA (method 2)',
    answers: answersWith({
      logStore: {
        store: 's3_assume',
        region: 'eu-west-1',
        bucket: 'portkey-logs',
        auth: 'irsa',
      },
      serviceAccount: { mode: 'create', roleArn: ROLE },
    }),
    env: {
      ...WITHOUT_LOG_STORE,
      LOG_STORE: 's3_assume',
      LOG_STORE_REGION: 'eu-west-1',
      LOG_STORE_GENERATIONS_BUCKET: 'portkey-logs',
    },
  },
  {
    name: 'log store s3_assume with EC2 IMDS v2 (method 3)',
    answers: answersWith({
      logStore: {
        store: 's3_assume',
        region: 'us-east-1',
        bucket: 'portkey-logs',
        auth: 'imds',
      },
    }),
    env: {
      ...WITHOUT_LOG_STORE,
      LOG_STORE: 's3_assume',
      LOG_STORE_REGION: 'us-east-1',
      LOG_STORE_GENERATIONS_BUCKET: 'portkey-logs',
    },
  },
  {
    name: 'log store s3_assume with EC2 IMDS v1 (method 3, AWS_IMDS_V1)',
    answers: answersWith({
      logStore: {
        store: 's3_assume',
        region: 'us-east-1',
        bucket: 'portkey-logs',
        auth: 'imds',
        imdsV1: true,
      },
    }),
    env: {
      ...WITHOUT_LOG_STORE,
      LOG_STORE: 's3_assume',
      LOG_STORE_REGION: 'us-east-1',
      LOG_STORE_GENERATIONS_BUCKET: 'portkey-logs',
      AWS_IMDS_V1: 'true',
    },
  },
  ...(['gcs', 'wasabi'] as const).map(
    (store): ReadmeOption => ({
      name: `log store ${store}`,
      answers: answersWith({
        logStore: { store, region: 'europe-west4', bucket: `${store}-logs` },
      }),
      env: {
        ...WITHOUT_LOG_STORE,
        LOG_STORE: store,
        LOG_STORE_REGION: 'europe-west4',
        LOG_STORE_ACCESS_KEY: SECRET,
        LOG_STORE_SECRET_KEY: SECRET,
        LOG_STORE_GENERATIONS_BUCKET: `${store}-logs`,
      },
    }),
  ),
  ...(['netapp', 's3_custom'] as const).map(
    (store): ReadmeOption => ({
      name: `log store ${store}`,
      answers: answersWith({
        logStore: {
          store,
          region: 'on-prem-1',
          basePath: 'https://s3.example.com/portkey-logs',
        },
      }),
      env: {
        ...WITHOUT_LOG_STORE,
        LOG_STORE: store,
        LOG_STORE_REGION: 'on-prem-1',
        LOG_STORE_ACCESS_KEY: SECRET,
        LOG_STORE_SECRET_KEY: SECRET,
        LOG_STORE_BASEPATH: 'https://s3.example.com/portkey-logs',
      },
    }),
  ),
  {
    name: 'log store azure with a storage key',
    answers: answersWith({
      logStore: {
        store: 'azure',
        storageAccount: 'portkeylogs',
        container: 'logs',
        auth: 'storage_key',
      },
    }),
    env: {
      ...WITHOUT_LOG_STORE,
      LOG_STORE: 'azure',
      AZURE_STORAGE_ACCOUNT: 'portkeylogs',
      AZURE_STORAGE_KEY: SECRET,
      AZURE_STORAGE_CONTAINER: 'logs',
    },
  },
  {
    name: 'log store azure with a managed identity (single identity)',
    answers: answersWith({
      logStore: {
        store: 'azure',
        storageAccount: 'portkeylogs',
        container: 'logs',
        auth: 'managed_identity',
      },
    }),
    env: {
      ...WITHOUT_LOG_STORE,
      LOG_STORE: 'azure',
      AZURE_AUTH_MODE: 'managed',
      AZURE_STORAGE_ACCOUNT: 'portkeylogs',
      AZURE_STORAGE_CONTAINER: 'logs',
    },
  },
  {
    name: 'log store azure with a managed identity (managedClientId)',
    answers: answersWith({
      logStore: {
        store: 'azure',
        storageAccount: 'portkeylogs',
        container: 'logs',
        auth: 'managed_identity',
        managedClientId: '11111111-2222-3333-4444-555555555555',
      },
    }),
    env: {
      ...WITHOUT_LOG_STORE,
      LOG_STORE: 'azure',
      AZURE_AUTH_MODE: 'managed',
      AZURE_STORAGE_ACCOUNT: 'portkeylogs',
      AZURE_STORAGE_CONTAINER: 'logs',
      AZURE_MANAGED_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
    },
  },
  {
    name: 'log store azure with an Entra identity',
    answers: answersWith({
      logStore: {
        store: 'azure',
        storageAccount: 'portkeylogs',
        container: 'logs',
        auth: 'entra',
        entraClientId: 'client-1',
        entraTenantId: 'tenant-1',
      },
    }),
    env: {
      ...WITHOUT_LOG_STORE,
      LOG_STORE: 'azure',
      AZURE_AUTH_MODE: 'entra',
      AZURE_STORAGE_ACCOUNT: 'portkeylogs',
      AZURE_STORAGE_CONTAINER: 'logs',
      AZURE_ENTRA_CLIENT_ID: 'client-1',
      AZURE_ENTRA_CLIENT_SECRET: SECRET,
      AZURE_ENTRA_TENANT_ID: 'tenant-1',
    },
  },
  {
    name: 'log store mongo',
    answers: answersWith({ logStore: MONGO }),
    env: { ...WITHOUT_LOG_STORE, ...MONGO_ENV },
  },
  {
    name: 'log store mongo with a PEM from a ConfigMap',
    answers: answersWith({
      logStore: { ...MONGO, pem: { source: 'configMap', name: 'docdb-ca' } },
    }),
    env: { ...WITHOUT_LOG_STORE, ...MONGO_ENV },
  },
  {
    name: 'log store mongo with a PEM from a Secret',
    answers: answersWith({
      logStore: {
        ...MONGO,
        pem: { source: 'secret', name: 'docdb-pem', key: 'ca.pem' },
      },
    }),
    env: { ...WITHOUT_LOG_STORE, ...MONGO_ENV },
  },

  // Analytics store (+ OTEL)
  {
    name: 'analytics control plane',
    answers: answersWith({ analytics: { store: 'control_plane' } }),
    env: MINIMAL_ENV,
  },
  {
    name: 'analytics control plane with OTEL (headers from the Secret)',
    answers: answersWith({
      otel: {
        enabled: true,
        endpoint: 'http://otel-collector:4318',
        resourceAttributes: 'ApplicationShortName=gateway,AssetId=12323',
        headersFromSecret: true,
      },
    }),
    env: {
      ...MINIMAL_ENV,
      OTEL_PUSH_ENABLED: 'true',
      OTEL_ENDPOINT: 'http://otel-collector:4318',
      OTEL_RESOURCE_ATTRIBUTES: 'ApplicationShortName=gateway,AssetId=12323',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_HEADERS: SECRET,
    },
  },
  {
    name: 'analytics clickhouse',
    answers: answersWith({ analytics: CLICKHOUSE }),
    env: { ...WITHOUT_ANALYTICS, ...CLICKHOUSE_ENV },
  },
  {
    name: 'analytics clickhouse with OTEL (no headers)',
    answers: answersWith({
      analytics: CLICKHOUSE,
      otel: {
        enabled: true,
        endpoint: 'https://otel.example.com',
        protocol: 'http/protobuf',
      },
    }),
    env: {
      ...WITHOUT_ANALYTICS,
      ...CLICKHOUSE_ENV,
      OTEL_PUSH_ENABLED: 'true',
      OTEL_ENDPOINT: 'https://otel.example.com',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
    },
  },

  // Cache store
  {
    name: 'cache in-cluster redis',
    answers: answersWith({ cache: { store: 'redis' } }),
    env: MINIMAL_ENV,
  },
  {
    name: 'cache aws-elastic-cache, URL literal, not clustered',
    answers: answersWith({
      cache: {
        store: 'aws-elastic-cache',
        url: 'rediss://cache.abc123.use1.cache.amazonaws.com:6379',
      },
    }),
    env: {
      ...WITHOUT_CACHE,
      CACHE_STORE: 'aws-elastic-cache',
      REDIS_URL: 'rediss://cache.abc123.use1.cache.amazonaws.com:6379',
      REDIS_TLS_ENABLED: 'true',
    },
  },
  {
    name: 'cache aws-elastic-cache in cluster mode, URL from the Secret',
    answers: answersWith({
      cache: {
        store: 'aws-elastic-cache',
        urlSource: 'secret',
        clusterMode: true,
      },
    }),
    env: {
      ...WITHOUT_CACHE,
      CACHE_STORE: 'aws-elastic-cache',
      REDIS_URL: SECRET,
      REDIS_TLS_ENABLED: 'true',
      REDIS_MODE: 'cluster',
    },
  },
  {
    name: 'cache custom redis',
    answers: answersWith({
      cache: { store: 'custom', url: 'redis://redis.shared:6379' },
    }),
    env: {
      ...WITHOUT_CACHE,
      CACHE_STORE: 'custom',
      REDIS_URL: 'redis://redis.shared:6379',
      REDIS_TLS_ENABLED: 'false',
    },
  },

  // Bedrock
  {
    name: 'bedrock with long-term access keys',
    answers: answersWith({
      bedrock: { access: 'access_keys', region: 'us-west-2' },
    }),
    env: {
      ...MINIMAL_ENV,
      AWS_ASSUME_ROLE_ACCESS_KEY_ID: SECRET,
      AWS_ASSUME_ROLE_SECRET_ACCESS_KEY: SECRET,
      AWS_ASSUME_ROLE_REGION: 'us-west-2',
    },
  },
  {
    name: 'bedrock with the pod role (IRSA/IMDS)',
    answers: answersWith({
      bedrock: {
        access: 'pod_role',
        roleArn: 'arn:aws:iam::123456789012:role/bedrock',
      },
    }),
    env: MINIMAL_ENV,
  },

  // Data service
  {
    name: 'data service',
    answers: answersWith({
      dataService: {
        enabled: true,
        finetunesBucket: 'portkey-finetunes',
        logExportsBucket: 'portkey-exports',
        finetunesRoleArn: 'arn:aws:iam::123456789012:role/finetunes',
      },
    }),
    env: {
      ...MINIMAL_ENV,
      FINETUNES_BUCKET: 'portkey-finetunes',
      LOG_EXPORTS_BUCKET: 'portkey-exports',
      FINETUNES_AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/finetunes',
    },
  },

  // Server modes
  {
    name: 'server mode gateway',
    answers: answersWith({ server: { mode: 'gateway' } }),
    env: MINIMAL_ENV,
  },
  {
    name: 'server mode all (gateway and MCP)',
    answers: answersWith({
      server: { mode: 'all', mcpGatewayBaseUrl: 'https://mcp.example.com' },
    }),
    env: {
      ...MINIMAL_ENV,
      SERVER_MODE: 'all',
      MCP_PORT: '8788',
      MCP_GATEWAY_BASE_URL: 'https://mcp.example.com',
    },
  },
  {
    name: 'server mode mcp',
    answers: answersWith({ server: { mode: 'mcp' } }),
    env: { ...MINIMAL_ENV, SERVER_MODE: 'mcp', MCP_PORT: '8788' },
  },
];

/** The keys of an expected env that come from the Secret. */
export function expectedSecretKeys(env: ExpectedEnv): string[] {
  return Object.keys(env).filter(key => env[key] === SECRET);
}
