/**
 * The lines a logs view holds: pure functions over an immutable state, so a batch of lines
 * is one state change (one render) however many lines it carries.
 *
 * Lines are stored with their Kubernetes timestamp split off (the view always asks for
 * timestamps, and shows them only when the user wants): the timestamp of the last line is
 * what a resumed stream is deduplicated against.
 */

/** One stored log line. `id` is its number since the view started reading (never reused). */
export type LogLine = {
  id: number;
  /** RFC3339 timestamp Kubernetes put before the line, when it did. */
  timestamp?: string;
  text: string;
  /** The portal replaced a secret-looking value in this line. */
  redacted: boolean;
};

export type LogBufferState = {
  /** Oldest first; ids are consecutive, so the index of id `n` is `n - lines[0].id`. */
  lines: readonly LogLine[];
  nextId: number;
  /**
   * The id the first line of this read got. Ids go on across reads (a new pod or query), so
   * the line numbers shown count from here: line `id - firstId + 1`.
   */
  firstId: number;
  /** Lines dropped from the start to stay within the cap. */
  droppedCount: number;
  redactedLineCount: number;
  /** Set by {@link markResume}: incoming lines up to this point were shown already. */
  resumeAfter?: ResumePoint;
};

/** Where a resumed stream continues: the last shown timestamp and the texts shown with it. */
export type ResumePoint = { timestampKey: string; textsAtTimestamp: string[] };

export const REDACTED_MARKER = '[REDACTED]';

// SGR and other CSI sequences: colours are dropped rather than rendered (no HTML injection).
// eslint-disable-next-line no-control-regex
const ANSI_ESCAPE = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
const K8S_TIMESTAMP =
  /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) /;

export function emptyLogBuffer(nextId = 1): LogBufferState {
  return {
    lines: [],
    nextId,
    firstId: nextId,
    droppedCount: 0,
    redactedLineCount: 0,
  };
}

/** Splits the Kubernetes timestamp off a line (`timestamps=true`) and drops ANSI escapes. */
export function parseLogLine(raw: string): {
  timestamp?: string;
  text: string;
} {
  const match = K8S_TIMESTAMP.exec(raw);
  const rest = match ? raw.slice(match[0].length) : raw;
  const text = rest.includes('\u001b') ? rest.replace(ANSI_ESCAPE, '') : rest;
  return match ? { timestamp: match[1], text } : { text };
}

/**
 * A key that sorts like the instant: Go's RFC3339Nano drops trailing zeros of the fraction
 * (`05.1Z` is later than `05.12Z` as a string), so the fraction is padded to nanoseconds.
 */
export function timestampKey(timestamp: string): string {
  const match = /^(.{19})(?:\.(\d+))?Z$/.exec(timestamp);
  if (match) {
    return `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}`;
  }
  // An offset other than Z (not what the kubelet writes): compare by the millisecond.
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms)
    ? timestamp
    : `${new Date(ms).toISOString().slice(0, 23)}000000`;
}

/** Milliseconds since the epoch of the last line with a timestamp, if any. */
export function lastTimestampMs(state: LogBufferState): number | undefined {
  for (let i = state.lines.length - 1; i >= 0; i--) {
    const timestamp = state.lines[i].timestamp;
    if (timestamp) {
      const ms = Date.parse(timestamp);
      return Number.isNaN(ms) ? undefined : ms;
    }
  }
  return undefined;
}

/**
 * Marks that the next lines come from a resumed stream that starts before the last shown
 * line: they are dropped until one is newer than it. Without a timestamped line shown, there
 * is nothing to compare against and everything that comes is kept.
 */
export function markResume(state: LogBufferState): LogBufferState {
  let timestamp: string | undefined;
  const textsAtTimestamp: string[] = [];
  for (let i = state.lines.length - 1; i >= 0; i--) {
    const line = state.lines[i];
    if (!line.timestamp) continue;
    if (timestamp === undefined) timestamp = line.timestamp;
    if (timestampKey(line.timestamp) !== timestampKey(timestamp)) break;
    textsAtTimestamp.push(line.text);
  }
  if (timestamp === undefined) return state;
  return {
    ...state,
    resumeAfter: { timestampKey: timestampKey(timestamp), textsAtTimestamp },
  };
}

/**
 * Appends raw lines (as the backend sent them), dropping those a resumed stream repeats and
 * then the oldest beyond `maxLines`.
 */
export function appendLogLines(
  state: LogBufferState,
  rawLines: readonly string[],
  maxLines: number,
): LogBufferState {
  if (rawLines.length === 0) return state;
  let resumeAfter = state.resumeAfter;
  let pendingRepeats = resumeAfter ? [...resumeAfter.textsAtTimestamp] : [];
  let nextId = state.nextId;
  let redactedLineCount = state.redactedLineCount;
  const added: LogLine[] = [];

  for (const raw of rawLines) {
    const { timestamp, text } = parseLogLine(raw);
    if (resumeAfter && timestamp) {
      const key = timestampKey(timestamp);
      if (key < resumeAfter.timestampKey) continue;
      if (key === resumeAfter.timestampKey) {
        const repeat = pendingRepeats.indexOf(text);
        if (repeat >= 0) {
          pendingRepeats.splice(repeat, 1);
          continue;
        }
      }
    }
    // The first line not shown before: the rest of the stream is new.
    resumeAfter = undefined;
    pendingRepeats = [];
    const redacted = text.includes(REDACTED_MARKER);
    if (redacted) redactedLineCount++;
    added.push({ id: nextId++, timestamp, text, redacted });
  }

  let lines = added.length > 0 ? state.lines.concat(added) : state.lines;
  let droppedCount = state.droppedCount;
  if (lines.length > maxLines) {
    const drop = lines.length - maxLines;
    for (let i = 0; i < drop; i++) {
      if (lines[i].redacted) redactedLineCount--;
    }
    lines = lines.slice(drop);
    droppedCount += drop;
  }
  const next: LogBufferState = {
    lines,
    nextId,
    firstId: state.firstId,
    droppedCount,
    redactedLineCount,
  };
  if (resumeAfter) {
    next.resumeAfter = {
      timestampKey: resumeAfter.timestampKey,
      textsAtTimestamp: pendingRepeats,
    };
  }
  return next;
}

/** The line as shown (and downloaded): with its timestamp only when the user asked for them. */
export function displayText(line: LogLine, showTimestamps: boolean): string {
  return showTimestamps && line.timestamp
    ? `${line.timestamp} ${line.text}`
    : line.text;
}
