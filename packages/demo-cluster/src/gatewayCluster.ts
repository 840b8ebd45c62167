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
  DEMO_GATEWAY,
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

/** What the running cluster offers the portal and the tests. */
export type GatewayCluster = {
  url: string;
  caData: string;
  /** The apiserver's admin token: throwaway, written nowhere but the run's state dir. */
  token: string;
  /** The stub kubelet's file for a container's log: append to it to make the pod log. */
  logFile: (pod: string, container: string) => string;
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
 * run builds it) and the stub kubelet, and creates the demo gateway in it. Everything
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
  const logFile = (pod: string, container: string) =>
    path.join(logDir, DEMO_GATEWAY.namespace, pod, `${container}.log`);
  let kubelet: { port: number; close: () => Promise<void> } | undefined;
  try {
    const admin = new KubeConfig();
    admin.loadFromFile(env.KUBECONFIG_ADMIN);
    kubelet = await startStubKubelet({ logDir });
    await seedDemoGateway(admin, kubelet!.port);
    for (const pod of [...DEMO_GATEWAY.healthyPods, DEMO_GATEWAY.crashingPod]) {
      const file = logFile(pod, 'gateway');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, `${demoStartupLog(pod).join('\n')}\n`);
    }
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

/**
 * Creates the gateway's objects, then writes the statuses a kubelet and the deployment
 * controller would (this apiserver runs neither).
 */
async function seedDemoGateway(admin: KubeConfig, kubeletPort: number) {
  const core = admin.makeApiClient(CoreV1Api);
  const apps = admin.makeApiClient(AppsV1Api);
  const { namespace } = DEMO_GATEWAY;
  await core.createNode({
    body: stubNodeManifest({
      name: DEMO_GATEWAY.node,
      port: kubeletPort,
    }) as unknown as V1Node,
  });
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  await core.createNamespacedSecret({ namespace, body: demoSecret() });
  await core.createNamespacedServiceAccount({
    namespace,
    body: { metadata: { name: DEMO_GATEWAY.serviceAccount } },
  });
  await apps.createNamespacedDeployment({ namespace, body: demoDeployment() });
  const deployment = await apps.readNamespacedDeployment({
    name: DEMO_GATEWAY.deployment,
    namespace,
  });
  await apps.replaceNamespacedDeploymentStatus({
    name: DEMO_GATEWAY.deployment,
    namespace,
    body: { ...deployment, status: demoDeploymentStatus() },
  });
  const pods = [
    ...DEMO_GATEWAY.healthyPods.map(name => ({ name, ready: true })),
    { name: DEMO_GATEWAY.crashingPod, ready: false },
  ];
  for (const { name, ready } of pods) {
    await core.createNamespacedPod({ namespace, body: demoPod(name) });
    const current = await core.readNamespacedPod({ name, namespace });
    await core.replaceNamespacedPodStatus({
      name,
      namespace,
      body: { ...current, status: demoPodStatus(ready) },
    });
  }
}
