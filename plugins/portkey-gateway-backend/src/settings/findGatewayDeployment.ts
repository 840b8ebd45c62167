import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { V1Deployment } from '@kubernetes/client-node';
import { CHART_LABELS } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { kubeGet } from '../kubernetes/kubeGet';
import { toPortalError } from '../kubernetes/kubernetesErrors';
import {
  NAMESPACE_UNCHECKED,
  namespaceMissingError,
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
  const labelSelector = `${CHART_LABELS.name} in (${nameLabels.join(',')}),${
    CHART_LABELS.instance
  }=${release}`;
  const list: { items?: V1Deployment[] } = await kubeGet(
    clients.kubeConfig,
    `/apis/apps/v1/namespaces/${encodeURIComponent(
      namespace,
    )}/deployments?labelSelector=${encodeURIComponent(labelSelector)}`,
  ).catch(async error => {
    const refused = toPortalError(error, {
      cluster,
      action: `list deployments in namespace ${namespace}`,
    });
    if (
      refused instanceof NotAllowedError &&
      (await namespaces.check(target)) === 'missing'
    )
      throw namespaceMissingError(target);
    throw refused;
  });
  const gateways = (list.items ?? []).filter(d => isGateway(d, nameLabels));
  if (gateways.length === 0) {
    const existence = await namespaces.check(target);
    if (existence === 'missing') throw namespaceMissingError(target);
    throw new NotFoundError(
      `No gateway Deployment of release "${release}" in namespace ${namespace} of cluster "${cluster}" (looked for ${labelSelector} without ${
        CHART_LABELS.component
      }${existence === 'unknown' ? `; ${NAMESPACE_UNCHECKED}` : ''})`,
    );
  }
  return pickGatewayDeployment(gateways, release)!;
}
