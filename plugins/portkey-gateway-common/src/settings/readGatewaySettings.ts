import {
  IRSA_ROLE_ANNOTATION,
  PORTKEY_CHART,
  serverModeOf,
} from '../chart/chartFacts';
import {
  ENV_KEY,
  GatewayEnvKey,
  MONGO_HOOKS_COLLECTION_KEYS,
} from '../chart/envKeys';
import { isSecretEnvKey } from '../chart/secretKeys';
import { findCredential } from '../model/plainText';
import { dropUndefined } from './dropUndefined';

/**
 * One env var of a running gateway container, as the backend found it: a literal, or a
 * reference to a Secret key. `value` on a Secret reference is filled in by the caller only
 * for keys that are not credentials (a chart-created Secret holds LOG_STORE and the like too);
 * the reader ignores it for credential keys.
 *
 * @public
 */
export type DeployedEnvVar =
  | { from: 'literal'; value: string }
  | {
      from: 'secret';
      secretName: string;
      key: string;
      value?: string;
      keyPresent?: boolean;
    };

/** @public */
export type DeployedGateway = {
  env: Record<string, DeployedEnvVar>;
  serviceAccount?: { name: string; annotations?: Record<string, string> };
  /** Volumes and mounts of the gateway container, for the MongoDB PEM. */
  volumes?: Array<{
    name: string;
    configMap?: { name?: string };
    secret?: { secretName?: string };
  }>;
  volumeMounts?: Array<{ name: string; mountPath: string; subPath?: string }>;
};

/** A credential the gateway reads from a Secret: where from, and whether the key exists. @public */
export type SecretReference = {
  env: string;
  secretName: string;
  key: string;
  /** undefined: the backend could not check (no permission to read the Secret). */
  keyPresent?: boolean;
};

/**
 * A running gateway's settings, in the same sections and field names as the gateway input
 * the form writes. Credentials appear only as Secret references.
 *
 * @public
 */
export type GatewaySettings = {
  core: {
    serviceName?: string;
    organisationsToSync?: string;
    requestTimeoutMs?: number;
  };
  server: {
    mode: 'gateway' | 'all' | 'mcp' | 'invalid';
    invalidValue?: string;
    mcpPort?: number;
    mcpGatewayBaseUrl?: string;
  };
  analytics: {
    store?: string;
    endpoint?: string;
    user?: string;
    logTable?: string;
    feedbackTable?: string;
    generationHooksTable?: string;
  };
  otel: {
    enabled: boolean;
    endpoint?: string;
    resourceAttributes?: string;
    protocol?: string;
    headersFromSecret: boolean;
  };
  logStore: {
    store?: string;
    region?: string;
    bucket?: string;
    basePath?: string;
    auth?: string;
    roleArn?: string;
    externalId?: string;
    imdsV1?: boolean;
    storageAccount?: string;
    container?: string;
    managedClientId?: string;
    entraClientId?: string;
    entraTenantId?: string;
    database?: string;
    collection?: string;
    hooksCollection?: string;
    pem?: { source: 'configMap' | 'secret'; name: string; key: string };
  };
  cache: {
    store?: string;
    urlSource?: 'literal' | 'secret';
    url?: string;
    tls?: boolean;
    clusterMode?: boolean;
  };
  bedrock: { access: 'access_keys' | 'pod_role_or_none'; region?: string };
  dataService: {
    enabled: boolean;
    finetunesBucket?: string;
    logExportsBucket?: string;
    finetunesRoleArn?: string;
  };
  serviceAccount: { name?: string; roleArn?: string };
  secretReferences: SecretReference[];
  /** Env vars whose literal value looked like a credential: named, never shown. */
  withheld: string[];
};

/**
 * Reads a running gateway's env (and service account, volumes) back into the gateway
 * model's terms. Never returns the value of a credential: Secret-backed credentials become
 * references, and a literal that looks like a credential is withheld.
 *
 * @public
 */
