import facts from './chart-1.7.7.facts.json';

/**
 * Facts about the Portkey gateway Helm chart this package renders for.
 * The chart's knowledge lives here and in the renderer only; nothing else spells a chart key.
 *
 * @public
 */
export const PORTKEY_CHART = {
  /** The chart as installed: `portkey-ai/gateway`. */
  name: 'gateway',
  repositoryName: 'portkey-ai',
  repositoryUrl: 'https://portkey-ai.github.io/helm',
  /** Versions whose templates the renderer is written and tested for. */
  supportedVersions: ['1.7.7'] as const,
  defaultVersion: '1.7.7',
  appVersion: '2.13.0',
  /** The gateway container's name in the pod (= the chart name). */
  gatewayContainer: 'gateway',
  /** Where the gateway reads the Mongo/DocumentDB PEM. */
  mongoPemPath: '/etc/shared/document_db.pem',
  /** The in-cluster Redis that `CACHE_STORE: redis` renders has a fixed name. */
  inClusterRedisName: 'redis',
  /** REDIS_URL of that in-cluster Redis. */
  inClusterRedisUrl: 'redis://redis:6379',
  defaultGatewayPort: 8787,
  defaultMcpPort: 8788,
} as const;

/** @public */
export type SupportedChartVersion =
  (typeof PORTKEY_CHART.supportedVersions)[number];

/** Key paths of the chart's default values.yaml (leaves, lists and empty maps). */
export const CHART_KEY_PATHS: readonly string[] = facts.keyPaths;
/** Paths that are empty maps in values.yaml: any child key is allowed below them. */
export const CHART_FREE_FORM_PATHS: readonly string[] = facts.freeFormPaths;
/** The keys of `environment.data` in the default values.yaml (each reaches the pod unless set to null). */
export const CHART_DEFAULT_ENV_KEYS: readonly string[] = facts.defaultEnvKeys;
/** The default value of each default env key (null = empty), which a values file inherits. */
export const CHART_DEFAULT_ENV_VALUES: Readonly<Record<string, string | null>> =
  facts.defaultEnvValues;
/** Environment keys the chart README or REFERENCE.md document. */
export const CHART_DOCUMENTED_ENV_KEYS: readonly string[] =
  facts.documentedEnvKeys;

/**
 * The name the chart gives the gateway Deployment, Service and (created) ServiceAccount:
 * the release name when it already contains the chart name, otherwise `<release>-gateway`.
 *
 * @public
 */
export function gatewayFullname(releaseName: string): string {
  const fullname = releaseName.includes(PORTKEY_CHART.name)
    ? releaseName
    : `${releaseName}-${PORTKEY_CHART.name}`;
  // Helm truncates names to 63 characters and trims a trailing dash.
  return fullname.slice(0, 63).replace(/-+$/, '');
}

/**
 * The labels the chart puts on what it renders (REFERENCE.md §4).
 *
 * @public
 */
export const CHART_LABELS = {
  /** The chart name (`gateway`), or `redis` on the in-cluster Redis. */
  name: 'app.kubernetes.io/name',
  /** The Helm release. */
  instance: 'app.kubernetes.io/instance',
  /** Only on the data service (`<fullname>-dataservice`): gateway objects have none. */
  component: 'app.kubernetes.io/component',
  chart: 'helm.sh/chart',
  appVersion: 'app.kubernetes.io/version',
} as const;
