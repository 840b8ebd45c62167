import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import fs from 'node:fs';
import path from 'node:path';
import {
  InstalledPod,
  installChartRelease,
  kubeletLogFile,
  PodRun,
  renderChartObjects,
} from '@portkey-gateway-backstage/demo-cluster';
import { appendLogLines } from '../cluster/state';

// What happens after a reviewer merges a gateway's pull request: the platform creates the
// Secret the pull request asked for, and GitOps installs the chart with the merged
// values.yaml. Here "the chart" is the chart stand-in (packages/demo-cluster/src/chart, checked
// against the real chart's `helm template`), applied to the test kube-apiserver, with the pods
// the controllers and kubelet would run simulated on the stub kubelet's node.

export type TestCluster = {
  adminKubeconfig: string;
  node: string;
  logDir: string;
};

/** A fake value for a Secret key: it must never reach a page. */
export const fakeSecretValue = (key: string) => `journey-fake-${key}-value`;

/**
 * Creates the Secret with the keys the pull request lists (fake values), then renders the
 * merged values.yaml into the chart's objects and installs them, the gateway's pods running
 * as `gatewayPods` says. Each pod's gateway container has logged its start.
 */
export async function deployMergedGateway(
  cluster: TestCluster,
  gateway: {
    namespace: string;
    release: string;
    valuesYaml: string;
    secretName: string;
    secretKeys: string[];
    gatewayPods: PodRun[];
  },
): Promise<InstalledPod[]> {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(cluster.adminKubeconfig);
  const objects = renderChartObjects({
    values: gateway.valuesYaml,
    release: gateway.release,
    namespace: gateway.namespace,
  });
  const deployment = objects.find(
    o =>
      o.kind === 'Deployment' &&
      o.metadata?.labels?.['app.kubernetes.io/component'] === undefined &&
      o.metadata?.labels?.['app.kubernetes.io/name'] !== 'redis',
  );
  if (!deployment?.metadata?.name)
    throw new Error(`no gateway Deployment rendered for ${gateway.release}`);

  await createNamespace(kubeConfig, gateway.namespace);
  await kubeConfig.makeApiClient(CoreV1Api).createNamespacedSecret({
    namespace: gateway.namespace,
    body: {
      metadata: { name: gateway.secretName },
      stringData: Object.fromEntries(
        gateway.secretKeys.map(key => [key, fakeSecretValue(key)]),
      ),
    },
  });
  const { pods } = await installChartRelease(kubeConfig, {
    namespace: gateway.namespace,
    release: gateway.release,
    objects,
    node: cluster.node,
    pods: { [deployment.metadata.name]: gateway.gatewayPods },
  });
  for (const pod of pods) {
    for (const container of pod.containers) {
      const file = podLogFile(cluster, gateway.namespace, pod.name, container);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      appendLogLines(
        file,
        typeof pod.run === 'string'
          ? [`${container} listening (journey pod ${pod.name})`]
          : [`${container} failed to start: ${pod.run.crashLoop.message}`],
      );
    }
  }
  return pods;
}

/** The file the stub kubelet serves a container's log from. */
export const podLogFile = (
  cluster: TestCluster,
  namespace: string,
  pod: string,
  container: string,
) => kubeletLogFile(cluster.logDir, namespace, pod, container);

async function createNamespace(kubeConfig: KubeConfig, name: string) {
  await kubeConfig
    .makeApiClient(CoreV1Api)
    .createNamespace({ body: { metadata: { name } } })
    .catch((error: { code?: number }) => {
      if (error.code !== 409) throw error;
    });
}
