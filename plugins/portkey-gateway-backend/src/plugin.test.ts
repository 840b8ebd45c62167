import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { AppsV1Api } from '@kubernetes/client-node';
import request from 'supertest';
import {
  clusterEntry,
  createTestNamespace,
  deleteTestNamespace,
  portalIdentity,
  TestIdentity,
  testCluster,
} from './__testUtils__/testCluster';
import { portkeyGatewayPlugin } from './plugin';

const cluster = testCluster();

/** No response body carries a stack trace. */
function expectNoStack(text: string) {
  expect(text).not.toMatch(/^\s*at /m);
  expect(text).not.toMatch(/\bat \S+ \(.*:\d+:\d+\)/);
  expect(text).not.toContain('"stack"');
}

// Runs against the local kube-apiserver, or a real cluster (PORTKEY_TEST_REAL_CLUSTER=1;
// there the namespace's quota keeps the Deployment from getting pods, see testCluster.ts).
describe('the portkey-gateway backend plugin', () => {
  let namespace: string;
  let portal: TestIdentity;

  beforeAll(async () => {
    namespace = await createTestNamespace('plugin');
    portal = await portalIdentity(namespace);
    const labels = {
      'helm.sh/chart': 'gateway-1.7.7',
      'app.kubernetes.io/version': '2.13.0',
      'app.kubernetes.io/name': 'gateway',
      'app.kubernetes.io/instance': 'portkey-ai',
    };
    await cluster.admin.makeApiClient(AppsV1Api).createNamespacedDeployment({
      namespace,
      body: {
        metadata: { name: 'portkey-ai-gateway', labels },
        spec: {
          replicas: 1,
          selector: { matchLabels: labels },
          template: {
            metadata: { labels },
            spec: {
              containers: [
                {
                  name: 'gateway',
                  image: 'portkeyai/gateway_enterprise:2.13.0',
                },
              ],
            },
          },
        },
      },
    });
    // The plugin reads with resourceVersion "0" (the watch cache), which may lag a moment.
    for (let i = 0; i < 50; i++) {
      const { items } = await cluster.admin
        .makeApiClient(AppsV1Api)
        .listNamespacedDeployment({ namespace, resourceVersion: '0' });
      if (items.length > 0) break;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  });
  afterAll(() => deleteTestNamespace(namespace));

  const config = () =>
    mockServices.rootConfig.factory({
      data: {
        portkeyGateway: {
          clusters: [
            clusterEntry('local', portal, { namespaces: [namespace] }),
          ],
        },
      },
    });

  async function backend(
    result?: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
  ) {
    const { server } = await startTestBackend({
      features: [
        portkeyGatewayPlugin,
        config(),
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        ...(result ? [mockServices.permissions.factory({ result })] : []),
      ],
    });
    return server;
  }

  it('registers its three permissions', async () => {
    const server = await backend(AuthorizeResult.ALLOW);
    const response = await request(server)
      .get('/api/portkey-gateway/.well-known/backstage/permissions/metadata')
      .set('Authorization', mockCredentials.service.header());
    expect(response.status).toBe(200);
    expect(
      (response.body.permissions as { name: string }[]).map(p => p.name).sort(),
    ).toEqual([
      'portkey.gateway.logs.read',
      'portkey.gateway.settings.read',
      'portkey.gateway.status.read',
    ]);
  });

  it('answers the gateways of an allowed namespace to a permitted user', async () => {
    const server = await backend(AuthorizeResult.ALLOW);
    const response = await request(server)
      .get(
        `/api/portkey-gateway/clusters/local/namespaces/${namespace}/gateways`,
      )
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      cluster: 'local',
      namespace,
      items: [
        {
          release: 'portkey-ai',
          deployment: 'portkey-ai-gateway',
          chart: 'gateway-1.7.7',
          appVersion: '2.13.0',
          image: 'portkeyai/gateway_enterprise:2.13.0',
          pods: [],
        },
      ],
    });
    const clusters = await request(server)
      .get('/api/portkey-gateway/clusters')
      .set('Authorization', mockCredentials.user.header());
    expect(clusters.body).toEqual({
      items: [{ name: 'local', namespaces: [namespace] }],
    });
  });

  it('answers 401 without credentials', async () => {
    const server = await backend(AuthorizeResult.ALLOW);
    for (const path of [
      '/clusters',
      `/clusters/local/namespaces/${namespace}/gateways`,
    ]) {
      const response = await request(server).get(`/api/portkey-gateway${path}`);
      expect(response.status).toBe(401);
      expectNoStack(response.text);
    }
  });

  it('answers 403 when the permission is denied', async () => {
    const server = await backend(AuthorizeResult.DENY);
    const response = await request(server)
      .get(
        `/api/portkey-gateway/clusters/local/namespaces/${namespace}/gateways`,
      )
      .set('Authorization', mockCredentials.user.header());
    expect(response.status).toBe(403);
    expect(response.body.error).toEqual({
      name: 'NotAllowedError',
      message: 'Missing permission portkey.gateway.status.read',
    });
    expectNoStack(response.text);
  });
});
