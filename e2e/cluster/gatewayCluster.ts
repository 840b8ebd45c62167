import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  V1Deployment,
  V1Node,
  V1Pod,
} from '@kubernetes/client-node';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
// The stub kubelet is a repository test script, not a package.
import {
  startStubKubelet,
  stubNodeManifest,
} from '../../scripts/kube/stub-kubelet.mjs';

/**
 * The gateway the e2e portal shows: one release of the chart in one namespace of a real
 * kube-apiserver (with the stub kubelet behind it for logs), as the chart labels it, with one
 * healthy pod that logs and one that crash-loops.
 */
export const E2E_GATEWAY = {
  cluster: 'e2e',
  namespace: 'ai-gateways',
  release: 'portkey-demo',
  deployment: 'portkey-demo-gateway',
  healthyPod: 'portkey-demo-gateway-7d9f8b6c4-healthy',
  crashingPod: 'portkey-demo-gateway-7d9f8b6c4-crashes',
  entityName: 'portkey-demo-gateway',
  serviceAccount: 'portkey-demo',
  /** The Secret the gateway reads its credentials from; it lacks one key on purpose. */
  secret: 'portkey-demo-secrets',
} as const;

const REPO_ROOT = path.resolve(__dirname, '../..');
const KUBE = path.join(REPO_ROOT, 'scripts/kube');
const LABELS = {
  'app.kubernetes.io/name': 'gateway',
  'app.kubernetes.io/instance': E2E_GATEWAY.release,
  'app.kubernetes.io/version': '2.13.0',
  'app.kubernetes.io/managed-by': 'Helm',
  'helm.sh/chart': 'gateway-1.7.7',
};
const SELECTOR = {
  'app.kubernetes.io/name': 'gateway',
  'app.kubernetes.io/instance': E2E_GATEWAY.release,
};

/** What the running cluster offers the portal and the tests. */
export type GatewayCluster = {
  url: string;
  caData: string;
  /** The apiserver's admin token: test-only, written nowhere but the run's state dir. */
  token: string;
  /** The stub kubelet's file for a container's log: append to it to make the pod log. */
  logFile: (pod: string, container: string) => string;
  stop: () => Promise<void>;
};

const stamp = (date = new Date()) => date.toISOString();

function gatewayDeployment(): V1Deployment {
  const secretEnv = (name: string, key = name) => ({
    name,
    valueFrom: { secretKeyRef: { name: E2E_GATEWAY.secret, key } },
  });
  return {
    metadata: { name: E2E_GATEWAY.deployment, labels: LABELS },
    spec: {
      replicas: 2,
      selector: { matchLabels: SELECTOR },
      template: {
        metadata: { labels: { ...SELECTOR, ...LABELS } },
        spec: {
          serviceAccountName: E2E_GATEWAY.serviceAccount,
          containers: [
            {
              name: 'gateway',
              image: 'portkeyai/gateway_enterprise:2.13.0',
              ports: [{ name: 'gateway', containerPort: 8787 }],
              env: [
                { name: 'SERVER_MODE', value: '' },
                { name: 'ANALYTICS_STORE', value: 'clickhouse' },
                {
                  name: 'ANALYTICS_STORE_ENDPOINT',
                  value: 'http://clickhouse.analytics:8123',
                },
                { name: 'ANALYTICS_STORE_USER', value: 'portkey' },
                secretEnv('ANALYTICS_STORE_PASSWORD'),
                { name: 'LOG_STORE', value: 's3' },
                { name: 'LOG_STORE_REGION', value: 'eu-west-1' },
                {
                  name: 'LOG_STORE_GENERATIONS_BUCKET',
                  value: 'portkey-demo-logs',
                },
                secretEnv('LOG_STORE_ACCESS_KEY'),
                secretEnv('LOG_STORE_SECRET_KEY'),
                { name: 'CACHE_STORE', value: 'redis' },
                { name: 'REDIS_URL', value: 'redis://redis:6379' },
                secretEnv('PORTKEY_CLIENT_AUTH'),
              ],
            },
          ],
        },
      },
    },
  };
}

function gatewayPod(name: string, nodeName: string): V1Pod {
  const template = gatewayDeployment().spec!.template;
  return {
    metadata: {
      name,
      labels: {
        ...template.metadata!.labels,
        'pod-template-hash': '7d9f8b6c4',
      },
    },
    spec: { ...template.spec!, nodeName },
  };
}

function deploymentStatus(): V1Deployment['status'] {
  const now = new Date();
  return {
    observedGeneration: 1,
    replicas: 2,
    updatedReplicas: 2,
    readyReplicas: 1,
    availableReplicas: 1,
    unavailableReplicas: 1,
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
        message: `ReplicaSet "${E2E_GATEWAY.deployment}-7d9f8b6c4" has successfully progressed.`,
        lastUpdateTime: now,
        lastTransitionTime: now,
      },
    ],
  };
}

