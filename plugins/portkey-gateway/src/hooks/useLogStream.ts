import { useCallback, useEffect, useRef, useState } from 'react';
import {
  GATEWAY_LOGS_MAX_SINCE_SECONDS,
  GATEWAY_LOGS_MAX_TAIL_LINES,
  GATEWAY_LOGS_NOTE_PREFIX,
  type GatewayLogsQuery,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import type {
  GatewayLogsEnd,
  GatewayLogsSource,
} from '../api/PortkeyGatewayApi';
import {
  appendLogLines,
  emptyLogBuffer,
  lastTimestampMs,
  markResume,
  type LogBufferState,
} from '../components/GatewayLogs/LogBuffer';
import { isResponseError } from '../components/RequestFailure';

/** What to read: one container's log, once or followed. */
export type LogStreamRequest = {
  pod: string;
  container: string;
  tailLines: number;
  sinceSeconds?: number;
  /** The previous container's log (read once: Kubernetes cannot follow it). */
  previous: boolean;
  follow: boolean;
};

/** Something to tell beside the lines: how a stream ended, the backend's closing note, a give-up. */
export type LogNotice = {
  id: number;
  kind: GatewayLogsEnd['kind'] | 'note' | 'gave-up';
  message: string;
};

export type LogStreamStatus =
  | 'loading'
  | 'following'
  | 'reconnecting'
  | 'done'
  | 'failed';

export type LogStream = {
  buffer: LogBufferState;
  notices: LogNotice[];
  status: LogStreamStatus;
  /** Why nothing could be read (shown in place of the log). */
  error?: Error;
  /** Reads again from scratch. */
  reload(): void;
  /** Follows again after the stream ended, continuing after the last line shown. */
  followAgain(): void;
};

export type LogStreamOptions = {
  maxLines: number;
  /** Waits before each automatic resume of a broken stream; their count is the attempts. */
  retryDelaysMs?: readonly number[];
};

const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 16000];
// The browser's clock and the node's may differ: ask for a little more than the gap, the
// overlap is dropped by timestamp.
const RESUME_MARGIN_SECONDS = 10;
// A hidden tab runs no animation frames and throttles timers: flush early rather than
// letting undrawn lines pile up beyond the cap.
const MAX_PENDING_LINES = 2000;
const FLUSH_FALLBACK_MS = 250;

/**
 * Reads or follows a container's log into a capped {@link LogBufferState}. Lines that arrive
 * while following are applied once per animation frame, not once per event. A stream that
 * breaks is resumed a few times with backoff, asking for the gap since the last line's
 * timestamp and dropping what was shown already. Visibility changes are ignored: the stream
 * keeps running in a hidden tab, so nothing is restarted or repeated when it shows again.
 */
