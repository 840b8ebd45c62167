import { TestApiProvider } from '@backstage/frontend-test-utils';
import { ResponseError } from '@backstage/errors';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { portkeyGatewayApiRef } from '../api/PortkeyGatewayApi';
import {
  entityStatusOf,
  gatewayEntityRef,
  healthyGateway,
} from '../__testUtils__/gatewayStatus';
import {
  GATEWAY_STATUS_REFRESH_MS,
  useGatewayEntityStatus,
} from './useGatewayEntityStatus';

let visibility: DocumentVisibilityState = 'visible';
Object.defineProperty(document, 'visibilityState', {
  configurable: true,
  get: () => visibility,
});

function setVisibility(next: DocumentVisibilityState) {
  visibility = next;
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

async function advance(ms: number) {
  await act(async () => {
    jest.advanceTimersByTime(ms);
  });
}

function renderStatusHook(getEntityStatus: jest.Mock) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[portkeyGatewayApiRef, { getEntityStatus }]]}>
      {children}
    </TestApiProvider>
  );
  return renderHook(() => useGatewayEntityStatus(gatewayEntityRef), {
    wrapper,
  });
}

describe('useGatewayEntityStatus', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    visibility = 'visible';
  });
  afterEach(() => jest.useRealTimers());

  it('reads at once, every 10 s while visible, not while hidden, and again when visible', async () => {
    const getEntityStatus = jest
      .fn()
      .mockResolvedValue(entityStatusOf(healthyGateway));
    const { result } = renderStatusHook(getEntityStatus);
    await advance(0);
    expect(result.current.loading).toBe(false);
    expect(result.current.status?.gateway?.release).toBe('portkey-ai-gateway');
    expect(result.current.observedAt?.toISOString()).toBe(
      entityStatusOf(healthyGateway).observedAt,
    );
    expect(getEntityStatus).toHaveBeenCalledTimes(1);

    await advance(GATEWAY_STATUS_REFRESH_MS);
    expect(getEntityStatus).toHaveBeenCalledTimes(2);

    setVisibility('hidden');
    expect(result.current.autoRefresh).toBe(false);
    await advance(GATEWAY_STATUS_REFRESH_MS * 5);
    expect(getEntityStatus).toHaveBeenCalledTimes(2);

    // Back after a minute: the data is stale, so it is read at once.
    setVisibility('visible');
    await advance(0);
    expect(getEntityStatus).toHaveBeenCalledTimes(3);
    expect(result.current.autoRefresh).toBe(true);
  });

  it('keeps the last status when a refresh fails, and says so', async () => {
    const unavailable = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'ServiceUnavailableError', message: 'unreachable' },
          request: { method: 'GET', url: '/' },
          response: { statusCode: 503 },
        }),
        { status: 503, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    const getEntityStatus = jest
      .fn()
      .mockResolvedValueOnce(entityStatusOf(healthyGateway))
      .mockRejectedValueOnce(unavailable);
    const { result } = renderStatusHook(getEntityStatus);
    await advance(0);
    await advance(GATEWAY_STATUS_REFRESH_MS);
    expect(result.current.error).toBe(unavailable);
    expect(result.current.status?.gateway?.replicas.ready).toBe(2);
  });
});
