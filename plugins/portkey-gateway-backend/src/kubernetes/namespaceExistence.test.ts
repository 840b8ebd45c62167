import {
  CoreV1Api,
  KubeConfig,
  RbacAuthorizationV1Api,
} from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import { GatewaySettingsService } from '../settings/GatewaySettingsService';
import { GatewayStatusService } from '../status/GatewayStatusService';
import { statusServices } from '../status/__testUtils__/statusServices';
import {
  clientsFor,
  createTestNamespace,
  deleteTestNamespace,
  grantRole,
  PORTAL_ROLE_RULES,
  testCluster,
} from '../__testUtils__/testCluster';
import { KubeGet, kubeGet } from './kubeGet';

const cluster = testCluster();
const core = cluster.admin.makeApiClient(CoreV1Api);
const rbac = cluster.admin.makeApiClient(RbacAuthorizationV1Api);
const { service: statusService, closeAll } = statusServices();
const suffix = randomBytes(3).toString('hex');
const clusterRole = `portkey-test-get-namespaces-${suffix}`;
const NO_SUCH = `no-such-namespace-${suffix}`;

let namespace: string;
/** Only the README's Role, in `namespace`. */
let readmeRole: KubeConfig;
/** The README's Role plus a ClusterRole with `get` on namespaces. */
let withNamespaces: KubeConfig;

/** A ServiceAccount of `namespace` with the README's Role there, and a token for it. */
async function portalAccount(name: string): Promise<KubeConfig> {
  await core.createNamespacedServiceAccount({
    namespace,
    body: { metadata: { name } },
  });
  await grantRole(namespace, name, PORTAL_ROLE_RULES, {
    kind: 'ServiceAccount',
    name,
    namespace,
  });
  const token = await core.createNamespacedServiceAccountToken({
    name,
    namespace,
    body: { spec: { audiences: [] as string[], expirationSeconds: 600 } },
  });
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: 'local',
        server: cluster.url,
        caData: cluster.caData,
        skipTLSVerify: cluster.skipTLSVerify,
      },
    ],
    users: [{ name, token: token.status!.token }],
    contexts: [{ name: 'local', cluster: 'local', user: name }],
    currentContext: 'local',
  });
  return kc;
}

/** Polls until the identity's RBAC has reached the API server (a moment after creating it). */
async function waitUntil(probe: () => Promise<unknown>) {
  const until = Date.now() + 20_000;
  for (;;) {
    if (
      await probe().then(
        () => true,
        () => false,
      )
    )
      return;
    if (Date.now() > until) throw new Error('RBAC grant never took effect');
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  namespace = await createTestNamespace('nsexists');
  readmeRole = await portalAccount('readme-role');
  withNamespaces = await portalAccount('with-namespaces');
  await rbac.createClusterRole({
    body: {
      metadata: { name: clusterRole },
      rules: [{ apiGroups: [''], resources: ['namespaces'], verbs: ['get'] }],
    },
  });
  await rbac.createClusterRoleBinding({
    body: {
      metadata: { name: clusterRole },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: clusterRole,
      },
      subjects: [
        { kind: 'ServiceAccount', name: 'with-namespaces', namespace },
      ],
    },
  });
  await waitUntil(() =>
    kubeGet(withNamespaces, `/api/v1/namespaces/${namespace}`),
  );
  await waitUntil(() =>
    kubeGet(readmeRole, `/api/v1/namespaces/${namespace}/pods`),
  );
});

afterAll(async () => {
  closeAll();
  await rbac.deleteClusterRoleBinding({ name: clusterRole }).catch(() => {});
  await rbac.deleteClusterRole({ name: clusterRole }).catch(() => {});
  await deleteTestNamespace(namespace);
});

// Each service keeps what it learnt per cluster and namespace (one identity per cluster in
// the plugin), so each identity here gets services of its own.
const target = (kubeConfig: KubeConfig, ns: string) => ({
  cluster: 'local',
  namespace: ns,
  clients: clientsFor(kubeConfig),
});
const missing = {
  name: 'NotFoundError',
  message: `Namespace "${NO_SUCH}" does not exist in cluster "local"`,
};

describe('a namespace that does not exist', () => {
  it.each([
    ['an admin', () => cluster.admin],
    ['the README Role plus get on namespaces', () => withNamespaces],
  ])(
    'is a 404 saying so, for %s (status and settings)',
    async (_, identity) => {
      const kc = identity();
      await expect(
        statusService().listGateways(target(kc, NO_SUCH)),
      ).rejects.toMatchObject(missing);
      await expect(
        statusService({ source: 'list' }).listGateways({
          ...target(kc, NO_SUCH),
          release: 'portkey-ai',
        }),
      ).rejects.toMatchObject(missing);
      await expect(
        new GatewaySettingsService().readSettings({
          ...target(kc, NO_SUCH),
          release: 'portkey-ai',
        }),
      ).rejects.toMatchObject(missing);
    },
  );

  it('stays the 403 of the list for the README Role alone, which may not get namespaces', async () => {
    const refused = {
      name: 'NotAllowedError',
      message: expect.stringContaining(
        `may not list deployments in namespace ${NO_SUCH} (Kubernetes answered 403)`,
      ),
    };
    await expect(
      new GatewaySettingsService().readSettings({
        ...target(readmeRole, NO_SUCH),
        release: 'portkey-ai',
      }),
    ).rejects.toMatchObject(refused);
    await expect(
      statusService({ source: 'list' }).listGateways(
        target(readmeRole, NO_SUCH),
      ),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });
});

describe('an existing namespace without gateways', () => {
  it('is an empty list, and an unknown release a 404 that does not claim the namespace exists when that was not checked', async () => {
    expect(
      (await statusService().listGateways(target(readmeRole, namespace))).items,
    ).toEqual([]);
    await expect(
      statusService().listGateways({
        ...target(readmeRole, namespace),
        release: 'nope',
      }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: `No gateway of release "nope" in namespace ${namespace} of cluster "local" (whether the namespace exists could not be checked: the portal may not get namespaces)`,
    });
    await expect(
      new GatewaySettingsService().readSettings({
        ...target(readmeRole, namespace),
        release: 'nope',
      }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining(
        '; whether the namespace exists could not be checked: the portal may not get namespaces)',
      ),
    });
    // With get on namespaces the 404 is only about the release.
    await expect(
      statusService().listGateways({
        ...target(withNamespaces, namespace),
        release: 'nope',
      }),
    ).rejects.toMatchObject({
      message: `No gateway of release "nope" in namespace ${namespace} of cluster "local"`,
    });
  });

  it('costs ten viewers one namespace check between them, beside the watch', async () => {
    const paths: string[] = [];
    const counting: KubeGet = (kc, path) => {
      paths.push(path);
      return kubeGet(kc, path);
    };
    const status: GatewayStatusService = statusService({ kubeGet: counting });
    const empty = target(cluster.admin, namespace);
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => status.listGateways(empty)),
      );
      expect(answers.every(a => a.items.length === 0)).toBe(true);
    }
    // Three lists to start the watch, and one GET of the namespace.
    expect(
      paths.filter(p => p === `/api/v1/namespaces/${namespace}`),
    ).toHaveLength(1);
    expect(paths).toHaveLength(4);
  });
});
