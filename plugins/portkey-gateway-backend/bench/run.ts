/*
 * Benchmarks of the gateway status and logs services against a real kube-apiserver
 * (scripts/kube), each reported as a ratio to a baseline measured in the same run.
 * See BENCHMARKS.md.
 *
 *   yarn workspace @portkey-gateway-backstage/plugin-portkey-gateway-backend bench [--out results.json]
 *
 * Starts its own etcd + kube-apiserver and stub kubelet on 127.0.0.1, and stops them again,
 * also on failure or Ctrl-C.
 */
import { CoreV1Api, KubeConfig, Watch } from '@kubernetes/client-node';
import { ChildProcess, execFileSync, fork, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { chartSelector } from '../src/status/findGateways';
import { GatewayStatusService } from '../src/status/GatewayStatusService';
import { redactLogLine } from '../src/logs/redactLogLine';
import { KubeGet, kubeGet } from '../src/kubernetes/kubeGet';
import { WatchLike } from '../src/status/NamespaceWatch';

const REPO = path.resolve(__dirname, '../../..');
const NAMESPACE = 'bench';
const RELEASES = ['alpha', 'bravo', 'charlie'];
const GATEWAY_PODS_PER_RELEASE = 100;
const OTHER_PODS = 3000;
const CREATE_CONCURRENCY = 24;
const STATUS_CALLS = 50;
const LOG_LINE_BYTES = 2048;
const LOG_LINES = 10_000; // the service's most tailLines: 10,000 lines of ~2 KB = ~20 MB
const LOG_RUNS = 5;
const FOLLOW_BYTES = 100 * 1024 * 1024;
const FOLLOW_CHUNK_BYTES = 1024 * 1024;
const FOLLOW_CHUNK_EVERY_MS = 100;
const NODE_NAME = 'bench-node';
const LOG_POD = 'portkey-ai-gateway-logs-20mb';
const FOLLOW_POD = 'portkey-ai-gateway-logs-follow';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const log = (...args: unknown[]) =>
  process.stderr.write(
    `[bench ${new Date().toISOString().slice(11, 19)}] ${args.join(' ')}\n`,
  );

function quantile(values: number[], q: number) {
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}
const median = (values: number[]) => quantile(values, 0.5);
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
/** Heap in use after a full GC (the script runs with --expose-gc). */
function settledHeapBytes(): number {
  (global as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}
/** A ratio with two significant digits, so that 0.00048x does not print as 0x. */
const ratio = (a: number, b: number) => Number((a / b).toPrecision(2));

// ---- cleanup ----------------------------------------------------------------------
const cleanups: Array<() => void | Promise<void>> = [];
let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  for (const step of cleanups.reverse()) {
    try {
      await step();
    } catch (e) {
      log(`cleanup step failed: ${e}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    cleanup().finally(() => process.exit(130));
  });
}

function stopChild(child: ChildProcess) {
  if (child.exitCode === null && child.signalCode === null) child.kill();
}

// ---- Kubernetes access (keep-alive, raw JSON) ---------------------------------------
type Kube = {
  kubeConfig: KubeConfig;
  request: (
    method: string,
    apiPath: string,
    body?: unknown,
    contentType?: string,
  ) => Promise<Buffer>;
  stream: (apiPath: string) => Promise<{ bytes: number; ms: number }>;
};

async function kubeClient(kubeConfigFile: string): Promise<Kube> {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromFile(kubeConfigFile);
  const options: https.RequestOptions = {};
  await kubeConfig.applyToHTTPSOptions(options);
  const server = new URL(kubeConfig.getCurrentCluster()!.server);
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: CREATE_CONCURRENCY,
    ca: options.ca,
    cert: options.cert,
    key: options.key,
  });
  const open = (
    method: string,
    apiPath: string,
    onResponse: (res: http.IncomingMessage) => void,
    reject: (e: Error) => void,
    body?: unknown,
    contentType = 'application/json',
  ) => {
    const req = https.request(
      new URL(apiPath, server),
      {
        method,
        agent,
        headers: {
          ...(options.headers as Record<string, string>),
          Accept: 'application/json',
          ...(body ? { 'Content-Type': contentType } : {}),
        },
      },
      onResponse,
    );
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  };
  return {
    kubeConfig,
    request: (method, apiPath, body, contentType) =>
      new Promise((resolve, reject) =>
        open(
          method,
          apiPath,
          res => {
            const chunks: Buffer[] = [];
            res.on('data', c => chunks.push(c));
            res.on('error', reject);
            res.on('end', () => {
              const all = Buffer.concat(chunks);
              if ((res.statusCode ?? 0) >= 300)
                reject(
                  new Error(
                    `${method} ${apiPath}: HTTP ${res.statusCode} ${all
                      .toString()
                      .slice(0, 300)}`,
                  ),
                );
              else resolve(all);
            });
          },
          reject,
          body,
          contentType,
        ),
      ),
    stream: apiPath =>
      new Promise((resolve, reject) => {
        const start = performance.now();
        open(
          'GET',
          apiPath,
          res => {
            let bytes = 0;
            res.on('data', (c: Buffer) => {
              bytes += c.length;
            });
            res.on('error', reject);
            res.on('end', () => {
              if ((res.statusCode ?? 0) >= 300)
                reject(new Error(`GET ${apiPath}: HTTP ${res.statusCode}`));
              else resolve({ bytes, ms: performance.now() - start });
            });
          },
          reject,
        );
      }),
  };
}

async function inBatches<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<unknown>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

// ---- realistic pods -----------------------------------------------------------------
const CHART = {
  'helm.sh/chart': 'gateway-1.7.7',
  'app.kubernetes.io/version': '2.13.0',
  'app.kubernetes.io/managed-by': 'Helm',
};

function podBody(
  name: string,
  labels: Record<string, string>,
  image: string,
  container: string,
) {
  const env = Array.from({ length: 16 }, (_, i) => ({
    name: `SETTING_${i}_${container.toUpperCase().replace(/-/g, '_')}`,
    value: `value-${i}-${'x'.repeat(24)}`,
  }));
  return {
    metadata: {
      name,
      labels: { ...labels, 'pod-template-hash': '7d9f8b6c4' },
      annotations: {
        'checksum/config': randomBytes(32).toString('hex'),
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '8787',
        'kubectl.kubernetes.io/restartedAt': '2026-11-20T10:00:00Z',
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: `${name.replace(/-[^-]+$/, '')}-rs`,
          uid: '3f0e7c1a-5b2d-4e8f-9a6b-1c2d3e4f5a6b',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      nodeName: NODE_NAME,
      serviceAccountName: 'default',
      imagePullSecrets: [{ name: 'portkeyenterpriseregistrycredentials' }],
      tolerations: [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
      volumes: [
        { name: 'config', configMap: { name: `${container}-config` } },
        { name: 'tmp', emptyDir: {} },
      ],
      containers: [
        {
          name: container,
          image,
          ports: [{ name: 'http', containerPort: 8787, protocol: 'TCP' }],
          env,
          resources: {
            requests: { cpu: '250m', memory: '256Mi' },
            limits: { cpu: '1', memory: '1Gi' },
          },
          readinessProbe: {
            httpGet: { path: '/health', port: 8787 },
            periodSeconds: 10,
          },
          livenessProbe: {
            httpGet: { path: '/health', port: 8787 },
            periodSeconds: 20,
          },
          volumeMounts: [
            { name: 'config', mountPath: '/etc/config', readOnly: true },
            { name: 'tmp', mountPath: '/tmp' },
          ],
        },
      ],
    },
  };
}

function podStatus(image: string, container: string, i: number) {
  const t = '2026-11-25T10:00:00Z';
  return {
    status: {
      phase: 'Running',
      hostIP: '10.0.0.10',
      podIP: `10.1.${Math.floor(i / 250)}.${i % 250}`,
      podIPs: [{ ip: `10.1.${Math.floor(i / 250)}.${i % 250}` }],
      startTime: t,
      qosClass: 'Burstable',
      conditions: [
        'Initialized',
        'Ready',
        'ContainersReady',
        'PodScheduled',
      ].map(type => ({
        type,
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: t,
      })),
      containerStatuses: [
        {
          name: container,
          image,
          imageID: `docker.io/${image}@sha256:${randomBytes(32).toString(
            'hex',
          )}`,
          containerID: `containerd://${randomBytes(32).toString('hex')}`,
          ready: true,
          started: true,
          restartCount: i % 3,
          state: { running: { startedAt: t } },
          lastState:
            i % 3
              ? {
                  terminated: {
                    exitCode: 137,
                    reason: 'OOMKilled',
                    startedAt: t,
                    finishedAt: t,
                    containerID: `containerd://${randomBytes(32).toString(
                      'hex',
                    )}`,
                  },
                }
              : {},
        },
      ],
    },
  };
}

