import type { V1EnvVar, V1EnvVarSource } from '@kubernetes/client-node';
import { CHART } from './chartDefaults';
import {
  byteOrder,
  goString,
  orDefault,
  quoted,
  sortedKeys,
  truthy,
} from './goTemplate';
import { HelmValue, listAt, mapAt, valueAt } from './helmValues';
import { ChartContext, fullname } from './names';

/**
 * How `environment.data` reaches the pods (REFERENCE.md §3), in the chart's order of
 * precedence: Vault, chart-created Secret/ConfigMap, existing Secret with `secretKeys`
 * (explicit), existing Secret without (lookup), none.
 */
export type EnvMode =
  | { mode: 'vault'; secretName: string }
  | { mode: 'created'; kind: 'Secret' | 'ConfigMap'; name: string }
  | { mode: 'explicit'; secretName: string; secretKeys: string[] }
  | { mode: 'lookup'; secretName: string; foundKeys: string[] }
  | { mode: 'none' };

/**
 * What Helm's `lookup` of an existing Secret finds: its keys, or undefined. Under
 * `helm template` (and `--dry-run`, Argo CD) it finds nothing, the default here.
 */
export type SecretLookup = (
  namespace: string,
  name: string,
) => string[] | undefined;

export const helmTemplateLookup: SecretLookup = () => undefined;

/**
 * The Secret (ConfigMap with `environment.secret: false`) of `environment.data` that
 * `environment.create` makes the chart render: also with Vault injection, where the pods do
 * not read it.
 */
export function createdEnvConfig(
  ctx: ChartContext,
): Extract<EnvMode, { mode: 'created' }> | undefined {
  if (!truthy(valueAt(ctx.values, 'environment.create'))) return undefined;
  return {
    mode: 'created',
    kind: truthy(valueAt(ctx.values, 'environment.secret'))
      ? 'Secret'
      : 'ConfigMap',
    name: fullname(ctx),
  };
}

export function envMode(
  ctx: ChartContext,
  lookup: SecretLookup = helmTemplateLookup,
): EnvMode {
  const { values } = ctx;
  if (truthy(valueAt(values, 'useVaultInjection')))
    return {
      mode: 'vault',
      secretName: goString(
        orDefault(CHART.name, valueAt(values, 'vaultConfig.kubernetesSecret')),
      ),
    };
  const created = createdEnvConfig(ctx);
  if (created) return created;
  const existing = valueAt(values, 'environment.existingSecret');
  if (!truthy(existing)) return { mode: 'none' };
  const secretName = goString(existing);
  const secretKeys = listAt(values, 'environment.secretKeys');
  if (truthy(secretKeys))
    return {
      mode: 'explicit',
      secretName,
      secretKeys: secretKeys.map(goString),
    };
  return {
    mode: 'lookup',
    secretName,
    foundKeys: lookup(ctx.namespace, secretName) ?? [],
  };
}

/** `environment.data`, in the order the chart's `range` visits it (sorted keys). */
export function envData(ctx: ChartContext): Array<[string, HelmValue]> {
  const data = mapAt(ctx.values, 'environment.data');
  return sortedKeys(data).map(key => [key, data[key]]);
}

const secretRef = (name: string, key: string): V1EnvVarSource => ({
  secretKeyRef: { name, key },
});

/** Where one key's value comes from, or undefined for a literal. */
function referenceOf(mode: EnvMode, key: string): V1EnvVarSource | undefined {
  switch (mode.mode) {
    case 'vault':
      return secretRef(mode.secretName, key);
    case 'created':
      return mode.kind === 'Secret'
        ? secretRef(mode.name, key)
        : { configMapKeyRef: { name: mode.name, key } };
    case 'lookup':
      return mode.foundKeys.includes(key)
        ? secretRef(mode.secretName, key)
        : undefined;
    default:
      return undefined;
  }
}

/** A literal env var; a nil value renders as an empty key, i.e. none. */
export const literal = (name: string, value: string | null): V1EnvVar =>
  value === null ? { name } : { name, value };

/**
 * The gateway container's env from `environment.data` (before `extraEnv`): explicit mode
 * puts the `secretKeys` first, in their order, then the other keys as literals; the other
 * modes go through the keys in sorted order. A nil value becomes an empty `value`.
 */
export function gatewayEnvFromData(
  ctx: ChartContext,
  mode: EnvMode,
): V1EnvVar[] {
  if (mode.mode === 'none') return [];
  const data = envData(ctx);
  if (mode.mode === 'explicit')
    return [
      ...mode.secretKeys.map(key => ({
        name: key,
        valueFrom: secretRef(mode.secretName, key),
      })),
      ...data
        .filter(([key]) => !mode.secretKeys.includes(key))
        .map(([key, value]) => literal(key, quoted(value))),
    ];
  return data.map(([key, value]) => {
    const valueFrom = referenceOf(mode, key);
    return valueFrom ? { name: key, valueFrom } : literal(key, quoted(value));
  });
}

/**
 * The same sources as a map by key, the form the chart's data service and port helpers
 * use: there a literal is `toString` of the value, so a nil one reads `<nil>`.
 */
export function envSourceMap(
  ctx: ChartContext,
  mode: EnvMode,
): Map<string, { value: string } | { valueFrom: V1EnvVarSource }> {
  const sources = new Map<
    string,
    { value: string } | { valueFrom: V1EnvVarSource }
  >();
  if (mode.mode === 'none') return sources;
  const data = envData(ctx);
  if (mode.mode === 'explicit') {
    for (const key of mode.secretKeys)
      sources.set(key, { valueFrom: secretRef(mode.secretName, key) });
    for (const [key, value] of data)
      if (!mode.secretKeys.includes(key))
        sources.set(key, { value: goString(value) });
  } else {
    for (const [key, value] of data) {
      const valueFrom = referenceOf(mode, key);
      sources.set(key, valueFrom ? { valueFrom } : { value: goString(value) });
    }
  }
  // A Go map: whoever ranges over it visits the keys sorted.
  return new Map([...sources].sort(([a], [b]) => byteOrder(a, b)));
}
