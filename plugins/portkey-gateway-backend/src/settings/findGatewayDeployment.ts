import { NotFoundError } from '@backstage/errors';
import { V1Deployment } from '@kubernetes/client-node';
import { CHART_LABELS } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { toPortalError } from '../kubernetes/kubernetesErrors';
import {
  DEFAULT_GATEWAY_NAME_LABELS,
  isGateway,
  pickGatewayDeployment,
} from '../status/findGateways';
import { NamespaceTarget } from '../kubernetes/target';

const COMPONENT = CHART_LABELS.component;

/**
 * The release's gateway Deployment: labelled with the chart's name and the release, and,
 * unlike the data service's, without an `app.kubernetes.io/component` in its selector or pod
 * template (REFERENCE.md §4). 404 naming the release when there is none.
 */
export async function findGatewayDeployment(
  target: NamespaceTarget & { release: string },
  nameLabels: readonly string[] = DEFAULT_GATEWAY_NAME_LABELS,
): Promise<V1Deployment> {
  const { cluster, namespace, clients, release } = target;
  const labelSelector = `${CHART_LABELS.name} in (${nameLabels.join(',')}),${
    CHART_LABELS.instance
  }=${release}`;
  const list = await clients.apps
    .listNamespacedDeployment({ namespace, labelSelector })
    .catch(error => {
      throw toPortalError(error, {
        cluster,
        action: `list deployments in namespace ${namespace}`,
      });
    });
  const gateways = list.items.filter(
    d =>
      isGateway(d, nameLabels) &&
      !(COMPONENT in (d.spec?.selector?.matchLabels ?? {})) &&
      !(COMPONENT in (d.spec?.template?.metadata?.labels ?? {})),
  );
  if (gateways.length === 0) {
    throw new NotFoundError(
      `No gateway Deployment of release "${release}" in namespace ${namespace} of cluster "${cluster}" (looked for ${labelSelector} without ${COMPONENT})`,
    );
  }
  return pickGatewayDeployment(gateways, release)!;
}