async function seedPods(kube: Kube) {
  const pods: Array<{
    name: string;
    labels: Record<string, string>;
    image: string;
    container: string;
  }> = [];
  for (const release of RELEASES) {
    for (let i = 0; i < GATEWAY_PODS_PER_RELEASE; i++) {
      pods.push({
        name: `${release}-gateway-7d9f8b6c4-${String(i).padStart(5, '0')}`,
        labels: {
          ...CHART,
          'app.kubernetes.io/name': 'gateway',
          'app.kubernetes.io/instance': release,
        },
        image: 'portkeyai/gateway_enterprise:2.13.0',
        container: 'gateway',
      });
    }
  }
  for (let i = 0; i < OTHER_PODS; i++) {
    const app = `service-${i % 60}`;
    pods.push({
      name: `${app}-5f6d7c8b9-${String(i).padStart(5, '0')}`,
      labels: {
        'app.kubernetes.io/name': app,
        'app.kubernetes.io/instance': app,
        'app.kubernetes.io/managed-by': 'Helm',
        'helm.sh/chart': `${app}-0.3.1`,
      },
      image: `registry.example.com/team/${app}:1.${i % 7}.0`,
      container: app,
    });
  }
  let done = 0;
  const started = Date.now();
  await inBatches(
    pods.map((p, i) => ({ ...p, i })),
    CREATE_CONCURRENCY,
    async p => {
      await kube.request(
        'POST',
        `/api/v1/namespaces/${NAMESPACE}/pods`,
        podBody(p.name, p.labels, p.image, p.container),
      );
      await kube.request(
        'PATCH',
        `/api/v1/namespaces/${NAMESPACE}/pods/${p.name}/status`,
        podStatus(p.image, p.container, p.i),
        'application/merge-patch+json',
      );
      done++;
      if (done % 500 === 0) log(`  ${done}/${pods.length} pods`);
    },
  );
  // Gateway Deployments as the chart makes them.
  for (const release of RELEASES) {
    const labels = {
      ...CHART,
      'app.kubernetes.io/name': 'gateway',
      'app.kubernetes.io/instance': release,
    };
    const selector = {
      'app.kubernetes.io/name': 'gateway',
      'app.kubernetes.io/instance': release,
    };
    await kube.request(
      'POST',
      `/apis/apps/v1/namespaces/${NAMESPACE}/deployments`,
      {
        metadata: { name: `${release}-gateway`, labels },
        spec: {
          replicas: GATEWAY_PODS_PER_RELEASE,
          selector: { matchLabels: selector },
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
    );
  }
  const sample = await kube.request(
    'GET',
    `/api/v1/namespaces/${NAMESPACE}/pods/${pods[0].name}`,
  );
  log(
    `  seeded ${pods.length} pods in ${((Date.now() - started) / 1000).toFixed(
      1,
    )} s; one gateway pod is ${sample.length} bytes of JSON`,
  );
  return { pods: pods.length, podJsonBytes: sample.length };
}

// ---- 1. listGateways vs a direct pod list ------------------------------------------
// Both ways the service reads: the watch (default; the first call starts it and is timed
// apart) and a list per call (the fallback without watch permission), coalescing off.
async function benchStatusLatency(kube: Kube) {
  const core = kube.kubeConfig.makeApiClient(CoreV1Api);
  const clients = { name: 'bench', kubeConfig: kube.kubeConfig };
  const results: Record<string, Record<string, unknown>> = {};
  for (const source of ['watch', 'list'] as const) {
    results[source] = {};
    for (const scope of ['release', 'namespace'] as const) {
      const service = new GatewayStatusService({ source, coalesceMs: 0 });
      const release = scope === 'release' ? RELEASES[0] : undefined;
      const labelSelector = chartSelector(release);
      const ours = async () => {
        const t = performance.now();
        const answer = await service.listGateways({
          cluster: 'bench',
          namespace: NAMESPACE,
          clients,
          release,
        });
        return { ms: performance.now() - t, answer };
      };
      const direct = async () => {
        const t = performance.now();
        const list = await core.listNamespacedPod({
          namespace: NAMESPACE,
          labelSelector,
        });
        return { ms: performance.now() - t, list };
      };
      const heapBefore = settledHeapBytes();
      const first = await ours();
      // What the service holds for this namespace (the watched objects, with watch), after GC.
      const heldBytes = settledHeapBytes() - heapBefore;
      for (let i = 0; i < 5; i++) {
        await ours();
        await direct();
      }
      const oursMs: number[] = [];
      const directMs: number[] = [];
      let answerBytes = 0;
      let pods = 0;
      for (let i = 0; i < STATUS_CALLS; i++) {
        // Alternate, so that drift in the machine's load hits both alike.
        const a = await ours();
        const b = await direct();
        oursMs.push(a.ms);
        directMs.push(b.ms);
        answerBytes = Buffer.byteLength(JSON.stringify(a.answer));
        pods = b.list.items.length;
      }
      service.close();
      const directJson = await kube.request(
        'GET',
        `/api/v1/namespaces/${NAMESPACE}/pods?labelSelector=${encodeURIComponent(
          labelSelector,
        )}`,
      );
      const r = {
        labelSelector,
        podsMatched: pods,
        calls: STATUS_CALLS,
        firstCallMs: round(first.ms),
        heapHeldMB: round(heldBytes / 2 ** 20, 1),
        ours: {
          p50Ms: round(median(oursMs), 3),
          p95Ms: round(quantile(oursMs, 0.95), 3),
        },
        direct: {
          p50Ms: round(median(directMs)),
          p95Ms: round(quantile(directMs, 0.95)),
        },
        ratioP50: ratio(median(oursMs), median(directMs)),
        ratioP95: ratio(quantile(oursMs, 0.95), quantile(directMs, 0.95)),
        firstCallRatio: ratio(first.ms, median(directMs)),
        answerBytes,
        directListBytes: directJson.length,
        bytesRatio: round(answerBytes / directJson.length, 3),
      };
      log(`  ${source}, ${scope}: ${JSON.stringify(r)}`);
      results[source][scope] = r;
    }
  }
  return results;
}

// ---- 2. one viewer vs ten viewers ----------------------------------------------------
// Viewers refresh every 10 s for real (the view's refresh period), each at its own phase as
// unsynchronised browsers do. All four scenarios run at the same time, each with its own
// service, so the step takes ROUNDS x 10 s; every API request each service sends is counted.
async function benchViewers(kube: Kube) {
  const clients = { name: 'bench', kubeConfig: kube.kubeConfig };
  const ROUNDS = 3;
  const REFRESH_MS = 10_000;
  const scenario = async (viewers: number, source: 'watch' | 'list') => {
    const requests: string[] = [];
    const counting: KubeGet = (kubeConfig, p) => {
      requests.push(`list ${p}`);
      return kubeGet(kubeConfig, p);
    };
    const countingWatch = (kubeConfig: KubeConfig): WatchLike => {
      const real = new Watch(kubeConfig);
      return {
        watch: (p, query, callback, done) => {
          requests.push(`watch ${p}`);
          return real.watch(p, query, callback, done);
        },
      };
    };
    const service = new GatewayStatusService({
      source,
      kubeGet: counting,
      makeWatch: countingWatch,
    });
    // Seeded, so that every run uses the same phases.
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const phases = Array.from({ length: viewers }, () =>
      Math.floor(random() * REFRESH_MS),
    );
    const calls: Promise<unknown>[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const phase of phases) {
        calls.push(
          sleep(r * REFRESH_MS + phase).then(() =>
            service.listGateways({
              cluster: 'bench',
              namespace: NAMESPACE,
              clients,
              release: RELEASES[0],
            }),
          ),
        );
      }
    }
    await Promise.all(calls);
    service.close();
    return { viewers, calls: calls.length, apiRequests: requests.length };
  };
  const [watchOne, watchTen, listOne, listTen] = await Promise.all([
    scenario(1, 'watch'),
    scenario(10, 'watch'),
    scenario(1, 'list'),
    scenario(10, 'list'),
  ]);
  const result = (one: typeof watchOne, ten: typeof watchOne) => ({
    refreshEveryMs: REFRESH_MS,
    rounds: ROUNDS,
    oneViewer: one,
    tenViewers: ten,
    ratio: round(ten.apiRequests / one.apiRequests),
  });
  const results = {
    watch: result(watchOne, watchTen),
    list: { coalesceMs: 2000, ...result(listOne, listTen) },
  };
  log(`  ${JSON.stringify(results)}`);
  return results;
}

// ---- log files and the backend child ------------------------------------------------
let lineNo = 0;
function logLine(): string {
  lineNo++;
  const ts = new Date(Date.now() - 60_000).toISOString();
  const secret =
    lineNo % 10 === 0
      ? `,"headers":{"x-portkey-api-key":"pk-live-${lineNo}abcdef","authorization":"Bearer sk-${lineNo}-secret-token"}`
      : '';
  const head = `${ts} {"level":"info","time":"${ts}","msg":"request completed","method":"POST","path":"/v1/chat/completions","status":200,"latencyMs":${
    lineNo % 997
  },"provider":"openai","model":"gpt-4o","traceId":"${lineNo
    .toString(16)
    .padStart(16, '0')}"${secret},"body":"`;
  const pad = LOG_LINE_BYTES - head.length - 3;
  const filler = 'The quick brown fox jumps over the lazy dog. '.repeat(
    Math.ceil(pad / 45),
  );
  return `${head}${filler.slice(0, pad)}"}`;
}
function logText(bytes: number) {
  const lines: string[] = [];
  let total = 0;
  while (total < bytes) {
    const l = logLine();
    lines.push(l);
    total += l.length + 1;
  }
  return `${lines.join('\n')}\n`;
}

async function startBackend(kubeConfigFile: string, maxBytes: number) {
  const child = fork(path.join(__dirname, 'backend.ts'), [], {
    execArgv: ['-r', '@backstage/cli/config/nodeTransform.cjs'],
    env: {
      ...process.env,
      BENCH_KUBECONFIG: kubeConfigFile,
      BENCH_MAX_BYTES: String(maxBytes),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  cleanups.push(() => stopChild(child));
  const port = await new Promise<number>((resolve, reject) => {
    child.on('message', (m: { port?: unknown }) => {
      if (typeof m?.port === 'number') resolve(m.port);
    });
    child.once('exit', code => reject(new Error(`backend exited ${code}`)));
  });
  return { child, port, url: `http://127.0.0.1:${port}` };
}

function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb * 1024;
}

function httpGet(
  url: string,
  onData?: (chunk: Buffer) => void,
): Promise<{ bytes: number; ms: number; status: number; tail: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    http
      .get(url, res => {
        let bytes = 0;
        // Only the last 300 bytes are kept, for error messages: as cheap as the direct
        // fetch's reading, which only counts (the client shares the machine's 2 cores).
        let tail: Buffer = Buffer.alloc(0);
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          tail =
            c.length >= 300
              ? c.subarray(c.length - 300)
              : Buffer.concat([tail, c]).subarray(-300);
          onData?.(c);
        });
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            bytes,
            ms: performance.now() - start,
            status: res.statusCode ?? 0,
            tail: tail.toString('latin1'),
          }),
        );
      })
      .on('error', reject);
  });
}

