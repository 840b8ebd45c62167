import type {
  V1Container,
  V1ContainerPort,
  V1Deployment,
  V1EnvVar,
} from '@kubernetes/client-node';
import { CHART } from './chartDefaults';
import { envConfigChecksum } from './envConfig';
import { EnvMode, gatewayEnvFromData } from './envModes';
import { goString, interpolated, orDefault, truthy } from './goTemplate';
import { listAt, mapAt, valueAt } from './helmValues';
import { imagePullSecretRefs } from './imagePull';
import { annotationsOf, rollme, serviceAnnotations } from './metadata';
import {
  ChartContext,
  dataServiceName,
  fullname,
  gatewayLabels,
  gatewayServiceAccountName,
  labelsAt,
  selectorLabels,
} from './names';
import { asIs, probe, schedulingFields, withValue } from './podSpec';
import {
  gatewayContainerPort,
  mcpContainerPort,
  mcpEnabled,
  primaryPort,
} from './serverPorts';

/** The gateway Deployment `<fullname>` (REFERENCE.md §3, §4). */
export function gatewayDeployment(
  ctx: ChartContext,
  mode: EnvMode,
): V1Deployment {
  const { values } = ctx;
  const autoRestart = truthy(valueAt(values, 'autoRestart'));
  const revisionHistoryLimit = valueAt(values, 'revisionHistoryLimit');
  const replicas = valueAt(values, 'replicaCount');
  const grace = valueAt(values, 'terminationGracePeriodSeconds');
  const pullSecrets = imagePullSecretRefs(ctx);
  const podSecurityContext = valueAt(values, 'podSecurityContext');
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: fullname(ctx),
      labels: {
        ...gatewayLabels(ctx),
        ...labelsAt(ctx, 'service.additionalLabels'),
      },
      annotations: annotationsOf(
        autoRestart ? rollme(ctx, 'deployment') : {},
        serviceAnnotations(ctx),
      ),
    },
    spec: {
      ...(revisionHistoryLimit !== null
        ? { revisionHistoryLimit: interpolated<number>(revisionHistoryLimit) }
        : {}),
      ...(!truthy(valueAt(values, 'autoscaling.enabled')) && replicas !== null
        ? { replicas: interpolated<number>(replicas) }
        : {}),
      ...withValue('strategy', valueAt(values, 'strategy')),
      selector: { matchLabels: selectorLabels(ctx) },
      template: {
        metadata: {
          annotations: annotationsOf(
            autoRestart ? rollme(ctx, 'pod') : {},
            { 'checksum/config': envConfigChecksum(ctx) },
            mapAt(values, 'podAnnotations'),
            mode.mode === 'vault' ? vaultAnnotations(ctx) : {},
          ),
          labels: { ...gatewayLabels(ctx), ...labelsAt(ctx, 'podLabels') },
        },
        spec: {
          ...(truthy(grace)
            ? { terminationGracePeriodSeconds: interpolated<number>(grace) }
            : {}),
          ...(pullSecrets.length ? { imagePullSecrets: pullSecrets } : {}),
          serviceAccountName: gatewayServiceAccountName(ctx),
          ...(podSecurityContext !== null
            ? { securityContext: asIs(podSecurityContext) }
            : {}),
          containers: [
            gatewayContainer(ctx, mode),
            ...asIs<V1Container[]>(listAt(values, 'sidecars')),
          ],
          ...withValue('volumes', valueAt(values, 'volumes')),
          ...schedulingFields(ctx, '', 'gateway'),
        },
      },
    },
  };
}

/** The `gateway` container: image, ports by SERVER_MODE, env, probes, mounts. */
function gatewayContainer(ctx: ChartContext, mode: EnvMode): V1Container {
  const { values } = ctx;
  const ports: V1ContainerPort[] = [
    {
      name: 'gateway',
      containerPort: gatewayContainerPort(ctx, mode),
      protocol: 'TCP',
    },
    ...(mcpEnabled(ctx, mode)
      ? [
          {
            name: 'mcp',
            containerPort: mcpContainerPort(ctx, mode),
            protocol: 'TCP',
          },
        ]
      : []),
  ];
  const env = gatewayEnv(ctx, mode);
  const port = primaryPort(ctx, mode);
  const startupProbe = probe(valueAt(values, 'startupProbe'), port);
  const livenessProbe = probe(valueAt(values, 'livenessProbe'), port);
  const readinessProbe = probe(valueAt(values, 'readinessProbe'), port);
  const securityContext = valueAt(values, 'securityContext');
  const resources = valueAt(values, 'resources');
  return {
    // The chart's name, whatever nameOverride says.
    name: CHART.name,
    ...(securityContext !== null
      ? { securityContext: asIs(securityContext) }
      : {}),
    image: `${goString(
      valueAt(values, 'images.gatewayImage.repository'),
    )}:${goString(
      orDefault(CHART.appVersion, valueAt(values, 'images.gatewayImage.tag')),
    )}`,
    imagePullPolicy: goString(
      valueAt(values, 'images.gatewayImage.pullPolicy'),
    ),
    ports,
    ...withValue('envFrom', valueAt(values, 'envFrom')),
    ...(env.length ? { env } : {}),
    ...(startupProbe ? { startupProbe } : {}),
    ...(livenessProbe ? { livenessProbe } : {}),
    ...(readinessProbe ? { readinessProbe } : {}),
    ...(resources !== null ? { resources: asIs(resources) } : {}),
    ...withValue('volumeMounts', valueAt(values, 'volumeMounts')),
    // Raw keys merged into the container spec.
    ...asIs<Partial<V1Container>>(mapAt(values, 'extraContainerConfig')),
  };
}

/** DATASERVICE_BASEPATH first (data service on), then `environment.data`, then `extraEnv`. */
function gatewayEnv(ctx: ChartContext, mode: EnvMode): V1EnvVar[] {
  const { values } = ctx;
  return [
    ...(truthy(valueAt(values, 'dataservice.enabled'))
      ? [
          {
            name: 'DATASERVICE_BASEPATH',
            value: `http://${dataServiceName(ctx)}:${goString(
              valueAt(values, 'dataservice.service.port'),
            )}`,
          },
        ]
      : []),
    ...gatewayEnvFromData(ctx, mode),
    ...asIs<V1EnvVar[]>(listAt(values, 'extraEnv')),
  ];
}

/** The Vault agent's annotations (`useVaultInjection`). */
export function vaultAnnotations(ctx: ChartContext): Record<string, string> {
  const host = goString(valueAt(ctx.values, 'vaultConfig.vaultHost'));
  const text = (key: string) => {
    const value = valueAt(ctx.values, `vaultConfig.${key}`);
    return value === null ? '' : goString(value);
  };
  return {
    [`${host}/agent-inject`]: 'true',
    [`${host}/agent-inject-secret-${CHART.name}`]: text('secretPath'),
    [`${host}/role`]: text('role'),
  };
}
