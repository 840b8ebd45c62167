import { AppsV1Api, CoreV1Api, V1Pod } from '@kubernetes/client-node';
import http from 'node:http';
import request from 'supertest';
import { kubeGet, KubeGet } from '../kubernetes/kubeGet';
import { GatewayStatusService } from '../status/GatewayStatusService';
import { statusServices } from '../status/__testUtils__/statusServices';
import { itLocalOnly } from '../__testUtils__/itLocalOnly';
import { serveRouter } from '../__testUtils__/serveRouter';
import {
  startStubKubeletNode,
  StubKubeletNode,
} from '../__testUtils__/stubKubeletNode';
import {
  createTestNamespace,
  deleteTestNamespace,
  portalIdentity,
  TestIdentity,
  testCluster,
  unscheduledTestPod,
} from '../__testUtils__/testCluster';
import { GatewayLogsService } from './GatewayLogsService';

/* eslint-disable jest/no-standalone-expect -- itLocalOnly is `it` */

const cluster = testCluster();
const RELEASE = 'portkey-ai';
const gatewayLabels = (release = RELEASE) => ({
  'helm.sh/chart': 'gateway-1.7.7',
  'app.kubernetes.io/managed-by': 'Helm',
  'app.kubernetes.io/name': 'gateway',
  'app.kubernetes.io/instance': release,
});

/** Each pod, its containers (init containers after a `+`) and what its log file holds. */
const PODS = {
  gateway: {
    name: 'portkey-ai-gateway-7d9f8b6c4-x2k4q',
    labels: gatewayLabels(),
    containers: ['gateway'],
  },
  dataService: {
    name: 'portkey-ai-gateway-dataservice-5c8d7-m3n4p',
    labels: {
      ...gatewayLabels(),
      'app.kubernetes.io/component': 'portkey-ai-gateway-dataservice',
    },
    containers: ['dataservice', '+wait-for-gateway'],
  },
  redis: {
    name: 'redis-6f7c9d8b5-q7r8s',
    labels: {
      'app.kubernetes.io/name': 'redis',
      'app.kubernetes.io/instance': RELEASE,
    },
    containers: ['redis'],
  },
  /** The pod of the security report: same namespace, no chart labels. */
  dbadmin: {
    name: 'dbadmin',
    labels: { app: 'dbadmin' },
    containers: ['dbadmin'],
  },
  /** Another chart's Redis (Bitnami's labels): same name label, a release without a gateway. */
  otherRedis: {
    name: 'cache-redis-master-0',
    labels: {
      'app.kubernetes.io/name': 'redis',
      'app.kubernetes.io/instance': 'cache',
      'app.kubernetes.io/component': 'master',
    },
    containers: ['redis'],
  },
};
/** A gateway pod in another namespace (allowed by the cluster's config too). */
const OTHER_NAMESPACE_POD = {
  name: 'portkey-ai-gateway-5b6c7d8e9-z9y8x',
  labels: gatewayLabels(),
  containers: ['gateway'],
};

const logLine = (namespace: string, pod: string, container: string) =>
  `log of ${container} in ${namespace}/${pod}: password=secret-of-${pod}`;

