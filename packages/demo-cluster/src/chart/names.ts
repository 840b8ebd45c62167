import { CHART } from './chartDefaults';
import { goString, orDefault, truthy } from './goTemplate';
import { HelmMap, mapAt, valueAt } from './helmValues';

/** What every template sees: the merged values and the release. */
export type ChartContext = {
  values: HelmMap;
  release: string;
  namespace: string;
};

export type Labels = Record<string, string>;

/** A values combination the chart refuses to render (its `fail` messages). */
export class ChartRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChartRenderError';
  }
}

/** Helm names are cut to 63 characters, and one trailing dash is dropped. */
const dnsName = (name: string) => name.slice(0, 63).replace(/-$/, '');

/** `nameOverride`, else the chart name: the `app.kubernetes.io/name` label. */
export const chartName = ({ values }: ChartContext): string =>
  dnsName(goString(orDefault(CHART.name, valueAt(values, 'nameOverride'))));

/**
 * The gateway's object name: `fullnameOverride`, else the release when it contains the name,
 * else `<release>-<name>` (REFERENCE.md §4).
 */
export function fullname(ctx: ChartContext): string {
  const override = valueAt(ctx.values, 'fullnameOverride');
  if (truthy(override)) return dnsName(goString(override));
  const name = goString(
    orDefault(CHART.name, valueAt(ctx.values, 'nameOverride')),
  );
  return dnsName(
    ctx.release.includes(name) ? ctx.release : `${ctx.release}-${name}`,
  );
}

const stringLabels = (map: HelmMap): Labels =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [k, goString(v)]));

/** `helm.sh/chart`, the app version and `managed-by`: on every gateway object. */
export const commonLabels = (): Labels => ({
  'helm.sh/chart': `${CHART.name}-${CHART.version}`,
  'app.kubernetes.io/version': CHART.appVersion,
  'app.kubernetes.io/managed-by': 'Helm',
});

/** The gateway selector: name and instance, plus `selectorLabels`. */
export const selectorLabels = (ctx: ChartContext): Labels => ({
  'app.kubernetes.io/name': chartName(ctx),
  'app.kubernetes.io/instance': ctx.release,
  ...stringLabels(mapAt(ctx.values, 'selectorLabels')),
});

/** Labels of the gateway's Deployment, pods, Service, SA, Secret, HPA and Ingress. */
export const gatewayLabels = (ctx: ChartContext): Labels => ({
  ...commonLabels(),
  ...selectorLabels(ctx),
});

/** `<fullname>-<dataservice.name>`: the data service's Deployment, Service and component. */
export const dataServiceName = (ctx: ChartContext): string =>
  `${fullname(ctx)}-${goString(valueAt(ctx.values, 'dataservice.name'))}`;

/** Each key of `dataservice.deployment.selectorLabels` overrides one of the defaults. */
export function dataServiceSelectorLabels(ctx: ChartContext): Labels {
  const given = mapAt(ctx.values, 'dataservice.deployment.selectorLabels');
  const pick = (key: string, fallback: string) =>
    key in given ? goString(given[key]) : fallback;
  return {
    'app.kubernetes.io/name': pick('app.kubernetes.io/name', chartName(ctx)),
    'app.kubernetes.io/instance': pick(
      'app.kubernetes.io/instance',
      ctx.release,
    ),
    'app.kubernetes.io/component': pick(
      'app.kubernetes.io/component',
      dataServiceName(ctx),
    ),
  };
}

export const dataServiceLabels = (ctx: ChartContext): Labels => ({
  ...commonLabels(),
  ...dataServiceSelectorLabels(ctx),
});

export const redisSelectorLabels = (ctx: ChartContext): Labels => ({
  'app.kubernetes.io/name': 'redis',
  'app.kubernetes.io/instance': ctx.release,
});

export const redisLabels = (ctx: ChartContext): Labels => ({
  ...commonLabels(),
  ...redisSelectorLabels(ctx),
});

/** Extra labels from a values table, as strings. */
export const labelsAt = (ctx: ChartContext, path: string): Labels =>
  stringLabels(mapAt(ctx.values, path));

/**
 * The gateway's service account: `serviceAccount.name`, or `<fullname>` when created without
 * one. Rendering fails, as the chart's does, when none is created and none is named.
 */
export function gatewayServiceAccountName(ctx: ChartContext): string {
  const name = valueAt(ctx.values, 'serviceAccount.name');
  if (truthy(valueAt(ctx.values, 'serviceAccount.create')))
    return truthy(name) ? goString(name) : fullname(ctx);
  if (!truthy(name))
    throw new ChartRenderError(
      'serviceAccount.name must be set when serviceAccount.create is false',
    );
  return goString(name);
}

/** The data service's account, by the same rule (default name `<fullname>-dataservice`). */
export function dataServiceAccountName(ctx: ChartContext): string {
  const name = valueAt(ctx.values, 'dataservice.serviceAccount.name');
  if (truthy(valueAt(ctx.values, 'dataservice.serviceAccount.create')))
    return dnsName(truthy(name) ? goString(name) : dataServiceName(ctx));
  if (!truthy(name))
    throw new ChartRenderError(
      'dataservice.serviceAccount.name must be set when dataservice.serviceAccount.create is false',
    );
  return dnsName(goString(name));
}
