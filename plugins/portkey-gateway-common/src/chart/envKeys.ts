// Every environment key the chart (1.7.7) and the gateway image know (REFERENCE.md §2, §5):
// the one place that spells them. The renderer, the settings reader and the checker take
// their keys from here.

/**
 * The part of the gateway an env key configures; the same names as the input's sections.
 *
 * @public
 */
export type EnvKeySection =
  | 'core'
  | 'server'
  | 'analytics'
  | 'otel'
  | 'logStore'
  | 'cache'
  | 'bedrock'
  | 'dataService';

/**
 * What the project knows about one env key.
 *
 * @public
 */
export type EnvKeyFact = {
  section: EnvKeySection;
  /** secret: a credential, only ever read from a Kubernetes Secret; literal: a plain value. */
  source: 'secret' | 'literal';
  description: string;
  /**
   * The data service Deployment reads it from `environment.data` too (when
   * `dataservice.enabled`), through the chart's `commonEnv` helpers.
   */
  readByDataService?: true;
};

function fact<S extends EnvKeyFact['source']>(source: S) {
  return (
    section: EnvKeySection,
    description: string,
    readByDataService = false,
  ) => ({
    section,
    source,
    description,
    ...(readByDataService ? { readByDataService: true as const } : {}),
  });
}
const literal = fact('literal');
const secret = fact('secret');
/** Marks a key the data service reads from environment.data as well. */
const DS = true;

/**
 * Every environment key the chart and the gateway know, with its section, whether it is a
 * credential, and what it means.
 *
 * @public
 */
