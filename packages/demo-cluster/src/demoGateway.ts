import type { V1Deployment, V1Pod, V1Secret } from '@kubernetes/client-node';

/**
 * The demo gateway: one release of the Portkey chart in one namespace, labelled as the chart
 * labels it, with two healthy pods and one that crash-loops (its ClickHouse is unreachable),
 * and a Secret that lacks one key the Deployment reads. Start.sh's demo and the e2e suite
 * both show it.
 */
export const DEMO_GATEWAY = {
  namespace: 'ai-gateways',
  release: 'portkey-demo',
  deployment: 'portkey-demo-gateway',
  /** The pods, by name; the first two run, the last crash-loops. */
  healthyPods: [
    'portkey-demo-gateway-7d9f8b6c4-healthy',
    'portkey-demo-gateway-7d9f8b6c4-steady',
  ],
  crashingPod: 'portkey-demo-gateway-7d9f8b6c4-crashes',
  entityName: 'portkey-demo-gateway',
  serviceAccount: 'portkey-demo',
  /** The Secret the gateway reads its credentials from; it lacks PORTKEY_CLIENT_AUTH on purpose. */
  secret: 'portkey-demo-secrets',
  /** The node the pods are bound to: the stub kubelet's. */
  node: 'demo-node',
} as const;

export type DemoGateway = typeof DEMO_GATEWAY;

/**
 * The Secret's values: fake, and never shown by the portal (the settings view names the
 * Secret and its keys only; the e2e test checks that none of these reaches the page).
 */
export const DEMO_SECRET_VALUES = {
  ANALYTICS_STORE_PASSWORD: 'demo-fake-clickhouse-password',
  LOG_STORE_ACCESS_KEY: 'demo-fake-access-key',
  LOG_STORE_SECRET_KEY: 'demo-fake-secret-key',
} as const;

const IMAGE = 'portkeyai/gateway_enterprise:2.13.0';
const POD_TEMPLATE_HASH = '7d9f8b6c4';
const SELECTOR = {
  'app.kubernetes.io/name': 'gateway',
  'app.kubernetes.io/instance': DEMO_GATEWAY.release,
};
const LABELS = {
  ...SELECTOR,
  'app.kubernetes.io/version': '2.13.0',
  'app.kubernetes.io/managed-by': 'Helm',
  'helm.sh/chart': 'gateway-1.7.7',
};

export function demoSecret(): V1Secret {
  return {
    metadata: { name: DEMO_GATEWAY.secret },
    stringData: { ...DEMO_SECRET_VALUES },
  };
}

/** The gateway Deployment as the chart renders it (its env only as far as the demo needs). */
export function demoDeployment(): V1Deployment {
  const secretEnv = (name: string) => ({
    name,
    valueFrom: { secretKeyRef: { name: DEMO_GATEWAY.secret, key: name } },
  });
  const env = (name: string, value: string) => ({ name, value });
  return {
    metadata: { name: DEMO_GATEWAY.deployment, labels: LABELS },
    spec: {
      replicas: DEMO_GATEWAY.healthyPods.length + 1,
      selector: { matchLabels: SELECTOR },
      template: {
        metadata: { labels: LABELS },
        spec: {
          serviceAccountName: DEMO_GATEWAY.serviceAccount,
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
                env('LOG_STORE_GENERATIONS_BUCKET', 'portkey-demo-logs'),
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
export function demoPod(name: string): V1Pod {
  const template = demoDeployment().spec!.template;
  return {
    metadata: {
      name,
      labels: {
        ...template.metadata!.labels,
        'pod-template-hash': POD_TEMPLATE_HASH,
      },
    },
    spec: { ...template.spec!, nodeName: DEMO_GATEWAY.node },
  };
}

/**
 * What the deployment controller would write: all but the crash-looping replica available,
 * which is below the minimum (maxUnavailable 25 % of 3 replicas rounds down to 0).
 */
export function demoDeploymentStatus(now = new Date()): V1Deployment['status'] {
  const replicas = DEMO_GATEWAY.healthyPods.length + 1;
  const ready = DEMO_GATEWAY.healthyPods.length;
  return {
    observedGeneration: 1,
    replicas,
    updatedReplicas: replicas,
    readyReplicas: ready,
    availableReplicas: ready,
    unavailableReplicas: replicas - ready,
    conditions: [
      {
        type: 'Available',
        status: 'False',
        reason: 'MinimumReplicasUnavailable',
        message: 'Deployment does not have minimum availability.',
        lastUpdateTime: now,
        lastTransitionTime: now,
      },
      {
        type: 'Progressing',
        status: 'True',
        reason: 'NewReplicaSetAvailable',
        message: `ReplicaSet "${DEMO_GATEWAY.deployment}-${POD_TEMPLATE_HASH}" has successfully progressed.`,
        lastUpdateTime: now,
        lastTransitionTime: now,
      },
    ],
  };
}

/** The pod status a kubelet would write: running and ready, or crash-looping. */
export function demoPodStatus(
  ready: boolean,
  now = new Date(),
): V1Pod['status'] {
  return {
    phase: 'Running',
    conditions: [
      {
        type: 'Ready',
        status: ready ? 'True' : 'False',
        lastTransitionTime: now,
      },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
    ],
    containerStatuses: [
      {
        name: 'gateway',
        image: IMAGE,
        imageID: '',
        ready,
        restartCount: ready ? 0 : 5,
        state: ready
          ? { running: { startedAt: now } }
          : {
              waiting: {
                reason: 'CrashLoopBackOff',
                message: 'back-off 2m40s restarting failed container=gateway',
              },
            },
        ...(ready
          ? {}
          : {
              lastState: {
                terminated: {
                  reason: 'Error',
                  exitCode: 1,
                  startedAt: now,
                  finishedAt: now,
                },
              },
            }),
      },
    ],
  };
}

/** The first lines of each pod's log, as its container printed them at start. */
export function demoStartupLog(pod: string, now = new Date()): string[] {
  const at = now.toISOString();
  if (pod === DEMO_GATEWAY.crashingPod)
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
