import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import {
  serveEntityStatus,
  setupBackendServer,
} from './__testUtils__/renderOnEntityPage';
import {
  gatewayEntity,
  healthyGateway,
  plainEntity,
} from './__testUtils__/gatewayStatus';
import { gatewayApiPair } from './__testUtils__/testApis';
import {
  EntityPortkeyGatewayContent,
  isPortkeyGatewayAvailable,
} from './index';

const server = setupBackendServer();

describe('legacy frontend system exports', () => {
  it('renders the entity content in a legacy app', async () => {
    serveEntityStatus(server, healthyGateway);
    await renderInTestApp(
      <TestApiProvider apis={[gatewayApiPair()]}>
        <EntityProvider entity={gatewayEntity}>
          <EntityPortkeyGatewayContent />
        </EntityProvider>
      </TestApiProvider>,
    );
    expect(await screen.findByText('Gateway pods')).toBeInTheDocument();
    expect(screen.getByText('portkeyai/gateway:2.13.0')).toBeInTheDocument();
  });

  it('tells EntitySwitch which entities have a gateway', () => {
    expect(isPortkeyGatewayAvailable(gatewayEntity)).toBe(true);
    expect(isPortkeyGatewayAvailable(plainEntity)).toBe(false);
  });
});
