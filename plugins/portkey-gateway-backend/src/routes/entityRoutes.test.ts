import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  type AuditorServiceCreateEventOptions,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { AppsV1Api, CoreV1Api } from '@kubernetes/client-node';
import request from 'supertest';
import { portkeyGatewayPlugin } from '../plugin';
import { itLocalOnly } from '../__testUtils__/itLocalOnly';
// The portal's own policy, which the README shows: the test runs exactly that file.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { PortkeyGatewayOwnerPolicy } from '../../../../packages/backend/src/modules/portkeyGatewayPolicy';
import {
  startStubKubeletNode,
  StubKubeletNode,
} from '../__testUtils__/stubKubeletNode';
import {
  clusterEntry,
  createTestNamespace,
  deleteTestNamespace,
  portalIdentity,
  testCluster,
} from '../__testUtils__/testCluster';

const cluster = testCluster();
/* eslint-disable jest/no-standalone-expect -- itLocalOnly is `it` */
const itWithStubKubelet = itLocalOnly(
  'it reads the stub kubelet’s canned file',
);

const OWNER = 'user:default/owner';
const OTHER = 'user:default/other';
const STRANGER = 'user:default/stranger';
const ENTITY = 'component:default/team-gateway';
const ENTITY_PATH = '/api/portkey-gateway/entities/default/component';
const POD = 'portkey-ai-gateway-6d5f7c8b9-abcde';
/** A pod of another gateway release in the same namespace. */
const OTHER_RELEASE_POD = 'team-b-gateway-5c4d3b2a1-fghij';
const LABELS = {
  'helm.sh/chart': 'gateway-1.7.7',
  'app.kubernetes.io/version': '2.13.0',
  'app.kubernetes.io/name': 'gateway',
  'app.kubernetes.io/instance': 'portkey-ai',
};

/**
 * The README's policy, as a portal would install it, plus one catalog rule of the portal's
 * own: the stranger may not see any entity.
 */
class PortalPolicy implements PermissionPolicy {
  private readonly readme = new PortkeyGatewayOwnerPolicy();
  async handle(
    query: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      user?.info.userEntityRef === STRANGER &&
      isPermission(query.permission, catalogEntityReadPermission)
    )
      return { result: AuthorizeResult.DENY };
    return this.readme.handle(query, user);
  }
}

function gatewayEntity(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'backstage.io/managed-by-location': 'url:http://127.0.0.1/test',
        'backstage.io/managed-by-origin-location': 'url:http://127.0.0.1/test',
        ...annotations,
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner: OWNER },
  };
}

/** A catalog module that puts the given entities into the real catalog at once. */
function catalogWith(entities: Entity[]) {
  return createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-gateway-entities',
    register(reg) {
      reg.registerInit({
        deps: { catalog: catalogProcessingExtensionPoint },
        async init({ catalog }) {
          catalog.addEntityProvider({
            getProviderName: () => 'test-gateway-entities',
            connect: connection =>
              connection.applyMutation({
                type: 'full',
                entities: entities.map(entity => ({
                  entity,
                  locationKey: 'test-gateway-entities',
                })),
              }),
          });
        },
      });
    },
  });
}

/**
 * mockServices.auth, except that a token a plugin gets on behalf of a user names the plugin
 * as its actor, as Backstage's own on-behalf-of tokens do. The mock leaves the actor out, and
 * the permission backend then refuses, as it should for a user calling it directly, every
 * conditional query (the catalog's own reads and our namespace-wide checks).
 */
const authWithPluginActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    const issue = auth.getPluginRequestToken.bind(auth);
    auth.getPluginRequestToken = async options => {
      const principal = options.onBehalfOf.principal as {
        type: string;
        userEntityRef?: string;
      };
      if (principal.type !== 'user') return issue(options);
      return {
        token: mockCredentials.user.token(principal.userEntityRef, {
          actor: { subject: `plugin:${plugin.getId()}` },
        }),
      };
    };
    return auth;
  },
});

const portalPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'test-portal-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new PortalPolicy());
      },
    });
  },
});