export function readGatewaySettings(
  deployed: DeployedGateway,
): GatewaySettings {
  const withheld: string[] = [];
  const secretReferences: SecretReference[] = [];

  for (const [name, source] of Object.entries(deployed.env)) {
    if (source.from === 'secret' && isSecretEnvKey(name)) {
      secretReferences.push({
        env: name,
        secretName: source.secretName,
        key: source.key,
        keyPresent: source.keyPresent,
      });
    }
  }

  /** A readable, non-credential value, or undefined. */
  const get = (name: GatewayEnvKey): string | undefined => {
    const source = deployed.env[name];
    if (!source) return undefined;
    // Credential keys are never read; REDIS_URL only when it is a literal (then it is an
    // endpoint, or withheld below when it carries a password).
    if (
      isSecretEnvKey(name) &&
      (name !== ENV_KEY.REDIS_URL || source.from === 'secret')
    )
      return undefined;
    const value = source.value;
    if (value === undefined || value === '') return undefined;
    if (findCredential(value)) {
      if (!withheld.includes(name)) withheld.push(name);
      return undefined;
    }
    return value;
  };
  const has = (name: GatewayEnvKey) => name in deployed.env;
  const fromSecret = (name: GatewayEnvKey) =>
    deployed.env[name]?.from === 'secret';
  const int = (name: GatewayEnvKey) => {
    const v = get(name);
    return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
  };
  const roleArn = deployed.serviceAccount?.annotations?.[IRSA_ROLE_ANNOTATION];

  const rawMode = deployed.env[ENV_KEY.SERVER_MODE]?.value ?? '';
  const mode = serverModeOf(rawMode) ?? 'invalid';

  const settings: GatewaySettings = {
    core: {
      serviceName: get(ENV_KEY.SERVICE_NAME),
      organisationsToSync: get(ENV_KEY.ORGANISATIONS_TO_SYNC),
      requestTimeoutMs: int(ENV_KEY.REQUEST_TIMEOUT),
    },
    server: {
      mode,
      ...(mode === 'invalid' ? { invalidValue: rawMode } : {}),
      ...(mode === 'all' || mode === 'mcp'
        ? {
            mcpPort: int(ENV_KEY.MCP_PORT) ?? PORTKEY_CHART.defaultMcpPort,
            mcpGatewayBaseUrl: get(ENV_KEY.MCP_GATEWAY_BASE_URL),
          }
        : {}),
    },
    analytics: readAnalytics(get),
    otel: {
      enabled: get(ENV_KEY.OTEL_PUSH_ENABLED) === 'true',
      endpoint: get(ENV_KEY.OTEL_ENDPOINT),
      resourceAttributes: get(ENV_KEY.OTEL_RESOURCE_ATTRIBUTES),
      protocol: get(ENV_KEY.OTEL_EXPORTER_OTLP_PROTOCOL),
      headersFromSecret: fromSecret(ENV_KEY.OTEL_EXPORTER_OTLP_HEADERS),
    },
    logStore: readLogStore(deployed, get, has, roleArn),
    cache: {
      store: get(ENV_KEY.CACHE_STORE),
      ...(fromSecret(ENV_KEY.REDIS_URL) && get(ENV_KEY.CACHE_STORE) !== 'redis'
        ? { urlSource: 'secret' as const }
        : { urlSource: 'literal' as const, url: get(ENV_KEY.REDIS_URL) }),
      tls: get(ENV_KEY.REDIS_TLS_ENABLED) === 'true',
      clusterMode: get(ENV_KEY.REDIS_MODE) === 'cluster',
    },
    bedrock: has(ENV_KEY.AWS_ASSUME_ROLE_ACCESS_KEY_ID)
      ? { access: 'access_keys', region: get(ENV_KEY.AWS_ASSUME_ROLE_REGION) }
      : { access: 'pod_role_or_none' },
    dataService: {
      enabled: has(ENV_KEY.DATASERVICE_BASEPATH),
      finetunesBucket: get(ENV_KEY.FINETUNES_BUCKET),
      logExportsBucket: get(ENV_KEY.LOG_EXPORTS_BUCKET),
      finetunesRoleArn: get(ENV_KEY.FINETUNES_AWS_ROLE_ARN),
    },
    serviceAccount: { name: deployed.serviceAccount?.name, roleArn },
    secretReferences,
    withheld,
  };
  return dropUndefined(settings);
}