export function useLogStream(
  source: GatewayLogsSource,
  request: LogStreamRequest,
  { maxLines, retryDelaysMs = DEFAULT_RETRY_DELAYS_MS }: LogStreamOptions,
): LogStream {
  const [buffer, setBuffer] = useState<LogBufferState>(emptyLogBuffer);
  const [notices, setNotices] = useState<LogNotice[]>([]);
  const [status, setStatus] = useState<LogStreamStatus>('loading');
  const [error, setError] = useState<Error | undefined>();
  const [generation, setGeneration] = useState(0);
  const followAgainRef = useRef<() => void>(() => {});
  // Ids continue across reloads, so what is keyed by line id (search, scroll) never mixes them up.
  const nextIdRef = useRef(1);

  const { pod, container, tailLines, sinceSeconds, previous, follow } = request;

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    let current = emptyLogBuffer(nextIdRef.current);
    let pending: string[] = [];
    let frame: number | undefined;
    let fallback: ReturnType<typeof setTimeout> | undefined;
    let noticeId = 0;

    const flush = () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      if (fallback !== undefined) clearTimeout(fallback);
      frame = fallback = undefined;
      if (pending.length === 0 || signal.aborted) return;
      current = appendLogLines(current, pending, maxLines);
      nextIdRef.current = current.nextId;
      pending = [];
      setBuffer(current);
    };
    const enqueue = (lines: string[]) => {
      pending.push(...lines);
      if (pending.length >= MAX_PENDING_LINES) {
        flush();
      } else if (frame === undefined) {
        frame = requestAnimationFrame(flush);
        fallback = setTimeout(flush, FLUSH_FALLBACK_MS);
      }
    };
    const notify = (kind: LogNotice['kind'], message: string) => {
      if (signal.aborted) return;
      const notice = { id: ++noticeId, kind, message };
      setNotices(previousNotices => [...previousNotices, notice]);
    };

    setBuffer(current);
    setNotices([]);
    setError(undefined);
    setStatus('loading');

    const readOnce = async () => {
      try {
        const text = await source.fetchLogs(
          pod,
          { container, tailLines, sinceSeconds, previous, timestamps: true },
          signal,
        );
        const lines = text.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        const last = lines[lines.length - 1];
        if (last?.startsWith(GATEWAY_LOGS_NOTE_PREFIX)) {
          lines.pop();
          notify('note', last.slice(GATEWAY_LOGS_NOTE_PREFIX.length));
        }
        enqueue(lines);
        flush();
        if (!signal.aborted) setStatus('done');
      } catch (e) {
        if (signal.aborted) return;
        setError(e as Error);
        setStatus('failed');
      }
    };

    const initialQuery: Omit<GatewayLogsQuery, 'follow' | 'previous'> = {
      container,
      tailLines,
      sinceSeconds,
      timestamps: true,
    };
    // The gap since the last line shown; everything again when nothing was shown yet.
    const resumeQuery = () => {
      const lastMs = lastTimestampMs(current);
      if (lastMs === undefined) return initialQuery;
      const gap =
        Math.ceil((Date.now() - lastMs) / 1000) + RESUME_MARGIN_SECONDS;
      return {
        container,
        timestamps: true,
        tailLines: GATEWAY_LOGS_MAX_TAIL_LINES,
        sinceSeconds: Math.min(
          Math.max(gap, 1),
          GATEWAY_LOGS_MAX_SINCE_SECONDS,
        ),
      };
    };

    const followLoop = async (resumeFirst: boolean) => {
      let resume = resumeFirst;
      let query = resume ? resumeQuery() : initialQuery;
      if (resume) current = markResume(current);
      // An object: the line handler resets it from inside the loop.
      const attempts = { failed: 0 };
      for (;;) {
        let ended: GatewayLogsEnd | undefined;
        let failure: unknown;
        setStatus(attempts.failed === 0 ? 'following' : 'reconnecting');
        try {
          await source.followLogs(
            pod,
            query,
            {
              onLines: lines => {
                // Lines flow again: the next break gets the full set of attempts.
                attempts.failed = 0;
                enqueue(lines);
              },
              onEnd: end => {
                ended = end;
              },
            },
            signal,
          );
        } catch (e) {
          failure = e;
        }
        if (signal.aborted) return;
        // Everything of this stream is in the buffer before a resume compares against it.
        flush();

        if (ended && ended.kind !== 'error') {
          notify(ended.kind, ended.message);
          setStatus('done');
          return;
        }
        // A refusal before anything was shown replaces the log; later, only a 503 (the
        // cluster for a moment) is worth retrying.
        if (isResponseError(failure) && !resume && current.lines.length === 0) {
          setError(failure as Error);
          setStatus('failed');
          return;
        }
        const refused = isResponseError(failure) && failure.statusCode !== 503;
        const reason = ended
          ? ended.message
          : (failure as Error | undefined)?.message ??
            'The stream closed without saying why.';
        if (refused || attempts.failed >= retryDelaysMs.length) {
          notify(
            'gave-up',
            refused
              ? `Following stopped: ${reason}`
              : `The log stream broke off and could not be resumed after ${
                  attempts.failed
                } ${attempts.failed === 1 ? 'attempt' : 'attempts'}: ${reason}`,
          );
          setStatus('failed');
          return;
        }
        setStatus('reconnecting');
        await abortableDelay(retryDelaysMs[attempts.failed], signal);
        if (signal.aborted) return;
        attempts.failed++;
        resume = true;
        current = markResume(current);
        query = resumeQuery();
      }
    };

    let following = false;
    const startFollowing = (resume: boolean) => {
      if (following || signal.aborted) return;
      following = true;
      followLoop(resume).finally(() => {
        following = false;
      });
    };
    followAgainRef.current = () => startFollowing(true);
    if (follow && !previous) {
      startFollowing(false);
    } else {
      readOnce();
    }
    return () => {
      controller.abort();
      flush();
      followAgainRef.current = () => {};
    };
  }, [
    source,
    pod,
    container,
    tailLines,
    sinceSeconds,
    previous,
    follow,
    maxLines,
    retryDelaysMs,
    generation,
  ]);

  const reload = useCallback(() => setGeneration(g => g + 1), []);
  const followAgain = useCallback(() => followAgainRef.current(), []);
  return { buffer, notices, status, error, reload, followAgain };
}

function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}
