import { NotFoundError } from '@backstage/errors';
import { V1Deployment } from '@kubernetes/client-node';
import {
  CHART_LABELS,
  gatewayLabelSelector,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { kubeGet } from '../kubernetes/kubeGet';
import { toPortalError } from '../kubernetes/kubernetesErrors';
import {
  NAMESPACE_UNCHECKED,
  NamespaceExistenceCache,
} from '../kubernetes/namespaceExistence';
import { NamespaceTarget } from '../kubernetes/target';
import {
  DEFAULT_GATEWAY_NAME_LABELS,
  isGateway,
  pickGatewayDeployment,
} from '../status/findGateways';

/**
 * The release's gateway Deployment, picked as the status view picks it (isGateway: the
 * chart's name label and the release, no `app.kubernetes.io/component`). 404 naming the
 * release when there is none, or the namespace when it does not exist.
 */
export async function findGatewayDeployment(
  target: NamespaceTarget & { release: string },
  namespaces: NamespaceExistenceCache,
  nameLabels: readonly string[] = DEFAULT_GATEWAY_NAME_LABELS,
): Promise<V1Deployment> {
  const { cluster, namespace, clients, release } = target;
  // The gateway's own name labels only: the in-cluster Redis is never the gateway.
  const labelSelector = gatewayLabelSelector({
    release,
    nameLabels,
    withInClusterRedis: false,
  });
  const list: { items?: V1Deployment[] } = await kubeGet(
    clients.kubeConfig,
    `/apis/apps/v1/namespaces/${encodeURIComponent(
      namespace,
    )}/deployments?labelSelector=${encodeURIComponent(labelSelector)}`,
  ).catch(async error => {
    throw await namespaces.explainRefusal(
      target,
      toPortalError(error, {
        cluster,
        action: `list deployments in namespace ${namespace}`,
      }),
    );
  });
  const gateways = (list.items ?? []).filter(d => isGateway(d, nameLabels));
  if (gateways.length === 0) {
    const existence = await namespaces.requireExisting(target);
    throw new NotFoundError(
      `No gateway Deployment of release "${release}" in namespace ${namespace} of cluster "${cluster}" (looked for ${labelSelector} without ${
        CHART_LABELS.component
      }${existence === 'unknown' ? `; ${NAMESPACE_UNCHECKED}` : ''})`,
    );
  }
  return pickGatewayDeployment(gateways, release)!;
}
