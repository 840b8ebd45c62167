import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  V1Node,
} from '@kubernetes/client-node';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
// The stub kubelet is a repository script (scripts/kube), shared with the backend's tests.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  startStubKubelet,
  stubNodeManifest,
} from '../../../scripts/kube/stub-kubelet.mjs';
import {
  DEMO_GATEWAYS,
  DEMO_NODE,
  DemoGatewaySpec,
  demoDeployment,
  demoDeploymentStatus,
  demoPod,
  demoPodStatus,
  demoSecret,
  demoStartupLog,
} from './demoGateway';

// This package runs from the repository's source (never built), so __dirname is stable.
// eslint-disable-next-line no-restricted-syntax
const KUBE_SCRIPTS = path.resolve(__dirname, '../../../scripts/kube');

/** A gateway's pods, by name, with whether they run ready. */
const podsOf = (gateway: DemoGatewaySpec) => [
  ...gateway.healthyPods.map(name => ({ name, ready: true })),
  ...(gateway.crashingPod ? [{ name: gateway.crashingPod, ready: false }] : []),
];

/** What the running cluster offers the portal and the tests. */
export type GatewayCluster = {
  url: string;
  caData: string;
  /** The apiserver's admin token: throwaway, written nowhere but the run's state dir. */
  token: string;
  /**
   * The stub kubelet's file for a container's log: append to it to make the pod log. The
   * namespace defaults to the demo gateways' one.
   */
  logFile: (pod: string, container: string, namespace?: string) => string;
  /** The stub kubelet's Node: bind pods to it (spec.nodeName) to serve their logs. */
  node: string;
  stop: () => Promise<void>;
};

/** Stops what start-apiserver.sh started into `stateDir`; a no-op when nothing runs. */
export function stopApiserver(stateDir: string) {
  execFileSync(path.join(KUBE_SCRIPTS, 'stop-apiserver.sh'), [stateDir], {
    stdio: 'ignore',
  });
}

/**
 * Starts a real kube-apiserver (scripts/kube/start-apiserver.sh, into `stateDir`; its first
 * run builds it) and the stub kubelet, and creates the demo gateways in it. Everything
 * listens on 127.0.0.1 only. Progress of the build goes to stderr.
 */
export async function startGatewayCluster(
  stateDir: string,
): Promise<GatewayCluster> {
  fs.mkdirSync(stateDir, { recursive: true });
  execFileSync(path.join(KUBE_SCRIPTS, 'start-apiserver.sh'), [stateDir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const env = JSON.parse(
    fs.readFileSync(path.join(stateDir, 'env.json'), 'utf8'),
  );
  const logDir = path.join(stateDir, 'kubelet-logs');
  // Every demo gateway is in one namespace (the one the Gateways page shows).
  const logFile = (
    pod: string,
    container: string,
    namespace = DEMO_GATEWAYS[0].namespace,
  ) => path.join(logDir, namespace, pod, `${container}.log`);
  let kubelet: { port: number; close: () => Promise<void> } | undefined;
  try {
    const admin = new KubeConfig();
    admin.loadFromFile(env.KUBECONFIG_ADMIN);
    kubelet = await startStubKubelet({ logDir });
    await registerStubKubeletNode(admin, kubelet!.port);
    for (const gateway of DEMO_GATEWAYS) {
      await seedDemoGateway(admin, gateway);
      for (const pod of podsOf(gateway)) {
        const file = logFile(pod.name, 'gateway');
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(
          file,
          `${demoStartupLog(gateway, pod.name).join('\n')}\n`,
        );
      }
    }
    return {
      url: env.KUBE_API_URL,
      caData: fs.readFileSync(env.KUBE_CA_FILE).toString('base64'),
      token: env.KUBE_ADMIN_TOKEN,
      logFile,
      node: DEMO_NODE,
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

async function registerStubKubeletNode(admin: KubeConfig, port: number) {
  await admin.makeApiClient(CoreV1Api).createNode({
    body: stubNodeManifest({ name: DEMO_NODE, port }) as unknown as V1Node,
  });
}

/**
 * Creates the gateway's objects (and its namespace, once), then writes the statuses a
 * kubelet and the deployment controller would (this apiserver runs neither).
 */
async function seedDemoGateway(admin: KubeConfig, gateway: DemoGatewaySpec) {
  const core = admin.makeApiClient(CoreV1Api);
  const apps = admin.makeApiClient(AppsV1Api);
  const { namespace } = gateway;
  await core
    .createNamespace({ body: { metadata: { name: namespace } } })
    .catch((error: { code?: number }) => {
      if (error.code !== 409) throw error;
    });
  await core.createNamespacedSecret({ namespace, body: demoSecret(gateway) });
  await core.createNamespacedServiceAccount({
    namespace,
    body: { metadata: { name: gateway.serviceAccount } },
  });
  await apps.createNamespacedDeployment({
    namespace,
    body: demoDeployment(gateway),
  });
  const deployment = await apps.readNamespacedDeployment({
    name: gateway.deployment,
    namespace,
  });
  await apps.replaceNamespacedDeploymentStatus({
    name: gateway.deployment,
    namespace,
    body: { ...deployment, status: demoDeploymentStatus(gateway) },
  });
  for (const { name, ready } of podsOf(gateway)) {
    await core.createNamespacedPod({ namespace, body: demoPod(gateway, name) });
    const current = await core.readNamespacedPod({ name, namespace });
    await core.replaceNamespacedPodStatus({
      name,
      namespace,
      body: { ...current, status: demoPodStatus(ready) },
    });
  }
}
