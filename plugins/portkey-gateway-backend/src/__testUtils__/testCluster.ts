import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  RbacAuthorizationV1Api,
  V1PodSpec,
  RbacV1Subject,
  V1PolicyRule,
} from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import type { ClusterClients } from '../kubernetes/ClusterRegistry';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localApiserverState } from './localApiserver';

/**
 * The Kubernetes API server the tests talk to: the run's local kube-apiserver (started by
 * the first call, see localApiserver.ts), one already running (PORTKEY_TEST_KUBE_STATE, its
 * state dir), or a real cluster when PORTKEY_TEST_REAL_CLUSTER=1 and KUBECONFIG is set
 * (scripts/test-real-cluster.sh; see docs/test-kubernetes.md, "Against a real cluster").
 *
 * Test files should not branch on `real` for credentials: take the plugin's identities from
 * `portalIdentity` / `unprivilegedIdentity` and its cluster config from `clusterEntry`, which
 * work in both modes. `adminToken`, `userToken`, `unprivileged` and `caFile` exist only
 * against the local apiserver.
 */
export type TestCluster = {
  /** Cluster-admin access, to create what the chart would create. */
  admin: KubeConfig;
  /** A user without any RBAC grants, for real 403s (local apiserver only; see unprivilegedIdentity). */
  unprivileged?: KubeConfig;
  url: string;
  /** The API server's CA, base64 (undefined when the kubeconfig skips TLS verification). */
  caData?: string;
  skipTLSVerify: boolean;
  caFile?: string;
  adminToken?: string;
  userToken?: string;
  real: boolean;
};

let cached: TestCluster | undefined;

export function testCluster(): TestCluster {
  if (cached) return cached;
  if (process.env.PORTKEY_TEST_REAL_CLUSTER === '1') {
    if (!process.env.KUBECONFIG)
      throw new Error(
        'PORTKEY_TEST_REAL_CLUSTER=1 needs KUBECONFIG pointing at the cluster to test against',
      );
    const admin = new KubeConfig();
    admin.loadFromDefault();
    const current = admin.getCurrentCluster();
    if (!current)
      throw new Error(
        `KUBECONFIG=${process.env.KUBECONFIG} has no current context with a cluster`,
      );
    cached = {
      admin,
      url: current.server,
      caData:
        current.caData ??
        (current.caFile
          ? readFileSync(current.caFile).toString('base64')
          : undefined),
      skipTLSVerify: current.skipTLSVerify ?? false,
      real: true,
    };
    return cached;
  }
  const state = process.env.PORTKEY_TEST_KUBE_STATE || localApiserverState();
  const env = JSON.parse(readFileSync(join(state, 'env.json'), 'utf8'));
  const admin = new KubeConfig();
  admin.loadFromFile(env.KUBECONFIG_ADMIN);
  const unprivileged = new KubeConfig();
  unprivileged.loadFromFile(env.KUBECONFIG_USER);
  cached = {
    admin,
    unprivileged,
    url: env.KUBE_API_URL,
    caData: readFileSync(env.KUBE_CA_FILE).toString('base64'),
    skipTLSVerify: false,
    caFile: env.KUBE_CA_FILE,
    adminToken: env.KUBE_ADMIN_TOKEN,
    userToken: env.KUBE_USER_TOKEN,
    real: false,
  };
  return cached;
}

/**
 * Against a real cluster every test namespace gets this ResourceQuota: no pods without
 * `activeDeadlineSeconds` (quota scope NotTerminating). Pod templates of Deployments and
 * ReplicaSets cannot set that field, so the Deployments the tests create (as the chart
 * would) never get pods: nothing is scheduled, no image is pulled. The ReplicaSet
 * controller records FailedCreate warning events instead. Pods a test creates itself use
 * `testPodPlacement()` / `unscheduledTestPod()`, which set the field, and are admitted.
 */
export const NO_CONTROLLER_PODS_QUOTA = 'portkey-test-no-controller-pods';

/**
 * The node test pods are bound to: no such node exists (never create it on a real cluster).
 * With `spec.nodeName` set, no scheduler considers the pod and no kubelet runs it; tests
 * then set its status themselves (`replaceNamespacedPodStatus`), as against the local
 * apiserver. On a real cluster the pod garbage collector deletes pods bound to a node that
 * does not exist after a quarantine of 40 s (checked every 20 s, so after 40-60 s): keep such
 * pods short-lived, create them in the test (or beforeAll) that reads them, and do not
 * expect them to survive a minute.
 */
export const FAKE_NODE_NAME = 'portkey-test-no-such-node';

/** Not a scheduler that exists: a pod naming it stays Pending and unscheduled. */
export const FAKE_SCHEDULER_NAME = 'portkey-test-no-such-scheduler';

/**
 * How long a pod a test creates may run at most (`activeDeadlineSeconds`): a real kubelet
 * stops it then, even if the namespace was not deleted. It also exempts the pod from the
 * namespace's NO_CONTROLLER_PODS_QUOTA.
 */
