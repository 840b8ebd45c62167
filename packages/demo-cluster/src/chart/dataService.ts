import type {
  V1Container,
  V1Deployment,
  V1EnvVar,
  V1Service,
  V2HorizontalPodAutoscaler,
} from '@kubernetes/client-node';
import { CHART } from './chartDefaults';
import { horizontalPodAutoscaler } from './autoscaling';
import { envConfigChecksum } from './envConfig';
import { EnvMode, envSourceMap, literal } from './envModes';
import { vaultAnnotations } from './gatewayDeployment';
import {
  goString,
  interpolated,
  orDefault,
  quoted,
  truthy,
} from './goTemplate';
import { listAt, mapAt, valueAt } from './helmValues';
import { imagePullSecretRefs } from './imagePull';
import { annotationsOf, rollme, serviceAnnotations } from './metadata';
import {
  ChartContext,
  dataServiceAccountName,
  dataServiceLabels,
  dataServiceName,
  dataServiceSelectorLabels,
  fullname,
  labelsAt,
} from './names';
import { asIs, probe, schedulingFields, withValue } from './podSpec';

// The keys of environment.data the data service gets, by group, in the chart's order of
// groups (REFERENCE.md §5); within a group the keys come sorted.
const ANALYTICS_AND_BUCKETS = [
  'ANALYTICS_STORE',
  'ANALYTICS_STORE_ENDPOINT',
  'ANALYTICS_STORE_USER',
  'ANALYTICS_STORE_PASSWORD',
  'ANALYTICS_LOG_TABLE',
  'FINETUNES_BUCKET',
  'FINETUNES_AWS_ROLE_ARN',
  'LOG_EXPORTS_BUCKET',
];
const CONTROL_PLANE = ['PORTKEY_CLIENT_AUTH', 'ORGANISATIONS_TO_SYNC'];
const CACHE = [
  'CACHE_STORE',
  'REDIS_URL',
  'REDIS_PORT',
  'REDIS_HOST',
  'REDIS_TLS_ENABLED',
  'REDIS_MODE',
  'REDIS_TLS_CERTS',
  'REDIS_USERNAME',
  'REDIS_PASSWORD',
  'REDIS_SCALE_READS',
  'REDIS_CLUSTER_ENDPOINTS',
  'REDIS_CLUSTER_DISCOVERY_URL',
  'REDIS_CLUSTER_DISCOVERY_AUTH',
  'AZURE_REDIS_AUTH_MODE',
  'AZURE_REDIS_ENTRA_CLIENT_ID',
  'AZURE_REDIS_ENTRA_CLIENT_SECRET',
  'AZURE_REDIS_ENTRA_TENANT_ID',
  'AZURE_REDIS_MANAGED_CLIENT_ID',
  'AWS_REDIS_AUTH_MODE',
  'AWS_REDIS_CLUSTER_NAME',
  'AWS_REDIS_REGION',
  'AWS_REDIS_ASSUME_ROLE_ARN',
  'AWS_REDIS_ROLE_EXTERNAL_ID',
];
const LOG_STORE = [
  'LOG_STORE',
  'MONGO_DB_CONNECTION_URL',
  'MONGO_DATABASE',
  'MONGO_COLLECTION_NAME',
  'MONGO_GENERATION_HOOKS_COLLECTION_NAME',
  'LOG_STORE_ACCESS_KEY',
  'LOG_STORE_SECRET_KEY',
  'LOG_STORE_REGION',
  'LOG_STORE_GENERATIONS_BUCKET',
  'LOG_STORE_BASEPATH',
  'LOG_STORE_AWS_ROLE_ARN',
  'LOG_STORE_AWS_EXTERNAL_ID',
  'AZURE_AUTH_MODE',
  'AZURE_STORAGE_ACCOUNT',
  'AZURE_STORAGE_KEY',
  'AZURE_STORAGE_CONTAINER',
  'AZURE_MANAGED_CLIENT_ID',
  'AZURE_ENTRA_CLIENT_ID',
  'AZURE_ENTRA_CLIENT_SECRET',
  'AZURE_ENTRA_TENANT_ID',
];
/** The data service's names for some of the gateway's keys. */
const ALIASES: Array<[string, string]> = [
  ['CLICKHOUSE_HOST', 'ANALYTICS_STORE_ENDPOINT'],
  ['CLICKHOUSE_USER', 'ANALYTICS_STORE_USER'],
  ['CLICKHOUSE_PASSWORD', 'ANALYTICS_STORE_PASSWORD'],
  ['AWS_S3_FINETUNE_BUCKET', 'FINETUNES_BUCKET'],
];

