import type { KubernetesObject } from '@kubernetes/client-node';
import { horizontalPodAutoscaler } from './autoscaling';
import { CHART_DEFAULT_VALUES } from './chartDefaults';
import {
  dataServiceAutoscaler,
  dataServiceDeployment,
  dataServiceEnabled,
  dataServiceService,
} from './dataService';
import { envConfigObject } from './envConfig';
import { envMode, SecretLookup } from './envModes';
import { gatewayDeployment } from './gatewayDeployment';
import { gatewayService, mcpService } from './gatewayServices';
import { truthy } from './goTemplate';
import { HelmMap, mapAt, parseValuesYaml, valueAt } from './helmValues';
import { imagePullSecrets } from './imagePull';
import { gatewayIngress } from './ingress';
import { mergeValues } from './mergeValues';
import { ChartContext, fullname, gatewayLabels } from './names';
import { redisDeployment, redisService, rendersRedis } from './redis';
import { resourceConfigMap } from './resourceConfig';
import { dataServiceAccount, gatewayServiceAccount } from './serviceAccounts';

export type RenderChartObjectsOptions = {
  /** The user's values: a values.yaml's text, or its parsed map. */
  values: string | HelmMap;
  release: string;
  /** `helm template -n`: only the `lookup` of an existing Secret uses it (no object gets it). */
  namespace: string;
  /**
   * What `lookup` finds of an existing Secret (lookup mode). Default: nothing, as under
   * `helm template`, so every key of `environment.data` becomes a literal.
   */
  lookupSecret?: SecretLookup;
};

/**
 * A stand-in for `helm template <release> portkey-ai/gateway --version 1.7.7 -n <namespace>
 * -f values.yaml`: the user's values merged into the chart's defaults as Helm merges them,
 * then the objects the chart renders from them (REFERENCE.md §3-5), in Helm's install order.
 * Not the chart: MinIO and Milvus (`minio.enabled`, `milvus.enabled`) are not rendered, and
 * throw rather than render something partial. Throws ChartRenderError where the chart fails.
 */
export function renderChartObjects(
  options: RenderChartObjectsOptions,
): KubernetesObject[] {
  const user =
    typeof options.values === 'string'
      ? parseValuesYaml(options.values)
      : options.values;
  const ctx: ChartContext = {
    values: mergeValues(CHART_DEFAULT_VALUES, user),
    release: options.release,
    namespace: options.namespace,
  };
  for (const part of ['minio', 'milvus'])
    if (truthy(valueAt(ctx.values, `${part}.enabled`)))
      throw new Error(
        `${part}.enabled: the chart stand-in does not render ${part} (this project never deploys it)`,
      );
  const mode = envMode(ctx, options.lookupSecret);
  const objects: Array<KubernetesObject | undefined> = [
    gatewayServiceAccount(ctx),
    dataServiceEnabled(ctx) ? dataServiceAccount(ctx) : undefined,
    ...imagePullSecrets(ctx),
    envConfigObject(ctx),
    resourceConfigMap(),
    gatewayService(ctx, mode),
    mcpService(ctx, mode),
    ...(rendersRedis(ctx) ? [redisService(ctx)] : []),
    dataServiceEnabled(ctx) ? dataServiceService(ctx) : undefined,
    gatewayDeployment(ctx, mode),
    ...(rendersRedis(ctx) ? [redisDeployment(ctx)] : []),
    dataServiceEnabled(ctx) ? dataServiceDeployment(ctx, mode) : undefined,
    truthy(valueAt(ctx.values, 'autoscaling.enabled'))
      ? horizontalPodAutoscaler(
          fullname(ctx),
          gatewayLabels(ctx),
          mapAt(ctx.values, 'autoscaling'),
        )
      : undefined,
    dataServiceEnabled(ctx) ? dataServiceAutoscaler(ctx) : undefined,
    gatewayIngress(ctx, mode),
  ];
  return objects.filter((o): o is KubernetesObject => o !== undefined);
}

/** The merged values the objects are rendered from (defaults + user values). */
export function mergeChartValues(values: string | HelmMap): HelmMap {
  return mergeValues(
    CHART_DEFAULT_VALUES,
    typeof values === 'string' ? parseValuesYaml(values) : values,
  );
}