export const TEST_POD_DEADLINE_SECONDS = 600;

/** Spread into a pod spec: bound to FAKE_NODE_NAME (see there), never run by a kubelet. */
export function testPodPlacement(): Pick<
  V1PodSpec,
  'nodeName' | 'schedulerName' | 'activeDeadlineSeconds'
> {
  return {
    nodeName: FAKE_NODE_NAME,
    schedulerName: FAKE_SCHEDULER_NAME,
    activeDeadlineSeconds: TEST_POD_DEADLINE_SECONDS,
  };
}

/** Spread into a pod spec: a pod that stays unscheduled (no scheduler picks it up). */
export function unscheduledTestPod(): Pick<
  V1PodSpec,
  'schedulerName' | 'activeDeadlineSeconds'
> {
  return {
    schedulerName: FAKE_SCHEDULER_NAME,
    activeDeadlineSeconds: TEST_POD_DEADLINE_SECONDS,
  };
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** The HTTP status of a client-node error, if it has one. */
function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'number' ? code : undefined;
}

/** A fresh namespace per test file, so files never see each other's objects. */
export async function createTestNamespace(prefix: string): Promise<string> {
  const name = `${prefix}-${randomBytes(3).toString('hex')}`;
  const { admin, real } = testCluster();
  const core = admin.makeApiClient(CoreV1Api);
  await core.createNamespace({
    body: {
      metadata: {
        name,
        labels: { 'app.kubernetes.io/created-by': 'portkey-gateway-tests' },
      },
    },
  });
  if (real) {
    await core.createNamespacedResourceQuota({
      namespace: name,
      body: {
        metadata: { name: NO_CONTROLLER_PODS_QUOTA },
        spec: { hard: { pods: '0' }, scopes: ['NotTerminating'] },
      },
    });
    // The ServiceAccount admission plugin of a real cluster refuses pods until the namespace
    // has its "default" ServiceAccount, which a controller creates a moment after the
    // namespace. Creating it here (409 if the controller was first) removes the race.
    await core
      .createNamespacedServiceAccount({
        namespace: name,
        body: { metadata: { name: 'default' } },
      })
      .catch(e => {
        if (statusOf(e) !== 409) throw e;
      });
  }
  return name;
}

export async function deleteTestNamespace(name: string | undefined) {
  if (!name) return;
  await testCluster()
    .admin.makeApiClient(CoreV1Api)
    .deleteNamespace({ name })
    .catch(() => undefined);
}

/** A bearer token and a KubeConfig using it. */
export type TestIdentity = {
  token: string;
  kubeConfig: KubeConfig;
  /** Who it is to RBAC, for a RoleBinding's subjects. */
  subject: RbacV1Subject;
};

const RBAC_GROUP = 'rbac.authorization.k8s.io';

function kubeConfigWithToken(name: string, token: string): KubeConfig {
  const { url, caData, skipTLSVerify } = testCluster();
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'test', server: url, caData, skipTLSVerify }],
    users: [{ name, token }],
    contexts: [{ name: 'test', cluster: 'test', user: name }],
    currentContext: 'test',
  });
  return kc;
}

/**
 * The access the plugin's README asks for, in one namespace: `get`/`list`/`watch` on pods,
 * deployments and events, `get` on `pods/log`, `get`/`list` on replicasets and
 * serviceaccounts, `get` on Secrets and ConfigMaps.
 */
