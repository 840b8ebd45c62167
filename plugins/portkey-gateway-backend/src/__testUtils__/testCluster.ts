import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Kubernetes API server the tests talk to: the real kube-apiserver started by
 * globalSetup, or a real cluster when PORTKEY_TEST_REAL_CLUSTER=1 and KUBECONFIG is set.
 */
export type TestCluster = {
  /** Cluster-admin access, to create what the chart would create. */
  admin: KubeConfig;
  /** A user without any RBAC grants, for real 403s (undefined against a real cluster). */
  unprivileged?: KubeConfig;
  url: string;
  caFile?: string;
  adminToken?: string;
  userToken?: string;
  real: boolean;
};

let cached: TestCluster | undefined;

export function testCluster(): TestCluster {
  if (cached) return cached;
  if (process.env.PORTKEY_TEST_REAL_CLUSTER === '1') {
    const admin = new KubeConfig();
    admin.loadFromDefault();
    cached = { admin, url: admin.getCurrentCluster()!.server, real: true };
    return cached;
  }
  const state = process.env.PORTKEY_TEST_KUBE_STATE;
  if (!state)
    throw new Error(
      'No test cluster: jest globalSetup did not start the kube-apiserver',
    );
  const env = JSON.parse(readFileSync(join(state, 'env.json'), 'utf8'));
  const admin = new KubeConfig();
  admin.loadFromFile(env.KUBECONFIG_ADMIN);
  const unprivileged = new KubeConfig();
  unprivileged.loadFromFile(env.KUBECONFIG_USER);
  cached = {
    admin,
    unprivileged,
    url: env.KUBE_API_URL,
    caFile: env.KUBE_CA_FILE,
    adminToken: env.KUBE_ADMIN_TOKEN,
    userToken: env.KUBE_USER_TOKEN,
    real: false,
  };
  return cached;
}

/** A fresh namespace per test file, so files never see each other's objects. */
export async function createTestNamespace(prefix: string): Promise<string> {
  const name = `${prefix}-${randomBytes(3).toString('hex')}`;
  await testCluster()
    .admin.makeApiClient(CoreV1Api)
    .createNamespace({ body: { metadata: { name } } });
  return name;
}

export async function deleteTestNamespace(name: string) {
  await testCluster()
    .admin.makeApiClient(CoreV1Api)
    .deleteNamespace({ name })
    .catch(() => undefined);
}
