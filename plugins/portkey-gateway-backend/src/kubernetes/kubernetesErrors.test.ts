import { CoreV1Api, KubeConfig, V1Node } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
// The stub kubelet is a repository test script (scripts/kube), not a package.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { stubNodeManifest } from '../../../../scripts/kube/stub-kubelet.mjs';
import { itLocalOnly } from '../__testUtils__/itLocalOnly';
import {
  createTestNamespace,
  deleteTestNamespace,
  portalIdentity,
  testCluster,
  TestIdentity,
} from '../__testUtils__/testCluster';
import { kubeGet, kubeStream } from './kubeGet';
import { KubernetesApiError, toPortalError } from './kubernetesErrors';

const cluster = testCluster();
/* eslint-disable jest/no-standalone-expect -- itLocalOnly is `it` */

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

/** What the portal would tell a user about a failed read. */
async function portalErrorOf(read: Promise<unknown>, action: string) {
  const error = await read.then(
    () => undefined,
    e => e,
  );
  expect(error).toBeDefined();
  return toPortalError(error, { cluster: 'local', action });
}

// What the real kube-apiserver answers, as the user is told it.
describe('errors from a real API server, in the portal’s words', () => {
  let namespace: string;
  let portal: TestIdentity;
  beforeAll(async () => {
    namespace = await createTestNamespace('errors');
    portal = await portalIdentity(namespace);
  });
  afterAll(() => deleteTestNamespace(namespace));

  it('passes on the API server’s reason for a 404', async () => {
    const error = await portalErrorOf(
      kubeGet(
        portal.kubeConfig,
        `/api/v1/namespaces/${namespace}/pods/no-such-pod`,
      ),
      'read pod no-such-pod',
    );
    expect(error.name).toBe('NotFoundError');
    expect(error.message).toBe(
      'Not found in cluster "local" while trying to read pod no-such-pod: pods "no-such-pod" not found',
    );
  });

  // A pod on a node whose kubelet does not answer: the API server itself answers 500, saying
  // why. That is not "cannot be reached": the API server was reached, and said something.
  itLocalOnly('it registers a Node, which a real cluster’s tests never do')(
    'says what the API server answered with a 5xx instead of calling the cluster unreachable',
    async () => {
      const core = cluster.admin.makeApiClient(CoreV1Api);
      const nodeName = `no-kubelet-${randomBytes(3).toString('hex')}`;
      await core.createNode({
        body: stubNodeManifest({
          name: nodeName,
          port: await closedPort(),
        }) as unknown as V1Node,
      });
      try {
        await core.createNamespacedPod({
          namespace,
          body: {
            metadata: { name: 'stranded' },
            spec: {
              nodeName,
              containers: [{ name: 'gateway', image: 'portkeyai/gateway' }],
            },
          },
        });
        const read = kubeStream(
          portal.kubeConfig,
          `/api/v1/namespaces/${namespace}/pods/stranded/log?container=gateway`,
        );
        const raw = await read.catch(e => e);
        expect(raw).toBeInstanceOf(KubernetesApiError);
        expect(raw.code).toBe(500);
        const error = toPortalError(raw, {
          cluster: 'local',
          action: 'read the logs of pod stranded',
        });
        expect(error.name).toBe('ServiceUnavailableError');
        expect(error.message).toMatch(
          /^The API server of cluster "local" answered HTTP 500 Internal Server Error: Get "?https:\/\/127\.0\.0\.1:\d+\/containerLogs\/.*connection refused.* while trying to read the logs of pod stranded$/,
        );
        expect(error.message).not.toContain('cannot be reached');
      } finally {
        await core.deleteNode({ name: nodeName }).catch(() => undefined);
      }
    },
  );

  it('calls a cluster that does not answer at all unreachable', async () => {
    const gone = new KubeConfig();
    gone.loadFromOptions({
      clusters: [
        { name: 'gone', server: `https://127.0.0.1:${await closedPort()}` },
      ],
      users: [{ name: 'gone', token: 'x' }],
      contexts: [{ name: 'gone', cluster: 'gone', user: 'gone' }],
      currentContext: 'gone',
    });
    const error = await portalErrorOf(
      kubeGet(gone, '/api/v1/namespaces/x/pods'),
      'list pods',
    );
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toBe(
      'Cluster "local" cannot be reached (ECONNREFUSED) while trying to list pods',
    );
  });
});
