import {
  KubeConfig,
  V1ContainerStatus,
  V1Deployment,
  V1DeploymentStatus,
  V1Pod,
} from '@kubernetes/client-node';
import {
  clientsFor,
  createTestNamespace,
  deleteTestNamespace,
  testCluster,
  unprivilegedIdentity,
} from '../__testUtils__/testCluster';
import type { GatewayStatus } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { statusServices } from './__testUtils__/statusServices';
import { KubeGet, kubeGet } from '../kubernetes/kubeGet';

const cluster = testCluster();
// A real cluster's deployment controller rewrites the Deployment statuses these checks set,
// so they run against the local apiserver only; the checks below and in
// GatewayStatusService.watch.test.ts run against a real cluster too.
const describeLocal = cluster.real ? describe.skip : describe;

/** Both ways of reading give the same answers: the watch (default) and a list per request. */
const sources = [
  { source: 'watch', coalesceMs: 0 },
  { source: 'list', coalesceMs: 0 },
] as const;

const CHART_LABELS = {
  'helm.sh/chart': 'gateway-1.7.7',
  'app.kubernetes.io/version': '2.13.0',
  'app.kubernetes.io/managed-by': 'Helm',
};
const IMAGE = 'portkeyai/gateway_enterprise:2.13.0';
const PULL_SECRET = 'portkeyenterpriseregistrycredentials';
/** The Available condition the deployment controller writes while pods are not available. */
const MINIMUM_REPLICAS_UNAVAILABLE = {
  type: 'Available',
  status: 'False',
  reason: 'MinimumReplicasUnavailable',
  message: 'Deployment does not have minimum availability.',
};

/** Reads the API server as the service does, recording each request's path. */
function countingKubeGet() {
  const paths: string[] = [];
  const get: KubeGet = (kubeConfig, path) => {
    paths.push(path);
    return kubeGet(kubeConfig, path);
  };
  return { paths, get };
}

