import { findCredential } from '../model/plainText';

/**
 * Every environment key that carries a credential, with what a reviewer must put in it.
 * These keys are only ever read from the gateway's Kubernetes Secret, never written as values.
 *
 * @public
 */
export const SECRET_ENV_KEYS = {
  PORTKEY_CLIENT_AUTH:
    'Client auth key for the Portkey control plane (shared by Portkey)',
  ANALYTICS_STORE_PASSWORD: 'ClickHouse password of the analytics user',
  OTEL_EXPORTER_OTLP_HEADERS:
    'OTLP exporter headers, comma-separated name=value pairs (usually an API key)',
  LOG_STORE_ACCESS_KEY: 'Access key id of the log store (HMAC key for GCS)',
  LOG_STORE_SECRET_KEY:
    'Secret access key of the log store (HMAC secret for GCS)',
  AZURE_STORAGE_KEY: 'Azure storage account key',
  AZURE_ENTRA_CLIENT_SECRET: 'Client secret of the Entra application',
  MONGO_DB_CONNECTION_URL:
    'MongoDB connection URL, mongodb://user:password@host:port/db',
  REDIS_URL:
    'Redis URL, with its password if it has one (redis[s]://:password@host:port)',
  AWS_ASSUME_ROLE_ACCESS_KEY_ID:
    'Access key id of the principal that assumes the Bedrock role',
  AWS_ASSUME_ROLE_SECRET_ACCESS_KEY:
    'Secret access key of the principal that assumes the Bedrock role',
} as const;

/** @public */
export type SecretEnvKey = keyof typeof SECRET_ENV_KEYS;

/**
 * Whether a value of this env key is a credential: always for the secret keys, except
 * REDIS_URL, which is one only when it carries a password (otherwise it is an endpoint).
 *
 * @public
 */
export function isCredentialValue(key: string, value: string): boolean {
  if (!isSecretEnvKey(key)) return false;
  return key !== 'REDIS_URL' || findCredential(value) !== undefined;
}

/** @public */
export function isSecretEnvKey(key: string): key is SecretEnvKey {
  return Object.prototype.hasOwnProperty.call(SECRET_ENV_KEYS, key);
}
