import type { Entity } from '@backstage/catalog-model';
import type {
  GatewayEntityStatus,
  GatewayPodStatus,
  GatewayStatus,
  GatewayWorkloadStatus,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

/**
 * Backend answers in the common package's shapes, shared by the plugin's tests (status,
 * logs and settings views). Times are fixed so that ages can be asserted with a fake clock.
 */

export const FIXTURE_NOW = '2026-12-01T12:00:00.000Z';

export const gatewayEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'portkey-ai-gateway',
    namespace: 'default',
    annotations: {
      'portkey.ai/gateway-release': 'portkey-ai-gateway',
      'portkey.ai/gateway-namespace': 'ai-gateways',
    },
  },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

/** An entity without the gateway annotations: no tab, no card. */
export const plainEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'billing', namespace: 'default' },
  spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
};

export const gatewayEntityRef = {
  kind: 'Component',
  namespace: 'default',
  name: 'portkey-ai-gateway',
};

function runningPod(name: string, container: string): GatewayPodStatus {
  return {
    name,
    phase: 'Running',
    ready: true,
    restarts: 0,
    createdAt: '2026-11-29T12:00:00.000Z',
    node: 'node-a',
    containers: [
      {
        name: container,
        ready: true,
        restarts: 0,
        state: 'running',
        hints: [],
      },
    ],
    hints: [],
  };
}

/** A one-replica Deployment with its running pod. */
function singlePodWorkload(
  deployment: string,
  image: string,
  pod: string,
  container: string,
): GatewayWorkloadStatus {
  return {
    deployment,
    image,
    replicas: { desired: 1, ready: 1, available: 1, updated: 1 },
    rollout: 'complete',
    pods: [runningPod(pod, container)],
    warnings: [],
  };
}

const dataService = singlePodWorkload(
  'portkey-ai-gateway-dataservice',
  'portkeyai/data-service:1.2.0',
  'portkey-ai-gateway-dataservice-5b7c9-x2k4p',
  'dataservice',
);

const redis = singlePodWorkload(
  'portkey-ai-gateway-redis',
  'redis:7.2-alpine',
  'portkey-ai-gateway-redis-6f8d4-q9z7m',
  'redis',
);

export const healthyGateway: GatewayStatus = {
  release: 'portkey-ai-gateway',
  chart: 'gateway-1.7.7',
  appVersion: '2.13.0',
  deployment: 'portkey-ai-gateway',
  image: 'portkeyai/gateway:2.13.0',
  replicas: { desired: 2, ready: 2, available: 2, updated: 2 },
  rollout: 'complete',
  pods: [
    runningPod('portkey-ai-gateway-7d9f8-abcde', 'gateway'),
    runningPod('portkey-ai-gateway-7d9f8-fghij', 'gateway'),
  ],
  warnings: [],
  dataService,
  redis,
};

export const CRASHING_POD = 'portkey-ai-gateway-84c6d-crash';

/** A rollout stuck on a crash-looping, OOM-killed pod, with warnings for the pod and the workload. */
export const degradedGateway: GatewayStatus = {
  ...healthyGateway,
  appVersion: '2.14.0',
  image: 'portkeyai/gateway:2.14.0',
  replicas: { desired: 2, ready: 1, available: 1, updated: 1 },
  rollout: 'degraded',
  rolloutMessage: `Pod ${CRASHING_POD}: container gateway is in CrashLoopBackOff`,
  pods: [
    runningPod('portkey-ai-gateway-7d9f8-abcde', 'gateway'),
    {
      name: CRASHING_POD,
      phase: 'Running',
      ready: false,
      restarts: 7,
      createdAt: '2026-12-01T11:30:00.000Z',
      node: 'node-b',
      containers: [
        {
          name: 'gateway',
          image: 'portkeyai/gateway:2.14.0',
          ready: false,
          restarts: 7,
          state: 'waiting',
          reason: 'CrashLoopBackOff',
          message: 'back-off 5m0s restarting failed container',
          lastTerminationReason: 'OOMKilled',
          lastTerminationExitCode: 137,
          hints: [
            {
              reason: 'OOMKilled',
              message:
                'The container used more memory than its limit: raise resources.limits.memory.',
            },
          ],
        },
      ],
      hints: [],
    },
  ],
  warnings: [
    {
      object: `Pod/${CRASHING_POD}`,
      reason: 'BackOff',
      message: 'Back-off restarting failed container gateway',
      count: 12,
      lastSeen: '2026-12-01T11:58:00.000Z',
    },
    {
      object: 'ReplicaSet/portkey-ai-gateway-84c6d',
      reason: 'FailedCreate',
      message: 'exceeded quota: compute-resources',
      count: 3,
      lastSeen: '2026-12-01T11:50:00.000Z',
      hint: {
        reason: 'FailedCreate',
        message:
          'A ResourceQuota refuses new pods: raise the quota or lower the requests.',
      },
    },
  ],
  redis: undefined,
};

export function entityStatusOf(
  gateway: GatewayStatus | undefined,
): GatewayEntityStatus {
  return {
    entityRef: 'component:default/portkey-ai-gateway',
    cluster: 'default',
    namespace: 'ai-gateways',
    release: 'portkey-ai-gateway',
    observedAt: FIXTURE_NOW,
    labelSelector:
      'app.kubernetes.io/instance=portkey-ai-gateway,app.kubernetes.io/name=gateway',
    ...(gateway ? { gateway } : {}),
  };
}
