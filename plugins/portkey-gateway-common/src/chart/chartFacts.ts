import facts from './chart-1.7.7.facts.json';

/**
 * Facts about the Portkey gateway Helm chart this package renders for.
 * The chart's knowledge lives in src/chart only (here, envKeys.ts, secretKeys.ts); the rest of
 * the package and the other plugins import it.
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
  /** The gateway container's port name, the Service's targetPort. */
  gatewayPortName: 'gateway',
  defaultMcpPort: 8788,
  /** SERVICE_NAME in the chart's values.yaml. */
  defaultServiceName: 'portkeyenterprise',
  /** The registry pull secret the chart's default imageCredentials entry creates. */
  defaultImagePullSecret: 'portkeyenterpriseregistrycredentials',
  /** `<fullname>-dataservice`: the data service's Deployment, Service and component label. */
  dataServiceSuffix: '-dataservice',
  /** `<fullname>-mcp`: the separate MCP Service. */
  mcpServiceSuffix: '-mcp',
} as const;

/**
 * The service-account annotation EKS reads the IAM role of a pod from (IRSA).
 *
 * @public
 */
export const IRSA_ROLE_ANNOTATION = 'eks.amazonaws.com/role-arn';

/**
 * SERVER_MODE for each server mode of the input. Any other value, including "gateway", runs
 * neither server, and the chart renders a Service without ports.
 *
 * @public
 */
export const SERVER_MODE_VALUES = {
  gateway: '',
  all: 'all',
  mcp: 'mcp',
} as const;

/** @public */
export type ServerMode = keyof typeof SERVER_MODE_VALUES;

/**
 * The server mode a SERVER_MODE value runs, or undefined when it runs none.
 *
 * @public
 */
export function serverModeOf(value: string): ServerMode | undefined {
  return (Object.keys(SERVER_MODE_VALUES) as ServerMode[]).find(
    mode => SERVER_MODE_VALUES[mode] === value,
  );
}

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

/**
 * One label selector for everything the chart runs in a namespace: gateway and data service
 * objects (name label `gateway`, or each `nameOverride` given in `nameLabels`) and the
 * in-cluster Redis; with a release, only that release's.
 *
 * @public
 */
export function gatewayLabelSelector(
  options: {
    release?: string;
    nameLabels?: readonly string[];
    /** false: the gateway's (and data service's) objects only. Default true. */
    withInClusterRedis?: boolean;
  } = {},
): string {
  const {
    release,
    nameLabels = [PORTKEY_CHART.name],
    withInClusterRedis = true,
  } = options;
  const names = `${CHART_LABELS.name} in (${[
    ...nameLabels,
    ...(withInClusterRedis ? [PORTKEY_CHART.inClusterRedisName] : []),
  ].join(',')})`;
  return release
    ? `${names},${CHART_LABELS.instance}=${release}`
    : `${names},${CHART_LABELS.instance}`;
}
