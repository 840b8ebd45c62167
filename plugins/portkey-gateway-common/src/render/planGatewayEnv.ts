import {
  gatewayFullname,
  PORTKEY_CHART,
  SERVER_MODE_VALUES,
} from '../chart/chartFacts';
import {
  ENV_KEY,
  GatewayEnvKey,
  MONGO_HOOKS_COLLECTION_KEYS,
} from '../chart/envKeys';
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
  const literal = (key: GatewayEnvKey, value: string | number | boolean) =>
    env.set(key, { from: 'literal', value: String(value) });
  const secret = (key: SecretEnvKey) =>
    env.set(key, { from: 'secret', secretName, key });

  // Core (README "mandatory"); PORT stays the chart default so probes and Service agree.
  literal(ENV_KEY.SERVICE_NAME, input.core.serviceName);
  literal(ENV_KEY.PORT, PORTKEY_CHART.defaultGatewayPort);
  secret(ENV_KEY.PORTKEY_CLIENT_AUTH);
  literal(ENV_KEY.ORGANISATIONS_TO_SYNC, organisationsToSyncEnv(input));
  if (input.core.requestTimeoutMs !== undefined)
    literal(ENV_KEY.REQUEST_TIMEOUT, input.core.requestTimeoutMs);

  // SERVER_MODE is always explicit: a missing key becomes "<nil>" in existing-Secret mode,
  // which disables both servers and renders a Service without ports.
  const { server } = input;
  literal(ENV_KEY.SERVER_MODE, SERVER_MODE_VALUES[server.mode]);
  if (server.mode !== 'gateway') {
    literal(ENV_KEY.MCP_PORT, server.mcpPort);
    if (server.mcpGatewayBaseUrl)
      literal(ENV_KEY.MCP_GATEWAY_BASE_URL, server.mcpGatewayBaseUrl);
  }

  planAnalytics(input, literal, secret);
  planLogStore(input, literal, secret);
  planCache(input, literal, secret);

  if (input.bedrock.access === 'access_keys') {
    secret(ENV_KEY.AWS_ASSUME_ROLE_ACCESS_KEY_ID);
    secret(ENV_KEY.AWS_ASSUME_ROLE_SECRET_ACCESS_KEY);
    literal(ENV_KEY.AWS_ASSUME_ROLE_REGION, input.bedrock.region!);
  }

  // The data service reads these from environment.data (dataservice.finetuneBucket is ignored by the chart).
  if (input.dataService.enabled) {
    literal(ENV_KEY.FINETUNES_BUCKET, input.dataService.finetunesBucket!);
    literal(ENV_KEY.LOG_EXPORTS_BUCKET, input.dataService.logExportsBucket!);
    if (input.dataService.finetunesRoleArn)
      literal(
        ENV_KEY.FINETUNES_AWS_ROLE_ARN,
        input.dataService.finetunesRoleArn,
      );
  }

  return { secretName, env };
}

type Literal = (key: GatewayEnvKey, value: string | number | boolean) => void;
type Secret = (key: SecretEnvKey) => void;

function planAnalytics(input: GatewayInput, literal: Literal, secret: Secret) {
  const { analytics, otel } = input;
  literal(ENV_KEY.ANALYTICS_STORE, analytics.store);
  if (analytics.store === 'clickhouse') {
    literal(ENV_KEY.ANALYTICS_STORE_ENDPOINT, analytics.endpoint);
    literal(ENV_KEY.ANALYTICS_STORE_USER, analytics.user);
    secret(ENV_KEY.ANALYTICS_STORE_PASSWORD);
    literal(ENV_KEY.ANALYTICS_LOG_TABLE, analytics.logTable);
    literal(ENV_KEY.ANALYTICS_FEEDBACK_TABLE, analytics.feedbackTable);
    literal(
      ENV_KEY.ANALYTICS_GENERATION_HOOKS_TABLE,
      analytics.generationHooksTable,
    );
  }
  if (otel.enabled) {
    literal(ENV_KEY.OTEL_PUSH_ENABLED, true);
    literal(ENV_KEY.OTEL_ENDPOINT, otel.endpoint!);
    if (otel.resourceAttributes)
      literal(ENV_KEY.OTEL_RESOURCE_ATTRIBUTES, otel.resourceAttributes);
    literal(ENV_KEY.OTEL_EXPORTER_OTLP_PROTOCOL, otel.protocol);
    if (otel.headersFromSecret) secret(ENV_KEY.OTEL_EXPORTER_OTLP_HEADERS);
  }
}