export const dataServiceEnabled = (ctx: ChartContext) =>
  truthy(valueAt(ctx.values, 'dataservice.enabled'));

/** The data service's env (REFERENCE.md §5): fixed literals, then the gateway's keys it uses. */
export function dataServiceEnv(ctx: ChartContext, mode: EnvMode): V1EnvVar[] {
  const { values } = ctx;
  const sources = envSourceMap(ctx, mode);
  const fromSource = (name: string, key: string): V1EnvVar => {
    const source = sources.get(key);
    return source ? { name, ...source } : literal(name, null);
  };
  const group = (keys: string[]) =>
    [...sources.keys()]
      .filter(key => keys.includes(key))
      .map(key => fromSource(key, key));
  return [
    {
      name: 'GATEWAY_BASE_URL',
      value: `http://${fullname(ctx)}:${goString(
        valueAt(values, 'service.port'),
      )}`,
    },
    literal('PORT', quoted(valueAt(values, 'dataservice.containerPort'))),
    sources.has('ALBUS_BASEPATH')
      ? fromSource('ALBUS_ENDPOINT', 'ALBUS_BASEPATH')
      : { name: 'ALBUS_ENDPOINT', value: 'https://albus.portkey.ai' },
    { name: 'NODE_ENV', value: 'production' },
    { name: 'HYBRID_DEPLOYMENT', value: 'ON' },
    ...(truthy(valueAt(values, 'dataservice.env.DEBUG_ENABLED'))
      ? [{ name: 'NODE_DEBUG', value: 'dataservice:*' }]
      : []),
    literal(
      'SERVICE_NAME',
      quoted(valueAt(values, 'dataservice.env.SERVICE_NAME')),
    ),
    ...group(ANALYTICS_AND_BUCKETS),
    ...ALIASES.map(([name, key]) => fromSource(name, key)),
    ...group(CONTROL_PLANE),
    ...group(CACHE),
    ...group(LOG_STORE),
    ...asIs<V1EnvVar[]>(listAt(values, 'dataservice.deployment.extraEnv')),
  ];
}

const labels = (ctx: ChartContext) => ({
  ...dataServiceLabels(ctx),
  ...labelsAt(ctx, 'dataservice.deployment.labels'),
});

/** Deployment `<fullname>-dataservice` (`dataservice.enabled`). */
export function dataServiceDeployment(
  ctx: ChartContext,
  mode: EnvMode,
): V1Deployment {
  const { values } = ctx;
  const at = (key: string) => valueAt(values, `dataservice.deployment.${key}`);
  const autoRestart = truthy(at('autoRestart'));
  const deploymentAnnotations = mapAt(
    values,
    'dataservice.deployment.annotations',
  );
  const revisionHistoryLimit = at('revisionHistoryLimit');
  const grace = at('terminationGracePeriodSeconds');
  const pullSecrets = imagePullSecretRefs(ctx);
  const podSecurityContext = at('podSecurityContext');
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: dataServiceName(ctx),
      labels: labels(ctx),
      annotations: annotationsOf(
        autoRestart ? rollme(ctx, 'dataservice-deployment') : {},
        serviceAnnotations(ctx),
        deploymentAnnotations,
      ),
    },
    spec: {
      ...(revisionHistoryLimit !== null
        ? { revisionHistoryLimit: interpolated<number>(revisionHistoryLimit) }
        : {}),
      ...(!truthy(valueAt(values, 'dataservice.autoscaling.enabled'))
        ? { replicas: interpolated<number>(at('replicas')) ?? undefined }
        : {}),
      selector: { matchLabels: dataServiceSelectorLabels(ctx) },
      template: {
        metadata: {
          annotations: annotationsOf(
            autoRestart ? rollme(ctx, 'dataservice-pod') : {},
            { 'checksum/config': envConfigChecksum(ctx) },
            mode.mode === 'vault' ? vaultAnnotations(ctx) : {},
            deploymentAnnotations,
          ),
          labels: labels(ctx),
        },
        spec: {
          ...(grace !== null
            ? { terminationGracePeriodSeconds: interpolated<number>(grace) }
            : {}),
          ...(pullSecrets.length ? { imagePullSecrets: pullSecrets } : {}),
          ...(podSecurityContext !== null
            ? { securityContext: asIs(podSecurityContext) }
            : {}),
          serviceAccountName: dataServiceAccountName(ctx),
          containers: [
            dataServiceContainer(ctx, mode),
            ...asIs<V1Container[]>(
              listAt(values, 'dataservice.deployment.sidecars'),
            ),
          ],
          ...schedulingFields(ctx, 'dataservice.deployment.', 'dataservice'),
          ...withValue('volumes', at('volumes')),
        },
      },
    },
  };
}

