import { act } from '@testing-library/react';
import { ResponseError } from '@backstage/errors';
import type {
  GatewayContainerStatus,
  GatewayPodStatus,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import type {
  GatewayLogsHandlers,
  GatewayLogsSource,
} from '../../../api/PortkeyGatewayApi';

type FollowCall = {
  pod: string;
  query: Parameters<GatewayLogsSource['followLogs']>[1];
  handlers: GatewayLogsHandlers;
  signal: AbortSignal;
  resolve(): void;
  reject(error: unknown): void;
};

/** A GatewayLogsSource the test drives: push lines, end or break the current stream. */
export class FakeLogsSource implements GatewayLogsSource {
  readonly follows: FollowCall[] = [];
  readonly fetchLogs = jest.fn<
    ReturnType<GatewayLogsSource['fetchLogs']>,
    Parameters<GatewayLogsSource['fetchLogs']>
  >(async () => '');

  followLogs(
    pod: string,
    query: FollowCall['query'],
    handlers: GatewayLogsHandlers,
    signal: AbortSignal,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.follows.push({ pod, query, handlers, signal, resolve, reject });
      signal.addEventListener('abort', () => resolve());
    });
  }

  /** The stream being followed now. */
  get current(): FollowCall {
    const call = this.follows[this.follows.length - 1];
    if (!call) throw new Error('nothing is followed');
    return call;
  }

  push(...lines: string[]) {
    act(() => this.current.handlers.onLines(lines));
  }

  async end(kind: 'limit' | 'error' | 'end', message: string) {
    await act(async () => {
      this.current.handlers.onEnd({ kind, message });
      this.current.resolve();
    });
  }

  async fail(error: unknown) {
    await act(async () => this.current.reject(error));
  }
}

export async function responseError(statusCode: number, message: string) {
  const statusText =
    { 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' }[
      statusCode
    ] ?? 'Error';
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'Error', message },
        request: { method: 'GET', url: '/logs' },
        response: { statusCode },
      }),
      {
        status: statusCode,
        statusText,
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}

export function testContainer(
  name: string,
  restarts = 0,
): GatewayContainerStatus {
  return { name, ready: true, restarts, state: 'running', hints: [] };
}

export function testPod(
  name: string,
  containers: GatewayContainerStatus[] = [testContainer('gateway')],
): GatewayPodStatus {
  return {
    name,
    phase: 'Running',
    ready: true,
    restarts: containers.reduce((sum, c) => sum + c.restarts, 0),
    containers,
    hints: [],
  };
}
