import { KubeConfig, V1Pod, Watch } from '@kubernetes/client-node';
import {
  clientsFor,
  createTestNamespace,
  deleteTestNamespace,
  grantRole,
  testCluster,
  testPodPlacement,
  unprivilegedIdentity,
} from '../__testUtils__/testCluster';
import { statusServices } from './__testUtils__/statusServices';
import {
  GatewayStatusService,
  GatewayStatusServiceOptions,
} from './GatewayStatusService';
import { KubeGet, kubeGet } from '../kubernetes/kubeGet';
import { WatchLike } from './NamespaceWatch';

const cluster = testCluster();

/** Every request the service sends to the API server: lists, and watch requests. */
function countingRequests() {
  const lists: string[] = [];
  const watches: string[] = [];
  const open = new Set<AbortController>();
  const get: KubeGet = (kubeConfig, path) => {
    lists.push(path);
    return kubeGet(kubeConfig, path);
  };
  const makeWatch = (kubeConfig: KubeConfig): WatchLike => {
    const real = new Watch(kubeConfig);
    return {
      watch: async (path, query, callback, done) => {
        watches.push(`${path}?${new URLSearchParams(query as any)}`);
        // done may come before watch() returns (a refused watch): an ended watch is not open.
        let ended = false;
        let controller: AbortController | undefined = undefined;
        controller = await real.watch(path, query, callback, error => {
          ended = true;
          if (controller) open.delete(controller);
          done(error);
        });
        if (ended) return controller;
        open.add(controller);
        return controller;
      },
    };
  };
  return { lists, watches, open, get, makeWatch };
}

/** Polls until `check` passes (the watch delivers changes a moment after they are made). */
async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => void,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    try {
      check(value);
      return value;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  }
}

/** Waits until the service watches no namespace and every watch connection is closed. */
async function nothingWatchedSoon(
  status: GatewayStatusService,
  requests: ReturnType<typeof countingRequests>,
) {
  await eventually(
    async () => ({
      watched: status.watchedNamespaces,
      open: requests.open.size,
    }),
    now => expect(now).toEqual({ watched: 0, open: 0 }),
  );
}

const labels = (release: string) => ({
  'app.kubernetes.io/name': 'gateway',
  'app.kubernetes.io/instance': release,
  'helm.sh/chart': 'gateway-1.7.7',
  'app.kubernetes.io/version': '2.13.0',
});

