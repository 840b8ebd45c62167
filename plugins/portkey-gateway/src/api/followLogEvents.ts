import { ResponseError } from '@backstage/errors';
import type { FetchApi } from '@backstage/core-plugin-api';
import { fetchEventSource } from '@microsoft/fetch-event-source';
import type {
  GatewayLogsStreamEnd,
  GatewayLogsStreamEndData,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import type { GatewayLogsEnd, GatewayLogsHandlers } from './PortkeyGatewayApi';

const END_EVENTS: ReadonlySet<string> = new Set<GatewayLogsStreamEnd>([
  'limit',
  'error',
  'end',
]);

function isEndEvent(event: string): event is GatewayLogsStreamEnd {
  return END_EVENTS.has(event);
}

/** Thrown by `onopen` so that `onerror` can tell "could not start" from a broken stream. */
class StreamStartError extends Error {
  constructor(readonly responseError: ResponseError) {
    super(responseError.message);
  }
}

/**
 * Follows the backend's SSE log stream through `fetchApi` (an EventSource cannot send the
 * user's token). Never reconnects by itself: the caller decides how to resume, so lines are
 * never delivered twice.
 */
export async function followLogEvents(
  fetchApi: FetchApi,
  url: string,
  handlers: GatewayLogsHandlers,
  signal: AbortSignal,
): Promise<void> {
  // The lines of one network chunk are parsed synchronously: deliver them in one call.
  let pending: string[] = [];
  const flush = () => {
    if (!pending.length) return;
    const lines = pending;
    pending = [];
    handlers.onLines(lines);
  };

  await fetchEventSource(url, {
    fetch: fetchApi.fetch,
    signal,
    // Without it the library aborts on a hidden tab and reconnects when visible (backstage#31073).
    openWhenHidden: true,
    async onopen(response) {
      if (!response.ok) {
        throw new StreamStartError(await ResponseError.fromResponse(response));
      }
    },
    onmessage(message) {
      if (isEndEvent(message.event)) {
        flush();
        handlers.onEnd(readEnd(message.event, message.data));
        return;
      }
      // The library dispatches a message for every blank line, so heartbeat comments arrive
      // as empty unnamed messages; an empty log line cannot be told from them and is dropped.
      if (message.event !== '' || message.data === '') return;
      if (!pending.length) queueMicrotask(flush);
      pending.push(message.data);
    },
    onclose: flush,
    onerror(error) {
      flush();
      // Throwing stops the library's automatic retry.
      throw error instanceof StreamStartError ? error.responseError : error;
    },
  });
  flush();
}

function readEnd(kind: GatewayLogsStreamEnd, data: string): GatewayLogsEnd {
  let message = data;
  try {
    const parsed = JSON.parse(data) as Partial<GatewayLogsStreamEndData>;
    if (typeof parsed.message === 'string') message = parsed.message;
  } catch {
    // Not JSON: show the data as it came.
  }
  return { kind, message };
}