export const GATEWAY_ENV_KEYS = {
  // Core (README "mandatory")
  SERVICE_NAME: literal('core', 'Service name shared by Portkey'),
  PORT: literal('core', 'Port the gateway listens on'),
  PORTKEY_CLIENT_AUTH: secret(
    'core',
    'Client auth key for the Portkey control plane (shared by Portkey)',
    DS,
  ),
  ORGANISATIONS_TO_SYNC: literal(
    'core',
    'Organisation ID(s) shared by Portkey, comma-separated',
    DS,
  ),
  REQUEST_TIMEOUT: literal('core', 'Request timeout in milliseconds'),

  // Server mode
  SERVER_MODE: literal(
    'server',
    '"" (gateway only), "all" (gateway and MCP server) or "mcp" (MCP server only)',
  ),
  MCP_PORT: literal('server', 'Port the MCP server listens on'),
  MCP_GATEWAY_BASE_URL: literal('server', 'Base URL of the MCP gateway'),

  // Analytics
  ANALYTICS_STORE: literal(
    'analytics',
    'Analytics store: control_plane or clickhouse',
    DS,
  ),
  ANALYTICS_STORE_ENDPOINT: literal('analytics', 'ClickHouse endpoint', DS),
  ANALYTICS_STORE_USER: literal('analytics', 'ClickHouse user', DS),
  ANALYTICS_STORE_PASSWORD: secret(
    'analytics',
    'ClickHouse password of the analytics user',
    DS,
  ),
  ANALYTICS_LOG_TABLE: literal('analytics', 'ClickHouse table of logs', DS),
  ANALYTICS_FEEDBACK_TABLE: literal(
    'analytics',
    'ClickHouse table of feedback',
  ),
  ANALYTICS_GENERATION_HOOKS_TABLE: literal(
    'analytics',
    'ClickHouse table of generation hooks',
  ),

  // OpenTelemetry push
  OTEL_PUSH_ENABLED: literal('otel', 'Pushes analytics over OTLP when "true"'),
  OTEL_ENDPOINT: literal('otel', 'OTLP endpoint'),
  OTEL_RESOURCE_ATTRIBUTES: literal(
    'otel',
    'OTLP resource attributes, comma-separated name=value pairs',
  ),
  OTEL_EXPORTER_OTLP_PROTOCOL: literal(
    'otel',
    'OTLP protocol: http/json or http/protobuf',
  ),
  OTEL_EXPORTER_OTLP_HEADERS: secret(
    'otel',
    'OTLP exporter headers, comma-separated name=value pairs (usually an API key)',
  ),
  EXPERIMENTAL_GEN_AI_OTEL_PUSH_ENABLED: literal(
    'otel',
    'Pushes GenAI OTEL logs when "true" (experimental)',
  ),
  EXPERIMENTAL_GEN_AI_OTEL_OTLP_ENDPOINT: literal(
    'otel',
    'OTLP endpoint of the GenAI OTEL logs (experimental)',
  ),
  EXPERIMENTAL_GEN_AI_OTEL_OTLP_HEADERS: secret(
    'otel',
    'OTLP headers of the GenAI OTEL logs (experimental; usually an API key)',
  ),

  // Log store
  LOG_STORE: literal(
    'logStore',
    'Log store: s3, s3_assume, gcs, wasabi, netapp, s3_custom, azure or mongo',
    DS,
  ),
  LOG_STORE_REGION: literal('logStore', 'Region of the log store', DS),
  LOG_STORE_ACCESS_KEY: secret(
    'logStore',
    'Access key id of the log store (HMAC key for GCS)',
    DS,
  ),
  LOG_STORE_SECRET_KEY: secret(
    'logStore',
    'Secret access key of the log store (HMAC secret for GCS)',
    DS,
  ),
  LOG_STORE_GENERATIONS_BUCKET: literal(
    'logStore',
    'Bucket of the log store',
    DS,
  ),
  LOG_STORE_BASEPATH: literal(
    'logStore',
    'Base URL of the log store, including the bucket',
    DS,
  ),
  LOG_STORE_AWS_ROLE_ARN: literal(
    'logStore',
    'Role with bucket access that s3_assume assumes',
    DS,
  ),
  LOG_STORE_AWS_EXTERNAL_ID: literal(
    'logStore',
    'External ID of the s3_assume trust relationship',
    DS,
  ),
  AWS_IMDS_V1: literal('logStore', 'Uses IMDSv1 on EC2 when "true"'),
  AZURE_AUTH_MODE: literal(
    'logStore',
    'Azure authentication: empty (storage key), managed or entra',
    DS,
  ),
  AZURE_MANAGED_CLIENT_ID: literal(
    'logStore',
    'Client id of the managed identity (only with several)',
    DS,
  ),
  AZURE_ENTRA_CLIENT_ID: literal(
    'logStore',
    'Client id of the Entra application',
    DS,
  ),
  AZURE_ENTRA_CLIENT_SECRET: secret(
    'logStore',
    'Client secret of the Entra application',
    DS,
  ),
  AZURE_ENTRA_TENANT_ID: literal(
    'logStore',
    'Tenant id of the Entra application',
    DS,
  ),
  AZURE_STORAGE_ACCOUNT: literal('logStore', 'Azure storage account', DS),
  AZURE_STORAGE_KEY: secret('logStore', 'Azure storage account key', DS),
  AZURE_STORAGE_CONTAINER: literal('logStore', 'Azure storage container', DS),
  MONGO_DB_CONNECTION_URL: secret(
    'logStore',
    'MongoDB connection URL, mongodb://user:password@host:port/db',
    DS,
  ),
  MONGO_DATABASE: literal('logStore', 'MongoDB database', DS),
  MONGO_COLLECTION_NAME: literal('logStore', 'MongoDB collection of logs', DS),
  MONGO_GENERATIONS_HOOKS_COLLECTION_NAME: literal(
    'logStore',
    "MongoDB collection of generation hooks, as values.yaml spells it (the gateway's)",
  ),
  MONGO_GENERATION_HOOKS_COLLECTION_NAME: literal(
    'logStore',
    'MongoDB collection of generation hooks, as the README and the data service spell it',
    DS,
  ),

  // Cache
  CACHE_STORE: literal(
    'cache',
    'Cache: redis (in-cluster), aws-elastic-cache or custom',
    DS,
  ),
  REDIS_URL: secret(
    'cache',
    'Redis URL, with its password if it has one (redis[s]://:password@host:port)',
    DS,
  ),
  REDIS_TLS_ENABLED: literal(
    'cache',
    'Connects to Redis over TLS when "true"',
    DS,
  ),
  REDIS_MODE: literal('cache', '"cluster" for a Redis cluster', DS),
  REDIS_HOST: literal('cache', 'Redis host', DS),
  REDIS_PORT: literal('cache', 'Redis port', DS),
  REDIS_USERNAME: literal('cache', 'Redis user', DS),
  REDIS_PASSWORD: secret('cache', 'Redis password', DS),
  REDIS_TLS_CERTS: literal('cache', 'Redis TLS certificates', DS),
  REDIS_SCALE_READS: literal('cache', 'Redis cluster read scaling', DS),
  REDIS_CLUSTER_ENDPOINTS: literal('cache', 'Redis cluster endpoints', DS),
  REDIS_CLUSTER_DISCOVERY_URL: literal(
    'cache',
    'Redis cluster discovery URL',
    DS,
  ),
  REDIS_CLUSTER_DISCOVERY_AUTH: secret(
    'cache',
    'Credentials of the Redis cluster discovery URL',
    DS,
  ),
  AZURE_REDIS_AUTH_MODE: literal('cache', 'Azure Redis authentication', DS),
  AZURE_REDIS_ENTRA_CLIENT_ID: literal(
    'cache',
    'Client id of the Azure Redis Entra application',
    DS,
  ),
  AZURE_REDIS_ENTRA_CLIENT_SECRET: secret(
    'cache',
    'Client secret of the Azure Redis Entra application',
    DS,
  ),
  AZURE_REDIS_ENTRA_TENANT_ID: literal(
    'cache',
    'Tenant id of the Azure Redis Entra application',
    DS,
  ),
  AZURE_REDIS_MANAGED_CLIENT_ID: literal(
    'cache',
    'Client id of the Azure Redis managed identity',
    DS,
  ),
  AWS_REDIS_AUTH_MODE: literal('cache', 'ElastiCache authentication', DS),
  AWS_REDIS_CLUSTER_NAME: literal('cache', 'ElastiCache cluster name', DS),
  AWS_REDIS_REGION: literal('cache', 'ElastiCache region', DS),
  AWS_REDIS_ASSUME_ROLE_ARN: literal(
    'cache',
    'Role assumed for ElastiCache',
    DS,
  ),
  AWS_REDIS_ROLE_EXTERNAL_ID: literal(
    'cache',
    'External ID of the ElastiCache role',
    DS,
  ),

  // Bedrock (assumed role)
  AWS_ASSUME_ROLE_ACCESS_KEY_ID: secret(
    'bedrock',
    'Access key id of the principal that assumes the Bedrock role',
  ),
  AWS_ASSUME_ROLE_SECRET_ACCESS_KEY: secret(
    'bedrock',
    'Secret access key of the principal that assumes the Bedrock role',
  ),
  AWS_ASSUME_ROLE_REGION: literal('bedrock', 'Region of the Bedrock role'),

  // Data service: keys it reads from environment.data, and those the chart sets itself
  FINETUNES_BUCKET: literal('dataService', 'Bucket of fine-tuning data', DS),
  LOG_EXPORTS_BUCKET: literal('dataService', 'Bucket of log exports', DS),
  FINETUNES_AWS_ROLE_ARN: literal(
    'dataService',
    'Role with access to the fine-tuning bucket',
    DS,
  ),
  ALBUS_BASEPATH: literal(
    'dataService',
    "Control plane URL, the data service's ALBUS_ENDPOINT",
  ),
  DATASERVICE_BASEPATH: literal(
    'dataService',
    'Data service URL; the chart sets it on the gateway when the data service is enabled',
  ),
  ALBUS_ENDPOINT: literal(
    'dataService',
    'Set by the chart on the data service',
  ),
  GATEWAY_BASE_URL: literal(
    'dataService',
    'Set by the chart on the data service',
  ),
  NODE_ENV: literal('dataService', 'Set by the chart on the data service'),
  HYBRID_DEPLOYMENT: literal(
    'dataService',
    'Set by the chart on the data service',
  ),
  NODE_DEBUG: literal('dataService', 'Set by the chart on the data service'),
  DEBUG_ENABLED: literal(
    'dataService',
    'dataservice.env.DEBUG_ENABLED: debug logs of the data service',
  ),
  CLICKHOUSE_HOST: literal(
    'dataService',
    "Set by the chart on the data service (ANALYTICS_STORE_ENDPOINT's value)",
  ),
  CLICKHOUSE_USER: literal(
    'dataService',
    "Set by the chart on the data service (ANALYTICS_STORE_USER's value)",
  ),
  CLICKHOUSE_PASSWORD: secret(
    'dataService',
    "Set by the chart on the data service (ANALYTICS_STORE_PASSWORD's value)",
  ),
  AWS_S3_FINETUNE_BUCKET: literal(
    'dataService',
    "Set by the chart on the data service (FINETUNES_BUCKET's value)",
  ),
} as const satisfies Record<string, EnvKeyFact>;

/** @public */
export type GatewayEnvKey = keyof typeof GATEWAY_ENV_KEYS;

/**
 * Each env key by its own name, so code names a key through the table (`ENV_KEY.LOG_STORE`)
 * and a misspelt key does not compile.
 *
 * @public
 */
export const ENV_KEY = Object.fromEntries(
  Object.keys(GATEWAY_ENV_KEYS).map(key => [key, key]),
) as { readonly [K in GatewayEnvKey]: K };

/** @public */
export function isGatewayEnvKey(key: string): key is GatewayEnvKey {
  return Object.prototype.hasOwnProperty.call(GATEWAY_ENV_KEYS, key);
}

/**
 * The Mongo hooks collection key in both spellings: values.yaml (and the gateway) says
 * GENERATIONS, the README and the data service template GENERATION. Set both so both read
 * the same collection.
 *
 * @public
 */
export const MONGO_HOOKS_COLLECTION_KEYS = [
  ENV_KEY.MONGO_GENERATIONS_HOOKS_COLLECTION_NAME,
  ENV_KEY.MONGO_GENERATION_HOOKS_COLLECTION_NAME,
] as const;