// ---- 3. a 20 MB log through the backend vs direct -------------------------------------
async function benchLogFetch(kube: Kube, backendUrl: string, logFile: string) {
  const query = `container=gateway&tailLines=${LOG_LINES}`;
  const direct = () =>
    kube.stream(`/api/v1/namespaces/${NAMESPACE}/pods/${LOG_POD}/log?${query}`);
  const ours = () =>
    httpGet(`${backendUrl}/logs/${NAMESPACE}/${LOG_POD}?${query}`);
  await direct();
  const warm = await ours();
  if (warm.status !== 200)
    throw new Error(`backend answered ${warm.status}: ${warm.tail}`);
  const oursMs: number[] = [];
  const directMs: number[] = [];
  let oursBytes = 0;
  let directBytes = 0;
  for (let i = 0; i < LOG_RUNS; i++) {
    const a = await ours();
    const b = await direct();
    oursMs.push(a.ms);
    directMs.push(b.ms);
    oursBytes = a.bytes;
    directBytes = b.bytes;
  }
  // Where the time goes: the redaction alone, in this process, over the same lines.
  const lines = fs.readFileSync(logFile, 'utf8').split('\n');
  const redactMs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    for (const line of lines) redactLogLine(line);
    redactMs.push(performance.now() - t);
  }
  const r = {
    runs: LOG_RUNS,
    lines: LOG_LINES,
    redactionAloneMedianMs: round(median(redactMs)),
    oursBytes,
    directBytes,
    ours: {
      medianMs: round(median(oursMs)),
      allMs: oursMs.map(m => round(m, 0)),
    },
    direct: {
      medianMs: round(median(directMs)),
      allMs: directMs.map(m => round(m, 0)),
    },
    ratio: round(median(oursMs) / median(directMs)),
    oursMBps: round(oursBytes / 1e6 / (median(oursMs) / 1000), 1),
    directMBps: round(directBytes / 1e6 / (median(directMs) / 1000), 1),
  };
  log(`  ${JSON.stringify(r)}`);
  return r;
}

