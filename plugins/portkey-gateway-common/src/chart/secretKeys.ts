import { findCredential } from '../model/plainText';
import { ENV_KEY, GATEWAY_ENV_KEYS, GatewayEnvKey } from './envKeys';

/** @public */
export type SecretEnvKey = {
  [K in GatewayEnvKey]: (typeof GATEWAY_ENV_KEYS)[K]['source'] extends 'secret'
    ? K
    : never;
}[GatewayEnvKey];

/**
 * Every environment key that carries a credential, with what a reviewer must put in it: the
 * secret keys of GATEWAY_ENV_KEYS. These keys are only ever read from the gateway's
 * Kubernetes Secret, never written as values.
 *
 * @public
 */
export const SECRET_ENV_KEYS = Object.fromEntries(
  Object.entries(GATEWAY_ENV_KEYS)
    .filter(([, fact]) => fact.source === 'secret')
    .map(([key, fact]) => [key, fact.description]),
) as { readonly [K in SecretEnvKey]: string };

/**
 * Whether a value of this env key is a credential: always for the secret keys, except
 * REDIS_URL, which is one only when it carries a password (otherwise it is an endpoint).
 *
 * @public
 */
export function isCredentialValue(key: string, value: string): boolean {
  if (!isSecretEnvKey(key)) return false;
  return key !== ENV_KEY.REDIS_URL || findCredential(value) !== undefined;
}

/** @public */
export function isSecretEnvKey(key: string): key is SecretEnvKey {
  return Object.prototype.hasOwnProperty.call(SECRET_ENV_KEYS, key);
}
