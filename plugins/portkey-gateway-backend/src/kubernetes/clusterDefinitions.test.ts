import { ConfigReader } from '@backstage/config';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { readClusterDefinitions } from './clusterDefinitions';
import { kubeGet } from './kubeGet';

const SUPPORTED = 'supports only serviceAccount, inCluster, localKubectlProxy';

/** The Kubernetes plugin's config, with one config locator holding `clusters`. */
const kubernetesPlugin = (clusters: object[]) =>
  new ConfigReader({
    kubernetes: {
      clusterLocatorMethods: [
        { type: 'catalog' },
        { type: 'config', clusters },
      ],
    },
  });

describe('auth providers of configured clusters', () => {
  it.each(['aws', 'google', 'googleServiceAccount', 'azure', 'oidc'])(
    'refuses a Kubernetes plugin cluster with authProvider %s at start, naming it and what works',
    provider => {
      const read = () =>
        readClusterDefinitions(
          kubernetesPlugin([
            { name: 'eks', url: 'https://eks:443', authProvider: provider },
          ]),
        );
      expect(read).toThrow(
        `Cluster "eks" (kubernetes.clusterLocatorMethods[1].clusters[0].authProvider) uses authProvider "${provider}", which the Portkey gateway plugin cannot serve`,
      );
      expect(read).toThrow(SUPPORTED);
    },
  );

  it('refuses an unknown authProvider in portkeyGateway.clusters', () => {
    expect(() =>
      readClusterDefinitions(
        new ConfigReader({
          portkeyGateway: {
            clusters: [
              { name: 'a', url: 'https://a', serviceAccountToken: 't' },
              { name: 'b', url: 'https://b', authProvider: 'token' },
            ],
          },
        }),
      ),
    ).toThrow(
      `Cluster "b" (portkeyGateway.clusters[1].authProvider) uses authProvider "token"`,
    );
  });

  it('refuses serviceAccount without a token outside a pod, naming the token file it looked for', () => {
    expect(() =>
      readClusterDefinitions(
        kubernetesPlugin([
          { name: 'prod', url: 'https://prod', authProvider: 'serviceAccount' },
        ]),
        { inClusterTokenPath: '/nonexistent/token' },
      ),
    ).toThrow(
      `Cluster "prod" (kubernetes.clusterLocatorMethods[1].clusters[0]) has authProvider serviceAccount without serviceAccountToken, which means the backend pod's own service account token, but /nonexistent/token does not exist (the backend does not run in a pod). Set serviceAccountToken.`,
    );
  });

  it('calls a localKubectlProxy cluster over plain http without any credentials', async () => {
    const seen: Array<string | undefined> = [];
    const proxy = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.setHeader('content-type', 'application/json');
      res.end('{"items":[]}');
    });
    await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = proxy.address() as AddressInfo;
      const [definition] = readClusterDefinitions(
        kubernetesPlugin([
          {
            name: 'proxy',
            url: `http://127.0.0.1:${port}`,
            authProvider: 'localKubectlProxy',
          },
        ]),
      );
      const answer = await kubeGet(
        definition.kubeConfig(),
        '/api/v1/namespaces/ns/pods',
      );
      expect(answer).toEqual({ items: [] });
      expect(seen).toEqual([undefined]);
    } finally {
      proxy.closeAllConnections();
      proxy.close();
    }
  });
});
