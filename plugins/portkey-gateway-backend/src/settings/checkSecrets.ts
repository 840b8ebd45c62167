import {
  GatewaySecretCheck,
  isSecretEnvKey,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { FAILS, KeyRefs, requiredKeys } from './envReferences';
import { ObjectReader } from './readOptional';

/** What one GET of a Secret told: which keys exist, and values of non-credential keys only. */
export type SecretLookup =
  | { outcome: 'found'; present: Set<string>; plainValues: Map<string, string> }
  | { outcome: 'missing' }
  | { outcome: 'forbidden' };

/**
 * Reads each referenced Secret once. Only key names leave this function, plus the decoded
 * values of referenced keys that are not credentials (a chart-created Secret also holds
 * LOG_STORE and the like). A credential's value is never decoded.
 */
export async function checkSecrets(
  readObject: ObjectReader,
  referenced: Map<string, KeyRefs>,
): Promise<{
  lookups: Map<string, SecretLookup>;
  secrets: GatewaySecretCheck[];
  problems: string[];
}> {
  const lookups = new Map<string, SecretLookup>(
    await Promise.all(
      [...referenced].map(async ([name, refs]) => {
        const found = await readObject('Secret', name);
        if (found.outcome !== 'found') return [name, found] as const;
        const data = found.value.data ?? {};
        const plainValues = new Map<string, string>();
        for (const key of refs.keys()) {
          if (!isSecretEnvKey(key) && key in data)
            plainValues.set(key, Buffer.from(data[key], 'base64').toString());
        }
        const lookup: SecretLookup = {
          outcome: 'found',
          present: new Set(Object.keys(data)),
          plainValues,
        };
        return [name, lookup] as const;
      }),
    ),
  );

  const secrets: GatewaySecretCheck[] = [];
  const problems: string[] = [];
  for (const [secretName, refs] of referenced) {
    const keys = [...refs.keys()];
    const lookup = lookups.get(secretName)!;
    if (lookup.outcome === 'forbidden') {
      secrets.push({ secretName, exists: null, keys, missingKeys: [] });
      const settingsInIt = keys.filter(k => !isSecretEnvKey(k));
      problems.push(
        `The portal may not read Secret ${secretName}, so whether it exists and holds ${keys.join(
          ', ',
        )} could not be checked.${
          settingsInIt.length
            ? ` Settings stored in it (${settingsInIt.join(
                ', ',
              )}) are shown as unset.`
            : ''
        }`,
      );
    } else if (lookup.outcome === 'missing') {
      secrets.push({ secretName, exists: false, keys, missingKeys: keys });
      const required = requiredKeys(refs);
      if (required.length) {
        problems.push(
          `Secret ${secretName} does not exist: ${FAILS} (it must hold ${required.join(
            ', ',
          )}).`,
        );
      }
    } else {
      const missingKeys = keys.filter(k => !lookup.present.has(k));
      secrets.push({ secretName, exists: true, keys, missingKeys });
      const required = requiredKeys(refs, missingKeys);
      if (required.length) {
        problems.push(
          `Secret ${secretName} has no key ${required.join(', ')}: ${FAILS}.`,
        );
      }
    }
  }
  return { lookups, secrets, problems };
}