function planLogStore(input: GatewayInput, literal: Literal, secret: Secret) {
  const logStore = input.logStore;
  literal(ENV_KEY.LOG_STORE, logStore.store);
  const accessKeys = () => {
    secret(ENV_KEY.LOG_STORE_ACCESS_KEY);
    secret(ENV_KEY.LOG_STORE_SECRET_KEY);
  };
  switch (logStore.store) {
    case 's3':
    case 'gcs':
    case 'wasabi':
      literal(ENV_KEY.LOG_STORE_REGION, logStore.region);
      accessKeys();
      literal(ENV_KEY.LOG_STORE_GENERATIONS_BUCKET, logStore.bucket);
      return;
    case 'netapp':
    case 's3_custom':
      literal(ENV_KEY.LOG_STORE_REGION, logStore.region);
      accessKeys();
      literal(ENV_KEY.LOG_STORE_BASEPATH, logStore.basePath);
      return;
    case 's3_assume':
      literal(ENV_KEY.LOG_STORE_REGION, logStore.region);
      literal(ENV_KEY.LOG_STORE_GENERATIONS_BUCKET, logStore.bucket);
      if (logStore.auth === 'access_keys') {
        accessKeys();
        literal(ENV_KEY.LOG_STORE_AWS_ROLE_ARN, logStore.roleArn!);
        literal(ENV_KEY.LOG_STORE_AWS_EXTERNAL_ID, logStore.externalId!);
      } else if (logStore.auth === 'imds' && logStore.imdsV1) {
        literal(ENV_KEY.AWS_IMDS_V1, true);
      }
      return;
    case 'azure':
      literal(ENV_KEY.AZURE_STORAGE_ACCOUNT, logStore.storageAccount);
      literal(ENV_KEY.AZURE_STORAGE_CONTAINER, logStore.container);
      if (logStore.auth === 'storage_key') {
        secret(ENV_KEY.AZURE_STORAGE_KEY);
      } else if (logStore.auth === 'managed_identity') {
        literal(ENV_KEY.AZURE_AUTH_MODE, 'managed');
        if (logStore.managedClientId)
          literal(ENV_KEY.AZURE_MANAGED_CLIENT_ID, logStore.managedClientId);
      } else {
        literal(ENV_KEY.AZURE_AUTH_MODE, 'entra');
        literal(ENV_KEY.AZURE_ENTRA_CLIENT_ID, logStore.entraClientId!);
        secret(ENV_KEY.AZURE_ENTRA_CLIENT_SECRET);
        literal(ENV_KEY.AZURE_ENTRA_TENANT_ID, logStore.entraTenantId!);
      }
      return;
    case 'mongo':
      secret(ENV_KEY.MONGO_DB_CONNECTION_URL);
      literal(ENV_KEY.MONGO_DATABASE, logStore.database);
      literal(ENV_KEY.MONGO_COLLECTION_NAME, logStore.collection);
      // Both spellings, so the gateway and the data service read the same collection.
      for (const key of MONGO_HOOKS_COLLECTION_KEYS)
        literal(key, logStore.hooksCollection);
      return;
    default:
      assertNever(logStore);
  }
}

function planCache(input: GatewayInput, literal: Literal, secret: Secret) {
  const { cache } = input;
  literal(ENV_KEY.CACHE_STORE, cache.store);
  if (cache.store === 'redis') {
    literal(ENV_KEY.REDIS_URL, PORTKEY_CHART.inClusterRedisUrl);
    literal(ENV_KEY.REDIS_TLS_ENABLED, false);
    return;
  }
  if (cache.urlSource === 'secret') secret(ENV_KEY.REDIS_URL);
  else literal(ENV_KEY.REDIS_URL, cache.url!);
  literal(ENV_KEY.REDIS_TLS_ENABLED, cache.tls);
  if (cache.clusterMode) literal(ENV_KEY.REDIS_MODE, 'cluster');
}

function assertNever(value: never): never {
  throw new Error(`Unhandled option ${JSON.stringify(value)}`);
}

/** A secret key the plan needs, with what a reviewer must put in it. @public */
export type SecretKeyDescription = { key: SecretEnvKey; description: string };

/** The description a reviewer sees for each secret key the plan needs. @public */
export function describeSecretKeys(
  plan: GatewayEnvPlan,
): SecretKeyDescription[] {
  return [...plan.env.values()]
    .filter(
      (s): s is Extract<EnvSource, { from: 'secret' }> => s.from === 'secret',
    )
    .map(s => ({ key: s.key, description: SECRET_ENV_KEYS[s.key] }));
}
