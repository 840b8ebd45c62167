import { parse } from 'yaml';

/** A value as Helm holds it after reading a values file: JSON-like, every number a float64. */
export type HelmValue =
  | null
  | boolean
  | number
  | string
  | HelmValue[]
  | { [key: string]: HelmValue };

/** A map of values (`.Values`, or any table in it). */
export type HelmMap = { [key: string]: HelmValue };

export const isMap = (value: unknown): value is HelmMap =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The value at `path` (dot-separated keys), null when a key is missing or holds null: a
 * template sees both as nil.
 */
export function valueAt(values: HelmMap, path: string): HelmValue {
  let current: HelmValue = values;
  for (const key of path.split('.')) {
    if (!isMap(current) || !(key in current)) return null;
    current = current[key];
  }
  return current;
}

/** The table at `path`, or an empty one (a template's `with` or `range` of nil does nothing). */
export const mapAt = (values: HelmMap, path: string): HelmMap => {
  const value = valueAt(values, path);
  return isMap(value) ? value : {};
};

/** The list at `path`, or an empty one. */
export const listAt = (values: HelmMap, path: string): HelmValue[] => {
  const value = valueAt(values, path);
  return Array.isArray(value) ? value : [];
};

/**
 * Parses a values file as Helm does (go-yaml v2, YAML 1.1): `yes`/`on`/`off` are booleans,
 * `0755` is octal, but timestamps and `1:20` stay strings.
 */
export function parseValuesYaml(text: string): HelmMap {
  const parsed = parse(text, {
    version: '1.1',
    customTags: tags =>
      tags.filter(
        tag =>
          typeof tag === 'string' ||
          (tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.format !== 'TIME'),
      ),
  });
  if (parsed === null || parsed === undefined) return {};
  if (!isMap(parsed))
    throw new Error('A values file must hold a map at its top level');
  return parsed as HelmMap;
}

export const deepCopy = <T extends HelmValue>(value: T): T =>
  value === null || typeof value !== 'object'
    ? value
    : (JSON.parse(JSON.stringify(value)) as T);
