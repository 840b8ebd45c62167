import { screen } from '@testing-library/react';
import { backendError, entityStatusRoute } from '../../__testUtils__/backend';
import {
  CRASHING_POD,
  degradedGateway,
} from '../../__testUtils__/gatewayStatus';
import {
  renderOnEntityPage,
  serveEntityStatus,
  setupBackendServer,
} from '../../__testUtils__/renderOnEntityPage';
import { EntityPortkeyGatewayCard } from './EntityPortkeyGatewayCard';

const server = setupBackendServer();

function renderCard() {
  return renderOnEntityPage(<EntityPortkeyGatewayCard />);
}

describe('EntityPortkeyGatewayCard', () => {
  it('shows a degraded rollout with the failing container and its hint', async () => {
    serveEntityStatus(server, degradedGateway);
    await renderCard();
    expect(await screen.findByText('Rollout degraded')).toBeInTheDocument();
    expect(screen.getByText('Replicas: 1 of 2 ready')).toBeInTheDocument();
    expect(
      screen.getByText('Version: gateway-1.7.7, app 2.14.0'),
    ).toBeInTheDocument();
    expect(screen.getByText('Last problem')).toBeInTheDocument();
    expect(
      screen.getByText(
        `Pod ${CRASHING_POD}: container gateway is in CrashLoopBackOff`,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/raise resources\.limits\.memory/),
    ).toBeInTheDocument();
  });

  it('says when nothing of the release runs', async () => {
    serveEntityStatus(server, undefined);
    await renderCard();
    expect(
      await screen.findByText(
        'No gateway release "portkey-ai-gateway" found in namespace "ai-gateways" of cluster "default".',
      ),
    ).toBeInTheDocument();
  });

  it('shows the permission message of a 403', async () => {
    server.use(
      entityStatusRoute(() =>
        backendError(
          403,
          'You are not allowed to read portkey.gateway.status.read',
        ),
      ),
    );
    await renderCard();
    expect(
      await screen.findByText(
        /You are not allowed to read portkey\.gateway\.status\.read/,
      ),
    ).toBeInTheDocument();
  });
});
