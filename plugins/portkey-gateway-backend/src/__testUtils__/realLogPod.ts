import { CoreV1Api, CoreV1Event, V1Pod } from '@kubernetes/client-node';
import { TEST_POD_DEADLINE_SECONDS } from './testCluster';

/** The image of the log test pod on a real cluster: any image with a POSIX `sh`, `head`, `tr` and `sleep`. */
export const LOG_IMAGE = process.env.PORTKEY_TEST_LOG_IMAGE || 'busybox:1.36';

/** How long to wait for the log test pod to run (PORTKEY_TEST_LOG_POD_TIMEOUT_SECONDS, default 120). */
export const LOG_POD_TIMEOUT_MS =
  Number(process.env.PORTKEY_TEST_LOG_POD_TIMEOUT_SECONDS || 120) * 1000;

/**
 * `gateway` prints what the stub kubelet's canned file holds: "old line 1" to "old line
 * 1000", the given lines (secret-looking ones, for redaction), "recent line"; then it sleeps,
 * so its tail stays the same. The lines are passed as arguments, never quoted into the script.
 */
const GATEWAY_SCRIPT = `i=1
while [ "$i" -le 1000 ]; do echo "old line $i"; i=$((i + 1)); done
for line in "$@"; do printf '%s\\n' "$line"; done
echo 'recent line'
exec sleep ${TEST_POD_DEADLINE_SECONDS}`;

/** `ticker` prints a line a second, with a secret to redact. */
const TICKER_SCRIPT = `i=0
while true; do
  i=$((i + 1))
  echo "tick $i: Authorization: Bearer follow-secret-14"
  sleep 1
done`;

/** `huge` prints one 200 KB line and a short one, then sleeps. */
const HUGE_SCRIPT = `printf 'huge password=long-line-secret-15 '
head -c 200000 /dev/zero | tr '\\0' x
printf '\\nafter the huge line\\n'
exec sleep ${TEST_POD_DEADLINE_SECONDS}`;

/**
 * The pod the log tests read. On a real cluster it is scheduled and runs (LOG_IMAGE); against
 * the local apiserver the test binds it to the stub kubelet's node, which serves files with
 * the same lines. Restricted Pod Security settings, small requests and limits, no
 * ServiceAccount token, and `activeDeadlineSeconds` (the kubelet stops it after
 * TEST_POD_DEADLINE_SECONDS even if nobody deletes the namespace; it also lets the pod past
 * the namespace's NO_CONTROLLER_PODS_QUOTA).
 */
export function realLogPod(options: {
  name: string;
  labels: Record<string, string>;
  lines: string[];
}): V1Pod {
  const container = (name: string, script: string, args: string[] = []) => ({
    name,
    image: LOG_IMAGE,
    imagePullPolicy: 'IfNotPresent',
    command: ['sh', '-c', script, 'sh', ...args],
    resources: {
      requests: { cpu: '5m', memory: '8Mi' },
      limits: { cpu: '100m', memory: '32Mi' },
    },
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
    },
  });
  return {
    metadata: { name: options.name, labels: options.labels },
    spec: {
      restartPolicy: 'Never',
      activeDeadlineSeconds: TEST_POD_DEADLINE_SECONDS,
      terminationGracePeriodSeconds: 1,
      automountServiceAccountToken: false,
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 65534,
        runAsGroup: 65534,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      containers: [
        container('gateway', GATEWAY_SCRIPT, options.lines),
        container('ticker', TICKER_SCRIPT),
        container('huge', HUGE_SCRIPT),
      ],
    },
  };
}

/** Waiting reasons a pod does not recover from by itself (within a test run). */
const STUCK = [
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
  'CrashLoopBackOff',
];

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** The pod's phase, conditions, container states and events, for a failure message. */
async function describePod(core: CoreV1Api, namespace: string, pod?: V1Pod) {
  const events: CoreV1Event[] = await core
    .listNamespacedEvent({
      namespace,
      fieldSelector: `involvedObject.name=${pod?.metadata?.name}`,
    })
    .then(
      list => list.items,
      () => [],
    );
  return [
    `phase ${pod?.status?.phase ?? 'unknown'}`,
    `node ${pod?.spec?.nodeName ?? '(not scheduled)'}`,
    ...(pod?.status?.conditions ?? []).map(
      c =>
        `condition ${c.type}=${c.status}${c.reason ? ` ${c.reason}` : ''}${
          c.message ? `: ${c.message}` : ''
        }`,
    ),
    ...(pod?.status?.containerStatuses ?? []).map(
      s => `container ${s.name}: ${JSON.stringify(s.state)}`,
    ),
    ...events
      .slice(-10)
      .map(e => `event ${e.type} ${e.reason}: ${e.message ?? ''}`),
  ].join('; ');
}

/**
 * Waits (at most LOG_POD_TIMEOUT_MS) until the log test pod runs and its `gateway` and `huge`
 * containers have printed everything. Fails early, saying why, when the image cannot be pulled
 * or a container cannot start, and when nothing will ever run the pod: the cluster has no
 * nodes and no scheduler looked at the pod (as against the local kube-apiserver, which has
 * neither kubelet nor scheduler).
 */
export async function waitForRealLogPod(
  core: CoreV1Api,
  namespace: string,
  name: string,
): Promise<void> {
  const started = Date.now();
  const failure = async (why: string, pod?: V1Pod) =>
    new Error(
      `The log test pod ${namespace}/${name} (image ${LOG_IMAGE}) ${why} after ${Math.round(
        (Date.now() - started) / 1000,
      )} s: ${await describePod(
        core,
        namespace,
        pod,
      )}. The checks that read a running container's logs need a cluster that can pull and run that image (set PORTKEY_TEST_LOG_IMAGE to a mirror of it, PORTKEY_TEST_LOG_POD_TIMEOUT_SECONDS to wait longer).`,
    );
  let pod: V1Pod | undefined;
  for (;;) {
    pod = await core.readNamespacedPod({ name, namespace });
    const statuses = pod.status?.containerStatuses ?? [];
    for (const status of statuses) {
      const reason = status.state?.waiting?.reason;
      if (reason && STUCK.includes(reason))
        throw await failure(
          `cannot start: container ${status.name} is ${reason}`,
          pod,
        );
      if (status.state?.terminated)
        throw await failure(`has a container that ended (${status.name})`, pod);
    }
    const phase = pod.status?.phase;
    if (phase === 'Failed' || phase === 'Succeeded')
      throw await failure(`ended (${phase})`, pod);
    if (
      phase === 'Running' &&
      statuses.length === pod.spec!.containers.length &&
      statuses.every(s => s.state?.running)
    ) {
      const [gateway, huge] = await Promise.all(
        ['gateway', 'huge'].map(container =>
          core
            .readNamespacedPodLog({ name, namespace, container, tailLines: 1 })
            .catch(() => ''),
        ),
      );
      if (gateway === 'recent line\n' && huge === 'after the huge line\n')
        return;
    }
    const scheduledCondition = pod.status?.conditions?.find(
      c => c.type === 'PodScheduled',
    );
    if (
      !pod.spec?.nodeName &&
      !scheduledCondition &&
      Date.now() - started > 5000
    ) {
      // Listing nodes needs a cluster-wide grant the kubeconfig may not have: then just wait.
      const nodes = await core.listNode().catch(() => undefined);
      if (nodes && nodes.items.length === 0)
        throw await failure(
          'will never run: the cluster has no nodes and no scheduler looked at the pod',
          pod,
        );
    }
    if (Date.now() - started > LOG_POD_TIMEOUT_MS)
      throw await failure('did not run', pod);
    await sleep(1000);
  }
}