function dataServiceContainer(ctx: ChartContext, mode: EnvMode): V1Container {
  const { values } = ctx;
  const at = (key: string) => valueAt(values, `dataservice.deployment.${key}`);
  const startupProbe = probe(at('startupProbe'));
  const livenessProbe = probe(at('livenessProbe'));
  const readinessProbe = probe(at('readinessProbe'));
  const resources = at('resources');
  const securityContext = at('securityContext');
  return {
    name: goString(valueAt(values, 'dataservice.name')),
    ...withValue('command', at('command')),
    ...withValue('envFrom', valueAt(values, 'dataservice.envFrom')),
    env: dataServiceEnv(ctx, mode),
    image: `${goString(
      valueAt(values, 'images.dataserviceImage.repository'),
    )}:${goString(
      orDefault(
        CHART.appVersion,
        valueAt(values, 'images.dataserviceImage.tag'),
      ),
    )}`,
    imagePullPolicy: goString(
      valueAt(values, 'images.dataserviceImage.pullPolicy'),
    ),
    ports: [
      {
        name: 'dataservice',
        containerPort: interpolated<number>(
          valueAt(values, 'dataservice.containerPort'),
        ),
        protocol: 'TCP',
      },
    ],
    ...(startupProbe ? { startupProbe } : {}),
    ...(livenessProbe ? { livenessProbe } : {}),
    ...(readinessProbe ? { readinessProbe } : {}),
    ...(resources !== null ? { resources: asIs(resources) } : {}),
    ...(securityContext !== null
      ? { securityContext: asIs(securityContext) }
      : {}),
    ...withValue('volumeMounts', at('volumeMounts')),
    ...asIs<Partial<V1Container>>(
      mapAt(values, 'dataservice.deployment.extraContainerConfig'),
    ),
  };
}

/** Its ClusterIP Service (port 8081 by default). */
export function dataServiceService(ctx: ChartContext): V1Service {
  const { values } = ctx;
  const loadBalancerIP = interpolated<string | null>(
    valueAt(values, 'dataservice.service.loadBalancerIP'),
  );
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: dataServiceName(ctx),
      labels: labels(ctx),
      annotations: annotationsOf(
        serviceAnnotations(ctx),
        mapAt(values, 'dataservice.service.annotations'),
      ),
    },
    spec: {
      type: goString(valueAt(values, 'dataservice.service.type')),
      ...withValue(
        'loadBalancerSourceRanges',
        valueAt(values, 'dataservice.service.loadBalancerSourceRanges'),
      ),
      ...(loadBalancerIP !== null ? { loadBalancerIP } : {}),
      ports: [
        {
          name: 'dataservice',
          port: interpolated<number>(
            valueAt(values, 'dataservice.service.port'),
          ),
          targetPort: 'dataservice',
          protocol: 'TCP',
        },
      ],
      selector: dataServiceSelectorLabels(ctx),
    },
  };
}

/** Its HPA, only with `dataservice.autoscaling.enabled` and `createHpa`. */
export function dataServiceAutoscaler(
  ctx: ChartContext,
): V2HorizontalPodAutoscaler | undefined {
  const autoscaling = mapAt(ctx.values, 'dataservice.autoscaling');
  if (
    !truthy(autoscaling.enabled ?? null) ||
    !truthy(autoscaling.createHpa ?? null)
  )
    return undefined;
  return horizontalPodAutoscaler(
    dataServiceName(ctx),
    labels(ctx),
    autoscaling,
  );
}
