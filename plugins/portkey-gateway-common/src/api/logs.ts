import { PORTKEY_CHART } from '../chart/chartFacts';

/**
 * Request and stream types of the Portkey gateway backend's logs endpoint
 * (`GET /api/portkey-gateway/clusters/:cluster/namespaces/:namespace/pods/:pod/logs`),
 * shared with the frontend.
 *
 * Without `follow` the answer is `text/plain; charset=utf-8`: the redacted log lines. If the
 * per-request byte limit was reached, or the stream from Kubernetes broke off, the last line
 * starts with {@link GATEWAY_LOGS_NOTE_PREFIX}.
 *
 * With `follow=true` the answer is `text/event-stream`: one unnamed event per redacted log
 * line (`data: <line>`), SSE comments as heartbeats, and one named
 * {@link GatewayLogsStreamEnd} event (JSON data `{ "message": ... }`) before the backend
 * closes the stream.
 */

/**
 * Query parameters of the logs endpoint.
 *
 * @public
 */
export type GatewayLogsQuery = {
  /** Container name, default `gateway` (the chart's other containers: `dataservice`, `redis`). */
  container?: string;
  /** Lines from the end, 1 to {@link GATEWAY_LOGS_MAX_TAIL_LINES}; default {@link GATEWAY_LOGS_DEFAULT_TAIL_LINES}. */
  tailLines?: number;
  /** Only lines of the last N seconds (1 to 30 days). */
  sinceSeconds?: number;
  /** The previous (terminated) container's log; cannot be combined with `follow`. */
  previous?: boolean;
  /** Keep the RFC3339 timestamp at the start of each line. */
  timestamps?: boolean;
  /** Stream new lines as server-sent events. */
  follow?: boolean;
};

/** @public */
export const GATEWAY_LOGS_DEFAULT_CONTAINER = PORTKEY_CHART.gatewayContainer;
/** @public */
export const GATEWAY_LOGS_DEFAULT_TAIL_LINES = 500;
/** @public */
export const GATEWAY_LOGS_MAX_TAIL_LINES = 10_000;
/** @public */
export const GATEWAY_LOGS_MAX_SINCE_SECONDS = 30 * 24 * 3600;

/**
 * The named SSE events that end a followed stream: `limit` (the per-request byte limit was
 * reached), `error` (the stream from Kubernetes broke off), `end` (Kubernetes closed the
 * stream, e.g. the container stopped).
 *
 * @public
 */
export type GatewayLogsStreamEnd = 'limit' | 'error' | 'end';

/**
 * The JSON data of a {@link GatewayLogsStreamEnd} event.
 *
 * @public
 */
export type GatewayLogsStreamEndData = { message: string };

/**
 * The start of the backend's own closing note in a plain-text log answer.
 *
 * @public
 */
export const GATEWAY_LOGS_NOTE_PREFIX = '[portkey-gateway] ';
