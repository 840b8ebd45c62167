import { gatewayFullname, PORTKEY_CHART } from '../chart/chartFacts';
import { SECRET_ENV_KEYS, SecretEnvKey } from '../chart/secretKeys';
import { GatewayInput } from '../model/gatewayInput';

/**
 * ORGANISATIONS_TO_SYNC as the gateway reads it: the form's list without the spaces it allows.
 *
 * @public
 */
export function organisationsToSyncEnv(input: GatewayInput): string {
  return input.core.organisationsToSync.replace(/\s+/g, '');
}

/**
 * Where one gateway environment variable comes from: a literal in values.yaml, or a key of
 * the gateway's Kubernetes Secret.
 *
 * @public
 */
export type EnvSource =
  | { from: 'literal'; value: string }
  | { from: 'secret'; secretName: string; key: SecretEnvKey };

/** @public */
export type GatewayEnvPlan = {
  /** The Secret (in the gateway's namespace) every secret key is read from. */
  secretName: string;
  /** Every env key the chosen options set, in a stable order, with its source. */
  env: Map<string, EnvSource>;
};

/** The Secret holding the gateway's credentials: the one named, or `<fullname>-secrets`. */
export function gatewaySecretName(input: GatewayInput): string {
  return (
    input.secrets.secretName ??
    `${gatewayFullname(input.gateway.releaseName)}-secrets`
  );
}

/**
 * Decides, for the chosen options, exactly which environment keys the gateway gets and where
 * each comes from. Everything the renderer writes under `environment` follows from this plan,
 * and so do the PR's list of required Secret keys and the settings read back from a cluster.
 *
 * @public
 */
export function planGatewayEnv(input: GatewayInput): GatewayEnvPlan {
  const secretName = gatewaySecretName(input);
  const env = new Map<string, EnvSource>();
  const literal = (key: string, value: string | number | boolean) =>
    env.set(key, { from: 'literal', value: String(value) });
  const secret = (key: SecretEnvKey) =>
    env.set(key, { from: 'secret', secretName, key });

  // Core (README "mandatory"); PORT stays the chart default so probes and Service agree.
  literal('SERVICE_NAME', input.core.serviceName);
  literal('PORT', PORTKEY_CHART.defaultGatewayPort);
  secret('PORTKEY_CLIENT_AUTH');
  literal('ORGANISATIONS_TO_SYNC', organisationsToSyncEnv(input));
  if (input.core.requestTimeoutMs !== undefined)
    literal('REQUEST_TIMEOUT', input.core.requestTimeoutMs);

  // SERVER_MODE is always explicit: a missing key becomes "<nil>" in existing-Secret mode,
  // which disables both servers and renders a Service without ports.
  const { server } = input;
  literal('SERVER_MODE', server.mode === 'gateway' ? '' : server.mode);
  if (server.mode !== 'gateway') {
    literal('MCP_PORT', server.mcpPort);
    if (server.mcpGatewayBaseUrl)
      literal('MCP_GATEWAY_BASE_URL', server.mcpGatewayBaseUrl);
  }

  planAnalytics(input, literal, secret);
  planLogStore(input, literal, secret);
  planCache(input, literal, secret);

  if (input.bedrock.access === 'access_keys') {
    secret('AWS_ASSUME_ROLE_ACCESS_KEY_ID');
    secret('AWS_ASSUME_ROLE_SECRET_ACCESS_KEY');
    literal('AWS_ASSUME_ROLE_REGION', input.bedrock.region!);
  }

  // The data service reads these from environment.data (dataservice.finetuneBucket is ignored by the chart).
  if (input.dataService.enabled) {
    literal('FINETUNES_BUCKET', input.dataService.finetunesBucket!);
    literal('LOG_EXPORTS_BUCKET', input.dataService.logExportsBucket!);
    if (input.dataService.finetunesRoleArn)
      literal('FINETUNES_AWS_ROLE_ARN', input.dataService.finetunesRoleArn);
  }

  return { secretName, env };
}

type Literal = (key: string, value: string | number | boolean) => void;
type Secret = (key: SecretEnvKey) => void;

