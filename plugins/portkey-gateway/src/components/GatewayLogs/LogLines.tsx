import {
  memo,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { makeStyles } from '@material-ui/core/styles';
import { displayText, type LogLine } from './LogBuffer';
import { findMatches, type LogMatch } from '../../hooks/useLogSearch';

/** Height of one unwrapped row; wrapped rows are a multiple of it. */
export const LOG_ROW_HEIGHT = 20;
// Rows rendered beyond the visible ones, so a fast scroll does not show blank space.
const OVERSCAN_ROWS = 10;
const GUTTER_CHARS = 7;
const FALLBACK_CHAR_WIDTH = 7.8;
const FALLBACK_WIDTH = 960;

const useStyles = makeStyles(theme => ({
  viewport: {
    position: 'relative',
    overflow: 'auto',
    // The view keeps the user's place itself when old lines are dropped.
    overflowAnchor: 'none',
    backgroundColor: theme.palette.background.default,
    color: theme.palette.text.primary,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    fontFamily:
      'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
    fontSize: 13,
    lineHeight: `${LOG_ROW_HEIGHT}px`,
    '&:focus-visible': {
      outline: `2px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  rows: { position: 'absolute', left: 0, minWidth: '100%' },
  rowsUnwrapped: { width: 'max-content' },
  rowsWrapped: { right: 0 },
  row: { display: 'flex', minHeight: LOG_ROW_HEIGHT },
  rowUnwrapped: { height: LOG_ROW_HEIGHT, whiteSpace: 'pre' },
  rowWrapped: { whiteSpace: 'pre-wrap', wordBreak: 'break-all' },
  gutter: {
    flex: `0 0 ${GUTTER_CHARS}ch`,
    paddingRight: '1ch',
    textAlign: 'right',
    color: theme.palette.text.secondary,
    // Copying lines leaves the numbers behind.
    userSelect: 'none',
  },
  text: { flex: '1 1 auto', minWidth: 0, paddingRight: '1ch' },
  match: {
    backgroundColor: theme.palette.warning.light,
    color: theme.palette.getContrastText(theme.palette.warning.light),
  },
  activeMatch: {
    backgroundColor: theme.palette.primary.main,
    color: theme.palette.primary.contrastText,
  },
  probe: { position: 'absolute', visibility: 'hidden', whiteSpace: 'pre' },
}));

type LogLinesClasses = ReturnType<typeof useStyles>;

export type LogLinesProps = {
  lines: readonly LogLine[];
  /** The id of line number 1 (see LogBufferState.firstId). */
  firstLineId: number;
  showTimestamps: boolean;
  wrap: boolean;
  /** Lower-cased search text; empty for none. */
  needle: string;
  activeMatch?: LogMatch;
  /** Scrolled away from the end: new lines do not move the view. */
  paused: boolean;
  onPausedChange(paused: boolean): void;
  /** A line to bring into view (the current match); `seq` repeats a jump to the same line. */
  scrollTarget?: { id: number; seq: number };
  label: string;
  height: number;
};

type LogRowProps = {
  line: LogLine;
  lineNumber: number;
  showTimestamps: boolean;
  wrap: boolean;
  needle: string;
  activeOccurrence?: number;
  classes: LogLinesClasses;
};

const LogRow = memo((props: LogRowProps) => {
  const {
    line,
    lineNumber,
    showTimestamps,
    wrap,
    needle,
    activeOccurrence,
    classes,
  } = props;
  const text = displayText(line, showTimestamps);
  return (
    <div
      role="listitem"
      data-line-id={line.id}
      className={`${classes.row} ${
        wrap ? classes.rowWrapped : classes.rowUnwrapped
      }`}
    >
      <span className={classes.gutter} aria-hidden>
        {lineNumber}
      </span>
      <span className={classes.text}>
        {highlight(text, needle, activeOccurrence, classes)}
      </span>
    </div>
  );
});

/** The text with its matches in `<mark>`: React elements, never HTML from the log. */
function highlight(
  text: string,
  needle: string,
  activeOccurrence: number | undefined,
  classes: LogLinesClasses,
): ReactNode {
  const starts = findMatches(text, needle);
  if (starts.length === 0) return text;
  const pieces: ReactNode[] = [];
  let at = 0;
  starts.forEach((start, occurrence) => {
    if (start > at) pieces.push(text.slice(at, start));
    const active = occurrence === activeOccurrence;
    pieces.push(
      <mark
        key={start}
        className={active ? classes.activeMatch : classes.match}
        aria-current={active ? 'true' : undefined}
      >
        {text.slice(start, start + needle.length)}
      </mark>,
    );
    at = start + needle.length;
  });
  if (at < text.length) pieces.push(text.slice(at));
  return pieces;
}

/**
 * The log as a virtualized list: only the rows in view (and a few more) are in the DOM, so
 * 50,000 buffered lines cost what 50 do. Unwrapped rows have a fixed height; wrapped rows
 * are estimated from the line length and corrected once measured.
 */
export function LogLines(props: LogLinesProps) {
  const {
    lines,
    firstLineId,
    showTimestamps,
    wrap,
    needle,
    activeMatch,
    paused,
    onPausedChange,
    scrollTarget,
    label,
    height,
  } = props;
  const classes = useStyles();
  const viewportRef = useRef<HTMLDivElement>(null);
  const probeRef = useRef<HTMLSpanElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [charWidth, setCharWidth] = useState(FALLBACK_CHAR_WIDTH);
  const [measureVersion, setMeasureVersion] = useState(0);
  // The first line in view and how far into it: kept in place while paused.
  const anchor = useRef<{ id: number; delta: number } | undefined>();
  const handledTarget = useRef<number | undefined>();

  const viewportHeight = size.height || height;
  const textWidth =
    (size.width || FALLBACK_WIDTH) - (GUTTER_CHARS + 2) * charWidth;
  const charsPerRow = Math.max(20, Math.floor(textWidth / charWidth));

  useLayoutEffect(() => {
    const element = viewportRef.current;
    if (!element) return undefined;
    const probeWidth = probeRef.current?.getBoundingClientRect().width ?? 0;
    if (probeWidth > 0) setCharWidth(probeWidth / 10);
    const update = () =>
      setSize({ width: element.clientWidth, height: element.clientHeight });
    update();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Measured heights hold for one width and one text form.
  const measureKey = `${wrap}:${charsPerRow}:${showTimestamps}`;
  const measured = useMemo(
    () => ({ key: measureKey, heights: new Map<number, number>() }),
    [measureKey],
  );

  // offsets[i]: top of row i; offsets[n]: the total height. Unwrapped: i * row height.
  const offsets = useMemo(() => {
    if (!wrap) return undefined;
    const result = new Float64Array(lines.length + 1);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const estimate =
        LOG_ROW_HEIGHT *
        Math.max(
          1,
          Math.ceil(displayText(line, showTimestamps).length / charsPerRow),
        );
      result[i + 1] = result[i] + (measured.heights.get(line.id) ?? estimate);
    }
    return result;
    // measureVersion: recompute once rendered rows were measured.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lines, wrap, showTimestamps, charsPerRow, measured, measureVersion]);

  const offsetOf = (index: number) =>
    offsets ? offsets[index] : index * LOG_ROW_HEIGHT;
  const totalHeight = offsetOf(lines.length);
  const indexAt = (top: number) => {
    if (!offsets) return Math.floor(top / LOG_ROW_HEIGHT);
    let low = 0;
    let high = lines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (offsets[mid + 1] <= top) low = mid + 1;
      else high = mid;
    }
    return low;
  };

  const first = Math.max(0, indexAt(scrollTop) - OVERSCAN_ROWS);
  const last = Math.min(
    lines.length,
    indexAt(scrollTop + viewportHeight) + 1 + OVERSCAN_ROWS,
  );

  const rememberAnchor = (top: number) => {
    const index = Math.min(indexAt(top), lines.length - 1);
    anchor.current =
      index >= 0
        ? { id: lines[index].id, delta: top - offsetOf(index) }
        : undefined;
  };

  // After every render on purpose: whatever changed (lines, wrap, a measurement), the view
  // goes to the end, to the match, or back to the user's place. Equal states do not re-render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    const element = viewportRef.current;
    if (!element) return;
    const firstId = lines.length > 0 ? lines[0].id : 0;
    // Read now: a resize may not have been observed yet.
    const visibleHeight = element.clientHeight || viewportHeight;
    let top: number;
    if (scrollTarget && scrollTarget.seq !== handledTarget.current) {
      handledTarget.current = scrollTarget.seq;
      const index = scrollTarget.id - firstId;
      if (index < 0 || index >= lines.length) return;
      top = Math.max(
        0,
        offsetOf(index) - visibleHeight / 2 + LOG_ROW_HEIGHT / 2,
      );
    } else if (!paused) {
      top = Math.max(0, totalHeight - visibleHeight);
    } else if (anchor.current) {
      const index = anchor.current.id - firstId;
      top = index < 0 ? 0 : offsetOf(index) + anchor.current.delta;
    } else {
      return;
    }
    if (Math.abs(element.scrollTop - top) >= 1) element.scrollTop = top;
    rememberAnchor(top);
    setScrollTop(top);
  });

  // Wrapped rows: replace estimates with real heights (only rows in the DOM are measured; a
  // row measured once is not counted as a change again).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(() => {
    if (!wrap || !viewportRef.current) return;
    let changed = false;
    viewportRef.current
      .querySelectorAll<HTMLElement>('[data-line-id]')
      .forEach(row => {
        const rowHeight = row.offsetHeight;
        const id = Number(row.dataset.lineId);
        if (rowHeight > 0 && measured.heights.get(id) !== rowHeight) {
          measured.heights.set(id, rowHeight);
          changed = true;
        }
      });
    // Forget lines the cap dropped, so a long follow does not grow the map.
    if (measured.heights.size > 2 * lines.length) {
      const firstId = lines.length > 0 ? lines[0].id : Infinity;
      for (const id of measured.heights.keys()) {
        if (id < firstId) measured.heights.delete(id);
      }
    }
    if (changed) setMeasureVersion(version => version + 1);
  });

  const onScroll = () => {
    const element = viewportRef.current;
    if (!element) return;
    const top = element.scrollTop;
    setScrollTop(top);
    rememberAnchor(top);
    const atEnd =
      top + element.clientHeight >= element.scrollHeight - LOG_ROW_HEIGHT / 2;
    if (!atEnd && !paused) onPausedChange(true);
    else if (atEnd && paused) onPausedChange(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'End') {
      event.preventDefault();
      onPausedChange(false);
    }
  };

  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    const line = lines[i];
    rows.push(
      <LogRow
        key={line.id}
        line={line}
        lineNumber={line.id - firstLineId + 1}
        showTimestamps={showTimestamps}
        wrap={wrap}
        needle={needle}
        activeOccurrence={
          activeMatch?.id === line.id ? activeMatch.occurrence : undefined
        }
        classes={classes}
      />,
    );
  }

  return (
    // A scrollable region is focusable so the keyboard scrolls it (arrows, Page Up/Down,
    // Home; End follows again).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      ref={viewportRef}
      className={classes.viewport}
      style={{ height }}
      role="region"
      aria-label={label}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      data-testid="log-viewport"
    >
      <span ref={probeRef} className={classes.probe} aria-hidden>
        0000000000
      </span>
      <div style={{ height: totalHeight }} role="list" aria-label="Log lines">
        <div
          className={`${classes.rows} ${
            wrap ? classes.rowsWrapped : classes.rowsUnwrapped
          }`}
          style={{ top: offsetOf(first) }}
        >
          {rows}
        </div>
      </div>
    </div>
  );
}
