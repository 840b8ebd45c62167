import {
  GATEWAY_LOGS_NOTE_PREFIX,
  GatewayLogsStreamEnd,
  GatewayLogsStreamEndData,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { Request, Response } from 'express';
import { IncomingMessage } from 'node:http';
import { toPortalError } from '../kubernetes/kubernetesErrors';
import { NamespaceTarget } from '../kubernetes/target';
import { kubeStream } from '../kubernetes/kubeGet';
import {
  DEFAULT_MAX_LINE_BYTES,
  LineSplitter,
  LogTextSplitter,
} from './LogLineSplitter';
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

const NEWLINE = 10;
/** 256 KB: the largest write of text (not followed). */
const TEXT_WRITE_BYTES = 256 * 1024;

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
    const { cluster, namespace, clients, pod, req, res } = target;
    const query = parseLogQuery(target.query);
    const action = `read the logs of container "${query.container}" of pod "${pod}" in namespace ${namespace}`;

    let clientGone = false;
    let onGone: (() => void) | undefined;
    const onClose = () => {
      if (res.writableEnded) return;
      clientGone = true;
      onGone?.();
    };
    req.on('close', onClose);
    res.on('close', onClose);
    const stopListening = () => {
      req.off('close', onClose);
      res.off('close', onClose);
    };

    // Closes the request to the API server (and with it the kubelet's stream) unless it has
    // already ended; a no-op after a normal end.
    const upstreamAbort = new AbortController();
    onGone = () => upstreamAbort.abort();
    let upstream: IncomingMessage;
    try {
      upstream = await kubeStream(
        clients.kubeConfig,
        logPath(namespace, pod, query, this.maxBytes),
        upstreamAbort.signal,
      );
    } catch (error) {
      stopListening();
      if (clientGone) return; // nobody to tell
      throw toPortalError(error, { cluster, action });
    }
    // Errors after this point (the connection breaking, or our own abort) end the stream
    // below; until then they must not go unheard.
    let upstreamError: Error | undefined;
    upstream.on('error', (error: Error) => {
      upstreamError ??= error;
    });
    if (clientGone) {
      upstreamAbort.abort();
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

    // Following: lines as server-sent events. Once: the text, mostly the bytes received.
    const options = { maxLineBytes: this.maxLineBytes };
    const splitter = follow
      ? new LineSplitter(options)
      : new LogTextSplitter(options);
    const maxBytes = this.maxBytes;
    let sent = 0;
    await new Promise<void>(resolve => {
      let done = false;
      /** After a write: read no more from the API server until the client has caught up. */
      const backpressure = (more: boolean) => {
        if (more || upstream.isPaused()) return;
        upstream.pause();
        res.once('drain', () => {
          if (!done) upstream.resume();
        });
      };

      // The text goes out in writes of up to TEXT_WRITE_BYTES: what arrived in one turn of
      // the event loop (often a few TLS records of 16 KB) is sent with one write, as one
      // HTTP chunk. Each write to a local client wakes it up; fewer, larger writes cost
      // both sides less.
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      let scheduled: NodeJS.Immediate | undefined;
      const writePending = () => {
        clearImmediate(scheduled);
        scheduled = undefined;
        if (!pending.length) return;
        const text =
          pending.length === 1
            ? pending[0]
            : Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        if (!done) backpressure(res.write(text));
        else if (!res.writableEnded) res.write(text);
      };

      const ending = (e: Ending) => {
        if (done) return;
        done = true;
        clearInterval(heartbeat);
        if (e.kind !== 'end') upstreamAbort.abort();
        upstream.removeListener('data', onData);
        stopListening();
        if (e.kind === 'client-gone') {
          clearImmediate(scheduled);
          pending = [];
        } else if (!res.writableEnded) {
          writePending();
          const last = finalMessage(e, maxBytes, follow);
          if (last) res.write(last);
          res.end();
        }
        resolve();
      };

      /**
       * Sends the lines of one upstream chunk as events, with one write and one flush, so
       * that they reach the browser at once. False when the byte cap ended the stream.
       */
      const sendEvents = (lines: string[]): boolean => {
        if (!lines.length) return true;
        let text = '';
        for (const line of lines) text += `data: ${withoutCr(line)}\n\n`;
        const bytes = Buffer.byteLength(text);
        if (sent + bytes > maxBytes) {
          // Only the events that fit in full.
          text = '';
          for (const line of lines) {
            const event = `data: ${withoutCr(line)}\n\n`;
            const size = Buffer.byteLength(event);
            if (sent + size > maxBytes) break;
            sent += size;
            text += event;
          }
          if (text) res.write(text);
          ending({ kind: 'limit' });
          return false;
        }
        sent += bytes;
        const more = res.write(text);
        flush();
        backpressure(more);
        return true;
      };

      /**
       * Sends the text of one upstream chunk (whole lines). False when the byte cap ended
       * the stream.
       */
      const sendText = (pieces: Buffer[]): boolean => {
        for (const piece of pieces) {
          if (sent + piece.length > maxBytes) {
            // Only the lines that fit in full.
            const room = maxBytes - sent;
            const fits =
              room > 0 ? piece.lastIndexOf(NEWLINE, room - 1) + 1 : 0;
            if (fits > 0) pending.push(piece.subarray(0, fits));
            pendingBytes += fits;
            sent += fits;
            ending({ kind: 'limit' });
            return false;
          }
          sent += piece.length;
          pending.push(piece);
          pendingBytes += piece.length;
        }
        if (pendingBytes >= TEXT_WRITE_BYTES) writePending();
        else if (pending.length) scheduled ??= setImmediate(writePending);
        return true;
      };

      const send = (): boolean =>
        splitter instanceof LineSplitter
          ? sendEvents(splitter.end())
          : sendText(splitter.end());
      function onData(chunk: Buffer) {
        if (done) return;
        if (splitter instanceof LineSplitter) sendEvents(splitter.write(chunk));
        else sendText(splitter.write(chunk));
      }

      onGone = () => ending({ kind: 'client-gone' });
      if (clientGone) {
        ending({ kind: 'client-gone' });
        return;
      }
      if (upstreamError) {
        ending({ kind: 'error', error: upstreamError });
        return;
      }
      upstream.on('data', onData);
      upstream.on('error', (error: Error) => ending({ kind: 'error', error }));
      upstream.on('end', () => {
        if (done || !send()) return;
        ending({
          kind: splitter.receivedBytes >= maxBytes ? 'limit' : 'end',
        });
      });
      // A connection closed without an end or an error (which Node reports as an error
      // nowadays; this is a fallback).
      upstream.on('close', () => {
        if (!upstream.complete) {
          ending({
            kind: 'error',
            error: new Error('the connection closed before the end'),
          });
        }
      });
    });
  }
}

function withoutCr(line: string): string {
  return line.includes('\r') ? line.replace(/\r/g, '') : line;
}

/** The API server path of a pod's log, with the query client-node's `Log` would send. */
function logPath(
  namespace: string,
  pod: string,
  query: LogQuery,
  maxBytes: number,
): string {
  const params = new URLSearchParams({
    container: query.container,
    follow: String(query.follow),
    previous: String(query.previous),
    timestamps: String(query.timestamps),
    limitBytes: String(maxBytes),
  });
  if (query.tailLines) params.set('tailLines', String(query.tailLines));
  if (query.sinceSeconds)
    params.set('sinceSeconds', String(query.sinceSeconds));
  return `/api/v1/namespaces/${encodeURIComponent(
    namespace,
  )}/pods/${encodeURIComponent(pod)}/log?${params}`;
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
