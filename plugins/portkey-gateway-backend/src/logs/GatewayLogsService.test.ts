import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { CoreV1Api, V1Node, V1Pod } from '@kubernetes/client-node';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
// The stub kubelet is a repository test script (scripts/kube), not a package; jest compiles
// the .mjs (see docs/test-kubernetes.md).
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  startStubKubelet,
  stubNodeManifest,
} from '../../../../scripts/kube/stub-kubelet.mjs';
import { portkeyGatewayPlugin } from '../plugin';
import { GatewayStatusService } from '../status/GatewayStatusService';
import {
  clusterEntry,
  createTestNamespace,
  deleteTestNamespace,
  portalIdentity,
  TestIdentity,
  testCluster,
  unprivilegedIdentity,
} from '../__testUtils__/testCluster';
import { itLocalOnly } from '../__testUtils__/itLocalOnly';
import { serveRouter } from '../__testUtils__/serveRouter';
import {
  LOG_POD_TIMEOUT_MS,
  realLogPod,
  waitForRealLogPod,
} from '../__testUtils__/realLogPod';
import {
  GatewayLogsService,
  GatewayLogsServiceOptions,
} from './GatewayLogsService';

const cluster = testCluster();

/* eslint-disable jest/no-standalone-expect -- itLocalOnly is `it` */

const POD = 'portkey-ai-gateway-7d9f8b6c4-x2k4q';
const CHART_LABELS = {
  'helm.sh/chart': 'gateway-1.7.7',
  'app.kubernetes.io/version': '2.13.0',
  'app.kubernetes.io/managed-by': 'Helm',
  'app.kubernetes.io/name': 'gateway',
  'app.kubernetes.io/instance': 'portkey-ai',
};

/** Every secret below must never appear in any response. */
const SECRETS = [
  'hdr-bearer-token-1',
  'bare-bearer-token-2',
  'pk-live-portkey-key-3',
  'x-api-key-value-4',
  'azure-api-key-5',
  'json-portkey-key-6',
  'json-api-key-7',
  'redis-password-8',
  'mongo-password-9',
  'query-api-key-10',
  'query-token-11',
  'query-password-12',
  'AKIAIOSFODNN7EXAMPLE',
  'ASIAY34FZKBOKMUTVV7A',
  'json-password-13',
  'follow-secret-14',
];
const SECRET_LINES = [
  'GET /v1/chat/completions Authorization: Bearer hdr-bearer-token-1',
  'retrying upstream with Bearer bare-bearer-token-2',
  'x-portkey-api-key: pk-live-portkey-key-3 x-api-key: x-api-key-value-4',
  'api-key: azure-api-key-5 deployment=gpt-4o',
  '{"x-portkey-api-key":"json-portkey-key-6","api-key": "json-api-key-7","model":"gpt-4o"}',
  'cache redis://:redis-password-8@redis:6379 store mongodb://portkey:mongo-password-9@mongo:27017/db',
  'GET https://upstream/v1?api_key=query-api-key-10&token=query-token-11&password=query-password-12&model=ok',
  'aws AKIAIOSFODNN7EXAMPLE then ASIAY34FZKBOKMUTVV7A',
  '{"user":"admin","password":"json-password-13","ok":true}',
];

const stamp = (date: Date) => date.toISOString().replace('Z', '000000Z');
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function waitFor(check: () => boolean, what: string, ms = 10_000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** A streaming GET that collects the body as it arrives. */
function openStream(url: string, headers: Record<string, string> = {}) {
  let text = '';
  let ended = false;
  let status = 0;
  let contentType = '';
  const req = http.get(url, { headers }, res => {
    status = res.statusCode ?? 0;
    contentType = String(res.headers['content-type']);
    res.setEncoding('utf8');
    res.on('data', chunk => {
      text += chunk;
    });
    res.on('end', () => {
      ended = true;
    });
    res.on('error', () => undefined);
  });
  req.on('error', () => undefined);
  return {
    text: () => text,
    status: () => status,
    contentType: () => contentType,
    ended: () => ended,
    until: (check: (text: string) => boolean, what: string) =>
      waitFor(() => check(text), `${what} in ${JSON.stringify(text)}`),
    close: () => req.destroy(),
  };
}

function expectNoSecrets(text: string) {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/^\s*at /m);
}