// The whole decision chain is real: the catalog backend holds the entities and evaluates
// isEntityOwner, the permission backend runs the README's policy, the plugin reads a real
// kube-apiserver (with the stub kubelet behind it for the log).
describe('gateway reads by catalog entity, with the README permission policy', () => {
  const core = cluster.admin.makeApiClient(CoreV1Api);
  const apps = cluster.admin.makeApiClient(AppsV1Api);
  /** Locally only: serves the gateway pod's log. */
  let kubelet: StubKubeletNode | undefined;
  let namespace: string;
  let server: Parameters<typeof request>[0];
  const audits: Array<{
    event: AuditorServiceCreateEventOptions;
    outcome?: string;
  }> = [];

  beforeAll(async () => {
    namespace = await createTestNamespace('entities');
    const portal = await portalIdentity(namespace);
    await apps.createNamespacedDeployment({
      namespace,
      body: {
        metadata: { name: 'portkey-ai-gateway', labels: LABELS },
        spec: {
          replicas: 1,
          selector: { matchLabels: LABELS },
          template: {
            metadata: { labels: LABELS },
            spec: {
              containers: [
                {
                  name: 'gateway',
                  image: 'portkeyai/gateway_enterprise:2.13.0',
                  env: [{ name: 'LOG_STORE', value: 's3' }],
                },
              ],
            },
          },
        },
      },
    });
    if (!cluster.real) {
      kubelet = await startStubKubeletNode('entities');
      const { nodeName } = kubelet;
      await core.createNamespacedPod({
        namespace,
        body: {
          metadata: { name: POD, labels: LABELS },
          spec: {
            nodeName,
            containers: [
              { name: 'gateway', image: 'portkeyai/gateway:2.13.0' },
            ],
          },
        },
      });
      await core.createNamespacedPod({
        namespace,
        body: {
          metadata: {
            name: OTHER_RELEASE_POD,
            labels: { ...LABELS, 'app.kubernetes.io/instance': 'team-b' },
          },
          spec: {
            nodeName,
            containers: [
              { name: 'gateway', image: 'portkeyai/gateway:2.13.0' },
            ],
          },
        },
      });
      kubelet.writeLog(
        namespace,
        POD,
        'gateway',
        `${new Date().toISOString()} gateway listening on 8787\n`,
      );
    }

    const entities = [
      gatewayEntity('team-gateway', {
        'portkey.ai/gateway-release': 'portkey-ai',
        'portkey.ai/gateway-namespace': namespace,
        'portkey.ai/gateway-cluster': 'local',
      }),
      gatewayEntity('half-annotated', {
        'portkey.ai/gateway-release': 'portkey-ai',
      }),
      gatewayEntity('elsewhere', {
        'portkey.ai/gateway-release': 'portkey-ai',
        'portkey.ai/gateway-namespace': namespace,
        'portkey.ai/gateway-cluster': 'nowhere',
      }),
    ];
    const started = await startTestBackend({
      features: [
        portkeyGatewayPlugin,
        catalogPlugin,
        catalogWith(entities),
        permissionPlugin,
        portalPolicy,
        authWithPluginActors,
        mockServices.rootConfig.factory({
          data: {
            permission: { enabled: true },
            portkeyGateway: { clusters: [clusterEntry('local', portal)] },
          },
        }),
        mockServices.auditor.mock({
          createEvent: async event => {
            const entry: (typeof audits)[number] = { event };
            audits.push(entry);
            return {
              success: async () => {
                entry.outcome = 'success';
              },
              fail: async ({ error }) => {
                entry.outcome = `fail: ${error.name}`;
              },
            };
          },
        }).factory,
      ],
    });
    server = started.server;
    // The catalog stitches the entities (with their ownedBy relations) a moment later.
    for (let i = 0; i < 200; i++) {
      const answer = await request(server)
        .get('/api/catalog/entities/by-name/component/default/elsewhere')
        .set('Authorization', mockCredentials.user.header(OWNER));
      if (answer.status === 200 && answer.body.relations?.length) break;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }, 120_000);

  afterAll(async () => {
    await kubelet?.close();
    await deleteTestNamespace(namespace);
  });

  const get = (user: string, suffix: string, entity = 'team-gateway') =>
    request(server)
      .get(`${ENTITY_PATH}/${entity}${suffix}`)
      .set('Authorization', mockCredentials.user.header(user));
  const kubeletRequests = () => kubelet?.requestsFor(POD).length ?? 0;

  it('shows the gateway status to everyone who may see the entity', async () => {
    for (const user of [OWNER, OTHER]) {
      const response = await get(user, '/status');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        entityRef: ENTITY,
        cluster: 'local',
        namespace,
        release: 'portkey-ai',
        gateway: {
          release: 'portkey-ai',
          deployment: 'portkey-ai-gateway',
          chart: 'gateway-1.7.7',
        },
      });
    }
  });

  it("gives the owner the gateway's settings, and another user a 403", async () => {
    const owner = await get(OWNER, '/settings');
    expect(owner.status).toBe(200);
    expect(owner.body).toMatchObject({
      release: 'portkey-ai',
      deployment: 'portkey-ai-gateway',
      settings: { logStore: { store: 's3' } },
    });
    const other = await get(OTHER, '/settings');
    expect(other.status).toBe(403);
    expect(other.body.error).toEqual({
      name: 'NotAllowedError',
      message: `Missing permission portkey.gateway.settings.read for ${ENTITY}`,
    });
  });

  itWithStubKubelet(
    "gives the owner the pod's logs, and another user a 403 that never reaches Kubernetes",
    async () => {
      const owner = await get(OWNER, `/pods/${POD}/logs`);
      expect(owner.status).toBe(200);
      expect(owner.text).toContain('gateway listening on 8787');
      const before = kubeletRequests();
      const other = await get(OTHER, `/pods/${POD}/logs?follow=true`);
      expect(other.status).toBe(403);
      expect(other.body.error.message).toBe(
        `Missing permission portkey.gateway.logs.read for ${ENTITY}`,
      );
      expect(kubeletRequests()).toBe(before);
    },
  );

  itWithStubKubelet(
    "serves only the entity's own release: another gateway's pod is a 404 that never reaches Kubernetes",
    async () => {
      const response = await get(OWNER, `/pods/${OTHER_RELEASE_POD}/logs`);
      expect(response.status).toBe(404);
      expect(response.body.error.message).toBe(
        `No gateway pod "${OTHER_RELEASE_POD}" with container "gateway" in namespace ${namespace} of cluster "local"`,
      );
      expect(kubelet?.requestsFor(OTHER_RELEASE_POD)).toEqual([]);
    },
  );

  it('answers 404 to a user who may not see the entity, as for an entity that does not exist', async () => {
    const missing = await get(OWNER, '/status', 'no-such-gateway');
    expect(missing.status).toBe(404);
    for (const suffix of ['/status', '/settings', `/pods/${POD}/logs`]) {
      const response = await get(STRANGER, suffix);
      expect(response.status).toBe(404);
      expect(response.body.error).toEqual({
        name: 'NotFoundError',
        message: `No entity ${ENTITY} in the catalog`,
      });
    }
    expect(missing.body.error.message).toBe(
      'No entity component:default/no-such-gateway in the catalog',
    );
  });

  it('names the annotation that is missing or names an unknown cluster', async () => {
    const half = await get(OWNER, '/status', 'half-annotated');
    expect(half.status).toBe(400);
    expect(half.body.error.message).toBe(
      'Entity component:default/half-annotated does not say which gateway it is: annotation portkey.ai/gateway-namespace is missing: it must name the Kubernetes namespace the gateway is installed in',
    );
    const elsewhere = await get(OWNER, '/status', 'elsewhere');
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.message).toBe(
      'Entity component:default/elsewhere: annotation portkey.ai/gateway-cluster names cluster "nowhere", which the portal does not know (configured: local)',
    );
  });

  it('keeps the namespace-wide reads of logs and settings for whoever holds them for every gateway', async () => {
    const headers = {
      Authorization: mockCredentials.user.header(OWNER),
    };
    const base = `/api/portkey-gateway/clusters/local/namespaces/${namespace}`;
    const status = await request(server).get(`${base}/gateways`).set(headers);
    expect(status.status).toBe(200);
    expect(
      status.body.items.map((g: { release: string }) => g.release),
    ).toEqual(cluster.real ? ['portkey-ai'] : ['portkey-ai', 'team-b']);
    // The policy decides logs and settings per entity: not enough for a whole namespace.
    for (const suffix of [
      '/gateways/portkey-ai/settings',
      `/pods/${POD}/logs`,
    ]) {
      const response = await request(server)
        .get(`${base}${suffix}`)
        .set(headers);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(
        /^Missing permission portkey\.gateway\.(settings|logs)\.read for every gateway of a namespace/,
      );
    }
  });

  it('records every log and settings read in the audit log, with how it ended', async () => {
    const ours = audits.filter(a => a.event.eventId.startsWith('gateway-'));
    const settingsReads = ours.filter(
      a => a.event.eventId === 'gateway-settings-read',
    );
    expect(settingsReads).toContainEqual({
      event: expect.objectContaining({
        severityLevel: 'medium',
        meta: {
          cluster: 'local',
          namespace,
          release: 'portkey-ai',
          entityRef: ENTITY,
        },
      }),
      outcome: 'success',
    });
    // The log was read only with the stub kubelet.
    const logReads = ours
      .filter(a => a.event.eventId === 'gateway-logs-read')
      .map(a => ({ meta: a.event.meta, outcome: a.outcome }));
    const ownersLogRead = {
      meta: {
        cluster: 'local',
        namespace,
        pod: POD,
        follow: false,
        release: 'portkey-ai',
        entityRef: ENTITY,
      },
      outcome: 'success',
    };
    const otherReleasePodRead = {
      meta: { ...ownersLogRead.meta, pod: OTHER_RELEASE_POD },
      outcome: 'fail: NotFoundError',
    };
    expect(logReads).toEqual(
      cluster.real ? [] : [ownersLogRead, otherReleasePodRead],
    );
    // Refused reads never got as far as an audit event: the permission comes first.
    expect(
      ours.filter(a => a.outcome !== 'success').map(a => a.event.meta?.pod),
    ).toEqual(cluster.real ? [] : [OTHER_RELEASE_POD]);
  });
});
