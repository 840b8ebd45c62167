import { ConfigReader } from '@backstage/config';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readClusterDefinitions } from './clusterDefinitions';
import { ClusterRegistry } from './ClusterRegistry';
import { kubeGet } from './kubeGet';
import { toPortalError } from './kubernetesErrors';
import {
  clusterEntry,
  createTestNamespace,
  deleteTestNamespace,
  portalIdentity,
  TestIdentity,
  unprivilegedIdentity,
} from '../__testUtils__/testCluster';

// Runs against the local kube-apiserver, or a real cluster (PORTKEY_TEST_REAL_CLUSTER=1).
describe('clusters against a real API server', () => {
  let namespace: string;
  let portal: TestIdentity;
  let unprivileged: TestIdentity;
  beforeAll(async () => {
    namespace = await createTestNamespace('registry');
    portal = await portalIdentity(namespace);
    unprivileged = await unprivilegedIdentity(namespace);
  });
  afterAll(() => deleteTestNamespace(namespace));

  const clusterConfig = (identity: TestIdentity, namespaces?: string[]) =>
    new ConfigReader({
      portkeyGateway: {
        clusters: [
          clusterEntry('local', identity, namespaces ? { namespaces } : {}),
        ],
      },
    });

  it('reaches the API server with a configured URL, token and CA', async () => {
    const registry = new ClusterRegistry(
      readClusterDefinitions(clusterConfig(portal)),
    );
    const { kubeConfig } = registry.forNamespace('local', namespace);
    const pods = await kubeGet(
      kubeConfig,
      `/api/v1/namespaces/${namespace}/pods`,
    );
    expect(pods.items).toEqual([]);
    // With one cluster, the name may be left out.
    expect(registry.forNamespace(undefined, namespace).name).toBe('local');
  });

  it("uses the backend pod's own token file for serviceAccount without a token, as the Kubernetes plugin does", async () => {
    const tokenFile = join(mkdtempSync(join(tmpdir(), 'sa-')), 'token');
    writeFileSync(tokenFile, portal.token);
    const { serviceAccountToken: _, ...withoutToken } = clusterEntry(
      'local',
      portal,
    );
    const registry = new ClusterRegistry(
      readClusterDefinitions(
        new ConfigReader({
          kubernetes: {
            clusterLocatorMethods: [
              {
                type: 'config',
                clusters: [{ ...withoutToken, authProvider: 'serviceAccount' }],
              },
            ],
          },
        }),
        { inClusterTokenPath: tokenFile },
      ),
    );
    const pods = await kubeGet(
      registry.forNamespace('local', namespace).kubeConfig,
      `/api/v1/namespaces/${namespace}/pods`,
    );
    expect(pods.items).toEqual([]);
  });

  it('refuses a namespace outside the allow-list before calling Kubernetes', () => {
    const registry = new ClusterRegistry(
      readClusterDefinitions(clusterConfig(portal, ['ai-gateways'])),
    );
    expect(() => registry.forNamespace('local', namespace)).toThrow(
      `Namespace "${namespace}" of cluster "local" is not one the portal may read (allowed: ai-gateways)`,
    );
    expect(() => registry.forNamespace('elsewhere', 'ai-gateways')).toThrow(
      'Unknown cluster "elsewhere" (configured: local)',
    );
  });

  it('turns an RBAC refusal for the unprivileged user into a clear 403', async () => {
    const registry = new ClusterRegistry(
      readClusterDefinitions(clusterConfig(unprivileged)),
    );
    const error = await kubeGet(
      registry.forNamespace('local', namespace).kubeConfig,
      `/api/v1/namespaces/${namespace}/pods`,
    ).catch(e =>
      toPortalError(e, {
        cluster: 'local',
        action: `list pods in namespace ${namespace}`,
      }),
    );
    expect(error).toMatchObject({
      name: 'NotAllowedError',
      message: `The portal's Kubernetes credentials for cluster "local" may not list pods in namespace ${namespace} (Kubernetes answered 403)`,
    });
  });

  it('turns an unreachable cluster into a 503', async () => {
    const registry = new ClusterRegistry(
      readClusterDefinitions(
        new ConfigReader({
          portkeyGateway: {
            clusters: [
              {
                name: 'gone',
                url: 'https://127.0.0.1:1',
                serviceAccountToken: 'x',
                skipTLSVerify: true,
              },
            ],
          },
        }),
      ),
    );
    const error = await kubeGet(
      registry.forNamespace('gone', 'ns').kubeConfig,
      '/api/v1/namespaces/ns/pods',
    ).catch(e => toPortalError(e, { cluster: 'gone', action: 'list pods' }));
    expect((error as Error).name).toBe('ServiceUnavailableError');
    expect((error as Error).message).toMatch(
      /^Cluster "gone" cannot be reached \(ECONNREFUSED\)/,
    );
  });
});

describe('cluster definitions', () => {
  it("uses the Kubernetes plugin's config clusters when the plugin has none of its own", () => {
    const definitions = readClusterDefinitions(
      new ConfigReader({
        portkeyGateway: { namespaces: ['ai'] },
        kubernetes: {
          clusterLocatorMethods: [
            { type: 'catalog' },
            {
              type: 'config',
              clusters: [
                {
                  name: 'prod',
                  url: 'https://prod:6443',
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 't',
                },
              ],
            },
          ],
        },
      }),
    );
    expect(definitions.map(d => [d.name, d.source, d.namespaces])).toEqual([
      ['prod', 'kubernetes.clusterLocatorMethods', ['ai']],
    ]);
    expect(definitions[0].kubeConfig().getCurrentCluster()?.server).toBe(
      'https://prod:6443',
    );
  });

  it('falls back to the local kubeconfig, as kubectl does', () => {
    const definitions = readClusterDefinitions(new ConfigReader({}));
    expect(definitions.map(d => [d.name, d.source])).toEqual([
      ['default', 'kubeconfig'],
    ]);
  });
});