describe('GatewayLogsService reads only the logs of a gateway release’s pods', () => {
  const admin = cluster.admin.makeApiClient(CoreV1Api);
  const apps = cluster.admin.makeApiClient(AppsV1Api);
  const statuses = statusServices();
  const servers: http.Server[] = [];
  /** Locally only: serves the pods' logs. */
  let kubelet: StubKubeletNode | undefined;
  let namespace: string;
  let otherNamespace: string;
  let portal: TestIdentity;

  async function createPod(
    ns: string,
    pod: { name: string; labels: Record<string, string>; containers: string[] },
  ) {
    const container = (name: string) => ({
      name,
      image: 'busybox:1.36',
      command: ['sleep', '600'],
    });
    const body: V1Pod = {
      metadata: { name: pod.name, labels: pod.labels },
      spec: {
        // Locally on the stub kubelet's node; on a real cluster never run (only refusals run there).
        ...(kubelet ? { nodeName: kubelet.nodeName } : unscheduledTestPod()),
        activeDeadlineSeconds: 600,
        containers: pod.containers
          .filter(c => !c.startsWith('+'))
          .map(container),
        initContainers: pod.containers
          .filter(c => c.startsWith('+'))
          .map(c => container(c.slice(1))),
      },
    };
    await admin.createNamespacedPod({ namespace: ns, body });
    if (!kubelet) return;
    // Also a file for a container the pod does not have: a crafted name must not reach it.
    for (const c of [
      ...pod.containers.map(n => n.replace('+', '')),
      'sidecar',
    ]) {
      kubelet.writeLog(
        ns,
        pod.name,
        c,
        `${new Date().toISOString()} ${logLine(ns, pod.name, c)}\n`,
      );
    }
  }

  beforeAll(async () => {
    if (!cluster.real) {
      kubelet = await startStubKubeletNode('pods');
    }
    namespace = await createTestNamespace('logs-pods');
    otherNamespace = await createTestNamespace('logs-other');
    portal = await portalIdentity(namespace);
    // The release's gateway Deployment (no pods come of it here: no controller, or the quota).
    await apps.createNamespacedDeployment({
      namespace,
      body: {
        metadata: { name: 'portkey-ai-gateway', labels: gatewayLabels() },
        spec: {
          replicas: 1,
          selector: { matchLabels: gatewayLabels() },
          template: {
            metadata: { labels: gatewayLabels() },
            spec: {
              containers: [{ name: 'gateway', image: 'portkeyai/gateway:1' }],
            },
          },
        },
      },
    });
    await Promise.all([
      ...Object.values(PODS).map(pod => createPod(namespace, pod)),
      createPod(otherNamespace, OTHER_NAMESPACE_POD),
    ]);
  });

  afterAll(async () => {
    statuses.closeAll();
    for (const server of servers) server.close();
    await kubelet?.close();
    await deleteTestNamespace(namespace);
    await deleteTestNamespace(otherNamespace);
  });

  /**
   * The router as the plugin builds it, with the status source, counting the logs service's
   * GETs. `watched` stands in for the status service's watch (what it holds).
   */
  async function backend(
    source: 'watch' | 'list',
    watched?: Pick<GatewayStatusService, 'watchedChartObjects'>,
  ) {
    const status = statuses.service({ source });
    const podReads: string[] = [];
    const countingGet: KubeGet = (kubeConfig, apiPath) => {
      podReads.push(apiPath);
      return kubeGet(kubeConfig, apiPath);
    };
    const base = await serveRouter({
      identity: portal,
      status,
      logs: new GatewayLogsService({
        gatewayNameLabels: ['gateway'],
        status: watched ?? status,
        kubeGet: countingGet,
      }),
      servers,
    });
    if (source === 'watch' && !watched) {
      // What the status view does first: this starts the namespace's watch.
      const gateways = await request(base).get(
        `/clusters/local/namespaces/${namespace}/gateways`,
      );
      expect(gateways.status).toBe(200);
      expect(
        status.watchedChartObjects({ cluster: 'local', namespace }),
      ).toBeDefined();
    }
    return { base, podReads };
  }

  const logsOf = (pod: string, query = '', ns = namespace) =>
    `/clusters/local/namespaces/${ns}/pods/${pod}/logs${query}`;
  const kubeletAsked = (pod: string) => kubelet?.requestsFor(pod) ?? [];
  const notFound = (pod: string, container: string) => ({
    name: 'NotFoundError',
    message: `No gateway pod "${pod}" with container "${container}" in namespace ${namespace} of cluster "local"`,
  });

  describe.each(['watch', 'list'] as const)('source: %s', source => {
    it.each([
      ['an unrelated pod (no chart labels)', PODS.dbadmin.name, 'dbadmin', ''],
      [
        'an unrelated pod, followed',
        PODS.dbadmin.name,
        'dbadmin',
        '&follow=true',
      ],
      [
        'another chart’s Redis (a release without a gateway)',
        PODS.otherRedis.name,
        'redis',
        '',
      ],
      [
        'a gateway pod of another namespace',
        OTHER_NAMESPACE_POD.name,
        'gateway',
        '',
      ],
      [
        'a container the gateway pod does not have',
        PODS.gateway.name,
        'sidecar',
        '&follow=true',
      ],
      ['a pod that does not exist', 'portkey-ai-gateway-gone', 'gateway', ''],
    ])(
      'refuses %s with the same 404, and the kubelet is never asked',
      async (_what, pod, container, more) => {
        const { base } = await backend(source);
        const before = kubeletAsked(pod).length;
        const response = await request(base).get(
          logsOf(pod, `?container=${container}${more}`),
        );
        expect(response.status).toBe(404);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(response.body.error).toEqual(notFound(pod, container));
        expect(response.text).not.toContain('secret-of-');
        expect(kubeletAsked(pod).length).toBe(before);
      },
    );

    itLocalOnly('it reads the stub kubelet’s canned files')(
      'serves the gateway, data-service (init containers too) and Redis pods of the release',
      async () => {
        const { base } = await backend(source);
        for (const [pod, container] of [
          [PODS.gateway.name, 'gateway'],
          [PODS.dataService.name, 'dataservice'],
          [PODS.dataService.name, 'wait-for-gateway'],
          [PODS.redis.name, 'redis'],
        ]) {
          const response = await request(base).get(
            logsOf(pod, `?container=${container}`),
          );
          expect(response.status).toBe(200);
          expect(response.text).toBe(
            `${logLine(namespace, pod, container).replace(
              /password=\S+/,
              'password=[REDACTED]',
            )}\n`,
          );
          expect(kubeletAsked(pod).at(-1)?.path).toBe(
            `/containerLogs/${namespace}/${pod}/${container}`,
          );
        }
      },
    );
  });

  it('never starts a watch to check a pod: a namespace nobody watches is read with one GET', async () => {
    const status = statuses.service({ source: 'watch' });
    const target = { cluster: 'local', namespace };
    expect(status.watchedChartObjects(target)).toBeUndefined();
    expect(status.watchedNamespaces).toBe(0);
    const { base, podReads } = await backend('list', status);
    const refused = await request(base).get(logsOf(PODS.dbadmin.name));
    expect(refused.status).toBe(404);
    expect(podReads).toEqual([
      `/api/v1/namespaces/${namespace}/pods/${PODS.dbadmin.name}`,
    ]);
    expect(status.watchedNamespaces).toBe(0);
  });

  itLocalOnly('it reads the stub kubelet’s canned files')(
    'takes a watched namespace’s pods from the watch: no pod GET for a gateway pod, one for an unrelated pod',
    async () => {
      const { base, podReads } = await backend('watch');
      const served = await request(base).get(logsOf(PODS.gateway.name));
      expect(served.status).toBe(200);
      expect(podReads).toEqual([]);
      const refused = await request(base).get(
        logsOf(PODS.dbadmin.name, '?container=dbadmin'),
      );
      expect(refused.status).toBe(404);
      expect(podReads).toEqual([
        `/api/v1/namespaces/${namespace}/pods/${PODS.dbadmin.name}`,
      ]);
    },
  );

  itLocalOnly('it reads the stub kubelet’s canned files')(
    'serves a gateway pod the watch has not seen yet (created a moment ago), after one GET',
    async () => {
      // A healthy watch that does not hold the pod yet, and holds the release's Deployment.
      const deployments = (await apps.listNamespacedDeployment({ namespace }))
        .items;
      const { base, podReads } = await backend('list', {
        watchedChartObjects: () => ({ pods: [], deployments }),
      });
      const response = await request(base).get(
        logsOf(PODS.redis.name, '?container=redis'),
      );
      expect(response.status).toBe(200);
      expect(response.text).toContain(`log of redis in ${namespace}/`);
      expect(podReads).toEqual([
        `/api/v1/namespaces/${namespace}/pods/${PODS.redis.name}`,
      ]);
    },
  );
});
