#!/usr/bin/env node
// A stub kubelet: the one kubelet endpoint the real kube-apiserver proxies `pods/log` to.
//
//   GET /containerLogs/{namespace}/{pod}/{container}
//       ?tailLines=N &sinceSeconds=N &sinceTime=RFC3339 &timestamps=true
//       &limitBytes=N &follow=true &previous=true
//
// Log text comes from files: <logDir>/<namespace>/<pod>/<container>.log
// (and <container>.previous.log for previous=true). Each line should start with an
// RFC3339 timestamp and one space, as the kubelet stores them; timestamps=true keeps it,
// otherwise it is stripped. Lines without a timestamp are passed through as they are
// and are never dropped by sinceSeconds/sinceTime.
//
// Only the log text is canned: the real apiserver authenticates, authorizes, validates the
// request (a wrong container name gets its 400) and proxies to this server.
//
// Plain Node, no dependencies. HTTPS with a self-signed certificate made by `openssl`
// at start (or pass certFile/keyFile). Listens on 127.0.0.1 only.
//
// As a module:
//   import { startStubKubelet, stubNodeManifest } from './stub-kubelet.mjs';
//   const kubelet = await startStubKubelet({ logDir });      // { port, url, requests, close }
//   POST /api/v1/nodes with stubNodeManifest({ name: 'stub-node', port: kubelet.port })
//   ...
//   await kubelet.close();
//
// From a shell:
//   node scripts/kube/stub-kubelet.mjs --log-dir <dir> [--port N] [--port-file F] [--cert F --key F]
//   (prints STUB_KUBELET_PORT=<port>; stops on SIGTERM/SIGINT)

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';

const HOST = '127.0.0.1';
const FOLLOW_POLL_MS = 100;
// An RFC3339 timestamp (optionally with fractional seconds) followed by one space.
const TIMESTAMP_RE =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})) /;

/** Self-signed cert + key for 127.0.0.1 in a fresh temporary directory. */
function makeSelfSignedCert() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stub-kubelet-'));
  const certFile = path.join(dir, 'tls.crt');
  const keyFile = path.join(dir, 'tls.key');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-nodes',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=stub-kubelet',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return { certFile, keyFile, dir };
}

/** The Node object a test registers so the apiserver proxies pods/log of pods on it to the stub. */
export function stubNodeManifest({ name = 'stub-node', port, labels = {} }) {
  if (!port) throw new Error('stubNodeManifest: port is required');
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
    status: {
      addresses: [
        { type: 'InternalIP', address: HOST },
        { type: 'Hostname', address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: port } },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'stub kubelet',
          lastHeartbeatTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
          lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        },
      ],
    },
  };
}

function parseLine(line) {
  const m = TIMESTAMP_RE.exec(line);
  if (!m) return { time: undefined, text: line, raw: line };
  const t = Date.parse(m[1]);
  return {
    time: Number.isNaN(t) ? undefined : t,
    text: line.slice(m[0].length),
    raw: line,
  };
}

function intParam(params, name) {
  const v = params.get(name);
  if (v === null || v === '') return undefined;
  if (!/^-?\d+$/.test(v))
    throw new HttpError(400, `invalid ${name}: ${JSON.stringify(v)}`);
  return Number(v);
}

function boolParam(params, name) {
  const v = params.get(name);
  return v === 'true' || v === '1';
}

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * Start the stub kubelet.
 * @param {{ logDir: string, port?: number, certFile?: string, keyFile?: string, onRequest?: (r: {method: string, path: string, query: Record<string,string>}) => void }} options
 * @returns {Promise<{ port: number, url: string, requests: Array<{method: string, path: string, query: Record<string,string>}>, close: () => Promise<void> }>}
 */