// ---- 4. backend RSS while following 100 MB ---------------------------------------------
type ChildMemory = NodeJS.MemoryUsage & { spaces: Record<string, number> };

/** process.memoryUsage() and the V8 heap spaces' resident sizes, from the backend child. */
function childMemory(child: ChildProcess): Promise<ChildMemory | undefined> {
  return new Promise(resolve => {
    const wait: { timer?: NodeJS.Timeout } = {};
    const onMessage = (m: { memory?: ChildMemory }) => {
      if (!m?.memory) return;
      clearTimeout(wait.timer);
      child.off('message', onMessage);
      resolve(m.memory);
    };
    wait.timer = setTimeout(() => {
      child.off('message', onMessage);
      resolve(undefined);
    }, 2000);
    child.on('message', onMessage);
    child.send({ memory: true });
  });
}

function memoryMB(m: ChildMemory | undefined) {
  if (!m) return undefined;
  const mb = (n: number) => round(n / 2 ** 20, 1);
  return {
    rss: mb(m.rss),
    heapUsed: mb(m.heapUsed),
    newSpaceResident: mb(m.spaces.new_space ?? 0),
    oldSpaceResident: mb(m.spaces.old_space ?? 0),
    external: mb(m.external),
    arrayBuffers: mb(m.arrayBuffers),
  };
}

