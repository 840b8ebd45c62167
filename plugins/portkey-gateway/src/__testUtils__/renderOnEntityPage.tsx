import {
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { GatewayStatus } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { HttpResponse } from 'msw';
import { setupServer, SetupServer } from 'msw/node';
import type { ReactElement } from 'react';
import { entityStatusRoute } from './backend';
import { entityStatusOf, gatewayEntity } from './gatewayStatus';
import { gatewayApiPair } from './testApis';

/** An MSW server for one test file, reset after each test. */
export function setupBackendServer(): SetupServer {
  const server = setupServer();
  registerMswTestHooks(server);
  return server;
}

/** The entity status route answers with `gateway` (absent: nothing of the release runs). */
export function serveEntityStatus(
  server: SetupServer,
  gateway: GatewayStatus | undefined,
) {
  server.use(
    entityStatusRoute(() => HttpResponse.json(entityStatusOf(gateway))),
  );
}

/** Renders `element` on the gateway entity's page, with the real client against MSW. */
export function renderOnEntityPage(element: ReactElement) {
  return renderInTestApp(
    <EntityProvider entity={gatewayEntity}>{element}</EntityProvider>,
    { apis: [gatewayApiPair()] },
  );
}
