import type { Response } from 'express';
import { flushCompression, LogBody } from './LogBody';
import { LogEventsBody } from './LogEventsBody';
import { finalMessage, LogStreamEnding } from './logStreamEnd';
import { LogTextBody } from './LogTextBody';
import { UpstreamLog } from './openUpstreamLog';
import { ClientLeaving } from './watchClientLeaving';

export type LogResponseOptions = {
  /** Server-sent events (followed) or plain text (read once). */
  follow: boolean;
  /** The most bytes of log text sent. */
  maxBytes: number;
  /** The longest line held in memory; longer lines are cut. */
  maxLineBytes: number;
  /** How often a followed stream sends an SSE comment, so that idle proxies keep it open. */
  heartbeatMs: number;
};

function writeHeaders(res: Response, follow: boolean) {
  res.status(200);
  res.setHeader(
    'Content-Type',
    follow ? 'text/event-stream; charset=utf-8' : 'text/plain; charset=utf-8',
  );
  // no-transform: compression middleware would otherwise hold events back. Plain text may
  // be compressed.
  res.setHeader(
    'Cache-Control',
    follow ? 'no-cache, no-store, no-transform' : 'no-store',
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Accel-Buffering', 'no');
}

/** Opens an SSE stream at once and keeps it warm; returns the heartbeat's timer. */
function startEvents(res: Response, heartbeatMs: number): NodeJS.Timeout {
  res.flushHeaders();
  res.write(': streaming logs\n\n');
  flushCompression(res);
  return setInterval(() => {
    res.write(': heartbeat\n\n');
    flushCompression(res);
  }, heartbeatMs);
}

/**
 * Sends an opened pod log to the client, redacted: followed as server-sent events with
 * heartbeats, else as text. Reads no more from the API server while the client is behind
 * (backpressure), stops at the byte cap, and ends with a message saying why it ended (see
 * logStreamEnd.ts). The upstream request is aborted whenever it did not end by itself.
 * Resolves when the response is over.
 */
export function writeLogResponse(
  upstream: UpstreamLog,
  res: Response,
  client: ClientLeaving,
  options: LogResponseOptions,
): Promise<void> {
  const { follow, maxBytes, maxLineBytes } = options;
  const { body: stream } = upstream;
  writeHeaders(res, follow);
  const heartbeat = follow ? startEvents(res, options.heartbeatMs) : undefined;

  return new Promise<void>(resolve => {
    let done = false;
    /** After a write: read no more from the API server until the client has caught up. */
    const afterWrite = (more: boolean) => {
      if (more || stream.isPaused()) return;
      stream.pause();
      res.once('drain', () => {
        if (!done) stream.resume();
      });
    };
    const bodyOptions = { res, maxBytes, maxLineBytes, afterWrite };
    const body: LogBody = follow
      ? new LogEventsBody(bodyOptions)
      : new LogTextBody(bodyOptions);

    const ending = (e: LogStreamEnding) => {
      if (done) return;
      done = true;
      clearInterval(heartbeat);
      if (e.kind !== 'end') upstream.abort();
      stream.removeListener('data', onData);
      client.stop();
      if (e.kind === 'client-gone') {
        body.discard();
      } else if (!res.writableEnded) {
        body.flush();
        const last = finalMessage(e, maxBytes, follow);
        if (last) res.write(last);
        res.end();
      }
      resolve();
    };

    function onData(chunk: Buffer) {
      if (done) return;
      if (!body.write(chunk)) ending({ kind: 'limit' });
    }

    client.onLeave(() => ending({ kind: 'client-gone' }));
    if (client.left) {
      ending({ kind: 'client-gone' });
      return;
    }
    if (upstream.earlyError) {
      ending({ kind: 'error', error: upstream.earlyError });
      return;
    }
    stream.on('data', onData);
    stream.on('error', (error: Error) => ending({ kind: 'error', error }));
    stream.on('end', () => {
      if (done) return;
      if (!body.end()) {
        ending({ kind: 'limit' });
        return;
      }
      ending({ kind: body.receivedBytes >= maxBytes ? 'limit' : 'end' });
    });
    // A connection closed without an end or an error (which Node reports as an error
    // nowadays; this is a fallback).
    stream.on('close', () => {
      if (!stream.complete) {
        ending({
          kind: 'error',
          error: new Error('the connection closed before the end'),
        });
      }
    });
  });
}