// Measured twice, each in a fresh backend child: "cold" (warmed up by one 10-line request, so
// V8's heap is still at its start-up size) and "warmed" (first the 20 MB fetch of section 3,
// as a backend that has served some traffic has done: V8 grows its young generation once
// under load and keeps it, so that growth is not charged to the follow).
async function benchFollowMemory(kubeConfigFile: string, followFile: string) {
  const results: Record<string, unknown> = {};
  for (const warmUp of ['cold', 'warmed'] as const) {
    fs.writeFileSync(followFile, '');
    results[warmUp] = await followOnce(kubeConfigFile, followFile, warmUp);
  }
  return results;
}

async function followOnce(
  kubeConfigFile: string,
  followFile: string,
  warmUp: 'cold' | 'warmed',
) {
  const backend = await startBackend(kubeConfigFile, 256 * 1024 * 1024);
  // Warm up the code paths once (not followed), then let the process settle.
  await httpGet(
    `${backend.url}/logs/${NAMESPACE}/${LOG_POD}?container=gateway&tailLines=${
      warmUp === 'cold' ? 10 : LOG_LINES
    }`,
  );
  await sleep(1500);
  const idleSamples: number[] = [];
  for (let i = 0; i < 10; i++) {
    idleSamples.push(rssBytes(backend.child.pid!));
    await sleep(100);
  }
  const idle = median(idleSamples);
  const idleMemory = await childMemory(backend.child);

  // Every sample is kept, to see how RSS evolves over the stream, not only its peak.
  const samples: Array<{ ms: number; rss: number }> = [];
  let peak = idle;
  let peakMemory: Promise<ChildMemory | undefined> | undefined;
  let asking = false;
  const started = performance.now();
  const sampler = setInterval(() => {
    try {
      const rss = rssBytes(backend.child.pid!);
      samples.push({ ms: performance.now() - started, rss });
      if (rss > peak) {
        peak = rss;
        // What the heap looks like near the peak (one question at a time).
        if (!asking) {
          asking = true;
          peakMemory = childMemory(backend.child).finally(() => {
            asking = false;
          });
        }
      }
    } catch {
      // exited
    }
  }, 25);
  let received = 0;
  let dataLines = 0;
  let previousByte = 0;
  const req = http.get(
    `${backend.url}/logs/${NAMESPACE}/${FOLLOW_POD}?container=gateway&follow=true&tailLines=1`,
  );
  const response = new Promise<void>((resolve, reject) => {
    req.on('response', res => {
      res.on('data', (c: Buffer) => {
        received += c.length;
        // Events end with a blank line; count "\n\n", also across chunk boundaries.
        for (let i = 0; i < c.length; i++) {
          if (c[i] === 10 && previousByte === 10) dataLines++;
          previousByte = c[i];
        }
      });
      res.on('end', resolve);
      res.on('error', reject);
    });
    req.on('error', e => (received > 0 ? resolve() : reject(e)));
  });
  response.catch(() => undefined);
  // Append only once the stream is open, so that tailLines=1 drops nothing that was written.
  await new Promise(resolve => req.once('response', resolve));
  // The stub kubelet polls the file every 100 ms and streams what was appended.
  let written = 0;
  let linesWritten = 0;
  while (written < FOLLOW_BYTES) {
    const text = logText(FOLLOW_CHUNK_BYTES);
    fs.appendFileSync(followFile, text);
    written += text.length;
    linesWritten += text.split('\n').length - 1;
    await sleep(FOLLOW_CHUNK_EVERY_MS);
  }
  const writeDoneMs = performance.now() - started;
  const until = Date.now() + 120_000;
  let last = -1;
  while (Date.now() < until) {
    if (dataLines >= linesWritten) break;
    await sleep(500);
    if (received === last) break; // nothing for 500 ms after writing stopped
    last = received;
  }
  const doneMs = performance.now() - started;
  clearInterval(sampler);
  const nearPeak = await peakMemory;
  req.destroy();
  stopChild(backend.child);
  const mb = (n: number) => round(n / 2 ** 20, 1);
  // The highest sample of each second of the stream: does RSS level off?
  const bySecond: number[] = [];
  for (const sample of samples) {
    const second = Math.floor(sample.ms / 1000);
    bySecond[second] = Math.max(bySecond[second] ?? 0, sample.rss);
  }
  const lastSecond = samples
    .filter(sample => sample.ms > doneMs - 1000)
    .map(sample => sample.rss);
  const r = {
    warmUp,
    logBytesWritten: written,
    logLinesWritten: linesWritten,
    sseBytesReceived: received,
    sseDataEventsReceived: dataLines,
    writeSeconds: round(writeDoneMs / 1000, 1),
    receiveSeconds: round(doneMs / 1000, 1),
    idleRssMB: mb(idle),
    peakRssMB: mb(peak),
    peakMinusIdleMB: mb(peak - idle),
    lastSecondMedianMinusIdleMB: lastSecond.length
      ? mb(median(lastSecond) - idle)
      : undefined,
    peakRssBySecondMB: Array.from(bySecond, rss => mb(rss ?? 0)),
    childMemoryIdleMB: memoryMB(idleMemory),
    childMemoryNearPeakMB: memoryMB(nearPeak),
  };
  log(`  ${JSON.stringify(r)}`);
  return r;
}

