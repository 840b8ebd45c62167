import type {
  GatewaySettings,
  GatewaySettingsResponse,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

/** The chart-created Secret of release `portkey-ai` (`<fullname>` = `portkey-ai-gateway`). */
export const CHART_SECRET = 'portkey-ai-gateway';

/** Settings every fixture starts from: control-plane analytics, in-cluster Redis, no log store. */
export function baseSettings(
  overrides: Partial<GatewaySettings> = {},
): GatewaySettings {
  return {
    core: { serviceName: 'portkeyenterprise', organisationsToSync: 'org-1' },
    server: { mode: 'gateway' },
    analytics: { store: 'control_plane' },
    otel: { enabled: false, headersFromSecret: false },
    logStore: {},
    cache: {
      store: 'redis',
      urlSource: 'literal',
      url: 'redis://redis:6379',
      tls: false,
      clusterMode: false,
    },
    bedrock: { access: 'pod_role_or_none' },
    dataService: { enabled: false },
    serviceAccount: { name: 'portkey-gw' },
    secretReferences: [
      {
        env: 'PORTKEY_CLIENT_AUTH',
        secretName: CHART_SECRET,
        key: 'PORTKEY_CLIENT_AUTH',
        keyPresent: true,
      },
    ],
    withheld: [],
    ...overrides,
  };
}

export function settingsResponse(
  settings: GatewaySettings = baseSettings(),
  overrides: Partial<Omit<GatewaySettingsResponse, 'settings'>> = {},
): GatewaySettingsResponse {
  return {
    release: 'portkey-ai',
    deployment: 'portkey-ai-gateway',
    cluster: 'prod',
    namespace: 'ai-gateways',
    settings,
    secrets: [
      {
        secretName: CHART_SECRET,
        exists: true,
        keys: settings.secretReferences
          .filter(ref => ref.secretName === CHART_SECRET)
          .map(ref => ref.key),
        missingKeys: [],
      },
    ],
    envFrom: [],
    problems: [],
    ...overrides,
  };
}

const clientAuth = baseSettings().secretReferences;

/** LOG_STORE=s3 with access keys from the chart's Secret. */
export const s3WithKeys = settingsResponse(
  baseSettings({
    logStore: {
      store: 's3',
      region: 'eu-west-1',
      bucket: 'portkey-logs',
    },
    secretReferences: [
      ...clientAuth,
      {
        env: 'LOG_STORE_ACCESS_KEY',
        secretName: CHART_SECRET,
        key: 'LOG_STORE_ACCESS_KEY',
        keyPresent: true,
      },
      {
        env: 'LOG_STORE_SECRET_KEY',
        secretName: CHART_SECRET,
        key: 'LOG_STORE_SECRET_KEY',
        keyPresent: true,
      },
    ],
  }),
);

/** LOG_STORE=s3_assume without keys, the service account annotated for IRSA. */
export const s3AssumeIrsa = settingsResponse(
  baseSettings({
    logStore: {
      store: 's3_assume',
      region: 'us-east-1',
      bucket: 'portkey-logs',
      auth: 'irsa',
    },
    serviceAccount: {
      name: 'portkey-gw',
      roleArn: 'arn:aws:iam::123456789012:role/portkey-logs',
    },
  }),
);

/** LOG_STORE=azure with AZURE_AUTH_MODE=entra; the client secret's key is missing. */
export const azureEntraKeyMissing = settingsResponse(
  baseSettings({
    logStore: {
      store: 'azure',
      auth: 'entra',
      storageAccount: 'portkeylogs',
      container: 'generations',
      entraClientId: '11111111-2222-3333-4444-555555555555',
      entraTenantId: '99999999-8888-7777-6666-555555555555',
    },
    secretReferences: [
      ...clientAuth,
      {
        env: 'AZURE_ENTRA_CLIENT_SECRET',
        secretName: 'azure-entra',
        key: 'client-secret',
        keyPresent: false,
      },
    ],
  }),
  {
    secrets: [
      {
        secretName: CHART_SECRET,
        exists: true,
        keys: ['PORTKEY_CLIENT_AUTH'],
        missingKeys: [],
      },
      {
        secretName: 'azure-entra',
        exists: true,
        keys: ['client-secret'],
        missingKeys: ['client-secret'],
      },
    ],
    problems: [
      'Secret "azure-entra" has no key "client-secret" (AZURE_ENTRA_CLIENT_SECRET): new pods fail with CreateContainerConfigError.',
    ],
  },
);

/** LOG_STORE=mongo, its URL from a Secret that does not exist, the PEM mounted from a Secret. */
export const mongoPemFromSecret = settingsResponse(
  baseSettings({
    logStore: {
      store: 'mongo',
      database: 'portkey',
      collection: 'generations',
      hooksCollection: 'generation_hooks',
      pem: { source: 'secret', name: 'docdb-ca', key: 'document_db.pem' },
    },
    secretReferences: [
      ...clientAuth,
      {
        env: 'MONGO_DB_CONNECTION_URL',
        secretName: 'mongo-url',
        key: 'url',
      },
    ],
  }),
  {
    secrets: [
      {
        secretName: CHART_SECRET,
        exists: true,
        keys: ['PORTKEY_CLIENT_AUTH'],
        missingKeys: [],
      },
      {
        secretName: 'mongo-url',
        exists: false,
        keys: ['url'],
        missingKeys: [],
      },
      {
        secretName: 'docdb-ca',
        exists: true,
        keys: ['document_db.pem'],
        missingKeys: [],
      },
    ],
  },
);

/** LOG_STORE=gcs (HMAC keys), read from an existing Secret the portal may not read. */
export const gcsUnchecked = settingsResponse(
  baseSettings({
    logStore: { store: 'gcs', region: 'auto', bucket: 'portkey-gcs-logs' },
    secretReferences: [
      {
        env: 'PORTKEY_CLIENT_AUTH',
        secretName: 'gateway-secrets',
        key: 'PORTKEY_CLIENT_AUTH',
      },
      {
        env: 'LOG_STORE_ACCESS_KEY',
        secretName: 'gateway-secrets',
        key: 'LOG_STORE_ACCESS_KEY',
      },
      {
        env: 'LOG_STORE_SECRET_KEY',
        secretName: 'gateway-secrets',
        key: 'LOG_STORE_SECRET_KEY',
      },
    ],
  }),
  {
    secrets: [
      {
        secretName: 'gateway-secrets',
        exists: null,
        keys: [
          'PORTKEY_CLIENT_AUTH',
          'LOG_STORE_ACCESS_KEY',
          'LOG_STORE_SECRET_KEY',
        ],
        missingKeys: [],
      },
    ],
  },
);

/** CACHE_STORE=custom with REDIS_URL from a Secret, TLS and cluster mode; ClickHouse analytics, OTEL on, data service on, MCP mode. */
export const everythingElse = settingsResponse(
  baseSettings({
    server: {
      mode: 'all',
      mcpPort: 8788,
      mcpGatewayBaseUrl: 'https://mcp.example.com',
    },
    analytics: {
      store: 'clickhouse',
      endpoint: 'https://clickhouse.internal:8443',
      user: 'portkey',
      logTable: 'generations',
      feedbackTable: 'feedbacks',
    },
    otel: {
      enabled: true,
      endpoint: 'http://otel-collector:4318',
      protocol: 'http/protobuf',
      headersFromSecret: true,
    },
    cache: {
      store: 'custom',
      urlSource: 'secret',
      tls: true,
      clusterMode: true,
    },
    bedrock: { access: 'access_keys', region: 'us-west-2' },
    dataService: {
      enabled: true,
      finetunesBucket: 'portkey-finetunes',
      logExportsBucket: 'portkey-exports',
      finetunesRoleArn: 'arn:aws:iam::123456789012:role/finetunes',
    },
    secretReferences: [
      ...clientAuth,
      {
        env: 'ANALYTICS_STORE_PASSWORD',
        secretName: CHART_SECRET,
        key: 'ANALYTICS_STORE_PASSWORD',
        keyPresent: true,
      },
      {
        env: 'OTEL_EXPORTER_OTLP_HEADERS',
        secretName: 'otel-auth',
        key: 'headers',
        keyPresent: true,
      },
      {
        env: 'REDIS_URL',
        secretName: 'redis-auth',
        key: 'url',
        keyPresent: true,
      },
      {
        env: 'AWS_ASSUME_ROLE_ACCESS_KEY_ID',
        secretName: CHART_SECRET,
        key: 'AWS_ASSUME_ROLE_ACCESS_KEY_ID',
        keyPresent: true,
      },
      {
        env: 'AWS_ASSUME_ROLE_SECRET_ACCESS_KEY',
        secretName: CHART_SECRET,
        key: 'AWS_ASSUME_ROLE_SECRET_ACCESS_KEY',
        keyPresent: true,
      },
    ],
    withheld: ['OTEL_RESOURCE_ATTRIBUTES'],
  }),
  {
    envFrom: [
      { kind: 'secret', name: 'eso-gateway-env', optional: true },
      { kind: 'configMap', name: 'gateway-extra', prefix: 'PK_' },
    ],
  },
);

/** MCP server only, with a SERVER_MODE the chart does not know on another fixture below. */
export const mcpOnly = settingsResponse(
  baseSettings({ server: { mode: 'mcp', mcpPort: 8788 } }),
);

export const invalidServerMode = settingsResponse(
  baseSettings({ server: { mode: 'invalid', invalidValue: 'gateway' } }),
);
