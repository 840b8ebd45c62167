import { ResponseError } from '@backstage/errors';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  backendError,
  BACKEND_BASE_URL,
  ENTITY_PATH,
} from '../__testUtils__/backend';
import {
  entityStatusOf,
  gatewayEntityRef,
  healthyGateway,
} from '../__testUtils__/gatewayStatus';
import { sseResponse } from '../__testUtils__/sseStream';
import { createTestClient, TEST_TOKEN } from '../__testUtils__/testClient';
import type { GatewayLogsEnd } from './PortkeyGatewayApi';

const server = setupServer();
registerMswTestHooks(server);

const client = createTestClient();
const POD = 'portkey-ai-gateway-7d9f8-abcde';

async function rejection(promise: Promise<unknown>): Promise<ResponseError> {
  const error = await promise.then(
    () => undefined,
    e => e,
  );
  expect(error).toBeInstanceOf(ResponseError);
  return error as ResponseError;
}

describe('PortkeyGatewayClient JSON routes', () => {
  it('reads an entity status with the user token', async () => {
    let authorization: string | null = null;
    server.use(
      http.get(`${ENTITY_PATH}/status`, ({ request }) => {
        authorization = request.headers.get('authorization');
        return HttpResponse.json(entityStatusOf(healthyGateway));
      }),
    );
    const status = await client.getEntityStatus(gatewayEntityRef);
    expect(status.gateway?.replicas.ready).toBe(2);
    expect(authorization).toBe(`Bearer ${TEST_TOKEN}`);
  });

  it('reads clusters, namespace gateways and entity settings from their routes', async () => {
    server.use(
      http.get(`${BACKEND_BASE_URL}/clusters`, () =>
        HttpResponse.json({ items: [{ name: 'prod', namespaces: null }] }),
      ),
      http.get(
        `${BACKEND_BASE_URL}/clusters/prod/namespaces/ai%20gw/gateways`,
        () =>
          HttpResponse.json({
            cluster: 'prod',
            namespace: 'ai gw',
            observedAt: '2026-12-01T12:00:00.000Z',
            items: [healthyGateway],
          }),
      ),
      http.get(`${ENTITY_PATH}/settings`, () =>
        HttpResponse.json({ release: 'portkey-ai-gateway', problems: [] }),
      ),
    );
    expect(await client.getClusters()).toEqual([
      { name: 'prod', namespaces: null },
    ]);
    const list = await client.getNamespaceGateways('prod', 'ai gw');
    expect(list.items.map(item => item.release)).toEqual([
      'portkey-ai-gateway',
    ]);
    const settings = await client.getEntitySettings(gatewayEntityRef);
    expect(settings.release).toBe('portkey-ai-gateway');
  });

  it.each([
    [403, 'Missing permission portkey.gateway.status.read'],
    [404, 'Entity component:default/portkey-ai-gateway not found'],
    [503, 'Cluster "default" cannot be reached: connect ECONNREFUSED'],
  ])(
    'turns a %i into a ResponseError with the backend message',
    async (code, message) => {
      server.use(
        http.get(`${ENTITY_PATH}/status`, () => backendError(code, message)),
      );
      const error = await rejection(client.getEntityStatus(gatewayEntityRef));
      expect(error.statusCode).toBe(code);
      expect(error.body.error.message).toBe(message);
    },
  );
});

describe('PortkeyGatewayClient logs', () => {
  const logsUrl = `${ENTITY_PATH}/pods/${POD}/logs`;

  it('fetches the log once as text with the query', async () => {
    let query = '';
    server.use(
      http.get(logsUrl, ({ request }) => {
        query = new URL(request.url).search;
        return HttpResponse.text('line 1\nline 2\n');
      }),
    );
    const text = await client
      .entityLogs(gatewayEntityRef)
      .fetchLogs(POD, { container: 'gateway', tailLines: 100, previous: true });
    expect(text).toBe('line 1\nline 2\n');
    expect(query).toBe('?container=gateway&tailLines=100&previous=true');
  });

  it('follows lines in batches per chunk and reports the end event', async () => {
    let query = '';
    let authorization: string | null = null;
    server.use(
      http.get(logsUrl, ({ request }) => {
        query = new URL(request.url).search;
        authorization = request.headers.get('authorization');
        return sseResponse([
          ': streaming logs\n\n',
          'data: one\n\ndata: two\n\n',
          ': heartbeat\n\ndata: three\n\n',
          'event: end\ndata: {"message":"The container stopped"}\n\n',
        ]);
      }),
    );
    const batches: string[][] = [];
    const ends: GatewayLogsEnd[] = [];
    await client
      .entityLogs(gatewayEntityRef)
      .followLogs(
        POD,
        { tailLines: 10 },
        { onLines: lines => batches.push(lines), onEnd: end => ends.push(end) },
        new AbortController().signal,
      );
    expect(batches).toEqual([['one', 'two'], ['three']]);
    expect(ends).toEqual([{ kind: 'end', message: 'The container stopped' }]);
    expect(query).toBe('?tailLines=10&follow=true');
    expect(authorization).toBe(`Bearer ${TEST_TOKEN}`);
  });

  it('rejects with the backend error when the stream cannot start, without retrying', async () => {
    let requests = 0;
    server.use(
      http.get(logsUrl, () => {
        requests += 1;
        return backendError(
          403,
          'Missing permission portkey.gateway.logs.read',
        );
      }),
    );
    const onLines = jest.fn();
    const error = await rejection(
      client
        .entityLogs(gatewayEntityRef)
        .followLogs(
          POD,
          {},
          { onLines, onEnd: jest.fn() },
          new AbortController().signal,
        ),
    );
    expect(error.statusCode).toBe(403);
    expect(error.body.error.message).toBe(
      'Missing permission portkey.gateway.logs.read',
    );
    // The library would retry after 1 s unless onerror throws.
    await new Promise(resolve => setTimeout(resolve, 1200));
    expect(requests).toBe(1);
    expect(onLines).not.toHaveBeenCalled();
  });

  it('resolves when aborted, after delivering what arrived', async () => {
    server.use(
      http.get(logsUrl, () => sseResponse(['data: first\n\n'], { hold: true })),
    );
    const controller = new AbortController();
    const batches: string[][] = [];
    const following = client.entityLogs(gatewayEntityRef).followLogs(
      POD,
      {},
      {
        onLines: lines => {
          batches.push(lines);
          controller.abort();
        },
        onEnd: jest.fn(),
      },
      controller.signal,
    );
    await expect(following).resolves.toBeUndefined();
    expect(batches).toEqual([['first']]);
  });

  it('uses the namespace routes for a namespace log source', async () => {
    server.use(
      http.get(
        `${BACKEND_BASE_URL}/clusters/prod/namespaces/ai-gateways/pods/${POD}/logs`,
        () => HttpResponse.text('ns line\n'),
      ),
    );
    const text = await client
      .namespaceLogs('prod', 'ai-gateways')
      .fetchLogs(POD, {});
    expect(text).toBe('ns line\n');
  });
});
