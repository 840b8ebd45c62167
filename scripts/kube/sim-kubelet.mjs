#!/usr/bin/env node
// A simulated scheduler + kubelet for the LOCAL kube-apiserver of scripts/kube/start-apiserver.sh,
// to exercise the real-cluster path of tests that need a running pod (the backend's log tests
// with PORTKEY_TEST_REAL_CLUSTER=1) on a machine without a container runtime.
//
//   node scripts/kube/sim-kubelet.mjs --state <state-dir> --image busybox:1.36 \
//     [--node portkey-sim-node] [--path-prefix <dir>]
//
// --path-prefix puts <dir> first on the processes' PATH: for example a directory of `sh`,
// `head`, `tr`, `sleep` symlinks to a BusyBox binary (`apt-get download busybox; dpkg -x`), so
// the commands run under the same shell and tools as in the busybox image.
//
// What it does, every 500 ms, with the admin token of <state-dir>/env.json:
// - registers a Node (`--node`) whose kubelet endpoint is a stub kubelet (stub-kubelet.mjs), so
//   the apiserver proxies pods/log of pods on it to log files this script writes;
// - binds (pods/binding) the unscheduled pods of namespaces labelled
//   app.kubernetes.io/created-by=portkey-gateway-tests whose schedulerName is the default one
//   and whose every container uses `--image`, to that Node;
// - runs each container's command + args as a HOST PROCESS (no image, no isolation: the image
//   is never pulled, `sh` is the host's), writing its stdout and stderr lines to
//   <log-dir>/<ns>/<pod>/<container>.log with a timestamp each, as the kubelet stores them;
// - sets the pod's status (Running, Ready, containers running; terminated when a process ends);
// - kills the processes of pods that are deleted or being deleted, and completes the deletion
//   (grace period 0), as a kubelet does.
// It stops (SIGTERM/SIGINT) by killing every process it started and deleting its Node.
//
// Not a kubelet: no images, no restarts, no probes, no partial (> 16 KB) CRI log entries, no
// log rotation. It only checks what the tests' pods and their wait logic do against an API
// server, and that their commands print what the tests expect (with the host's `sh`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { startStubKubelet, stubNodeManifest } from './stub-kubelet.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const state = arg('state');
const image = arg('image');
const nodeName = arg('node', 'portkey-sim-node');
const pathPrefix = arg('path-prefix');
if (!state || !image) {
  console.error(
    'usage: sim-kubelet.mjs --state <state-dir> --image <image> [--node <name>]',
  );
  process.exit(2);
}
const NAMESPACE_LABEL = 'app.kubernetes.io/created-by=portkey-gateway-tests';

const env = JSON.parse(fs.readFileSync(path.join(state, 'env.json'), 'utf8'));
const agent = new https.Agent({ ca: fs.readFileSync(env.KUBE_CA_FILE) });

function api(method, apiPath, body, contentType = 'application/json') {
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${env.KUBE_API_URL}${apiPath}`,
      {
        method,
        agent,
        headers: {
          Authorization: `Bearer ${env.KUBE_ADMIN_TOKEN}`,
          Accept: 'application/json',
          ...(body ? { 'Content-Type': contentType } : {}),
        },
      },
      res => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', chunk => (text += chunk));
        res.on('end', () => {
          let json;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode, json, text });
        });
      },
    );
    req.on('error', reject);
    if (body) req.write(JSON.stringify(body));
    req.end();
  });
}

const stamp = () => new Date().toISOString().replace('Z', '000000Z');
const log = message => console.log(`[sim-kubelet] ${message}`);

const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-kubelet-'));
const kubelet = await startStubKubelet({ logDir });
const created = await api(
  'POST',
  '/api/v1/nodes',
  stubNodeManifest({ name: nodeName, port: kubelet.port }),
);
if (created.status !== 201) {
  console.error(`cannot register node ${nodeName}: ${created.text}`);
  await kubelet.close();
  process.exit(1);
}
log(`node ${nodeName} registered, logs in ${logDir}`);

/** uid -> { namespace, name, children: Map<container, ChildProcess> } */
const running = new Map();

function startContainer(pod, container, onExit) {
  const { namespace, name } = pod.metadata;
  const dir = path.join(logDir, namespace, name);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${container.name}.log`);
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  const child = spawn(argv[0], argv.slice(1), {
    detached: true, // own process group, killed as a whole
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: pathPrefix
        ? `${pathPrefix}:${process.env.PATH}`
        : process.env.PATH ?? '',
    },
  });
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.setEncoding('utf8');
    stream.on('data', chunk => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop();
      if (lines.length)
        fs.appendFileSync(file, lines.map(l => `${stamp()} ${l}\n`).join(''));
    });
    stream.on('end', () => {
      if (rest) fs.appendFileSync(file, `${stamp()} ${rest}\n`);
    });
  }
  child.on('exit', code => onExit(code ?? 137));
  return child;
}