/**
 * Against the local kube-apiserver, the pod's logs come from the stub kubelet's files.
 * Against a real cluster (PORTKEY_TEST_REAL_CLUSTER=1) the pod runs: realLogPod() prints the
 * same lines (gateway), a line a second (ticker) and a 200 KB line (huge); checks that need
 * what only the stub's files can hold are skipped there, saying why.
 */
describe('GatewayLogsService through the real kube-apiserver', () => {
  const admin = cluster.admin.makeApiClient(CoreV1Api);
  const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portkey-logs-'));
  const nodeName = `logs-node-${randomBytes(3).toString('hex')}`;
  let namespace: string;
  /** The stub kubelet; undefined against a real cluster. */
  let kubelet:
    | ({ port: number; close: () => Promise<void> } & {
        requests: Array<{ path: string; query: Record<string, string> }>;
      })
    | undefined;
  /** Follow requests the stub kubelet is still answering (stays 0 against a real cluster). */
  let openFollows = 0;
  const servers: http.Server[] = [];
  let portal: TestIdentity;
  let unprivileged: TestIdentity;
  /** Why the real pod is not there to read (real cluster only); see needsRunningPod. */
  let podProblem: Error | undefined;
  let ticker: NodeJS.Timeout | undefined;

  const logFile = (container: string, previous = false) =>
    path.join(
      logDir,
      namespace,
      POD,
      `${container}${previous ? '.previous' : ''}.log`,
    );

  /** Checks that read the pod's output call this first: it fails them with why it is missing. */
  const needsRunningPod = () => {
    if (podProblem) throw podProblem;
  };

  beforeAll(async () => {
    if (cluster.real) {
      namespace = await createTestNamespace('logs');
      portal = await portalIdentity(namespace);
      unprivileged = await unprivilegedIdentity(namespace);
      await admin.createNamespacedPod({
        namespace,
        body: realLogPod({
          name: POD,
          labels: CHART_LABELS,
          lines: SECRET_LINES,
        }),
      });
      // Not thrown here: the checks that need no running container (400, 403, 404, 503) still run.
      podProblem = await waitForRealLogPod(admin, namespace, POD).then(
        () => undefined,
        (e: Error) => e,
      );
      return;
    }
    // The stub's https server, to see when the API server closes a follow request to it.
    const createServer = jest.spyOn(https, 'createServer');
    kubelet = await startStubKubelet({ logDir });
    const stubServer = createServer.mock.results[0].value as https.Server;
    createServer.mockRestore();
    stubServer.on('request', (req, res) => {
      if (!req.url?.includes('follow=true')) return;
      openFollows += 1;
      res.on('close', () => {
        openFollows -= 1;
      });
    });

    await admin.createNode({
      body: stubNodeManifest({
        name: nodeName,
        port: kubelet.port,
      }) as unknown as V1Node,
    });
    namespace = await createTestNamespace('logs');
    portal = await portalIdentity(namespace);
    unprivileged = await unprivilegedIdentity(namespace);
    // The real pod's containers, on the stub's node.
    const pod: V1Pod = realLogPod({
      name: POD,
      labels: CHART_LABELS,
      lines: SECRET_LINES,
    });
    pod.spec!.nodeName = nodeName;
    await admin.createNamespacedPod({ namespace, body: pod });
    fs.mkdirSync(path.join(logDir, namespace, POD), { recursive: true });
    const old = new Date(Date.now() - 3600_000);
    const lines = [];
    for (let i = 1; i <= 1000; i++) {
      lines.push(`${stamp(old)} old line ${i}`);
    }
    const now = new Date();
    lines.push(...SECRET_LINES.map(l => `${stamp(now)} ${l}`));
    lines.push(`${stamp(now)} recent line`);
    fs.writeFileSync(logFile('gateway'), `${lines.join('\n')}\n`);
    fs.writeFileSync(
      logFile('gateway', true),
      `${stamp(old)} previous container crashed: Bearer bare-bearer-token-2\n`,
    );
    // What realLogPod's other two containers print.
    fs.writeFileSync(
      logFile('huge'),
      `${stamp(now)} huge password=long-line-secret-15 ${'x'.repeat(
        200_000,
      )}\n${stamp(now)} after the huge line\n`,
    );
    let tick = 0;
    const writeTick = () => {
      tick += 1;
      fs.appendFileSync(
        logFile('ticker'),
        `${stamp(
          new Date(),
        )} tick ${tick}: Authorization: Bearer follow-secret-14\n`,
      );
    };
    writeTick();
    ticker = setInterval(writeTick, 1000);
  }, LOG_POD_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    clearInterval(ticker);
    for (const server of servers) server.close();
    await kubelet?.close();
    if (kubelet)
      await admin.deleteNode({ name: nodeName }).catch(() => undefined);
    await deleteTestNamespace(namespace);
    fs.rmSync(logDir, { recursive: true, force: true });
  });

  const clusterConfig = (identity: TestIdentity) => ({
    portkeyGateway: { clusters: [clusterEntry('local', identity)] },
  });

  /** The whole plugin, as Backstage serves it (auth, permissions, compression, errors). */
  async function pluginBackend(identity = portal) {
    const { server } = await startTestBackend({
      features: [
        portkeyGatewayPlugin,
        mockServices.rootConfig.factory({ data: clusterConfig(identity) }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    });
    return server;
  }

  /** The plugin's router with a logs service built with the given options. */
  function routerApp(options: GatewayLogsServiceOptions) {
    return serveRouter({
      identity: portal,
      status: new GatewayStatusService(),
      logs: new GatewayLogsService(options),
      servers,
    });
  }

  const logsPath = (pod = POD) =>
    `/api/portkey-gateway/clusters/local/namespaces/${namespace}/pods/${pod}/logs`;
  const routerPath = (pod = POD) =>
    `/clusters/local/namespaces/${namespace}/pods/${pod}/logs`;
  const user = () => mockCredentials.user.header();

  it('sends the last lines as redacted text through the API server', async () => {
    needsRunningPod();
    const server = await pluginBackend();
    const response = await request(server)
      .get(`${logsPath()}?tailLines=3`)
      .set('Authorization', user());
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.text).toBe(
      [
        'aws AKIA[REDACTED] then ASIA[REDACTED]',
        '{"user":"admin","password":"[REDACTED]","ok":true}',
        'recent line',
        '',
      ].join('\n'),
    );
    // The request went through the API server to the kubelet with the limits.
    if (!kubelet) return; // only the stub kubelet shows the requests it got
    expect(kubelet.requests.at(-1)).toMatchObject({
      path: `/containerLogs/${namespace}/${POD}/gateway`,
      query: expect.objectContaining({
        tailLines: '3',
        limitBytes: String(10 * 1024 * 1024),
      }),
    });
  });

  it('defaults to the last 500 lines of the gateway container', async () => {
    needsRunningPod();
    const server = await pluginBackend();
    const response = await request(server)
      .get(logsPath())
      .set('Authorization', user());
    expect(response.status).toBe(200);
    const lines = response.text.trimEnd().split('\n');
    expect(lines).toHaveLength(500);
    expect(lines[0]).toBe('old line 511');
    expect(lines.at(-1)).toBe('recent line');
  });

  it('redacts every kind of secret and none of it leaves the backend', async () => {
    needsRunningPod();
    const server = await pluginBackend();
    const response = await request(server)
      .get(`${logsPath()}?tailLines=11`)
      .set('Authorization', user());
    expect(response.status).toBe(200);
    expectNoSecrets(response.text);
    expect(response.text.trimEnd().split('\n')).toEqual([
      'old line 1000',
      'GET /v1/chat/completions Authorization: Bearer [REDACTED]',
      'retrying upstream with Bearer [REDACTED]',
      'x-portkey-api-key: [REDACTED] x-api-key: [REDACTED]',
      'api-key: [REDACTED] deployment=gpt-4o',
      '{"x-portkey-api-key":"[REDACTED]","api-key": "[REDACTED]","model":"gpt-4o"}',
      'cache redis://:[REDACTED]@redis:6379 store mongodb://portkey:[REDACTED]@mongo:27017/db',
      'GET https://upstream/v1?api_key=[REDACTED]&token=[REDACTED]&password=[REDACTED]&model=ok',
      'aws AKIA[REDACTED] then ASIA[REDACTED]',
      '{"user":"admin","password":"[REDACTED]","ok":true}',
      'recent line',
    ]);
  });

  itLocalOnly(
    'its lines an hour old and its previous container exist only in the stub kubelet’s files; see "a real container’s" checks',
  )('passes sinceSeconds, timestamps and previous on', async () => {
    const server = await pluginBackend();
    const since = await request(server)
      .get(`${logsPath()}?sinceSeconds=600&tailLines=10000`)
      .set('Authorization', user());
    expect(since.status).toBe(200);
    expect(since.text).not.toContain('old line');
    expect(since.text.trimEnd().split('\n')).toHaveLength(
      SECRET_LINES.length + 1,
    );

    const timestamps = await request(server)
      .get(`${logsPath()}?tailLines=1&timestamps=true`)
      .set('Authorization', user());
    expect(timestamps.text).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z recent line\n$/,
    );

    const previous = await request(server)
      .get(`${logsPath()}?previous=true`)
      .set('Authorization', user());
    expect(previous.text).toBe(
      'previous container crashed: Bearer [REDACTED]\n',
    );
    expect(kubelet!.requests.at(-1)?.query).toMatchObject({ previous: 'true' });
  });

  itLocalOnly(
    'it appends to the stub kubelet’s file and counts its open streams; see "a real container’s" checks',
  )(
    'follows as server-sent events: a line written later arrives, and leaving closes the upstream request',
    async () => {
      const server = await pluginBackend();
      const { port } = server.address() as AddressInfo;
      const stream = openStream(
        `http://127.0.0.1:${port}${logsPath()}?follow=true&tailLines=1`,
        { Authorization: user() },
      );
      await stream.until(t => t.includes('data: recent line\n\n'), 'the tail');
      expect(stream.status()).toBe(200);
      expect(stream.contentType()).toBe('text/event-stream; charset=utf-8');
      expect(openFollows).toBe(1);

      const started = Date.now();
      fs.appendFileSync(
        logFile('gateway'),
        `${stamp(new Date())} later: Authorization: Bearer follow-secret-14\n`,
      );
      await stream.until(
        t => t.includes('data: later: Authorization: Bearer [REDACTED]\n\n'),
        'the appended line',
      );
      // Measured: the stub polls the file every 100 ms; the event arrives well under a second.
      expect(Date.now() - started).toBeLessThan(3000);

      // Every kind of secret is redacted in events too.
      fs.appendFileSync(
        logFile('gateway'),
        `${SECRET_LINES.map(l => `${stamp(new Date())} ${l}`).join('\n')}\n`,
      );
      await stream.until(
        t =>
          t.includes(
            'data: {"user":"admin","password":"[REDACTED]","ok":true}',
          ),
        'the appended secrets',
      );
      expectNoSecrets(stream.text());
      expect(stream.text().match(/\[REDACTED\]/g)).toHaveLength(16);

      stream.close();
      await waitFor(() => openFollows === 0, 'the kubelet stream to close');
    },
  );

  itLocalOnly(
    'it expects the line the follow check appended to the stub kubelet’s file; see "a real container’s" checks',
  )('sends SSE heartbeats while nothing is logged', async () => {
    const base = await routerApp({ heartbeatMs: 100 });
    const stream = openStream(`${base}${routerPath()}?follow=true&tailLines=1`);
    await stream.until(t => /(: heartbeat\n\n[^]*){2}/.test(t), 'heartbeats');
    expect(stream.text()).toMatch(
      /^: streaming logs\n\ndata: \{"user":"admin","password":"\[REDACTED\]","ok":true\}\n\n(: heartbeat\n\n)+$/,
    );
    stream.close();
    await waitFor(() => openFollows === 0, 'the kubelet stream to close');
  });

  it('stops at the byte cap with a final message, and asks Kubernetes for no more', async () => {
    needsRunningPod();
    const base = await routerApp({ maxBytes: 2000 });
    const response = await request(base).get(`${routerPath()}?tailLines=1000`);
    expect(response.status).toBe(200);
    const lines = response.text.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(
      '[portkey-gateway] Log output stopped at the limit of 2000 bytes per request. Ask for fewer lines (tailLines) or a shorter period (sinceSeconds).',
    );
    expect(
      Buffer.byteLength(response.text) - Buffer.byteLength(lines.at(-1)!),
    ).toBeLessThanOrEqual(2001);
    expect(lines[0]).toMatch(/^old line \d+$/);
    // eslint-disable-next-line jest/no-conditional-expect -- only the stub kubelet shows its requests
    if (kubelet) expect(kubelet.requests.at(-1)?.query.limitBytes).toBe('2000');

    // Following: the limit event ends the stream and the upstream request.
    const stream = openStream(
      `${base}${routerPath()}?follow=true&tailLines=10000`,
    );
    await waitFor(stream.ended, 'the stream to end');
    expect(stream.text()).toMatch(
      /event: limit\ndata: \{"message":"Log output stopped at the limit of 2000 bytes per request\. [^"]*"\}\n\n$/,
    );
    expect(Buffer.byteLength(stream.text())).toBeLessThan(2300);
    await waitFor(() => openFollows === 0, 'the kubelet stream to close');
  });

  itLocalOnly(
    'it appends to the stub kubelet’s file; see "a real container’s" checks',
  )('cuts a line longer than 64 KB, redacted, and keeps going', async () => {
    fs.appendFileSync(
      logFile('gateway'),
      `${stamp(new Date())} huge password=long-line-secret-15 ${'x'.repeat(
        200_000,
      )}\n${stamp(new Date())} after the huge line\n`,
    );
    const server = await pluginBackend();
    const response = await request(server)
      .get(`${logsPath()}?tailLines=2`)
      .set('Authorization', user());
    const [huge, after, rest] = response.text.split('\n');
    expect(huge).toMatch(
      /^huge password=\[REDACTED\] x+ \[line cut at 65536 bytes, \d+ more bytes not shown\]$/,
    );
    expect(Buffer.byteLength(huge)).toBeLessThan(65536 + 100);
    expect(after).toBe('after the huge line');
    expect(rest).toBe('');
    expect(response.text).not.toContain('long-line-secret-15');
  });

  it('answers a container the pod does not have with the same 404 as an unknown pod', async () => {
    const server = await pluginBackend();
    const response = await request(server)
      .get(`${logsPath()}?container=redis`)
      .set('Authorization', user());
    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({
      name: 'NotFoundError',
      message: `No gateway pod "${POD}" with container "redis" in namespace ${namespace} of cluster "local"`,
    });
    expect(response.text).not.toMatch(/\bat \S+ \(.*:\d+:\d+\)/);
  });

  it('answers 404 for an unknown pod', async () => {
    const server = await pluginBackend();
    const response = await request(server)
      .get(logsPath('portkey-ai-gateway-gone'))
      .set('Authorization', user());
    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({
      name: 'NotFoundError',
      message: `No gateway pod "portkey-ai-gateway-gone" with container "gateway" in namespace ${namespace} of cluster "local"`,
    });
  });

  it('answers 403 when the portal’s Kubernetes user may not read the pod', async () => {
    const server = await pluginBackend(unprivileged);
    const response = await request(server)
      .get(logsPath())
      .set('Authorization', user());
    expect(response.status).toBe(403);
    expect(response.body.error).toEqual({
      name: 'NotAllowedError',
      message: `The portal's Kubernetes credentials for cluster "local" may not read pod "${POD}" in namespace ${namespace}, which is checked before its logs are read (Kubernetes answered 403)`,
    });
  });

  it('refuses bad query values, naming the parameter', async () => {
    const server = await pluginBackend();
    for (const [query, message] of [
      ['tailLines=20000', 'tailLines must be a whole number from 1 to 10000'],
      ['previous=true&follow=true', 'previous and follow cannot be combined'],
      ['follow=maybe', 'follow must be "true" or "false", got "maybe"'],
    ]) {
      const response = await request(server)
        .get(`${logsPath()}?${query}`)
        .set('Authorization', user());
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(message);
    }
  });

  it('answers 503 when the cluster cannot be reached', async () => {
    const { server } = await startTestBackend({
      features: [
        portkeyGatewayPlugin,
        mockServices.rootConfig.factory({
          data: {
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
          },
        }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    });
    const response = await request(server)
      .get(`/api/portkey-gateway/clusters/gone/namespaces/ns/pods/p/logs`)
      .set('Authorization', user());
    expect(response.status).toBe(503);
    expect(response.body.error.message).toMatch(
      /^Cluster "gone" cannot be reached \(ECONNREFUSED\)/,
    );
  });

  // The same checks on what a real container logs (realLogPod): against the local apiserver
  // the stub kubelet serves files holding the same lines, and a timer plays the ticker.
  it('a running container’s logs: sinceSeconds, timestamps and previous reach the kubelet', async () => {
    needsRunningPod();
    const server = await pluginBackend();
    // The ticker logs a line a second: 3 s back holds a few of them.
    const since = await request(server)
      .get(`${logsPath()}?container=ticker&sinceSeconds=3&tailLines=10000`)
      .set('Authorization', user());
    expect(since.status).toBe(200);
    const ticks = since.text.trimEnd().split('\n');
    expect(ticks.length).toBeGreaterThanOrEqual(1);
    expect(ticks.length).toBeLessThanOrEqual(5);
    for (const line of ticks)
      expect(line).toMatch(/^tick \d+: Authorization: Bearer \[REDACTED\]$/);

    const timestamps = await request(server)
      .get(`${logsPath()}?container=ticker&tailLines=1&timestamps=true`)
      .set('Authorization', user());
    expect(timestamps.text).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z tick \d+: Authorization: Bearer \[REDACTED\]\n$/,
    );

    // The container never restarted: the kubelet has no previous one to answer with.
    const previous = await request(server)
      .get(`${logsPath()}?container=ticker&previous=true`)
      .set('Authorization', user());
    expect(previous.status).toBe(400);
    expect(previous.body.error.message).toContain(
      `previous terminated container "ticker" in pod "${POD}" not found`,
    );
  });

  it('a running container’s logs: follows as server-sent events, lines logged later arrive redacted', async () => {
    needsRunningPod();
    const server = await pluginBackend();
    const { port } = server.address() as AddressInfo;
    const stream = openStream(
      `http://127.0.0.1:${port}${logsPath()}?container=ticker&follow=true&tailLines=1`,
      { Authorization: user() },
    );
    const tickEvents = (text: string) =>
      text.match(/^data: tick \d+: Authorization: Bearer \[REDACTED\]$/gm) ??
      [];
    await stream.until(t => tickEvents(t).length >= 1, 'the tail');
    expect(stream.status()).toBe(200);
    expect(stream.contentType()).toBe('text/event-stream; charset=utf-8');
    const started = Date.now();
    await stream.until(t => tickEvents(t).length >= 3, 'two later ticks');
    // A tick a second: two more take about two seconds.
    expect(Date.now() - started).toBeLessThan(5000);
    expectNoSecrets(stream.text());
    expect(stream.text()).toMatch(
      /^: streaming logs\n\n(data: tick \d+: Authorization: Bearer \[REDACTED\]\n\n|: heartbeat\n\n)+$/,
    );
    // None lost or repeated: the tick numbers follow each other.
    const numbers = tickEvents(stream.text()).map(e =>
      Number(/tick (\d+)/.exec(e)![1]),
    );
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0] + i));
    stream.close();
    // Only the stub kubelet shows the upstream request closing (openFollows stays 0 otherwise).
    await waitFor(() => openFollows === 0, 'the kubelet stream to close');
  });

  it('a running container’s logs: sends SSE heartbeats while nothing is logged', async () => {
    needsRunningPod();
    const base = await routerApp({ heartbeatMs: 100 });
    const stream = openStream(
      `${base}${routerPath()}?container=huge&follow=true&tailLines=1`,
    );
    await stream.until(t => /(: heartbeat\n\n[^]*){2}/.test(t), 'heartbeats');
    expect(stream.text()).toMatch(
      /^: streaming logs\n\ndata: after the huge line\n\n(: heartbeat\n\n)+$/,
    );
    stream.close();
    await waitFor(() => openFollows === 0, 'the kubelet stream to close');
  });

  it('a running container’s logs: cuts a line longer than 64 KB, redacted, and keeps going', async () => {
    needsRunningPod();
    const server = await pluginBackend();
    const response = await request(server)
      .get(`${logsPath()}?container=huge`)
      .set('Authorization', user());
    expect(response.status).toBe(200);
    const [huge, after, rest] = response.text.split('\n');
    expect(huge).toMatch(
      /^huge password=\[REDACTED\] x+ \[line cut at 65536 bytes, \d+ more bytes not shown\]$/,
    );
    expect(Buffer.byteLength(huge)).toBeLessThan(65536 + 100);
    expect(after).toBe('after the huge line');
    expect(rest).toBe('');
    expect(response.text).not.toContain('long-line-secret-15');
  });
});