describeLocal('GatewayStatusService against the real kube-apiserver', () => {
  const admin = clientsFor(cluster.admin);
  // Watching services hold connections open: every one made here is closed at the end.
  const { service, closeAll } = statusServices();
  afterAll(closeAll);
  let namespace: string;
  const created: Record<string, Date> = {};

  async function deployment(options: {
    name: string;
    labels: Record<string, string>;
    selector: Record<string, string>;
    container: string;
    image: string;
    replicas: number;
    status: V1DeploymentStatus;
    namespace?: string;
  }) {
    const ns = options.namespace ?? namespace;
    const body: V1Deployment = {
      metadata: { name: options.name, labels: options.labels },
      spec: {
        replicas: options.replicas,
        selector: { matchLabels: options.selector },
        template: {
          metadata: { labels: options.labels },
          spec: {
            imagePullSecrets: [{ name: PULL_SECRET }],
            containers: [
              {
                name: options.container,
                image: options.image,
                ports: [{ name: options.container, containerPort: 8787 }],
              },
            ],
          },
        },
      },
    };
    const made = await admin.apps.createNamespacedDeployment({
      namespace: ns,
      body,
    });
    await admin.apps.replaceNamespacedDeploymentStatus({
      name: options.name,
      namespace: ns,
      body: {
        ...made,
        status: {
          observedGeneration: made.metadata?.generation,
          ...options.status,
        },
      },
    });
  }

  async function pod(options: {
    name: string;
    labels: Record<string, string>;
    container: string;
    image: string;
    phase: string;
    ready: boolean;
    containerStatus?: Partial<V1ContainerStatus>;
    unschedulable?: string;
    namespace?: string;
    /** The ReplicaSet that made the pod, as its controller owner. */
    replicaSet?: string;
  }) {
    const ns = options.namespace ?? namespace;
    const body: V1Pod = {
      metadata: {
        name: options.name,
        labels: options.labels,
        // No garbage collector runs against the local apiserver: the owner need not exist.
        ownerReferences: options.replicaSet
          ? [
              {
                apiVersion: 'apps/v1',
                kind: 'ReplicaSet',
                name: options.replicaSet,
                uid: `uid-${options.replicaSet}`,
                controller: true,
              },
            ]
          : undefined,
      },
      spec: {
        nodeName: options.unschedulable ? undefined : 'node-a',
        imagePullSecrets: [{ name: PULL_SECRET }],
        containers: [
          {
            name: options.container,
            image: options.image,
            ports: [{ name: 'gateway', containerPort: 8787 }],
          },
        ],
      },
    };
    const made = await admin.core.createNamespacedPod({
      namespace: ns,
      body,
    });
    created[options.name] = made.metadata!.creationTimestamp!;
    await admin.core.replaceNamespacedPodStatus({
      name: options.name,
      namespace: ns,
      body: {
        ...made,
        status: {
          phase: options.phase,
          conditions: [
            {
              type: 'Ready',
              status: options.ready ? 'True' : 'False',
            },
            ...(options.unschedulable
              ? [
                  {
                    type: 'PodScheduled',
                    status: 'False',
                    reason: 'Unschedulable',
                    message: options.unschedulable,
                  },
                ]
              : []),
          ],
          containerStatuses: options.unschedulable
            ? undefined
            : [
                {
                  name: options.container,
                  image: options.image,
                  imageID: '',
                  ready: options.ready,
                  restartCount: 0,
                  state: { running: { startedAt: new Date() } },
                  ...options.containerStatus,
                },
              ],
        },
      },
    });
  }

  async function warning(
    name: string,
    kind: string,
    object: string,
    reason: string,
    message: string,
    type = 'Warning',
  ) {
    await admin.core.createNamespacedEvent({
      namespace,
      body: {
        metadata: { name },
        involvedObject: { kind, name: object, namespace },
        reason,
        message,
        type,
        count: 3,
        firstTimestamp: new Date(Date.now() - 60_000),
        lastTimestamp: new Date(),
        source: { component: 'kubelet' },
      },
    });
  }

  const gatewayLabels = (release: string) => ({
    ...CHART_LABELS,
    'app.kubernetes.io/name': 'gateway',
    'app.kubernetes.io/instance': release,
  });

  beforeAll(async () => {
    namespace = await createTestNamespace('status');
    const release = 'portkey-ai';
    const labels = gatewayLabels(release);
    const selector = {
      'app.kubernetes.io/name': 'gateway',
      'app.kubernetes.io/instance': release,
    };
    const dataLabels = {
      ...labels,
      'app.kubernetes.io/component': 'portkey-ai-gateway-dataservice',
    };
    const redisLabels = {
      'app.kubernetes.io/name': 'redis',
      'app.kubernetes.io/instance': release,
    };
    await Promise.all([
      deployment({
        name: 'portkey-ai-gateway',
        labels,
        selector,
        container: 'gateway',
        image: IMAGE,
        replicas: 3,
        status: {
          replicas: 3,
          updatedReplicas: 3,
          readyReplicas: 1,
          availableReplicas: 1,
          unavailableReplicas: 2,
          conditions: [
            MINIMUM_REPLICAS_UNAVAILABLE,
            {
              type: 'Progressing',
              status: 'False',
              reason: 'ProgressDeadlineExceeded',
              message:
                'ReplicaSet "portkey-ai-gateway-7d9f" has timed out progressing.',
            },
          ],
        },
      }),
      deployment({
        name: 'portkey-ai-gateway-dataservice',
        labels: dataLabels,
        selector: {
          ...selector,
          'app.kubernetes.io/component': 'portkey-ai-gateway-dataservice',
        },
        container: 'dataservice',
        image: 'portkeyai/data-service:1.0.0',
        replicas: 1,
        status: {
          replicas: 1,
          updatedReplicas: 1,
          readyReplicas: 1,
          availableReplicas: 1,
          conditions: [
            {
              type: 'Available',
              status: 'True',
              reason: 'MinimumReplicasAvailable',
            },
            {
              type: 'Progressing',
              status: 'True',
              reason: 'NewReplicaSetAvailable',
            },
          ],
        },
      }),
      deployment({
        name: 'redis',
        labels: redisLabels,
        selector: redisLabels,
        container: 'redis',
        image: 'redis:7.2',
        replicas: 1,
        status: {
          replicas: 1,
          updatedReplicas: 1,
          readyReplicas: 0,
          availableReplicas: 0,
          conditions: [
            {
              type: 'Progressing',
              status: 'True',
              reason: 'ReplicaSetUpdated',
            },
          ],
        },
      }),
      deployment({
        name: 'other-gateway',
        labels: gatewayLabels('other'),
        selector: {
          'app.kubernetes.io/name': 'gateway',
          'app.kubernetes.io/instance': 'other',
        },
        container: 'gateway',
        image: 'portkeyai/gateway_enterprise:2.12.0',
        replicas: 1,
        status: {
          replicas: 1,
          updatedReplicas: 1,
          readyReplicas: 1,
          availableReplicas: 1,
          conditions: [
            {
              type: 'Available',
              status: 'True',
              reason: 'MinimumReplicasAvailable',
            },
            {
              type: 'Progressing',
              status: 'True',
              reason: 'NewReplicaSetAvailable',
            },
          ],
        },
      }),
      pod({
        name: 'portkey-ai-gateway-7d9f-healthy',
        labels,
        container: 'gateway',
        image: IMAGE,
        phase: 'Running',
        ready: true,
      }),
      pod({
        name: 'portkey-ai-gateway-7d9f-pull',
        labels,
        container: 'gateway',
        image: IMAGE,
        phase: 'Pending',
        ready: false,
        containerStatus: {
          state: {
            waiting: {
              reason: 'ImagePullBackOff',
              message: `Back-off pulling image "${IMAGE}"`,
            },
          },
        },
      }),
      pod({
        name: 'portkey-ai-gateway-7d9f-oom',
        labels,
        container: 'gateway',
        image: IMAGE,
        phase: 'Running',
        ready: false,
        containerStatus: {
          restartCount: 7,
          state: {
            waiting: {
              reason: 'CrashLoopBackOff',
              message: 'back-off 5m0s restarting failed container=gateway',
            },
          },
          lastState: {
            terminated: { reason: 'OOMKilled', exitCode: 137 },
          },
        },
      }),
      pod({
        name: 'portkey-ai-gateway-dataservice-5c4b-x',
        labels: dataLabels,
        container: 'dataservice',
        image: 'portkeyai/data-service:1.0.0',
        phase: 'Running',
        ready: true,
      }),
      pod({
        name: 'redis-6f7c-x',
        labels: redisLabels,
        container: 'redis',
        image: 'redis:7.2',
        phase: 'Pending',
        ready: false,
        unschedulable: '0/3 nodes are available: 3 Insufficient memory.',
      }),
      pod({
        name: 'other-gateway-5f6d-config',
        labels: gatewayLabels('other'),
        container: 'gateway',
        image: 'portkeyai/gateway_enterprise:2.12.0',
        phase: 'Pending',
        ready: false,
        containerStatus: {
          state: {
            waiting: {
              reason: 'CreateContainerConfigError',
              message: `couldn't find key PORTKEY_CLIENT_AUTH in Secret ${'ns'}/other-gateway`,
            },
          },
        },
      }),
      pod({
        name: 'unrelated',
        labels: { app: 'something-else' },
        container: 'main',
        image: 'busybox',
        phase: 'Running',
        ready: true,
      }),
    ]);
    await Promise.all([
      warning(
        'w1',
        'Pod',
        'portkey-ai-gateway-7d9f-healthy',
        'Unhealthy',
        'Readiness probe failed: Get "http://10.0.0.5:8787/v1/health": connection refused',
      ),
      warning(
        'w2',
        'Pod',
        'portkey-ai-gateway-7d9f-pull',
        'Failed',
        `Failed to pull image "${IMAGE}": unauthorized: authentication required`,
      ),
      warning(
        'w3',
        'Deployment',
        'portkey-ai-gateway',
        'ProgressDeadlineExceeded',
        'Deployment has timed out progressing.',
      ),
      warning(
        'w4',
        'Pod',
        'redis-6f7c-x',
        'FailedScheduling',
        '0/3 nodes are available: 3 Insufficient memory.',
      ),
      warning('w5', 'Pod', 'unrelated', 'BackOff', 'not ours'),
      warning(
        'w6',
        'ReplicaSet',
        'portkey-ai-gateway-7d9f',
        'FailedCreate',
        'Error creating: pods "portkey-ai-gateway-7d9f-z" is forbidden: exceeded quota',
      ),
      // The data service's ReplicaSet shares the gateway's name as a prefix: not the gateway's.
      warning(
        'w7',
        'ReplicaSet',
        'portkey-ai-gateway-dataservice-5c4b',
        'FailedCreate',
        'Error creating: serviceaccount "ds" not found',
      ),
      warning(
        'n1',
        'Pod',
        'portkey-ai-gateway-7d9f-healthy',
        'Pulled',
        'Successfully pulled image',
        'Normal',
      ),
    ]);
    // Reads use resourceVersion "0" (the watch cache), which may lag the writes by a moment.
    const settling = service({ source: 'list', coalesceMs: 0 });
    for (let i = 0; i < 50; i++) {
      const { items } = await settling.listGateways({
        cluster: 'local',
        namespace,
        clients: admin,
      });
      const settled =
        items.length === 2 &&
        items[1].warnings.length === 4 &&
        items[1].dataService?.warnings.length === 1 &&
        items[1].redis?.warnings.length === 1 &&
        items[0].pods[0]?.containers.length === 1 &&
        items[1].pods.every(p => p.containers.length === 1);
      if (settled) break;
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  });
  afterAll(() => deleteTestNamespace(namespace));

  it.each(sources)(
    'reports each gateway with its Deployment, pods, data service, Redis and warnings (source: $source)',
    async options => {
      const answer = await service(options).listGateways({
        cluster: 'local',
        namespace,
        clients: admin,
      });
      expect(answer.cluster).toBe('local');
      expect(answer.namespace).toBe(namespace);
      expect(answer.items.map(g => g.release)).toEqual(['other', 'portkey-ai']);
      const gateway = answer.items[1];
      expect(gateway).toMatchObject({
        release: 'portkey-ai',
        deployment: 'portkey-ai-gateway',
        chart: 'gateway-1.7.7',
        appVersion: '2.13.0',
        image: IMAGE,
        replicas: { desired: 3, ready: 1, available: 1, updated: 3 },
        rollout: 'degraded',
        rolloutMessage:
          'ReplicaSet "portkey-ai-gateway-7d9f" has timed out progressing.',
      });
      // The data service's pods carry the gateway's name label but are not gateway pods.
      expect(gateway.pods.map(p => p.name)).toEqual([
        'portkey-ai-gateway-7d9f-healthy',
        'portkey-ai-gateway-7d9f-oom',
        'portkey-ai-gateway-7d9f-pull',
      ]);
      const [healthy, oom, pull] = gateway.pods;
      expect(healthy).toEqual({
        name: 'portkey-ai-gateway-7d9f-healthy',
        phase: 'Running',
        ready: true,
        restarts: 0,
        createdAt: created['portkey-ai-gateway-7d9f-healthy'].toISOString(),
        node: 'node-a',
        containers: [
          {
            name: 'gateway',
            image: IMAGE,
            ready: true,
            restarts: 0,
            state: 'running',
            hints: [],
          },
        ],
        hints: [],
      });
      expect(pull).toMatchObject({
        phase: 'Pending',
        ready: false,
        containers: [
          {
            state: 'waiting',
            reason: 'ImagePullBackOff',
            message: `Back-off pulling image "${IMAGE}"`,
          },
        ],
      });
      // Container causes are shown on the container, not repeated on the pod.
      expect(pull.hints).toEqual([]);
      const pullHints = pull.containers[0].hints;
      expect(pullHints).toHaveLength(1);
      expect(pullHints[0].reason).toBe('ImagePullBackOff');
      expect(pullHints[0].message).toContain(`"${PULL_SECRET}"`);
      expect(oom).toMatchObject({
        phase: 'Running',
        ready: false,
        restarts: 7,
        containers: [
          {
            state: 'waiting',
            reason: 'CrashLoopBackOff',
            lastTerminationReason: 'OOMKilled',
            lastTerminationExitCode: 137,
            restarts: 7,
          },
        ],
      });
      expect(oom.hints).toEqual([]);
      const oomHints = oom.containers[0].hints;
      expect(oomHints.map(h => h.reason)).toEqual([
        'CrashLoopBackOff',
        'OOMKilled',
      ]);
      expect(oomHints[0].message).toMatch(/previous container's logs/);
      expect(oomHints[1].message).toMatch(/memory limit/);

      // Warning events of the Deployment and its pods only; no Normal events, nothing unrelated.
      expect(
        gateway.warnings.map(w => [w.object, w.reason, w.count]).sort(),
      ).toEqual([
        ['Deployment/portkey-ai-gateway', 'ProgressDeadlineExceeded', 3],
        ['Pod/portkey-ai-gateway-7d9f-healthy', 'Unhealthy', 3],
        ['Pod/portkey-ai-gateway-7d9f-pull', 'Failed', 3],
        ['ReplicaSet/portkey-ai-gateway-7d9f', 'FailedCreate', 3],
      ]);
      const byReason = Object.fromEntries(
        gateway.warnings.map(w => [w.reason, w]),
      );
      expect(byReason.Unhealthy.hint?.message).toMatch(
        /GET \/v1\/health on its gateway port \(8787\)/,
      );
      // The pull failure's hint is already on the pod's container: the event does not repeat it.
      expect(byReason.Failed.hint).toBeUndefined();
      expect(byReason.ProgressDeadlineExceeded.hint).toBeDefined();
      expect(typeof byReason.Failed.lastSeen).toBe('string');

      expect(gateway.dataService).toMatchObject({
        deployment: 'portkey-ai-gateway-dataservice',
        image: 'portkeyai/data-service:1.0.0',
        replicas: { desired: 1, ready: 1, available: 1, updated: 1 },
        rollout: 'complete',
        pods: [
          {
            name: 'portkey-ai-gateway-dataservice-5c4b-x',
            ready: true,
            phase: 'Running',
          },
        ],
        warnings: [
          {
            object: 'ReplicaSet/portkey-ai-gateway-dataservice-5c4b',
            reason: 'FailedCreate',
          },
        ],
      });
      expect(gateway.dataService!.warnings[0].hint?.message).toMatch(
        /ServiceAccount/,
      );
      expect(gateway.redis).toMatchObject({
        deployment: 'redis',
        image: 'redis:7.2',
        rollout: 'progressing',
        pods: [{ name: 'redis-6f7c-x', phase: 'Pending', ready: false }],
        warnings: [{ object: 'Pod/redis-6f7c-x', reason: 'FailedScheduling' }],
      });
      expect(gateway.redis!.pods[0].node).toBeUndefined();
      expect(gateway.redis!.pods[0].hints[0].reason).toBe('FailedScheduling');
      expect(gateway.redis!.pods[0].hints[0].message).toMatch(
        /No node can run/,
      );
      // The pod shows that hint already.
      expect(gateway.redis!.warnings[0].hint).toBeUndefined();

      // The second release: its own Deployment and pod, no data service or Redis.
      const other = answer.items[0];
      expect(other).toMatchObject({
        release: 'other',
        deployment: 'other-gateway',
        image: 'portkeyai/gateway_enterprise:2.12.0',
        rollout: 'complete',
        pods: [{ name: 'other-gateway-5f6d-config' }],
        warnings: [],
      });
      expect(other.dataService).toBeUndefined();
      expect(other.redis).toBeUndefined();
      expect(other.pods[0].containers[0].hints[0].message).toBe(
        'The Secret "other-gateway" lacks the key "PORTKEY_CLIENT_AUTH" the pod reads into its environment. Add the key to the gateway Secret (or remove it from the values), then restart the pods.',
      );
      // Never whole pod objects.
      expect(JSON.stringify(answer)).not.toMatch(
        /managedFields|"spec"|"metadata"/,
      );
    },
  );

  it.each(sources)(
    'filters by release and answers 404 for an unknown release (source: $source)',
    async options => {
      const status = service(options);
      const answer = await status.listGateways({
        cluster: 'local',
        namespace,
        clients: admin,
        release: 'other',
      });
      expect(answer.items.map(g => g.release)).toEqual(['other']);
      await expect(
        status.listGateways({
          cluster: 'local',
          namespace,
          clients: admin,
          release: 'nope',
        }),
      ).rejects.toMatchObject({
        name: 'NotFoundError',
        message: `No gateway of release "nope" in namespace ${namespace} of cluster "local"`,
      });
    },
  );

  describe('a fresh rollout', () => {
    let fresh: string;
    const labels = gatewayLabels('fresh');
    const replicaSet = 'fresh-gateway-5d8c9f7b6';
    const newPod = (name: string, extra: Partial<Parameters<typeof pod>[0]>) =>
      pod({
        name,
        labels,
        container: 'gateway',
        image: IMAGE,
        phase: 'Pending',
        ready: false,
        namespace: fresh,
        replicaSet,
        ...extra,
      });
    beforeAll(async () => {
      fresh = await createTestNamespace('status-fresh');
      // Seconds after `helm install`, as the deployment controller leaves it: no pod is
      // available yet, and the rollout is well inside its progress deadline.
      await deployment({
        name: 'fresh-gateway',
        labels,
        selector: {
          'app.kubernetes.io/name': 'gateway',
          'app.kubernetes.io/instance': 'fresh',
        },
        container: 'gateway',
        image: IMAGE,
        replicas: 3,
        namespace: fresh,
        status: {
          replicas: 3,
          updatedReplicas: 3,
          unavailableReplicas: 3,
          conditions: [
            MINIMUM_REPLICAS_UNAVAILABLE,
            {
              type: 'Progressing',
              status: 'True',
              reason: 'ReplicaSetUpdated',
              message: `ReplicaSet "${replicaSet}" is progressing.`,
            },
          ],
        },
      });
      await Promise.all([
        newPod(`${replicaSet}-a`, {
          containerStatus: {
            state: { waiting: { reason: 'ContainerCreating' } },
          },
        }),
        newPod(`${replicaSet}-b`, {
          unschedulable: '0/3 nodes are available: 3 Insufficient cpu.',
        }),
      ]);
    });
    afterAll(() => deleteTestNamespace(fresh));

    it('is progressing while its pods are created and scheduled, degraded once a new pod cannot pull its image', async () => {
      const status = service({ source: 'watch' });
      const target = {
        cluster: 'local',
        namespace: fresh,
        clients: admin,
        release: 'fresh',
      };
      // Reads may lag the writes by a moment (the watch cache, then the watch's delivery).
      const gatewayWhen = async (seen: (gateway: GatewayStatus) => boolean) => {
        let gateway = (await status.listGateways(target)).items[0];
        for (let i = 0; i < 50 && !seen(gateway); i++) {
          await new Promise(resolve => setTimeout(resolve, 100));
          gateway = (await status.listGateways(target)).items[0];
        }
        return gateway;
      };
      expect(await gatewayWhen(g => g.pods.length === 2)).toMatchObject({
        deployment: 'fresh-gateway',
        rollout: 'progressing',
        rolloutMessage: `ReplicaSet "${replicaSet}" is progressing.`,
        replicas: { desired: 3, ready: 0, available: 0, updated: 3 },
        pods: [
          { name: `${replicaSet}-a`, phase: 'Pending' },
          { name: `${replicaSet}-b`, phase: 'Pending' },
        ],
      });

      await newPod(`${replicaSet}-c`, {
        containerStatus: {
          state: {
            waiting: {
              reason: 'ErrImagePull',
              message: `pull access denied for ${IMAGE}`,
            },
          },
        },
      });
      const answer = await gatewayWhen(g =>
        g.pods.some(p => p.name === `${replicaSet}-c` && p.containers.length),
      );
      expect(answer).toMatchObject({
        rollout: 'degraded',
        rolloutMessage: `Pod ${replicaSet}-c of the new version is stuck: container "gateway" is ErrImagePull.`,
      });
    });
  });

  it('reading by lists, lets concurrent and near-simultaneous identical callers share one set of requests', async () => {
    let now = 1_000_000;
    const { paths, get } = countingKubeGet();
    const status = service({
      source: 'list',
      coalesceMs: 2000,
      now: () => now,
      kubeGet: get,
    });
    const calls = paths;
    const target = { cluster: 'local', namespace, clients: admin };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => status.listGateways(target)),
    );
    // Served from the watch cache, by label and field selectors.
    const selector = encodeURIComponent(
      'app.kubernetes.io/name in (gateway,redis),app.kubernetes.io/instance',
    );
    expect([...paths].sort()).toEqual([
      `/api/v1/namespaces/${namespace}/events?fieldSelector=type%3DWarning&resourceVersion=0`,
      `/api/v1/namespaces/${namespace}/pods?labelSelector=${selector}&resourceVersion=0`,
      `/apis/apps/v1/namespaces/${namespace}/deployments?labelSelector=${selector}&resourceVersion=0`,
    ]);
    expect(new Set(answers).size).toBe(1);
    expect(answers[0].items).toHaveLength(2);

    now += 1500; // within the window: the same answer
    await status.listGateways(target);
    expect(calls).toHaveLength(3);

    now += 600; // the window has passed: read again
    const fresh = await status.listGateways(target);
    expect(calls).toHaveLength(6);

    // A fresh answer for the namespace also answers for one release, or its 404.
    const one = await status.listGateways({
      ...target,
      release: 'portkey-ai',
    });
    expect(calls).toHaveLength(6);
    expect(one.items).toEqual([fresh.items[1]]);
    expect(one.observedAt).toBe(fresh.observedAt);
    await expect(
      status.listGateways({ ...target, release: 'nope' }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    // No new list; the 404 checks once that the namespace exists.
    expect(calls.slice(6)).toEqual([`/api/v1/namespaces/${namespace}`]);

    // Without a namespace answer, each release is its own key, read by its own selector.
    now += 5000;
    await status.listGateways({ ...target, release: 'other' });
    await status.listGateways({ ...target, release: 'other' });
    expect(calls).toHaveLength(10);
    expect(calls.slice(7).filter(p => p.includes('labelSelector'))).toEqual([
      expect.stringContaining(
        encodeURIComponent('app.kubernetes.io/instance=other'),
      ),
      expect.stringContaining(
        encodeURIComponent('app.kubernetes.io/instance=other'),
      ),
    ]);
    await status.listGateways({ ...target, release: 'portkey-ai' });
    expect(calls).toHaveLength(13);
  });
});

// Against any cluster: these need no Deployment status set by hand.
describe('GatewayStatusService on any cluster', () => {
  const admin = clientsFor(cluster.admin);
  const { service, closeAll } = statusServices();
  const namespaces: string[] = [];
  afterAll(async () => {
    closeAll();
    await Promise.all(namespaces.map(deleteTestNamespace));
  });

  it.each(sources)(
    'answers an empty list for a namespace without gateways (source: $source)',
    async options => {
      const empty = await createTestNamespace('status-empty');
      namespaces.push(empty);
      const answer = await service(options).listGateways({
        cluster: 'local',
        namespace: empty,
        clients: admin,
      });
      expect(answer.items).toEqual([]);
    },
  );

  it.each(sources)(
    'reports a 403 for credentials without RBAC grants and a 503 for an unreachable cluster (source: $source)',
    async options => {
      const namespace = await createTestNamespace('status-refused');
      namespaces.push(namespace);
      const unprivileged = (await unprivilegedIdentity(namespace)).kubeConfig;
      const status = service(options);
      const error = await status
        .listGateways({
          cluster: 'local',
          namespace,
          clients: clientsFor(unprivileged),
        })
        .catch(e => e);
      expect(error.name).toBe('NotAllowedError');
      expect(error.message).toMatch(
        new RegExp(
          `^The portal's Kubernetes credentials for cluster "local" may not list (pods|deployments|events) in namespace ${namespace} \\(Kubernetes answered 403\\)$`,
        ),
      );

      const gone = new KubeConfig();
      gone.loadFromOptions({
        clusters: [
          { name: 'gone', server: 'https://127.0.0.1:1', skipTLSVerify: true },
        ],
        users: [{ name: 'gone', token: 'x' }],
        contexts: [{ name: 'gone', cluster: 'gone', user: 'gone' }],
        currentContext: 'gone',
      });
      const unreachable = await status
        .listGateways({
          cluster: 'gone',
          namespace,
          clients: clientsFor(gone, 'gone'),
        })
        .catch(e => e);
      expect(unreachable.name).toBe('ServiceUnavailableError');
      expect(unreachable.message).toMatch(
        /^Cluster "gone" cannot be reached \(ECONNREFUSED\) while trying to list \w+ in namespace /,
      );
    },
  );
});
