import type { Entity } from '@backstage/catalog-model';
import type {
  GatewayStatus,
  GatewayStatusList,
  GatewayWorkloadStatus,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { PORTKEY_GATEWAY_ANNOTATIONS } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import type { GatewayCluster } from '../../../api/PortkeyGatewayApi';

function workload(
  deployment: string,
  overrides: Partial<GatewayWorkloadStatus> = {},
): GatewayWorkloadStatus {
  return {
    deployment,
    replicas: { desired: 2, ready: 2, available: 2, updated: 2 },
    rollout: 'complete',
    pods: [],
    warnings: [],
    ...overrides,
  };
}

/** A healthy gateway with data service and in-cluster Redis. */
export const healthyGateway: GatewayStatus = {
  ...workload('portkey-ai-gateway'),
  release: 'portkey-ai',
  chart: 'gateway-1.7.7',
  appVersion: '2.13.0',
  dataService: workload('portkey-ai-gateway-dataservice', {
    replicas: { desired: 1, ready: 1, available: 1, updated: 1 },
  }),
  redis: workload('redis', {
    replicas: { desired: 1, ready: 1, available: 1, updated: 1 },
  }),
};

/** A gateway whose new pods cannot pull the image. */
export const degradedGateway: GatewayStatus = {
  ...workload('staging-gateway', {
    replicas: { desired: 2, ready: 1, available: 1, updated: 1 },
    rollout: 'degraded',
    rolloutMessage:
      'Pod staging-gateway-7d9f-abcde: container gateway is in ImagePullBackOff',
  }),
  release: 'staging-gateway',
  chart: 'gateway-1.7.6',
  appVersion: '2.11.1',
};

export function statusList(
  items: GatewayStatus[],
  where: { cluster?: string; namespace?: string } = {},
): GatewayStatusList {
  return {
    cluster: where.cluster ?? 'prod',
    namespace: where.namespace ?? 'ai-gateways',
    observedAt: '2026-12-01T10:00:00Z',
    labelSelector:
      'app.kubernetes.io/name in (gateway,llm-gateway,redis),app.kubernetes.io/instance',
    items,
  };
}

export const clusters: GatewayCluster[] = [
  { name: 'prod', namespaces: ['ai-gateways', 'ai-gateways-staging'] },
  { name: 'dev', namespaces: null },
];

/** A gateway entity as the render action's catalog-info.yaml writes it. */
export function gatewayEntity(
  name: string,
  target: { release: string; namespace: string; cluster?: string },
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        [PORTKEY_GATEWAY_ANNOTATIONS.release]: target.release,
        [PORTKEY_GATEWAY_ANNOTATIONS.namespace]: target.namespace,
        ...(target.cluster
          ? { [PORTKEY_GATEWAY_ANNOTATIONS.cluster]: target.cluster }
          : {}),
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-ai' },
  };
}