// ---- main -------------------------------------------------------------------------------
async function main() {
  // --only 3,4 runs some of the four measurements (the pods are seeded only for 1 and 2).
  const onlyIndex = process.argv.indexOf('--only');
  const only = new Set(
    onlyIndex > 0
      ? process.argv[onlyIndex + 1].split(',').map(Number)
      : [1, 2, 3, 4],
  );
  const outIndex = process.argv.indexOf('--out');
  const out =
    outIndex > 0
      ? // yarn runs scripts in the package directory; INIT_CWD is where it was called.
        path.resolve(process.env.INIT_CWD ?? '.', process.argv[outIndex + 1])
      : undefined;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'portkey-bench-'));
  cleanups.push(() => fs.rmSync(work, { recursive: true, force: true }));
  const state = path.join(work, 'kube');
  const logDir = path.join(work, 'logs');

  log('starting kube-apiserver');
  cleanups.push(() => {
    execFileSync(path.join(REPO, 'scripts/kube/stop-apiserver.sh'), [state], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  });
  execFileSync(path.join(REPO, 'scripts/kube/start-apiserver.sh'), [state], {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 30 * 60_000,
  });
  const env = JSON.parse(fs.readFileSync(path.join(state, 'env.json'), 'utf8'));
  const kube = await kubeClient(env.KUBECONFIG_ADMIN);

  log('starting stub kubelet');
  fs.mkdirSync(path.join(logDir, NAMESPACE, LOG_POD), { recursive: true });
  fs.mkdirSync(path.join(logDir, NAMESPACE, FOLLOW_POD), { recursive: true });
  const portFile = path.join(work, 'kubelet.port');
  const kubelet = spawn(
    process.execPath,
    [
      path.join(REPO, 'scripts/kube/stub-kubelet.mjs'),
      '--log-dir',
      logDir,
      '--port-file',
      portFile,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  cleanups.push(() => stopChild(kubelet));
  const until = Date.now() + 20_000;
  while (!fs.existsSync(portFile)) {
    if (Date.now() > until || kubelet.exitCode !== null)
      throw new Error('stub kubelet did not start');
    await sleep(50);
  }
  const kubeletPort = Number(fs.readFileSync(portFile, 'utf8'));
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  await kube.request('POST', '/api/v1/nodes', {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: NODE_NAME },
    status: {
      addresses: [{ type: 'InternalIP', address: '127.0.0.1' }],
      daemonEndpoints: { kubeletEndpoint: { Port: kubeletPort } },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          lastHeartbeatTime: now,
          lastTransitionTime: now,
        },
      ],
    },
  });
  await kube.request('POST', '/api/v1/namespaces', {
    metadata: { name: NAMESPACE },
  });

  log('seeding pods');
  const seeded =
    only.has(1) || only.has(2) ? await seedPods(kube) : { skipped: true };
  for (const pod of [LOG_POD, FOLLOW_POD]) {
    await kube.request(
      'POST',
      `/api/v1/namespaces/${NAMESPACE}/pods`,
      podBody(
        pod,
        // A gateway's pod: the backend serves logs of no other.
        {
          ...CHART,
          'app.kubernetes.io/name': 'gateway',
          'app.kubernetes.io/instance': 'bench-logs',
        },
        'portkeyai/gateway_enterprise:2.13.0',
        'gateway',
      ),
    );
  }
  const logLines: string[] = [];
  for (let i = 0; i < LOG_LINES; i++) logLines.push(logLine());
  const logFile = path.join(logDir, NAMESPACE, LOG_POD, 'gateway.log');
  fs.writeFileSync(logFile, `${logLines.join('\n')}\n`);
  const followFile = path.join(logDir, NAMESPACE, FOLLOW_POD, 'gateway.log');
  fs.writeFileSync(followFile, '');

  const results: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memGB: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
    },
    seeded: { ...seeded, logFileBytes: fs.statSync(logFile).size },
  };

  if (only.has(1)) {
    log('1. listGateways (watch, and list per call) vs direct pod list');
    results.statusLatency = await benchStatusLatency(kube);
  }
  if (only.has(2)) {
    log('2. one viewer vs ten viewers');
    results.viewers = await benchViewers(kube);
  }
  if (only.has(3)) {
    log('3. 20 MB log through the backend vs direct');
    const backend = await startBackend(env.KUBECONFIG_ADMIN, 64 * 1024 * 1024);
    results.logFetch = await benchLogFetch(kube, backend.url, logFile);
    stopChild(backend.child);
  }
  if (only.has(4)) {
    log('4. backend RSS while following 100 MB');
    results.followMemory = await benchFollowMemory(
      env.KUBECONFIG_ADMIN,
      followFile,
    );
  }

  printTable(results);
  if (out) {
    fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    log(`results written to ${out}`);
  }
}