describe('GatewayStatusService watching a namespace', () => {
  const admin = clientsFor(cluster.admin);
  const { service, closeAll } = statusServices();
  /** A service whose API requests are counted, and the target it reads, as admin by default. */
  const countedService = (
    namespace: string,
    options: GatewayStatusServiceOptions = {},
    kubeConfig: KubeConfig = cluster.admin,
  ) => {
    const requests = countingRequests();
    const status = service({
      kubeGet: requests.get,
      makeWatch: requests.makeWatch,
      ...options,
    });
    const target = {
      cluster: 'local',
      namespace,
      clients: clientsFor(kubeConfig),
    };
    return { requests, status, target };
  };
  const namespaces: string[] = [];
  afterAll(async () => {
    closeAll();
    await Promise.all(namespaces.map(deleteTestNamespace));
  });

  async function gatewayPod(
    namespace: string,
    name: string,
    release: string,
    ready: boolean,
    restartCount = 0,
  ) {
    const body: V1Pod = {
      metadata: { name, labels: labels(release) },
      spec: {
        ...testPodPlacement(),
        containers: [{ name: 'gateway', image: 'portkeyai/gateway:2.13.0' }],
      },
    };
    const made = await admin.core.createNamespacedPod({ namespace, body });
    await setPodHealth(namespace, made, ready, restartCount);
  }

  async function setPodHealth(
    namespace: string,
    pod: V1Pod,
    ready: boolean,
    restartCount: number,
  ) {
    const current = await admin.core.readNamespacedPod({
      name: pod.metadata!.name!,
      namespace,
    });
    await admin.core.replaceNamespacedPodStatus({
      name: pod.metadata!.name!,
      namespace,
      body: {
        ...current,
        status: {
          phase: 'Running',
          conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
          containerStatuses: [
            {
              name: 'gateway',
              image: 'portkeyai/gateway:2.13.0',
              imageID: '',
              ready,
              restartCount,
              state: ready
                ? { running: { startedAt: new Date() } }
                : {
                    waiting: {
                      reason: 'CrashLoopBackOff',
                      message: 'back-off restarting failed container',
                    },
                  },
            },
          ],
        },
      },
    });
  }

  async function gatewayNamespace(prefix: string, release = 'portkey-ai') {
    const namespace = await createTestNamespace(prefix);
    namespaces.push(namespace);
    await gatewayPod(namespace, `${release}-gateway-0`, release, true);
    return namespace;
  }

  it('serves ten viewers from one list and one watch per kind, and follows changes without listing again', async () => {
    const namespace = await gatewayNamespace('watch-viewers');
    const { requests, status, target } = countedService(namespace);

    // Ten viewers, each refreshing five times at its own moment.
    for (let round = 0; round < 5; round++) {
      await Promise.all(
        Array.from({ length: 10 }, async (_, viewer) => {
          await new Promise(resolve => setTimeout(resolve, viewer * 7));
          const answer = await status.listGateways(target);
          expect(answer.items.map(g => g.release)).toEqual(['portkey-ai']);
        }),
      );
    }
    expect(requests.lists).toHaveLength(3);
    expect(requests.watches).toHaveLength(3);
    const selector = new URLSearchParams({
      labelSelector:
        'app.kubernetes.io/name in (gateway,redis),app.kubernetes.io/instance',
    });
    expect([...requests.watches].sort()).toEqual([
      expect.stringMatching(
        new RegExp(
          `^/api/v1/namespaces/${namespace}/events\\?.*fieldSelector=type%3DWarning`,
        ),
      ),
      expect.stringContaining(`/api/v1/namespaces/${namespace}/pods?`),
      expect.stringContaining(
        `/apis/apps/v1/namespaces/${namespace}/deployments?`,
      ),
    ]);
    for (const w of requests.watches.filter(p => !p.includes('events'))) {
      expect(w).toContain(selector.toString());
      expect(w).toContain('allowWatchBookmarks=true');
    }

    // The pod starts crash-looping: the next answers show it, from the watch.
    const pod = await admin.core.readNamespacedPod({
      name: 'portkey-ai-gateway-0',
      namespace,
    });
    await setPodHealth(namespace, pod, false, 4);
    const crashing = await eventually(
      () => status.listGateways(target),
      answer =>
        expect(answer.items[0].pods[0]).toMatchObject({
          ready: false,
          restarts: 4,
        }),
    );
    expect(crashing.items[0].pods[0].containers[0]).toMatchObject({
      state: 'waiting',
      reason: 'CrashLoopBackOff',
    });

    // A second release appears, a Warning event arrives, and the first release's pod goes.
    await gatewayPod(namespace, 'second-gateway-0', 'second', true);
    await admin.core.createNamespacedEvent({
      namespace,
      body: {
        metadata: { name: 'second-pull' },
        involvedObject: { kind: 'Pod', name: 'second-gateway-0', namespace },
        reason: 'Failed',
        message:
          'Failed to pull image "portkeyai/gateway:2.13.0": unauthorized',
        type: 'Warning',
        count: 1,
        lastTimestamp: new Date(),
      },
    });
    await admin.core.deleteNamespacedPod({
      name: 'portkey-ai-gateway-0',
      namespace,
      gracePeriodSeconds: 0,
    });
    await eventually(
      () => status.listGateways(target),
      answer => {
        expect(answer.items.map(g => g.release)).toEqual(['second']);
        expect(answer.items[0].warnings.map(w => w.reason)).toEqual(['Failed']);
      },
    );
    expect(requests.lists).toHaveLength(3);
    expect(requests.watches).toHaveLength(3);
  });

  it('answers for one release from the namespace watch, and 404 for an unknown one', async () => {
    const namespace = await gatewayNamespace('watch-release');
    await gatewayPod(namespace, 'other-gateway-0', 'other', true);
    const { requests, status, target } = countedService(namespace);
    const whole = await eventually(
      () => status.listGateways(target),
      answer => expect(answer.items).toHaveLength(2),
    );
    const one = await status.listGateways({ ...target, release: 'other' });
    expect(one.items).toEqual([whole.items[0]]);
    await expect(
      status.listGateways({ ...target, release: 'nope' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: `No gateway of release "nope" in namespace ${namespace} of cluster "local"`,
    });
    // The three lists, and for the 404 one check that the namespace exists.
    expect(requests.lists.slice(3)).toEqual([
      `/api/v1/namespaces/${namespace}`,
    ]);
  });

  it('finds releases installed with nameOverride, and their data service, once that name is configured', async () => {
    const namespace = await gatewayNamespace('watch-nameoverride');
    const custom = (component?: string) => ({
      ...labels('custom'),
      'app.kubernetes.io/name': 'llm',
      ...(component ? { 'app.kubernetes.io/component': component } : {}),
    });
    for (const [name, podLabels] of [
      ['custom-llm-0', custom()],
      ['custom-llm-dataservice-0', custom('custom-llm-dataservice')],
    ] as const) {
      await admin.core.createNamespacedPod({
        namespace,
        body: {
          metadata: { name, labels: podLabels },
          spec: {
            ...testPodPlacement(),
            containers: [
              { name: 'gateway', image: 'portkeyai/gateway:2.13.0' },
            ],
          },
        },
      });
    }
    const target = { cluster: 'local', namespace, clients: admin };
    const unconfigured = await service({}).listGateways(target);
    expect(unconfigured.items.map(g => g.release)).toEqual(['portkey-ai']);

    for (const source of ['watch', 'list'] as const) {
      const configured = service({
        source,
        gatewayNameLabels: ['gateway', 'llm'],
      });
      const answer = await eventually(
        () => configured.listGateways(target),
        a =>
          expect(a.items.map(g => g.release)).toEqual(['custom', 'portkey-ai']),
      );
      expect(answer.items[0].pods.map(p => p.name)).toEqual(['custom-llm-0']);
      expect(answer.items[0].dataService?.pods.map(p => p.name)).toEqual([
        'custom-llm-dataservice-0',
      ]);
    }
  });

  it('stops watching a namespace nobody asks about, and watches it again on the next request', async () => {
    const namespace = await gatewayNamespace('watch-idle');
    const { requests, status, target } = countedService(namespace, {
      watchIdleMs: 1000,
    });
    await status.listGateways(target);
    expect(status.watchedNamespaces).toBe(1);
    expect(requests.open.size).toBe(3);

    await nothingWatchedSoon(status, requests);

    const again = await status.listGateways(target);
    expect(again.items).toHaveLength(1);
    expect(requests.lists).toHaveLength(6);
    expect(requests.open.size).toBe(3);
  });

  it('resumes a watch the API server ended from where it was, without listing again', async () => {
    const namespace = await gatewayNamespace('watch-resume');
    const { requests, status, target } = countedService(namespace, {
      watchTimeoutSeconds: 1,
    });
    await status.listGateways(target);
    // The server ends each watch after about a second; each is asked for again.
    await eventually(
      async () => requests.watches.length,
      count => expect(count).toBeGreaterThanOrEqual(6),
    );
    await gatewayPod(namespace, 'later-gateway-0', 'later', true);
    await eventually(
      () => status.listGateways(target),
      answer =>
        expect(answer.items.map(g => g.release)).toEqual([
          'later',
          'portkey-ai',
        ]),
    );
    expect(requests.lists).toHaveLength(3);
    // Each resumed watch starts at the last version seen, not from scratch.
    for (const resumed of requests.watches.slice(3)) {
      expect(resumed).toMatch(/resourceVersion=[1-9]\d*/);
    }
  });

  it('starts afresh after a watch connection breaks', async () => {
    const namespace = await gatewayNamespace('watch-broken');
    const { requests, status, target } = countedService(namespace);
    await status.listGateways(target);
    expect(requests.open.size).toBe(3);

    // The connection of one watch breaks (as when a load balancer drops it).
    [...requests.open][0].abort();
    await nothingWatchedSoon(status, requests);

    const again = await status.listGateways(target);
    expect(again.items.map(g => g.release)).toEqual(['portkey-ai']);
    expect(requests.lists).toHaveLength(6);
    expect(requests.open.size).toBe(3);
  });

  it('leaves nothing running after a refused list, and asks again on the next request', async () => {
    const namespace = await gatewayNamespace('watch-refused');
    const unprivileged = await unprivilegedIdentity(namespace);
    const { requests, status, target } = countedService(
      namespace,
      {},
      unprivileged.kubeConfig,
    );
    for (let attempt = 1; attempt <= 2; attempt++) {
      const error = await status.listGateways(target).catch(e => e);
      expect(error).toMatchObject({ name: 'NotAllowedError' });
      expect(error.message).toMatch(
        /may not list (pods|deployments|events) in namespace .* \(Kubernetes answered 403\)$/,
      );
      // Errors are not kept: each request asks Kubernetes again. Whether the namespace
      // exists (asked after a refusal) is kept for 30 s.
      const namespaceGet = `/api/v1/namespaces/${namespace}`;
      expect(requests.lists.filter(p => p !== namespaceGet)).toHaveLength(
        3 * attempt,
      );
      expect(requests.lists.filter(p => p === namespaceGet)).toHaveLength(1);
      await new Promise(resolve => setTimeout(resolve, 100));
      expect(requests.watches).toEqual([]);
      expect(status.watchedNamespaces).toBe(0);
    }
  });

  it('answers from lists, and says why once, when the credentials may list but not watch', async () => {
    const namespace = await gatewayNamespace('watch-forbidden');
    // An identity without RBAC grants gets get and list, but not watch, in this namespace only.
    const listOnly = await unprivilegedIdentity(namespace);
    await grantRole(
      namespace,
      'list-only',
      [
        {
          apiGroups: [''],
          resources: ['pods', 'events'],
          verbs: ['get', 'list'],
        },
        {
          apiGroups: ['apps'],
          resources: ['deployments'],
          verbs: ['get', 'list'],
        },
      ],
      listOnly.subject,
    );
    const warnings: string[] = [];
    const logger = { warn: (m: string) => warnings.push(m) } as any;
    const { requests, status, target } = countedService(
      namespace,
      { logger },
      listOnly.kubeConfig,
    );
    // RBAC bindings take effect a moment after they are made.
    const answer = await eventually(
      () => status.listGateways(target).catch(e => e),
      a => expect(a.items?.map((g: any) => g.release)).toEqual(['portkey-ai']),
    );
    expect(answer.items[0].pods).toHaveLength(1);
    expect(warnings).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Portkey gateways: the credentials for cluster "local" may list but not watch (pods|deployments|events) in namespace ${namespace}; answering from lists`,
        ),
      ),
    ]);
    const watchesTried = requests.watches.length;
    expect(watchesTried).toBeGreaterThan(0);
    await status.listGateways(target);
    expect(requests.watches).toHaveLength(watchesTried);
    expect(status.watchedNamespaces).toBe(0);
  });
});
