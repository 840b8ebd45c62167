import type { V1ServiceAccount } from '@kubernetes/client-node';
import { truthy } from './goTemplate';
import { valueAt } from './helmValues';
import { annotationsOf, serviceAnnotations } from './metadata';
import {
  ChartContext,
  dataServiceAccountName,
  dataServiceLabels,
  gatewayLabels,
  gatewayServiceAccountName,
  labelsAt,
} from './names';
import { mapAt } from './helmValues';

/** The gateway's ServiceAccount when `serviceAccount.create` (its annotations: IRSA). */
export function gatewayServiceAccount(
  ctx: ChartContext,
): V1ServiceAccount | undefined {
  if (!truthy(valueAt(ctx.values, 'serviceAccount.create'))) return undefined;
  const automount = valueAt(ctx.values, 'serviceAccount.automount');
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: gatewayServiceAccountName(ctx),
      labels: {
        ...gatewayLabels(ctx),
        ...labelsAt(ctx, 'serviceAccount.labels'),
      },
      annotations: annotationsOf(
        serviceAnnotations(ctx),
        mapAt(ctx.values, 'serviceAccount.annotations'),
      ),
    },
    ...(typeof automount === 'boolean'
      ? { automountServiceAccountToken: automount }
      : {}),
  };
}

/**
 * The data service's ServiceAccount when it is enabled and `dataservice.serviceAccount.create`.
 * Its labels are the data service's plus `dataservice.deployment.labels` (the chart ignores
 * `dataservice.serviceAccount.labels`).
 */
export function dataServiceAccount(
  ctx: ChartContext,
): V1ServiceAccount | undefined {
  if (
    !truthy(valueAt(ctx.values, 'dataservice.enabled')) ||
    !truthy(valueAt(ctx.values, 'dataservice.serviceAccount.create'))
  )
    return undefined;
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      name: dataServiceAccountName(ctx),
      labels: {
        ...dataServiceLabels(ctx),
        ...labelsAt(ctx, 'dataservice.deployment.labels'),
      },
      annotations: annotationsOf(
        serviceAnnotations(ctx),
        mapAt(ctx.values, 'dataservice.serviceAccount.annotations'),
      ),
    },
  };
}
