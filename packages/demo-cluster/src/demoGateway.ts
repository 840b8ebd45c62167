import type { V1Deployment, V1Pod, V1Secret } from '@kubernetes/client-node';
import { deploymentStatus, podStatus } from './chart/workloadStatus';

/** One release of the Portkey chart in the demo cluster, and its catalog entity. */
export type DemoGatewaySpec = {
  namespace: string;
  release: string;
  deployment: string;
  /** The pods that run and are ready, by name. */
  healthyPods: readonly string[];
  /** The pod that crash-loops, if any. */
  crashingPod?: string;
  podTemplateHash: string;
  serviceAccount: string;
  /** The Secret the gateway reads its credentials from. */
  secret: string;
  /**
   * The Secret's values: fake, and never shown by the portal (the settings view names the
   * Secret and its keys only; the tests check that none of these reaches a page or a log).
   */
  secretValues: Readonly<Record<string, string>>;
  entityName: string;
  owner: string;
  /** What the entity's description says after "Demo:". */
  about: string;
};

/**
 * The demo gateway: two healthy pods and one that crash-loops (its ClickHouse is
 * unreachable), and a Secret that lacks PORTKEY_CLIENT_AUTH, which the Deployment reads.
 * Owned by the guests, so the guest of ./scripts/start.sh reads its logs and settings.
 * Start.sh's demo and the e2e suite both show it.
 */
export const DEMO_GATEWAY = {
  namespace: 'ai-gateways',
  release: 'portkey-demo',
  deployment: 'portkey-demo-gateway',
  healthyPods: [
    'portkey-demo-gateway-7d9f8b6c4-healthy',
    'portkey-demo-gateway-7d9f8b6c4-steady',
  ],
  crashingPod: 'portkey-demo-gateway-7d9f8b6c4-crashes',
  podTemplateHash: '7d9f8b6c4',
  serviceAccount: 'portkey-demo',
  secret: 'portkey-demo-secrets',
  secretValues: {
    ANALYTICS_STORE_PASSWORD: 'demo-fake-clickhouse-password',
    LOG_STORE_ACCESS_KEY: 'demo-fake-access-key',
    LOG_STORE_SECRET_KEY: 'demo-fake-secret-key',
  },
  entityName: 'portkey-demo-gateway',
  owner: 'group:default/guests',
  about:
    'one pod crash-loops and its Secret lacks a key, to show how the portal reports both.',
} as const satisfies DemoGatewaySpec;

/**
 * A second gateway, healthy, owned by another team: with the portal's permission policy the
 * guest sees its health but not its logs or settings.
 */
export const TEAM_GATEWAY = {
  namespace: 'ai-gateways',
  release: 'portkey-platform',
  deployment: 'portkey-platform-gateway',
  healthyPods: [
    'portkey-platform-gateway-5c8d7f9b6-alpha',
    'portkey-platform-gateway-5c8d7f9b6-bravo',
  ],
  podTemplateHash: '5c8d7f9b6',
  serviceAccount: 'portkey-platform',
  secret: 'portkey-platform-secrets',
  secretValues: {
    ANALYTICS_STORE_PASSWORD: 'demo-fake-platform-clickhouse-password',
    LOG_STORE_ACCESS_KEY: 'demo-fake-platform-access-key',
    LOG_STORE_SECRET_KEY: 'demo-fake-platform-secret-key',
    PORTKEY_CLIENT_AUTH: 'demo-fake-platform-client-auth',
  },
  entityName: 'portkey-platform-gateway',
  owner: 'group:default/platform-team',
  about:
    "owned by platform-team: everyone sees its health; its logs and settings are for its owners (the portal's permission policy).",
} as const satisfies DemoGatewaySpec;

export type DemoGateway = typeof DEMO_GATEWAY;

/** Every gateway of the demo cluster. */
export const DEMO_GATEWAYS: readonly DemoGatewaySpec[] = [
  DEMO_GATEWAY,
  TEAM_GATEWAY,
];

/** The node every demo pod is bound to: the stub kubelet's. */
export const DEMO_NODE = 'demo-node';

/** Every fake Secret value of the demo, for the tests that check none leaks. */
export const demoSecretValues = (): string[] =>
  DEMO_GATEWAYS.flatMap(g => Object.values(g.secretValues));

const IMAGE = 'portkeyai/gateway_enterprise:2.13.0';