type Get = (name: GatewayEnvKey) => string | undefined;

function readAnalytics(get: Get): GatewaySettings['analytics'] {
  const store = get(ENV_KEY.ANALYTICS_STORE);
  if (store !== 'clickhouse') return { store };
  return {
    store,
    endpoint: get(ENV_KEY.ANALYTICS_STORE_ENDPOINT),
    user: get(ENV_KEY.ANALYTICS_STORE_USER),
    logTable: get(ENV_KEY.ANALYTICS_LOG_TABLE),
    feedbackTable: get(ENV_KEY.ANALYTICS_FEEDBACK_TABLE),
    generationHooksTable: get(ENV_KEY.ANALYTICS_GENERATION_HOOKS_TABLE),
  };
}

function readLogStore(
  deployed: DeployedGateway,
  get: Get,
  has: (n: GatewayEnvKey) => boolean,
  roleArn?: string,
): GatewaySettings['logStore'] {
  const store = get(ENV_KEY.LOG_STORE);
  const region = get(ENV_KEY.LOG_STORE_REGION);
  switch (store) {
    case 's3':
    case 'gcs':
    case 'wasabi':
      return {
        store,
        region,
        bucket: get(ENV_KEY.LOG_STORE_GENERATIONS_BUCKET),
      };
    case 'netapp':
    case 's3_custom':
      return { store, region, basePath: get(ENV_KEY.LOG_STORE_BASEPATH) };
    case 's3_assume': {
      const base = {
        store,
        region,
        bucket: get(ENV_KEY.LOG_STORE_GENERATIONS_BUCKET),
      };
      if (has(ENV_KEY.LOG_STORE_ACCESS_KEY)) {
        return {
          ...base,
          auth: 'access_keys',
          roleArn: get(ENV_KEY.LOG_STORE_AWS_ROLE_ARN),
          externalId: get(ENV_KEY.LOG_STORE_AWS_EXTERNAL_ID),
        };
      }
      // Without keys the SDK uses the pod's identity: IRSA when the account is annotated.
      return roleArn
        ? { ...base, auth: 'irsa' }
        : {
            ...base,
            auth: 'imds',
            imdsV1: get(ENV_KEY.AWS_IMDS_V1) === 'true',
          };
    }
    case 'azure': {
      const mode = get(ENV_KEY.AZURE_AUTH_MODE);
      const base = {
        store,
        storageAccount: get(ENV_KEY.AZURE_STORAGE_ACCOUNT),
        container: get(ENV_KEY.AZURE_STORAGE_CONTAINER),
      };
      if (mode === 'managed')
        return {
          ...base,
          auth: 'managed_identity',
          managedClientId: get(ENV_KEY.AZURE_MANAGED_CLIENT_ID),
        };
      if (mode === 'entra') {
        return {
          ...base,
          auth: 'entra',
          entraClientId: get(ENV_KEY.AZURE_ENTRA_CLIENT_ID),
          entraTenantId: get(ENV_KEY.AZURE_ENTRA_TENANT_ID),
        };
      }
      return { ...base, auth: 'storage_key' };
    }
    case 'mongo':
      return {
        store,
        database: get(ENV_KEY.MONGO_DATABASE),
        collection: get(ENV_KEY.MONGO_COLLECTION_NAME),
        hooksCollection: MONGO_HOOKS_COLLECTION_KEYS.map(get).find(
          name => name !== undefined,
        ),
        pem: readMongoPem(deployed),
      };
    default:
      return { store };
  }
}

function readMongoPem(
  deployed: DeployedGateway,
): GatewaySettings['logStore']['pem'] {
  const mount = deployed.volumeMounts?.find(
    m => m.mountPath === PORTKEY_CHART.mongoPemPath,
  );
  const volume = mount && deployed.volumes?.find(v => v.name === mount.name);
  if (!mount || !volume) return undefined;
  if (volume.configMap?.name)
    return {
      source: 'configMap',
      name: volume.configMap.name,
      key: mount.subPath ?? '',
    };
  if (volume.secret?.secretName)
    return {
      source: 'secret',
      name: volume.secret.secretName,
      key: mount.subPath ?? '',
    };
  return undefined;
}
