import type { V1PodSpec, V1Probe } from '@kubernetes/client-node';
import { goString, truthy } from './goTemplate';
import { deepCopy, HelmValue, isMap, mapAt, valueAt } from './helmValues';
import { ChartContext, ChartRenderError } from './names';

/** A values entry as the Kubernetes type the chart copies it into (`toYaml` as-is). */
export const asIs = <T>(value: HelmValue): T => deepCopy(value) as unknown as T;

/** `{ [field]: value }` when the value is set (a template's `with`), else nothing. */
export function withValue<T>(
  field: string,
  value: HelmValue,
): Record<string, T> {
  return truthy(value) ? { [field]: asIs<T>(value) } : {};
}

/**
 * A probe from values; an `httpGet` without a port gets `port` (the gateway's active server
 * port). Undefined when the probe is not set.
 */
export function probe(value: HelmValue, port?: number): V1Probe | undefined {
  if (!truthy(value)) return undefined;
  const copy = asIs<V1Probe & Record<string, unknown>>(value);
  if (port !== undefined && isMap(value) && truthy(value.httpGet ?? null)) {
    const httpGet = copy.httpGet as unknown as Record<string, unknown>;
    if (!truthy((httpGet.port as HelmValue) ?? null)) httpGet.port = port;
  }
  return copy;
}

/**
 * The scheduling and DNS fields both Deployments copy from values under `base` (`` for the
 * gateway, `dataservice.deployment.` for the data service): topology spread, node selector,
 * affinity, tolerations, host aliases, DNS policy (None needs nameservers) and config.
 */
export function schedulingFields(
  ctx: ChartContext,
  base: string,
  who: string,
): Partial<V1PodSpec> {
  const at = (key: string) => valueAt(ctx.values, `${base}${key}`);
  const dnsPolicy = at('dnsPolicy');
  if (
    truthy(dnsPolicy) &&
    goString(dnsPolicy) === 'None' &&
    !truthy(mapAt(ctx.values, `${base}dnsConfig`).nameservers ?? null)
  )
    throw new ChartRenderError(
      `${who}: dnsPolicy "None" requires at least one entry in ${base}dnsConfig.nameservers`,
    );
  return {
    ...withValue('topologySpreadConstraints', at('topologySpreadConstraints')),
    ...withValue('nodeSelector', at('nodeSelector')),
    ...withValue('affinity', at('affinity')),
    ...withValue('tolerations', at('tolerations')),
    ...withValue('hostAliases', at('hostAlias')),
    ...(truthy(dnsPolicy) ? { dnsPolicy: goString(dnsPolicy) } : {}),
    ...withValue('dnsConfig', at('dnsConfig')),
  };
}
