import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { readClusterDefinitions } from '../kubernetes/clusterDefinitions';
import { ClusterRegistry } from '../kubernetes/ClusterRegistry';
import { GatewayLogsService } from '../logs/GatewayLogsService';
import { createRouter } from '../router';
import { GatewaySettingsService } from '../settings/GatewaySettingsService';
import { GatewayStatusService } from '../status/GatewayStatusService';
import { clusterEntry, TestIdentity } from './testCluster';

/**
 * The plugin's router on a loopback port, with the framework's error middleware, every
 * permission allowed, no catalog entities, and one cluster
 * "local" read as `identity`; returns its base URL. The server is added to `servers`, for the
 * test file to close.
 */
export async function serveRouter(options: {
  identity: TestIdentity;
  status: GatewayStatusService;
  logs: GatewayLogsService;
  servers: http.Server[];
}): Promise<string> {
  const app = express();
  app.use(
    await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions({ result: AuthorizeResult.ALLOW }),
      logger: mockServices.logger.mock(),
      auditor: mockServices.auditor.mock({
        createEvent: async () => ({
          success: async () => undefined,
          fail: async () => undefined,
        }),
      }),
      catalog: catalogServiceMock(),
      clusters: new ClusterRegistry(
        readClusterDefinitions(
          new ConfigReader({
            portkeyGateway: {
              clusters: [clusterEntry('local', options.identity)],
            },
          }),
        ),
      ),
      status: options.status,
      logs: options.logs,
      settings: new GatewaySettingsService(),
    }),
  );
  // As the framework answers errors: JSON with the status the error means.
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  const server = http.createServer(app);
  options.servers.push(server);
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
