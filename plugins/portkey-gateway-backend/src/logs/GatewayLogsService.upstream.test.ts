import { AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import express from 'express';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { GatewayLogsService } from './GatewayLogsService';

const GATEWAY_POD = JSON.stringify({
  metadata: {
    name: 'p',
    namespace: 'ns',
    labels: {
      'app.kubernetes.io/name': 'gateway',
      'app.kubernetes.io/instance': 'portkey-ai',
    },
  },
  spec: { containers: [{ name: 'gateway' }] },
});

/**
 * What the real API server will not do on demand: break off a log stream after it started,
 * or end a followed stream. A plain HTTP server stands in for it here.
 */
describe('GatewayLogsService when the upstream stream ends or breaks', () => {
  let upstream: http.Server;
  let behaviour: (res: http.ServerResponse) => void;
  let app: express.Express;

  beforeAll(async () => {
    upstream = http.createServer((req, res) => {
      // The pod is read first, to check that it is a gateway's.
      if (req.url === '/api/v1/namespaces/ns/pods/p') res.end(GATEWAY_POD);
      else behaviour(res);
    });
    await new Promise<void>(resolve =>
      upstream.listen(0, '127.0.0.1', resolve),
    );
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [
        {
          name: 'fake',
          server: `http://127.0.0.1:${
            (upstream.address() as AddressInfo).port
          }`,
          skipTLSVerify: true,
        },
      ],
      users: [{ name: 'fake', token: 't' }],
      contexts: [{ name: 'fake', cluster: 'fake', user: 'fake' }],
      currentContext: 'fake',
    });
    const clients = {
      name: 'fake',
      kubeConfig,
      core: kubeConfig.makeApiClient(CoreV1Api),
      apps: kubeConfig.makeApiClient(AppsV1Api),
    };
    const service = new GatewayLogsService();
    app = express();
    app.get('/logs', (req, res, next) => {
      service
        .sendLogs({
          cluster: 'fake',
          namespace: 'ns',
          clients,
          pod: 'p',
          query: req.query,
          req,
          res,
        })
        .catch(next);
    });
  });

  afterAll(() => {
    upstream.closeAllConnections();
    upstream.close();
  });

  const breakOff = (res: http.ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.write('first line token=abc\n');
    setTimeout(() => res.socket?.destroy(), 50);
  };

  it('ends a text response with a note when the stream breaks off', async () => {
    behaviour = breakOff;
    const response = await request(app).get('/logs');
    expect(response.status).toBe(200);
    expect(response.text).toMatch(
      /^first line token=\[REDACTED\]\n\[portkey-gateway\] The log stream from Kubernetes broke off: .+\n$/,
    );
  });

  it('ends a followed stream with an error event when the stream breaks off', async () => {
    behaviour = breakOff;
    const response = await request(app).get('/logs?follow=true');
    expect(response.status).toBe(200);
    expect(response.text).toMatch(
      /^: streaming logs\n\ndata: first line token=\[REDACTED\]\n\nevent: error\ndata: \{"message":"The log stream from Kubernetes broke off: [^"]+"\}\n\n$/,
    );
  });

  it('ends a followed stream with an end event when Kubernetes closes it', async () => {
    behaviour = res => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('only line\nunterminated last');
    };
    const response = await request(app).get('/logs?follow=true');
    expect(response.text).toBe(
      ': streaming logs\n\ndata: only line\n\ndata: unterminated last\n\nevent: end\ndata: {"message":"The log stream ended (the container stopped, or Kubernetes closed the stream)."}\n\n',
    );
  });
});
