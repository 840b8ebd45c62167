import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  clusterEntry,
  createTestNamespace,
  deleteTestNamespace,
  portalIdentity,
  unprivilegedIdentity,
} from './__testUtils__/testCluster';
import { portkeyGatewayPlugin } from './plugin';

// Runs against the local kube-apiserver, or a real cluster (PORTKEY_TEST_REAL_CLUSTER=1).
describe('the portkey-gateway router', () => {
  let namespace: string;
  let server: Parameters<typeof request>[0];
  const responses: request.Response[] = [];

  beforeAll(async () => {
    namespace = await createTestNamespace('router');
    const portal = await portalIdentity(namespace);
    const unprivileged = await unprivilegedIdentity(namespace);
    const started = await startTestBackend({
      features: [
        portkeyGatewayPlugin,
        mockServices.rootConfig.factory({
          data: {
            portkeyGateway: {
              clusters: [
                clusterEntry('local', portal, {
                  namespaces: [namespace, 'ai-gateways'],
                }),
                clusterEntry('restricted', unprivileged),
                {
                  name: 'gone',
                  url: 'https://127.0.0.1:1',
                  serviceAccountToken: 'x',
                  skipTLSVerify: true,
                },
              ],
            },
          },
        }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    });
    server = started.server;
  });
  afterAll(() => deleteTestNamespace(namespace));

  async function get(path: string) {
    const response = await request(server)
      .get(`/api/portkey-gateway${path}`)
      .set('Authorization', mockCredentials.user.header());
    responses.push(response);
    return response;
  }

  it('answers an empty list for a namespace without gateways', async () => {
    const response = await get(
      `/clusters/local/namespaces/${namespace}/gateways`,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      cluster: 'local',
      namespace,
      items: [],
    });
    expect(typeof response.body.observedAt).toBe('string');
  });

  it('answers 404 for an unknown release', async () => {
    const response = await get(
      `/clusters/local/namespaces/${namespace}/gateways?release=nope`,
    );
    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({
      name: 'NotFoundError',
      message: `No gateway of release "nope" in namespace ${namespace} of cluster "local"`,
    });
  });

  it('answers 403 for a namespace outside the allow-list', async () => {
    const response = await get(
      '/clusters/local/namespaces/kube-system/gateways',
    );
    expect(response.status).toBe(403);
    expect(response.body.error).toEqual({
      name: 'NotAllowedError',
      message:
        'Namespace "kube-system" of cluster "local" is not one the portal may read (allowed: ' +
        `${namespace}, ai-gateways)`,
    });
  });

  it('answers 400 for a path or release that is not a Kubernetes name', async () => {
    const badNamespace = await get(
      '/clusters/local/namespaces/Bad_Name/gateways',
    );
    expect(badNamespace.status).toBe(400);
    expect(badNamespace.body.error.name).toBe('InputError');
    expect(badNamespace.body.error.message).toBe(
      'namespace must be lowercase letters, digits and "-", starting and ending with a letter or digit, got "Bad_Name"',
    );
    const badCluster = await get(
      `/clusters/${encodeURIComponent('a b')}/namespaces/${namespace}/gateways`,
    );
    expect(badCluster.status).toBe(400);
    const badRelease = await get(
      `/clusters/local/namespaces/${namespace}/gateways?release=..%2Fx`,
    );
    expect(badRelease.status).toBe(400);
    expect(badRelease.body.error.message).toBe(
      'release must be lowercase letters, digits and "-", starting and ending with a letter or digit, got "../x"',
    );
    const tooLongRelease = await get(
      `/clusters/local/namespaces/${namespace}/gateways?release=${'r'.repeat(
        54,
      )}`,
    );
    expect(tooLongRelease.status).toBe(400);
  });

  it('answers 404 for an unknown cluster', async () => {
    const response = await get(
      `/clusters/elsewhere/namespaces/${namespace}/gateways`,
    );
    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({
      name: 'NotFoundError',
      message:
        'Unknown cluster "elsewhere" (configured: local, restricted, gone)',
    });
  });

  it('answers 403 with a clear message when the cluster credentials lack RBAC grants', async () => {
    const response = await get(
      `/clusters/restricted/namespaces/${namespace}/gateways`,
    );
    expect(response.status).toBe(403);
    expect(response.body.error.name).toBe('NotAllowedError');
    expect(response.body.error.message).toMatch(
      new RegExp(
        `^The portal's Kubernetes credentials for cluster "restricted" may not list (pods|deployments|events) in namespace ${namespace} \\(Kubernetes answered 403\\)$`,
      ),
    );
  });

  it('answers 503 with a clear message for an unreachable cluster', async () => {
    const response = await get(
      `/clusters/gone/namespaces/${namespace}/gateways`,
    );
    expect(response.status).toBe(503);
    expect(response.body.error.name).toBe('ServiceUnavailableError');
    expect(response.body.error.message).toMatch(
      new RegExp(
        `^Cluster "gone" cannot be reached \\(ECONNREFUSED\\) while trying to list (pods|deployments|events) in namespace ${namespace}$`,
      ),
    );
  });

  it('never sends a stack trace', () => {
    expect(responses.length).toBeGreaterThanOrEqual(9);
    for (const response of responses) {
      expect(response.text).not.toMatch(/^\s*at /m);
      expect(response.text).not.toMatch(/\bat \S+ \(.*:\d+:\d+\)/);
      expect(response.text).not.toContain('"stack"');
    }
  });
});
