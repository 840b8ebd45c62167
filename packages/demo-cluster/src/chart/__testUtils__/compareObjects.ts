import type { KubernetesObject } from '@kubernetes/client-node';

/**
 * An object in the form both renderings are compared in: what the API server would store
 * the same way is made equal (null and empty env values dropped), and Helm's random
 * `rollme` annotation is reduced to its presence.
 */
export function comparable(object: KubernetesObject): unknown {
  return normalize(object, []);
}

function normalize(value: unknown, path: string[]): unknown {
  if (Array.isArray(value)) return value.map(v => normalize(v, path));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    // An env var's empty value is no value (the API server omits it).
    if (key === 'value' && v === '' && 'name' in value) continue;
    if (key === 'rollme' && path[path.length - 1] === 'annotations') {
      out[key] = '<random>';
      continue;
    }
    out[key] = normalize(v, [...path, key]);
  }
  return out;
}

/** `Kind/name` of each object, sorted: the set two renderings must agree on. */
export const objectKeys = (objects: KubernetesObject[]): string[] =>
  objects.map(o => `${o.kind}/${o.metadata?.name}`).sort();

/** The objects by `Kind/name`, each comparable. */
export const byKey = (objects: KubernetesObject[]) =>
  Object.fromEntries(
    objects.map(o => [`${o.kind}/${o.metadata?.name}`, comparable(o)]),
  );
