import type { V2HorizontalPodAutoscaler } from '@kubernetes/client-node';
import { interpolated, orDefault, truthy } from './goTemplate';
import { HelmMap, valueAt } from './helmValues';
import { Labels } from './names';

/**
 * An `autoscaling/v2` HPA of the Deployment `name`, from an `autoscaling` table of values
 * (`autoscaling` or `dataservice.autoscaling`): a metric for each target that is set, and
 * the scale-up/down policies with the chart's fallbacks.
 */
export function horizontalPodAutoscaler(
  name: string,
  labels: Labels,
  autoscaling: HelmMap,
): V2HorizontalPodAutoscaler {
  const at = (path: string) => valueAt(autoscaling, path);
  const number = (path: string, fallback: number) =>
    interpolated<number>(orDefault(fallback, at(path)));
  const metric = (resource: 'cpu' | 'memory', path: string) =>
    truthy(at(path))
      ? [
          {
            type: 'Resource',
            resource: {
              name: resource,
              target: {
                type: 'Utilization',
                averageUtilization: interpolated<number>(at(path)),
              },
            },
          },
        ]
      : [];
  const metrics = [
    ...metric('cpu', 'targetCPUUtilizationPercentage'),
    ...metric('memory', 'targetMemoryUtilizationPercentage'),
  ];
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, labels },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: interpolated<number>(at('minReplicas')),
      maxReplicas: interpolated<number>(at('maxReplicas')),
      ...(metrics.length ? { metrics } : {}),
      behavior: {
        scaleUp: {
          stabilizationWindowSeconds: number(
            'behavior.scaleUp.stabilizationWindowSeconds',
            0,
          ),
          policies: [
            {
              type: 'Pods',
              value: number('behavior.scaleUp.podScaleUpValue', 4),
              periodSeconds: number('behavior.scaleUp.periodSeconds', 15),
            },
            {
              type: 'Percent',
              value: number('behavior.scaleUp.percentScaleUpValue', 100),
              periodSeconds: number('behavior.scaleUp.periodSeconds', 15),
            },
          ],
        },
        scaleDown: {
          stabilizationWindowSeconds: number(
            'behavior.scaleDown.stabilizationWindowSeconds',
            300,
          ),
          policies: [
            {
              type: 'Pods',
              value: number('behavior.scaleDown.podScaleDownValue', 1),
              periodSeconds: number('behavior.scaleDown.periodSeconds', 60),
            },
          ],
        },
      },
    },
  };
}