function planAnalytics(input: GatewayInput, literal: Literal, secret: Secret) {
  const { analytics, otel } = input;
  literal('ANALYTICS_STORE', analytics.store);
  if (analytics.store === 'clickhouse') {
    literal('ANALYTICS_STORE_ENDPOINT', analytics.endpoint);
    literal('ANALYTICS_STORE_USER', analytics.user);
    secret('ANALYTICS_STORE_PASSWORD');
    literal('ANALYTICS_LOG_TABLE', analytics.logTable);
    literal('ANALYTICS_FEEDBACK_TABLE', analytics.feedbackTable);
    literal('ANALYTICS_GENERATION_HOOKS_TABLE', analytics.generationHooksTable);
  }
  if (otel.enabled) {
    literal('OTEL_PUSH_ENABLED', true);
    literal('OTEL_ENDPOINT', otel.endpoint!);
    if (otel.resourceAttributes)
      literal('OTEL_RESOURCE_ATTRIBUTES', otel.resourceAttributes);
    literal('OTEL_EXPORTER_OTLP_PROTOCOL', otel.protocol);
    if (otel.headersFromSecret) secret('OTEL_EXPORTER_OTLP_HEADERS');
  }
}

function planLogStore(input: GatewayInput, literal: Literal, secret: Secret) {
  const logStore = input.logStore;
  literal('LOG_STORE', logStore.store);
  const accessKeys = () => {
    secret('LOG_STORE_ACCESS_KEY');
    secret('LOG_STORE_SECRET_KEY');
  };
  switch (logStore.store) {
    case 's3':
    case 'gcs':
    case 'wasabi':
      literal('LOG_STORE_REGION', logStore.region);
      accessKeys();
      literal('LOG_STORE_GENERATIONS_BUCKET', logStore.bucket);
      return;
    case 'netapp':
    case 's3_custom':
      literal('LOG_STORE_REGION', logStore.region);
      accessKeys();
      literal('LOG_STORE_BASEPATH', logStore.basePath);
      return;
    case 's3_assume':
      literal('LOG_STORE_REGION', logStore.region);
      literal('LOG_STORE_GENERATIONS_BUCKET', logStore.bucket);
      if (logStore.auth === 'access_keys') {
        accessKeys();
        literal('LOG_STORE_AWS_ROLE_ARN', logStore.roleArn!);
        literal('LOG_STORE_AWS_EXTERNAL_ID', logStore.externalId!);
      } else if (logStore.auth === 'imds' && logStore.imdsV1) {
        literal('AWS_IMDS_V1', true);
      }
      return;
    case 'azure':
      literal('AZURE_STORAGE_ACCOUNT', logStore.storageAccount);
      literal('AZURE_STORAGE_CONTAINER', logStore.container);
      if (logStore.auth === 'storage_key') {
        secret('AZURE_STORAGE_KEY');
      } else if (logStore.auth === 'managed_identity') {
        literal('AZURE_AUTH_MODE', 'managed');
        if (logStore.managedClientId)
          literal('AZURE_MANAGED_CLIENT_ID', logStore.managedClientId);
      } else {
        literal('AZURE_AUTH_MODE', 'entra');
        literal('AZURE_ENTRA_CLIENT_ID', logStore.entraClientId!);
        secret('AZURE_ENTRA_CLIENT_SECRET');
        literal('AZURE_ENTRA_TENANT_ID', logStore.entraTenantId!);
      }
      return;
    case 'mongo':
      secret('MONGO_DB_CONNECTION_URL');
      literal('MONGO_DATABASE', logStore.database);
      literal('MONGO_COLLECTION_NAME', logStore.collection);
      // values.yaml spells it GENERATIONS, the README and the data service template GENERATION:
      // set both so the gateway and the data service read the same collection.
      literal(
        'MONGO_GENERATIONS_HOOKS_COLLECTION_NAME',
        logStore.hooksCollection,
      );
      literal(
        'MONGO_GENERATION_HOOKS_COLLECTION_NAME',
        logStore.hooksCollection,
      );
      return;
    default:
      assertNever(logStore);
  }
}

function planCache(input: GatewayInput, literal: Literal, secret: Secret) {
  const { cache } = input;
  literal('CACHE_STORE', cache.store);
  if (cache.store === 'redis') {
    literal('REDIS_URL', PORTKEY_CHART.inClusterRedisUrl);
    literal('REDIS_TLS_ENABLED', false);
    return;
  }
  if (cache.urlSource === 'secret') secret('REDIS_URL');
  else literal('REDIS_URL', cache.url!);
  literal('REDIS_TLS_ENABLED', cache.tls);
  if (cache.clusterMode) literal('REDIS_MODE', 'cluster');
}

function assertNever(value: never): never {
  throw new Error(`Unhandled option ${JSON.stringify(value)}`);
}

/** The description a reviewer sees for each secret key the plan needs. @public */
export function describeSecretKeys(plan: GatewayEnvPlan) {
  return [...plan.env.values()]
    .filter(
      (s): s is Extract<EnvSource, { from: 'secret' }> => s.from === 'secret',
    )
    .map(s => ({ key: s.key, description: SECRET_ENV_KEYS[s.key] }));
}
