import { renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
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
  portkeyGatewayEntityCard,
  portkeyGatewayEntityContent,
  portkeyGatewayPlugin,
} from './plugin';

const server = setupBackendServer();

beforeEach(() => {
  serveEntityStatus(server, healthyGateway);
});

describe('portkey-gateway plugin (new frontend system)', () => {
  it('is the package default export', async () => {
    const { default: defaultExport } = await import('./index');
    expect(defaultExport).toBe(portkeyGatewayPlugin);
  });

  it('shows the card on an annotated entity', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: gatewayEntity }),
        portkeyGatewayEntityCard,
      ],
      apis: [gatewayApiPair()],
    });
    expect(await screen.findByText('Portkey gateway')).toBeInTheDocument();
    expect(await screen.findByText('Rollout complete')).toBeInTheDocument();
    expect(screen.getByText('Replicas: 2 of 2 ready')).toBeInTheDocument();
    expect(
      screen.getByText('Version: gateway-1.7.7, app 2.13.0'),
    ).toBeInTheDocument();
  });

  it('shows the tab content on an annotated entity', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: gatewayEntity }),
        portkeyGatewayEntityContent,
      ],
      apis: [gatewayApiPair()],
    });
    expect(
      await screen.findByRole('tab', { name: 'Status' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Gateway pods')).toBeInTheDocument();
  });

  it.each([
    ['card', portkeyGatewayEntityCard],
    ['tab', portkeyGatewayEntityContent],
  ])(
    'shows no %s on an entity without the gateway annotations',
    async (_, extension) => {
      renderTestApp({
        extensions: [createTestEntityPage({ entity: plainEntity }), extension],
        apis: [gatewayApiPair()],
      });
      expect(
        await screen.findByTestId('empty-entity-page'),
      ).toBeInTheDocument();
    },
  );
});