export const PORTAL_ROLE_RULES = [
  {
    apiGroups: [''],
    resources: ['pods', 'events'],
    verbs: ['get', 'list', 'watch'],
  },
  { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['get', 'list'] },
  { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
  { apiGroups: [''], resources: ['secrets', 'configmaps'], verbs: ['get'] },
  {
    apiGroups: ['apps'],
    resources: ['deployments'],
    verbs: ['get', 'list', 'watch'],
  },
  { apiGroups: ['apps'], resources: ['replicasets'], verbs: ['get', 'list'] },
];

/** A ServiceAccount token from the TokenRequest API (what `kubectl create token` does). */
async function serviceAccountToken(
  namespace: string,
  name: string,
): Promise<string> {
  const core = testCluster().admin.makeApiClient(CoreV1Api);
  await core.createNamespacedServiceAccount({
    namespace,
    body: { metadata: { name } },
  });
  const request = await core.createNamespacedServiceAccountToken({
    name,
    namespace,
    // Empty audiences: the API server's own. An hour outlives any test file.
    body: { spec: { audiences: [], expirationSeconds: 3600 } },
  });
  const token = request.status?.token;
  if (!token)
    throw new Error(
      `The TokenRequest API gave no token for ServiceAccount ${namespace}/${name}`,
    );
  return token;
}

/**
 * Waits until `probe` answers `expected` (an HTTP status, or 200 for success): RBAC grants
 * and new ServiceAccounts reach the API servers' caches a moment after they are created.
 */
async function waitForAnswer(
  what: string,
  expected: number,
  probe: () => Promise<unknown>,
) {
  const until = Date.now() + 20_000;
  for (;;) {
    const got = await probe().then(
      () => 200,
      e => statusOf(e) ?? String(e),
    );
    if (got === expected) return;
    if (Date.now() > until)
      throw new Error(`${what}: expected ${expected}, still got ${got}`);
    await sleep(200);
  }
}

/**
 * The plugin's Kubernetes identity for a namespace (the `serviceAccountToken` of its cluster
 * config). Locally the apiserver's admin token. Against a real cluster a ServiceAccount
 * `portkey-test-portal` in the namespace with a Role of exactly PORTAL_ROLE_RULES (what the
 * README documents), and a token for it from the TokenRequest API: the kubeconfig's own
 * credentials may be a client certificate or an exec plugin, which the plugin's cluster
 * config cannot carry.
 */
export async function portalIdentity(namespace: string): Promise<TestIdentity> {
  const cluster = testCluster();
  if (!cluster.real)
    return {
      token: cluster.adminToken!,
      kubeConfig: cluster.admin,
      subject: { apiGroup: RBAC_GROUP, kind: 'User', name: 'admin' },
    };
  const name = 'portkey-test-portal';
  const token = await serviceAccountToken(namespace, name);
  await grantRole(namespace, name, PORTAL_ROLE_RULES, {
    kind: 'ServiceAccount',
    name,
    namespace,
  });
  const kubeConfig = kubeConfigWithToken(name, token);
  await waitForAnswer(
    `ServiceAccount ${namespace}/${name} listing pods`,
    200,
    () => kubeConfig.makeApiClient(CoreV1Api).listNamespacedPod({ namespace }),
  );
  return {
    token,
    kubeConfig,
    subject: { kind: 'ServiceAccount', name, namespace },
  };
}

/**
 * An identity without any RBAC grants, for real 403s. Locally the apiserver's `test-user`
 * (no groups). Against a real cluster a ServiceAccount `portkey-test-unprivileged` in the
 * namespace, with no Role or binding, and a TokenRequest token (it has what the cluster gives
 * every ServiceAccount, normally discovery only).
 */
export async function unprivilegedIdentity(
  namespace: string,
): Promise<TestIdentity> {
  const cluster = testCluster();
  if (!cluster.real)
    return {
      token: cluster.userToken!,
      kubeConfig: cluster.unprivileged!,
      subject: { apiGroup: RBAC_GROUP, kind: 'User', name: 'test-user' },
    };
  const name = 'portkey-test-unprivileged';
  const token = await serviceAccountToken(namespace, name);
  const kubeConfig = kubeConfigWithToken(name, token);
  // 403, not 401: the token is accepted, and the grant is missing.
  await waitForAnswer(
    `ServiceAccount ${namespace}/${name} being refused`,
    403,
    () => kubeConfig.makeApiClient(CoreV1Api).listNamespacedPod({ namespace }),
  );
  return {
    token,
    kubeConfig,
    subject: { kind: 'ServiceAccount', name, namespace },
  };
}

/**
 * One entry of `portkeyGateway.clusters` for the cluster under test, as an operator would
 * write it: URL, the identity's token, and the CA (or skipTLSVerify, as the kubeconfig says).
 */
export function clusterEntry(
  name: string,
  identity: TestIdentity,
  extra: { namespaces?: string[] } = {},
) {
  const { url, caData, skipTLSVerify } = testCluster();
  return {
    name,
    url,
    serviceAccountToken: identity.token,
    ...(caData ? { caData } : {}),
    ...(skipTLSVerify ? { skipTLSVerify } : {}),
    ...extra,
  };
}

/**
 * What the plugin builds for a cluster, here for one kubeconfig (cluster name "local"), plus
 * client-node API clients of that identity for the tests' own calls.
 */
export function clientsFor(
  kubeConfig: KubeConfig,
  name = 'local',
): ClusterClients & { core: CoreV1Api; apps: AppsV1Api } {
  return {
    name,
    kubeConfig,
    core: kubeConfig.makeApiClient(CoreV1Api),
    apps: kubeConfig.makeApiClient(AppsV1Api),
  };
}

/** A Role `name` with these rules in the namespace, bound to `subject` (a RoleBinding `name`). */
export async function grantRole(
  namespace: string,
  name: string,
  rules: V1PolicyRule[],
  subject: RbacV1Subject,
) {
  const rbac = testCluster().admin.makeApiClient(RbacAuthorizationV1Api);
  await rbac.createNamespacedRole({
    namespace,
    body: { metadata: { name }, rules },
  });
  await rbac.createNamespacedRoleBinding({
    namespace,
    body: {
      metadata: { name },
      roleRef: { apiGroup: RBAC_GROUP, kind: 'Role', name },
      subjects: [subject],
    },
  });
}
