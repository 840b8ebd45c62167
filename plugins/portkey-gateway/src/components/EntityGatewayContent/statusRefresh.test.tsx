import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse } from 'msw';
import { backendError, entityStatusRoute } from '../../__testUtils__/backend';
import {
  entityStatusOf,
  healthyGateway,
} from '../../__testUtils__/gatewayStatus';
import {
  renderOnEntityPage,
  setupBackendServer,
} from '../../__testUtils__/renderOnEntityPage';
import { EntityPortkeyGatewayCard } from '../GatewayStatus';
import { EntityPortkeyGatewayContent } from './EntityPortkeyGatewayContent';

const server = setupBackendServer();

const PERMISSION_MESSAGE =
  'Missing permission portkey.gateway.status.read for component:default/portkey-ai-gateway';

/** The status route answering `answers` in turn (the last one from then on), counting reads. */
function serveStatusAnswers(...answers: Array<() => Response>) {
  const reads = { count: 0 };
  server.use(
    entityStatusRoute(() => {
      const answer = answers[Math.min(reads.count, answers.length - 1)];
      reads.count += 1;
      return answer();
    }),
  );
  return reads;
}

const healthy = () => HttpResponse.json(entityStatusOf(healthyGateway));
const denied = () => backendError(403, PERMISSION_MESSAGE);
const unreachable = () =>
  backendError(
    503,
    'Cluster "default" cannot be reached: connect ECONNREFUSED',
  );

/** Lets the fake clock run, and the requests it starts be answered. */
async function waitSeconds(seconds: number) {
  for (let elapsed = 0; elapsed < seconds; elapsed += 1) {
    await act(async () => {
      await jest.advanceTimersByTimeAsync(1000);
    });
  }
}

describe('the status refresh', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('stops after a 403 and offers Retry', async () => {
    const reads = serveStatusAnswers(denied);
    await renderOnEntityPage(<EntityPortkeyGatewayContent />);
    expect(
      await screen.findByText("You may not see this gateway's status"),
    ).toBeInTheDocument();
    expect(screen.getByText(PERMISSION_MESSAGE)).toBeInTheDocument();
    expect(reads.count).toBe(1);

    await waitSeconds(30);
    expect(reads.count).toBe(1);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('keeps reading every 10 s after a 503, without a Retry', async () => {
    const reads = serveStatusAnswers(unreachable);
    await renderOnEntityPage(<EntityPortkeyGatewayContent />);
    expect(
      await screen.findByText("The gateway's cluster cannot be reached"),
    ).toBeInTheDocument();
    expect(reads.count).toBe(1);

    await waitSeconds(30);
    expect(reads.count).toBe(4);
    expect(
      screen.queryByRole('button', { name: 'Retry' }),
    ).not.toBeInTheDocument();
  });

  it('reads once on Retry after a 403, and polls again once that read succeeds', async () => {
    const reads = serveStatusAnswers(denied, healthy);
    await renderOnEntityPage(<EntityPortkeyGatewayContent />);
    const retry = await screen.findByRole('button', { name: 'Retry' });

    const user = userEvent.setup({
      advanceTimers: jest.advanceTimersByTime,
    });
    await user.click(retry);
    expect(await screen.findByText('Gateway pods')).toBeInTheDocument();
    expect(reads.count).toBe(2);
    expect(screen.getByText(/refreshed every 10 s$/)).toBeInTheDocument();

    await waitSeconds(10);
    expect(reads.count).toBe(3);
  });

  it('keeps the last status when a refresh is refused, and stops until Retry', async () => {
    const reads = serveStatusAnswers(healthy, denied, healthy);
    await renderOnEntityPage(<EntityPortkeyGatewayContent />);
    expect(await screen.findByText('Gateway pods')).toBeInTheDocument();

    await waitSeconds(10);
    expect(reads.count).toBe(2);
    expect(
      screen.getByText(
        new RegExp(
          `refresh stopped\\. The last refresh failed: ${PERMISSION_MESSAGE}$`,
        ),
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Gateway pods')).toBeInTheDocument();
    await waitSeconds(30);
    expect(reads.count).toBe(2);

    const user = userEvent.setup({
      advanceTimers: jest.advanceTimersByTime,
    });
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByText(/refreshed every 10 s$/),
    ).toBeInTheDocument();
    expect(reads.count).toBe(3);
    expect(
      screen.queryByRole('button', { name: 'Retry' }),
    ).not.toBeInTheDocument();
  });

  it('stops the overview card after a 403 too', async () => {
    const reads = serveStatusAnswers(denied);
    await renderOnEntityPage(<EntityPortkeyGatewayCard />);
    expect(await screen.findByText(PERMISSION_MESSAGE)).toBeInTheDocument();
    await waitSeconds(30);
    expect(reads.count).toBe(1);
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });
});
