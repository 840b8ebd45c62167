import { InputError, NotFoundError } from '@backstage/errors';
import { Log } from '@kubernetes/client-node';
import {
  GATEWAY_LOGS_NOTE_PREFIX,
  GatewayLogsStreamEnd,
  GatewayLogsStreamEndData,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { toPortalError } from '../clusters/kubernetesErrors';
import { NamespaceTarget } from '../status/GatewayStatusService';
import { DEFAULT_MAX_LINE_BYTES, LogLineSplitter } from './LogLineSplitter';
import { LogQuery, parseLogQuery } from './parseLogQuery';
import { redactLogLine } from './redactLogLine';

/** 10 MB: the most log text one request sends. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
/** 15 s: well under the idle timeouts of common proxies and load balancers (60 s). */
export const DEFAULT_HEARTBEAT_MS = 15_000;

export type GatewayLogsServiceOptions = {
  /** The most bytes of log text sent per request (and asked of Kubernetes as limitBytes). */
  maxBytes?: number;
  /** The longest line held in memory; longer lines are cut. */
  maxLineBytes?: number;
  /** How often a follow stream sends an SSE comment, so that idle proxies keep it open. */
  heartbeatMs?: number;
};

export type SendLogsTarget = NamespaceTarget & {
  pod: string;
  query: Request['query'];
  req: Request;
  res: Response;
};

type Ending =
  | { kind: 'end' }
  | { kind: 'limit' }
  | { kind: 'error'; error: Error }
  | { kind: 'client-gone' };

/**
 * Sends a gateway pod's logs, redacted, once (text/plain) or followed live (server-sent
 * events). The request goes through the cluster's API server (pods/log, with its RBAC and
 * validation), never to a kubelet directly.
 */
export class GatewayLogsService {
  private readonly maxBytes: number;
  private readonly maxLineBytes: number;
  private readonly heartbeatMs: number;

  constructor(options: GatewayLogsServiceOptions = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    this.heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  }

  async sendLogs(target: SendLogsTarget): Promise<void> {
    const { namespace, clients, pod, req, res } = target;
    const query = parseLogQuery(target.query);
    const action = `read the logs of container "${query.container}" of pod "${pod}" in namespace ${namespace}`;

    const splitter = new LogLineSplitter({ maxLineBytes: this.maxLineBytes });
    let ending: ((e: Ending) => void) | undefined;
    let earlyEnding: Ending | undefined;
    const end = (e: Ending) => {
      if (ending) ending(e);
      else earlyEnding ??= e;
    };
    // Log pipes the response body into the splitter; the body is only reachable here. Its
    // errors (the upstream connection breaking, or our own abort) must have a listener.
    splitter.on('pipe', (upstream: Readable) => {
      upstream.on('error', (error: Error) => end({ kind: 'error', error }));
    });
    let clientGone = false;
    const onClose = () => {
      if (res.writableEnded) return;
      clientGone = true;
      end({ kind: 'client-gone' });
    };
    req.on('close', onClose);
    res.on('close', onClose);

    let controller: AbortController;
    try {
      controller = await new Log(clients.kubeConfig).log(
        namespace,
        pod,
        query.container,
        splitter,
        {
          follow: query.follow,
          tailLines: query.tailLines,
          sinceSeconds: query.sinceSeconds,
          previous: query.previous,
          timestamps: query.timestamps,
          limitBytes: this.maxBytes,
        },
      );
    } catch (error) {
      req.off('close', onClose);
      res.off('close', onClose);
      throw await this.explain(error, target, query, action);
    }

    if (clientGone) {
      controller.abort();
      splitter.destroy();
      return;
    }

    const follow = query.follow;
    res.status(200);
    res.setHeader(
      'Content-Type',
      follow ? 'text/event-stream; charset=utf-8' : 'text/plain; charset=utf-8',
    );
    // no-transform: compression middleware would otherwise hold events back. Plain text
    // may be compressed.
    res.setHeader(
      'Cache-Control',
      follow ? 'no-cache, no-store, no-transform' : 'no-store',
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Accel-Buffering', 'no');
    const flush = () => (res as unknown as { flush?: () => void }).flush?.();
    let heartbeat: NodeJS.Timeout | undefined;
    if (follow) {
      res.flushHeaders();
      res.write(': streaming logs\n\n');
      flush();
      heartbeat = setInterval(() => {
        res.write(': heartbeat\n\n');
        flush();
      }, this.heartbeatMs);
    }

    let sent = 0;
    const maxBytes = this.maxBytes;
    await new Promise<void>(resolve => {
      let done = false;
      ending = (e: Ending) => {
        if (done) return;
        done = true;
        clearInterval(heartbeat);
        // Closes the connection to the API server (and with it the kubelet's stream) unless
        // it has already ended; a no-op after a normal end.
        controller.abort();
        splitter.destroy();
        req.off('close', onClose);
        res.off('close', onClose);
        if (e.kind !== 'client-gone' && !res.writableEnded) {
          const last = finalMessage(e, maxBytes, follow);
          if (last) res.write(last);
          res.end();
        }
        resolve();
      };
      if (earlyEnding) {
        ending(earlyEnding);
        return;
      }

      splitter.on('data', (line: string) => {
        if (done) return;
        const chunk = follow
          ? `data: ${line.replace(/\r/g, '')}\n\n`
          : `${line}\n`;
        const bytes = Buffer.byteLength(chunk);
        if (sent + bytes > maxBytes) {
          ending!({ kind: 'limit' });
          return;
        }
        sent += bytes;
        if (!res.write(chunk)) {
          splitter.pause();
          res.once('drain', () => splitter.resume());
        }
        if (follow) flush();
      });
      splitter.on('end', () =>
        ending!({
          kind: splitter.receivedBytes >= maxBytes ? 'limit' : 'end',
        }),
      );
      splitter.on('error', error => ending!({ kind: 'error', error }));
    });
  }

  /**
   * What went wrong before anything was sent. client-node's Log keeps only the status code
   * of a refusal, so for a 400/404/5xx the same request is asked once more through the
   * generated client (one byte, not followed) to get the API server's own reason.
   */
  private async explain(
    error: unknown,
    target: SendLogsTarget,
    query: LogQuery,
    action: string,
  ): Promise<Error> {
    const { cluster, namespace, clients, pod } = target;
    const code = (error as { code?: unknown })?.code;
    if (code === 401 || code === 403)
      return toPortalError(error, { cluster, action });
    let cause: unknown = error;
    try {
      await clients.core.readNamespacedPodLog({
        name: pod,
        namespace,
        container: query.container,
        previous: query.previous,
        limitBytes: 1,
      });
    } catch (diagnosed) {
      cause = diagnosed;
    }
    const diagnosedCode = (cause as { code?: unknown })?.code;
    const reason = statusMessage(cause);
    if (diagnosedCode === 400 && reason) {
      return new InputError(
        `Kubernetes refused to ${action} in cluster "${cluster}": ${reason}`,
      );
    }
    if (diagnosedCode === 404) {
      return new NotFoundError(
        `Not found in cluster "${cluster}" while trying to ${action}${
          reason ? `: ${reason}` : ''
        }`,
      );
    }
    return toPortalError(cause, { cluster, action });
  }
}

/** The message of a Kubernetes Status in an ApiException's body, if there is one. */
function statusMessage(error: unknown): string | undefined {
  let body = (error as { body?: unknown })?.body;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  const message = (body as { message?: unknown })?.message;
  return typeof message === 'string' && message
    ? message.slice(0, 500)
    : undefined;
}

function finalMessage(
  e: Ending,
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