export async function startStubKubelet({
  logDir,
  port = 0,
  certFile,
  keyFile,
  onRequest,
} = {}) {
  if (!logDir) throw new Error('startStubKubelet: logDir is required');
  let tmp;
  if (!certFile || !keyFile) {
    tmp = makeSelfSignedCert();
    certFile = tmp.certFile;
    keyFile = tmp.keyFile;
  }
  const requests = [];
  const open = new Set(); // follow streams to end on close()

  const server = https.createServer(
    { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) },
    (req, res) => {
      const url = new URL(req.url, `https://${HOST}`);
      const seen = {
        method: req.method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
      };
      requests.push(seen);
      onRequest?.(seen);
      try {
        handle(req, res, url);
      } catch (e) {
        const status = e instanceof HttpError ? e.status : 500;
        if (!res.headersSent) {
          res.writeHead(status, {
            'Content-Type': 'text/plain; charset=utf-8',
          });
        }
        res.end(e.message);
      }
    },
  );

  function handle(req, res, url) {
    if (url.pathname === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
      return;
    }
    const m = /^\/containerLogs\/([^/]+)\/([^/]+)\/([^/]+)\/?$/.exec(
      url.pathname,
    );
    if (!m) throw new HttpError(404, `404 page not found`);
    if (req.method !== 'GET')
      throw new HttpError(405, `method ${req.method} not allowed`);
    const [ns, pod, container] = m.slice(1).map(decodeURIComponent);
    for (const part of [ns, pod, container]) {
      if (
        part === '.' ||
        part === '..' ||
        part.includes('/') ||
        part.includes('\0')
      ) {
        throw new HttpError(
          400,
          `invalid path segment ${JSON.stringify(part)}`,
        );
      }
    }
    const q = url.searchParams;
    const tailLines = intParam(q, 'tailLines');
    const sinceSeconds = intParam(q, 'sinceSeconds');
    const limitBytes = intParam(q, 'limitBytes');
    const sinceTimeRaw = q.get('sinceTime');
    const timestamps = boolParam(q, 'timestamps');
    const follow = boolParam(q, 'follow');
    const previous = boolParam(q, 'previous');
    if (tailLines !== undefined && tailLines < 0)
      throw new HttpError(400, 'tailLines must be >= 0');
    if (sinceSeconds !== undefined && sinceSeconds < 1)
      throw new HttpError(400, 'sinceSeconds must be > 0');
    if (limitBytes !== undefined && limitBytes < 1)
      throw new HttpError(400, 'limitBytes must be > 0');
    let since;
    if (sinceSeconds !== undefined) since = Date.now() - sinceSeconds * 1000;
    if (sinceTimeRaw) {
      since = Date.parse(sinceTimeRaw);
      if (Number.isNaN(since))
        throw new HttpError(
          400,
          `invalid sinceTime: ${JSON.stringify(sinceTimeRaw)}`,
        );
    }

    const podDir = path.join(logDir, ns, pod);
    if (!fs.existsSync(podDir))
      throw new HttpError(404, `pod "${pod}" does not exist`);
    const file = path.join(
      podDir,
      `${container}${previous ? '.previous' : ''}.log`,
    );
    if (!fs.existsSync(file)) {
      // The kubelet's own wording for these two cases.
      throw new HttpError(
        400,
        previous
          ? `previous terminated container "${container}" in pod "${pod}" not found`
          : `container "${container}" in pod "${pod}" is waiting to start: ContainerCreating`,
      );
    }

    let budget = limitBytes ?? Infinity;
    let ended = false;
    const finish = () => {
      if (ended) return;
      ended = true;
      res.end();
    };
    // Write one line (without its newline); false once limitBytes is used up.
    const emit = line => {
      const p = parseLine(line);
      if (since !== undefined && p.time !== undefined && p.time < since)
        return true;
      let buf = Buffer.from(`${timestamps ? p.raw : p.text}\n`, 'utf8');
      if (buf.length > budget) buf = buf.subarray(0, budget);
      budget -= buf.length;
      if (buf.length) res.write(buf);
      return budget > 0;
    };

    const content = fs.readFileSync(file);
    let offset = content.length;
    let text = content.toString('utf8');
    // A trailing partial line (no newline yet) is held back while following, as a tail would.
    let pending = '';
    const lastNl = text.lastIndexOf('\n');
    if (follow && lastNl !== text.length - 1) {
      pending = text.slice(lastNl + 1);
      text = text.slice(0, lastNl + 1);
    }
    let lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    if (tailLines !== undefined)
      lines = tailLines === 0 ? [] : lines.slice(-tailLines);

    res.writeHead(200, {
      'Content-Type': 'text/plain',
      ...(follow ? { 'Cache-Control': 'no-cache' } : {}),
    });
    for (const line of lines) {
      if (!emit(line)) return finish();
    }
    if (!follow) return finish();

    // follow: poll the file for appended bytes until the client goes away (or close()).
    res.flushHeaders?.();
    const timer = setInterval(() => {
      let stat;
      try {
        stat = fs.statSync(file);
      } catch {
        return; // removed: wait for it to come back
      }
      if (stat.size < offset) {
        offset = 0; // truncated or replaced: start over, as `tail -F` does
        pending = '';
      }
      if (stat.size === offset) return;
      const fd = fs.openSync(file, 'r');
      try {
        const chunk = Buffer.alloc(stat.size - offset);
        fs.readSync(fd, chunk, 0, chunk.length, offset);
        offset = stat.size;
        const parts = (pending + chunk.toString('utf8')).split('\n');
        pending = parts.pop();
        for (const line of parts) {
          if (!emit(line)) {
            stop();
            return finish();
          }
        }
      } finally {
        fs.closeSync(fd);
      }
    }, FOLLOW_POLL_MS);
    const stop = () => {
      clearInterval(timer);
      open.delete(entry);
    };
    const entry = { stop, finish };
    open.add(entry);
    res.on('close', stop);
    req.on('close', stop);
  }

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = server.address().port;

  return {
    port: actualPort,
    url: `https://${HOST}:${actualPort}`,
    requests,
    close: () =>
      new Promise(resolve => {
        for (const s of open) {
          s.stop();
          s.finish();
        }
        server.close(() => {
          if (tmp) fs.rmSync(tmp.dir, { recursive: true, force: true });
          resolve();
        });
        server.closeAllConnections?.();
      }),
  };
}

