import YAML from 'yaml';
import { gatewayFullname, PORTKEY_CHART } from '../chart/chartFacts';
import { GatewayInput } from '../model/gatewayInput';
import {
  KUBERNETES_ID_LABEL,
  KUBERNETES_NAMESPACE_ANNOTATION,
  PORTKEY_GATEWAY_ANNOTATIONS,
} from './annotations';

/**
 * The catalog entity for a new gateway: a Component whose annotations let the Portkey status
 * view (release, namespace, cluster) and Backstage's Kubernetes plugin (kubernetes-id) find it.
 *
 * @public
 */
export function renderCatalogEntity(input: GatewayInput) {
  const { gateway, catalog } = input;
  const fullname = gatewayFullname(gateway.releaseName);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: fullname,
      title: `Portkey gateway ${gateway.releaseName} (${gateway.namespace})`,
      description:
        catalog.description ??
        `Portkey AI gateway ${gateway.releaseName} in namespace ${gateway.namespace}`,
      tags: ['portkey', 'ai-gateway', 'helm'],
      annotations: {
        [KUBERNETES_ID_LABEL]: fullname,
        [KUBERNETES_NAMESPACE_ANNOTATION]: gateway.namespace,
        [PORTKEY_GATEWAY_ANNOTATIONS.release]: gateway.releaseName,
        [PORTKEY_GATEWAY_ANNOTATIONS.namespace]: gateway.namespace,
        ...(gateway.cluster
          ? { [PORTKEY_GATEWAY_ANNOTATIONS.cluster]: gateway.cluster }
          : {}),
        [PORTKEY_GATEWAY_ANNOTATIONS.chartVersion]: gateway.chartVersion,
      },
    },
    spec: {
      type: 'service',
      lifecycle: catalog.lifecycle,
      owner: catalog.owner,
      ...(catalog.system ? { system: catalog.system } : {}),
    },
  };
}

/** @public */
export function renderCatalogInfoYaml(input: GatewayInput): string {
  return `# Catalog entity for the Portkey gateway (chart ${
    PORTKEY_CHART.repositoryName
  }/${PORTKEY_CHART.name}).\n${YAML.stringify(renderCatalogEntity(input), {
    lineWidth: 0,
  })}`;
}