function containerStatus(container, state) {
  return {
    name: container.name,
    image: container.image,
    imageID: '',
    ready: Boolean(state.running),
    started: Boolean(state.running),
    restartCount: 0,
    state,
  };
}

async function run(pod) {
  const { namespace, name, uid } = pod.metadata;
  const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const entry = { namespace, name, children: new Map(), exited: new Map() };
  running.set(uid, entry);
  const patchStatus = status =>
    api(
      'PATCH',
      `/api/v1/namespaces/${namespace}/pods/${name}/status`,
      { status },
      'application/merge-patch+json',
    );
  const statuses = () =>
    pod.spec.containers.map(c =>
      containerStatus(
        c,
        entry.exited.has(c.name)
          ? {
              terminated: {
                exitCode: entry.exited.get(c.name),
                startedAt,
                finishedAt: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
              },
            }
          : { running: { startedAt } },
      ),
    );
  for (const container of pod.spec.containers) {
    entry.children.set(
      container.name,
      startContainer(pod, container, code => {
        entry.exited.set(container.name, code);
        if (running.get(uid) !== entry) return;
        const all = entry.exited.size === pod.spec.containers.length;
        const failed = [...entry.exited.values()].some(c => c !== 0);
        patchStatus({
          phase: all ? (failed ? 'Failed' : 'Succeeded') : 'Running',
          containerStatuses: statuses(),
        }).catch(() => undefined);
      }),
    );
  }
  const ready = ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(
    type => ({ type, status: 'True' }),
  );
  await patchStatus({
    phase: 'Running',
    hostIP: '127.0.0.1',
    podIP: '127.0.0.1',
    startTime: startedAt,
    conditions: ready,
    containerStatuses: statuses(),
  });
  log(
    `running ${namespace}/${name} (${pod.spec.containers.length} containers)`,
  );
}

function stop(uid) {
  const entry = running.get(uid);
  if (!entry) return;
  running.delete(uid);
  for (const child of entry.children.values()) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  log(`stopped ${entry.namespace}/${entry.name}`);
}

const testNamespaces = new Set();
async function isTestNamespace(namespace) {
  if (testNamespaces.has(namespace)) return true;
  const ns = await api('GET', `/api/v1/namespaces/${namespace}`);
  const [key, value] = NAMESPACE_LABEL.split('=');
  if (ns.json?.metadata?.labels?.[key] !== value) return false;
  testNamespaces.add(namespace);
  return true;
}

async function tick() {
  // Schedule: unbound pods for the default scheduler, in test namespaces, with only `image`.
  const unbound = await api(
    'GET',
    `/api/v1/pods?fieldSelector=${encodeURIComponent('spec.nodeName=')}`,
  );
  for (const pod of unbound.json?.items ?? []) {
    const { namespace, name } = pod.metadata;
    if ((pod.spec.schedulerName ?? 'default-scheduler') !== 'default-scheduler')
      continue;
    if (!pod.spec.containers.every(c => c.image === image)) continue;
    if (pod.metadata.deletionTimestamp) continue;
    if (!(await isTestNamespace(namespace))) continue;
    const bound = await api(
      'POST',
      `/api/v1/namespaces/${namespace}/pods/${name}/binding`,
      {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name },
        target: { apiVersion: 'v1', kind: 'Node', name: nodeName },
      },
    );
    log(`bound ${namespace}/${name} to ${nodeName}: ${bound.status}`);
  }
  // Run, stop and finish deleting the pods on the node.
  const mine = await api(
    'GET',
    `/api/v1/pods?fieldSelector=${encodeURIComponent(
      `spec.nodeName=${nodeName}`,
    )}`,
  );
  if (mine.status !== 200) return;
  const seen = new Set();
  for (const pod of mine.json.items) {
    const { namespace, name, uid } = pod.metadata;
    seen.add(uid);
    if (pod.metadata.deletionTimestamp) {
      stop(uid);
      await api(
        'DELETE',
        `/api/v1/namespaces/${namespace}/pods/${name}?gracePeriodSeconds=0`,
      );
    } else if (!running.has(uid)) {
      await run(pod);
    }
  }
  for (const uid of [...running.keys()]) if (!seen.has(uid)) stop(uid);
}

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  for (const uid of [...running.keys()]) stop(uid);
  await api('DELETE', `/api/v1/nodes/${nodeName}`).catch(() => undefined);
  await kubelet.close();
  fs.rmSync(logDir, { recursive: true, force: true });
  log('stopped');
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

while (!stopping) {
  await tick().catch(e => log(`error: ${e.message}`));
  await new Promise(resolve => setTimeout(resolve, 500));
}
