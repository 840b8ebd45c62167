import {
  ApiBlueprint,
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { portkeyGatewayApiRef } from './PortkeyGatewayApi';
import { PortkeyGatewayClient } from './PortkeyGatewayClient';

/** The client, for both frontend systems (the legacy `createPlugin` takes it as is). */
export const portkeyGatewayApiFactory = createApiFactory({
  api: portkeyGatewayApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new PortkeyGatewayClient({ discoveryApi, fetchApi }),
});

/** The client as an extension of the new frontend system. */
export const portkeyGatewayApiExtension = ApiBlueprint.make({
  params: defineParams => defineParams(portkeyGatewayApiFactory),
});