// ---- command line -------------------------------------------------------------
function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const take = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--log-dir') out.logDir = take();
    else if (a === '--port') out.port = Number(take());
    else if (a === '--port-file') out.portFile = take();
    else if (a === '--cert') out.certFile = take();
    else if (a === '--key') out.keyFile = take();
    else if (a === '-h' || a === '--help') out.help = true;
    else throw new Error(`unknown argument: ${a}`);
  }
  return out;
}

// Run as a program only when this file is the entry point. No import.meta and no top-level
// await, so that jest (which compiles .mjs to CommonJS) can import the module.
async function main(argv) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    console.error(`stub-kubelet: ${e.message}`);
    process.exit(2);
  }
  if (args.help || !args.logDir) {
    console.error(
      'usage: node stub-kubelet.mjs --log-dir <dir> [--port N] [--port-file F] [--cert F --key F]',
    );
    process.exit(args.help ? 0 : 2);
  }
  // One JSON line per request on stdout, for logs and shell tests.
  const kubelet = await startStubKubelet({
    ...args,
    onRequest: r => console.log(JSON.stringify(r)),
  });
  if (args.portFile) {
    fs.writeFileSync(`${args.portFile}.tmp`, `${kubelet.port}\n`);
    fs.renameSync(`${args.portFile}.tmp`, args.portFile);
  }
  console.log(`STUB_KUBELET_PORT=${kubelet.port}`);
  const shutdown = async () => {
    await kubelet.close();
    process.exit(0);
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

if (process.argv[1] && path.basename(process.argv[1]) === 'stub-kubelet.mjs') {
  main(process.argv.slice(2)).catch(e => {
    console.error(`stub-kubelet: ${e.stack || e}`);
    process.exit(1);
  });
}
