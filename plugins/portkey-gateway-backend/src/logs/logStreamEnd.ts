import {
  GATEWAY_LOGS_NOTE_PREFIX,
  GatewayLogsStreamEnd,
  GatewayLogsStreamEndData,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { redactLogLine } from './redactLogLine';

/** Why a log response ended. */
export type LogStreamEnding =
  | { kind: 'end' }
  | { kind: 'limit' }
  | { kind: 'error'; error: Error }
  | { kind: 'client-gone' };

/**
 * The last thing a log response says about why it ended (see the common package's
 * api/logs.ts): an SSE `end`/`limit`/`error` event when followed, else a note line, and
 * nothing after a plain text answer that simply ended.
 */
export function finalMessage(
  e: LogStreamEnding,
  maxBytes: number,
  follow: boolean,
): string | undefined {
  let text: string;
  let event: GatewayLogsStreamEnd;
  switch (e.kind) {
    case 'limit':
      event = 'limit';
      text = `Log output stopped at the limit of ${maxBytes} bytes per request. Ask for fewer lines (tailLines) or a shorter period (sinceSeconds).`;
      break;
    case 'error':
      event = 'error';
      text = `The log stream from Kubernetes broke off: ${redactLogLine(
        e.error.message.replace(/\s+/g, ' ').slice(0, 300),
      )}`;
      break;
    case 'end':
      if (!follow) return undefined;
      event = 'end';
      text =
        'The log stream ended (the container stopped, or Kubernetes closed the stream).';
      break;
    default:
      return undefined;
  }
  if (follow) {
    const data: GatewayLogsStreamEndData = { message: text };
    return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  }
  return `${GATEWAY_LOGS_NOTE_PREFIX}${text}\n`;
}