/** The pod statuses a kubelet would write: one ready, one crash-looping. */
function podStatus(ready: boolean): V1Pod['status'] {
  const now = new Date();
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
        image: 'portkeyai/gateway_enterprise:2.13.0',
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

/** Stops what start-apiserver.sh started into `stateDir`; a no-op when nothing runs. */
export function stopApiserver(stateDir: string) {
  execFileSync(path.join(KUBE, 'stop-apiserver.sh'), [stateDir], {
    stdio: 'ignore',
  });
}

/**
 * Starts a real kube-apiserver (scripts/kube/start-apiserver.sh, into `stateDir`) and the stub
 * kubelet, and creates the e2e gateway in it. Everything listens on 127.0.0.1 only.
 */
export async function startGatewayCluster(
  stateDir: string,
): Promise<GatewayCluster> {
  fs.mkdirSync(stateDir, { recursive: true });
  execFileSync(path.join(KUBE, 'start-apiserver.sh'), [stateDir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const env = JSON.parse(
    fs.readFileSync(path.join(stateDir, 'env.json'), 'utf8'),
  );
  const logDir = path.join(stateDir, 'kubelet-logs');
  let kubelet: { port: number; close: () => Promise<void> } | undefined;
  try {
    const admin = new KubeConfig();
    admin.loadFromFile(env.KUBECONFIG_ADMIN);
    const core = admin.makeApiClient(CoreV1Api);
    const apps = admin.makeApiClient(AppsV1Api);
    kubelet = await startStubKubelet({ logDir });
    const nodeName = 'e2e-node';
    await core.createNode({
      body: stubNodeManifest({
        name: nodeName,
        port: kubelet!.port,
      }) as unknown as V1Node,
    });
    const { namespace } = E2E_GATEWAY;
    await core.createNamespace({ body: { metadata: { name: namespace } } });
    await core.createNamespacedSecret({
      namespace,
      body: {
        metadata: { name: E2E_GATEWAY.secret },
        // Fake values; PORTKEY_CLIENT_AUTH is left out so the settings warn about it.
        stringData: {
          ANALYTICS_STORE_PASSWORD: 'e2e-fake-clickhouse-password',
          LOG_STORE_ACCESS_KEY: 'e2e-fake-access-key',
          LOG_STORE_SECRET_KEY: 'e2e-fake-secret-key',
        },
      },
    });
    await core.createNamespacedServiceAccount({
      namespace,
      body: { metadata: { name: E2E_GATEWAY.serviceAccount } },
    });
    await apps.createNamespacedDeployment({
      namespace,
      body: gatewayDeployment(),
    });
    // What the deployment controller would write: one of two replicas available.
    const deployment = await apps.readNamespacedDeployment({
      name: E2E_GATEWAY.deployment,
      namespace,
    });
    await apps.replaceNamespacedDeploymentStatus({
      name: E2E_GATEWAY.deployment,
      namespace,
      body: { ...deployment, status: deploymentStatus() },
    });
    for (const [pod, ready] of [
      [E2E_GATEWAY.healthyPod, true],
      [E2E_GATEWAY.crashingPod, false],
    ] as const) {
      await core.createNamespacedPod({
        namespace,
        body: gatewayPod(pod, nodeName),
      });
      const current = await core.readNamespacedPod({ name: pod, namespace });
      await core.replaceNamespacedPodStatus({
        name: pod,
        namespace,
        body: { ...current, status: podStatus(ready) },
      });
    }
    const logFile = (pod: string, container: string) =>
      path.join(logDir, namespace, pod, `${container}.log`);
    fs.mkdirSync(path.dirname(logFile(E2E_GATEWAY.healthyPod, 'gateway')), {
      recursive: true,
    });
    fs.mkdirSync(path.dirname(logFile(E2E_GATEWAY.crashingPod, 'gateway')), {
      recursive: true,
    });
    fs.writeFileSync(
      logFile(E2E_GATEWAY.healthyPod, 'gateway'),
      `${stamp()} Portkey gateway listening on port 8787\n${stamp()} GET /v1/health 200\n`,
    );
    fs.writeFileSync(
      logFile(E2E_GATEWAY.crashingPod, 'gateway'),
      `${stamp()} Error: cannot connect to clickhouse at http://clickhouse.analytics:8123\n`,
    );
    return {
      url: env.KUBE_API_URL,
      caData: fs.readFileSync(env.KUBE_CA_FILE).toString('base64'),
      token: env.KUBE_ADMIN_TOKEN,
      logFile,
      stop: async () => {
        await kubelet?.close();
        stopApiserver(stateDir);
      },
    };
  } catch (error) {
    await kubelet?.close().catch(() => undefined);
    stopApiserver(stateDir);
    throw error;
  }
}