const selectorOf = (gateway: DemoGatewaySpec) => ({
  'app.kubernetes.io/name': 'gateway',
  'app.kubernetes.io/instance': gateway.release,
});
const labelsOf = (gateway: DemoGatewaySpec) => ({
  ...selectorOf(gateway),
  'app.kubernetes.io/version': '2.13.0',
  'app.kubernetes.io/managed-by': 'Helm',
  'helm.sh/chart': 'gateway-1.7.7',
});
const replicasOf = (gateway: DemoGatewaySpec) =>
  gateway.healthyPods.length + (gateway.crashingPod ? 1 : 0);

export function demoSecret(gateway: DemoGatewaySpec): V1Secret {
  return {
    metadata: { name: gateway.secret },
    stringData: { ...gateway.secretValues },
  };
}

/** The gateway Deployment as the chart renders it (its env only as far as the demo needs). */
export function demoDeployment(gateway: DemoGatewaySpec): V1Deployment {
  const secretEnv = (name: string) => ({
    name,
    valueFrom: { secretKeyRef: { name: gateway.secret, key: name } },
  });
  const env = (name: string, value: string) => ({ name, value });
  return {
    metadata: { name: gateway.deployment, labels: labelsOf(gateway) },
    spec: {
      replicas: replicasOf(gateway),
      selector: { matchLabels: selectorOf(gateway) },
      template: {
        metadata: { labels: labelsOf(gateway) },
        spec: {
          serviceAccountName: gateway.serviceAccount,
          containers: [
            {
              name: 'gateway',
              image: IMAGE,
              ports: [{ name: 'gateway', containerPort: 8787 }],
              env: [
                env('SERVER_MODE', ''),
                env('ANALYTICS_STORE', 'clickhouse'),
                env(
                  'ANALYTICS_STORE_ENDPOINT',
                  'http://clickhouse.analytics:8123',
                ),
                env('ANALYTICS_STORE_USER', 'portkey'),
                secretEnv('ANALYTICS_STORE_PASSWORD'),
                env('LOG_STORE', 's3'),
                env('LOG_STORE_REGION', 'eu-west-1'),
                env('LOG_STORE_GENERATIONS_BUCKET', `${gateway.release}-logs`),
                secretEnv('LOG_STORE_ACCESS_KEY'),
                secretEnv('LOG_STORE_SECRET_KEY'),
                env('CACHE_STORE', 'redis'),
                env('REDIS_URL', 'redis://redis:6379'),
                secretEnv('PORTKEY_CLIENT_AUTH'),
              ],
            },
          ],
        },
      },
    },
  };
}

/** One of the Deployment's pods, bound to the stub kubelet's node. */
export function demoPod(gateway: DemoGatewaySpec, name: string): V1Pod {
  const template = demoDeployment(gateway).spec!.template;
  return {
    metadata: {
      name,
      labels: {
        ...template.metadata!.labels,
        'pod-template-hash': gateway.podTemplateHash,
      },
    },
    spec: { ...template.spec!, nodeName: DEMO_NODE },
  };
}

/**
 * What the deployment controller would write: every replica but a crash-looping one
 * available. One short of 3 is below the minimum (maxUnavailable 25 % of 3 rounds down to 0).
 */
export function demoDeploymentStatus(
  gateway: DemoGatewaySpec,
  now = new Date(),
): V1Deployment['status'] {
  return deploymentStatus(
    {
      replicaSet: `${gateway.deployment}-${gateway.podTemplateHash}`,
      replicas: replicasOf(gateway),
      ready: gateway.healthyPods.length,
    },
    now,
  );
}

/** The pod status a kubelet would write: running and ready, or crash-looping. */
export function demoPodStatus(
  ready: boolean,
  now = new Date(),
): V1Pod['status'] {
  return podStatus(
    [{ name: 'gateway', image: IMAGE }],
    ready ? 'ready' : { crashLoop: {} },
    now,
  );
}

/** The first lines of each pod's log, as its container printed them at start. */
export function demoStartupLog(
  gateway: DemoGatewaySpec,
  pod: string,
  now = new Date(),
): string[] {
  const at = now.toISOString();
  if (pod === gateway.crashingPod)
    return [
      `${at} Starting Portkey gateway 2.13.0`,
      `${at} Error: cannot connect to clickhouse at http://clickhouse.analytics:8123`,
    ];
  return [
    `${at} Starting Portkey gateway 2.13.0`,
    `${at} Portkey gateway listening on port 8787`,
    `${at} GET /v1/health 200`,
  ];
}
