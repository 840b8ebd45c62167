import type { V1Deployment, V1Service } from '@kubernetes/client-node';
import { goString, interpolated, orDefault } from './goTemplate';
import { valueAt } from './helmValues';
import { imagePullSecretRefs } from './imagePull';
import {
  ChartContext,
  ChartRenderError,
  labelsAt,
  redisLabels,
  redisSelectorLabels,
} from './names';
import { asIs } from './podSpec';

/**
 * Whether the chart runs its own Redis: `environment.data.CACHE_STORE` is exactly "redis".
 * Nil is not; a value that is not a string fails to render, as Go's `eq` does.
 */
export function rendersRedis(ctx: ChartContext): boolean {
  const store = valueAt(ctx.values, 'environment.data.CACHE_STORE');
  if (store === null) return false;
  if (typeof store !== 'string')
    throw new ChartRenderError(
      'error calling eq: incompatible types for comparison (environment.data.CACHE_STORE is not a string)',
    );
  return store === 'redis';
}

const containerPort = (ctx: ChartContext) =>
  interpolated<number>(
    orDefault(6379, valueAt(ctx.values, 'redis.containerPort')),
  );

/** The in-cluster Redis Deployment, always named `redis`. */
export function redisDeployment(ctx: ChartContext): V1Deployment {
  const { values } = ctx;
  const revisionHistoryLimit = valueAt(values, 'redis.revisionHistoryLimit');
  const pullSecrets = imagePullSecretRefs(ctx);
  const resources = valueAt(values, 'redis.resources');
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'redis', labels: redisLabels(ctx) },
    spec: {
      ...(revisionHistoryLimit !== null
        ? { revisionHistoryLimit: interpolated<number>(revisionHistoryLimit) }
        : {}),
      replicas: 1,
      selector: { matchLabels: redisSelectorLabels(ctx) },
      template: {
        // podLabels reach the Redis pod too.
        metadata: {
          labels: { ...redisLabels(ctx), ...labelsAt(ctx, 'podLabels') },
        },
        spec: {
          ...(pullSecrets.length ? { imagePullSecrets: pullSecrets } : {}),
          containers: [
            {
              name: 'redis',
              image: `${goString(
                valueAt(values, 'images.redisImage.repository'),
              )}:${goString(valueAt(values, 'images.redisImage.tag'))}`,
              imagePullPolicy: goString(
                valueAt(values, 'images.redisImage.pullPolicy'),
              ),
              ports: [
                {
                  name: 'redis',
                  containerPort: containerPort(ctx),
                  protocol: 'TCP',
                },
              ],
              ...(resources !== null ? { resources: asIs(resources) } : {}),
            },
          ],
          restartPolicy: 'Always',
        },
      },
    },
  };
}

/** Its Service `redis` (`redis.serviceType`, default NodePort). */
export function redisService(ctx: ChartContext): V1Service {
  const { values } = ctx;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'redis', labels: redisLabels(ctx) },
    spec: {
      type: goString(
        orDefault('NodePort', valueAt(values, 'redis.serviceType')),
      ),
      ports: [
        {
          port: interpolated<number>(
            orDefault(
              orDefault(6379, valueAt(values, 'redis.containerPort')),
              valueAt(values, 'redis.servicePort'),
            ),
          ),
          targetPort: containerPort(ctx),
          protocol: 'TCP',
          name: 'redis',
        },
      ],
      selector: redisSelectorLabels(ctx),
    },
  };
}
