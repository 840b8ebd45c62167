import type { V1PodTemplateSpec } from '@kubernetes/client-node';
import { createHash } from 'node:crypto';

/** The alphabet Kubernetes encodes generated name parts in (no vowels, no look-alikes). */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** JSON with sorted keys: the same template always gives the same text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter(k => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map(
        k =>
          `${JSON.stringify(k)}:${canonicalJson(
            (value as Record<string, unknown>)[k],
          )}`,
      )
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * A `pod-template-hash` the way the deployment controller makes one: FNV-32a of the pod
 * template, its decimal digits mapped onto ALPHANUMS. The controller hashes Go's printout of
 * the template, which this cannot reproduce, so the values differ from a real cluster's;
 * their shape and stability (same template, same hash) are the same.
 */
export function podTemplateHash(template: V1PodTemplateSpec): string {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(canonicalJson(template))) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return [...String(hash >>> 0)]
    .map(ch => ALPHANUMS[ch.charCodeAt(0) % ALPHANUMS.length])
    .join('');
}

/** The 5 characters after `<replicaSet>-` of its `index`-th pod: stable per name and index. */
export function podNameSuffix(replicaSet: string, index: number): string {
  const digest = createHash('sha256').update(`${replicaSet}#${index}`).digest();
  return [...digest.subarray(0, 5)]
    .map(byte => ALPHANUMS[byte % ALPHANUMS.length])
    .join('');
}