function printTable(r: any) {
  const rows: string[][] = [
    ['measurement', 'ours', 'baseline', 'ratio', 'target'],
  ];
  for (const source of r.statusLatency ? ['watch', 'list'] : []) {
    for (const scope of ['release', 'namespace']) {
      const s = r.statusLatency[source][scope];
      rows.push([
        `1. listGateways ${source} (${scope}, ${s.podsMatched} pods) p50`,
        `${s.ours.p50Ms} ms`,
        `${s.direct.p50Ms} ms`,
        `${s.ratioP50}x`,
        '<= 1.0x (goal 0.5x)',
      ]);
      rows.push([
        `1. listGateways ${source} (${scope}) p95`,
        `${s.ours.p95Ms} ms`,
        `${s.direct.p95Ms} ms`,
        `${s.ratioP95}x`,
        '<= 1.0x (goal 0.5x)',
      ]);
      rows.push([
        `1. listGateways ${source} (${scope}) first call (heap held ${s.heapHeldMB} MB)`,
        `${s.firstCallMs} ms`,
        `${s.direct.p50Ms} ms`,
        `${s.firstCallRatio}x`,
        '',
      ]);
      if (source === 'watch') {
        rows.push([
          `1. response bytes (${scope})`,
          `${s.answerBytes}`,
          `${s.directListBytes}`,
          `${s.bytesRatio}x`,
          '',
        ]);
      }
    }
  }
  for (const source of r.viewers ? ['watch', 'list'] : []) {
    const v = r.viewers[source];
    rows.push([
      `2. API requests, 10 viewers vs 1, ${source} (${v.rounds} x ${
        v.refreshEveryMs / 1000
      } s)`,
      `${v.tenViewers.apiRequests}`,
      `${v.oneViewer.apiRequests}`,
      `${v.ratio}x`,
      source === 'watch' ? '<= 1.0x' : '(fallback)',
    ]);
  }
  const l = r.logFetch;
  if (l)
    rows.push([
      `3. ${(l.oursBytes / 1e6).toFixed(1)} MB log, median of ${l.runs}`,
      `${l.ours.medianMs} ms`,
      `${l.direct.medianMs} ms`,
      `${l.ratio}x`,
      '<= 1.5x',
    ]);
  for (const [label, f] of Object.entries<any>(r.followMemory ?? {})) {
    rows.push([
      `4. backend RSS following ${(f.logBytesWritten / 1e6).toFixed(
        0,
      )} MB (${label})`,
      `peak ${f.peakRssMB} MB`,
      `idle ${f.idleRssMB} MB`,
      `+${f.peakMinusIdleMB} MB`,
      '<= +50 MB',
    ]);
  }
  const widths = rows[0].map((_, i) =>
    Math.max(...rows.map(row => row[i].length)),
  );
  for (const row of rows) {
    process.stdout.write(
      `${row.map((c, i) => c.padEnd(widths[i])).join(' | ')}\n`,
    );
  }
}

main()
  .then(cleanup, async error => {
    log(`FAILED: ${error?.stack ?? error}`);
    await cleanup();
    process.exitCode = 1;
  })
  .then(() => process.exit());
