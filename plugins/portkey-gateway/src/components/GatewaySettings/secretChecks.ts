import {
  EnvKeySection,
  GATEWAY_ENV_KEYS,
  GatewaySecretCheck,
  GatewaySettingsResponse,
  SecretReference,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

/** What the portal learned about one Secret-backed setting. */
export type SecretReferenceState =
  | 'present'
  | 'key_missing'
  | 'secret_missing'
  | 'unchecked';

/** A Secret-backed setting as shown: where it comes from, what it is, and whether it is there. */
export type CheckedSecretReference = {
  env: string;
  /** What the value is, in the project's words (the env name when unknown). */
  label: string;
  secretName: string;
  key: string;
  state: SecretReferenceState;
};

/**
 * Combines a reference's own `keyPresent` with the check of its Secret: a Secret that does
 * not exist outranks a missing key, and either outranks "could not check".
 */
export function secretReferenceState(
  reference: Pick<SecretReference, 'secretName' | 'key' | 'keyPresent'>,
  secrets: GatewaySecretCheck[],
): SecretReferenceState {
  const check = secrets.find(s => s.secretName === reference.secretName);
  if (check?.exists === false) return 'secret_missing';
  if (
    reference.keyPresent === false ||
    check?.missingKeys.includes(reference.key)
  )
    return 'key_missing';
  if (reference.keyPresent === true || check?.exists === true) return 'present';
  return 'unchecked';
}

/** What a state means for the gateway, in one sentence. */
export function describeSecretState(
  reference: Pick<CheckedSecretReference, 'secretName' | 'key' | 'state'>,
): string {
  switch (reference.state) {
    case 'present':
      return 'key present';
    case 'key_missing':
      return `Secret ${reference.secretName} has no key ${reference.key}: new pods cannot start (CreateContainerConfigError)`;
    case 'secret_missing':
      return `Secret ${reference.secretName} does not exist: new pods cannot start`;
    default:
      return 'could not check (the portal may not read this Secret)';
  }
}

function labelOf(env: string): string {
  const fact = (GATEWAY_ENV_KEYS as Record<string, { description: string }>)[
    env
  ];
  return fact?.description ?? env;
}

function sectionOf(env: string): EnvKeySection | undefined {
  return (GATEWAY_ENV_KEYS as Record<string, { section: EnvKeySection }>)[env]
    ?.section;
}

function checked(
  reference: SecretReference,
  secrets: GatewaySecretCheck[],
): CheckedSecretReference {
  return {
    env: reference.env,
    label: labelOf(reference.env),
    secretName: reference.secretName,
    key: reference.key,
    state: secretReferenceState(reference, secrets),
  };
}

/**
 * The Secret-backed settings of one section of the settings view, checked; `undefined`
 * gives those whose env var no section claims (keys this project does not know).
 */
export function secretReferencesOf(
  response: GatewaySettingsResponse,
  section: EnvKeySection | undefined,
): CheckedSecretReference[] {
  return response.settings.secretReferences
    .filter(reference => sectionOf(reference.env) === section)
    .map(reference => checked(reference, response.secrets));
}

/**
 * The MongoDB PEM, when it is mounted from a Secret: a Secret-backed setting too, though not
 * an env var (a ConfigMap's PEM is not a secret and is shown as a plain field).
 */
export function mongoPemReference(
  response: GatewaySettingsResponse,
): CheckedSecretReference | undefined {
  const pem = response.settings.logStore.pem;
  if (!pem || pem.source !== 'secret') return undefined;
  return {
    env: 'document_db.pem',
    label: 'MongoDB / DocumentDB TLS certificate (PEM file)',
    secretName: pem.name,
    key: pem.key,
    state: secretReferenceState(
      { secretName: pem.name, key: pem.key },
      response.secrets,
    ),
  };
}

/** One line on a Secret as a whole, for the list of Secrets the gateway reads. */
export function describeSecretCheck(check: GatewaySecretCheck): string {
  if (check.exists === null)
    return 'could not check (the portal may not read it)';
  if (!check.exists) return 'does not exist';
  if (check.missingKeys.length)
    return `missing ${
      check.missingKeys.length === 1 ? 'key' : 'keys'
    } ${check.missingKeys.join(', ')}`;
  return 'every key present';
}
