import { useCallback, useMemo, useRef, useState } from 'react';
import { displayText, type LogLine } from '../components/GatewayLogs/LogBuffer';

/** A match: the line's id and which occurrence in that line (0-based). */
export type LogMatch = { id: number; occurrence: number };

type LineMatches = { id: number; count: number };

type MatchIndex = {
  key: string;
  /** Lines with at least one match, oldest first. */
  entries: LineMatches[];
  total: number;
  lastId: number;
};

export type LogSearch = {
  query: string;
  setQuery(query: string): void;
  total: number;
  /** The current match, after next/previous. */
  active?: LogMatch;
  /** 1-based position of the current match, for "3 of 12". */
  activePosition?: number;
  next(): LogMatch | undefined;
  previous(): LogMatch | undefined;
};

/** Every start of `needle` (lower case) in `text`, case-insensitive. */
export function findMatches(text: string, needle: string): number[] {
  if (!needle) return [];
  const haystack = text.toLowerCase();
  const starts: number[] = [];
  for (
    let at = haystack.indexOf(needle);
    at >= 0;
    at = haystack.indexOf(needle, at + needle.length)
  ) {
    starts.push(at);
  }
  return starts;
}

/**
 * Case-insensitive search over the lines as shown. The match index is kept across renders
 * and only the lines added since (and those dropped by the cap) are looked at, so searching
 * while a log is followed costs per new line, not per buffered line.
 */
export function useLogSearch(
  lines: readonly LogLine[],
  showTimestamps: boolean,
): LogSearch {
  const [query, setQueryState] = useState('');
  const [active, setActive] = useState<LogMatch | undefined>();
  const indexRef = useRef<MatchIndex>({
    key: '',
    entries: [],
    total: 0,
    lastId: 0,
  });
  const needle = query.toLowerCase();

  const index = useMemo(() => {
    const key = `${showTimestamps}:${needle}`;
    let current = indexRef.current;
    if (current.key !== key) {
      current = { key, entries: [], total: 0, lastId: 0 };
    }
    if (!needle) {
      indexRef.current = current;
      return current;
    }
    const firstId = lines.length > 0 ? lines[0].id : Infinity;
    let dropped = 0;
    let droppedCount = 0;
    while (
      dropped < current.entries.length &&
      current.entries[dropped].id < firstId
    ) {
      droppedCount += current.entries[dropped].count;
      dropped++;
    }
    const entries =
      dropped > 0 ? current.entries.slice(dropped) : [...current.entries];
    let total = current.total - droppedCount;
    const startIndex =
      lines.length > 0 ? Math.max(0, current.lastId - lines[0].id + 1) : 0;
    for (let i = startIndex; i < lines.length; i++) {
      const count = findMatches(
        displayText(lines[i], showTimestamps),
        needle,
      ).length;
      if (count > 0) {
        entries.push({ id: lines[i].id, count });
        total += count;
      }
    }
    const next: MatchIndex = {
      key,
      entries,
      total,
      lastId: lines.length > 0 ? lines[lines.length - 1].id : current.lastId,
    };
    indexRef.current = next;
    return next;
  }, [lines, needle, showTimestamps]);

  const activeEntry = active
    ? index.entries.findIndex(entry => entry.id === active.id)
    : -1;
  const liveActive =
    activeEntry >= 0 &&
    active &&
    active.occurrence < index.entries[activeEntry].count
      ? active
      : undefined;
  let activePosition: number | undefined;
  if (liveActive) {
    activePosition = liveActive.occurrence + 1;
    for (let i = 0; i < activeEntry; i++)
      activePosition += index.entries[i].count;
  }

  const step = useCallback(
    (direction: 1 | -1): LogMatch | undefined => {
      const { entries } = index;
      if (entries.length === 0) return undefined;
      let match: LogMatch;
      const at = liveActive
        ? entries.findIndex(entry => entry.id === liveActive.id)
        : -1;
      if (at < 0) {
        match =
          direction === 1
            ? { id: entries[0].id, occurrence: 0 }
            : {
                id: entries[entries.length - 1].id,
                occurrence: entries[entries.length - 1].count - 1,
              };
      } else {
        const occurrence = liveActive!.occurrence + direction;
        if (occurrence >= 0 && occurrence < entries[at].count) {
          match = { id: entries[at].id, occurrence };
        } else {
          // Wraps around at either end.
          const nextAt = (at + direction + entries.length) % entries.length;
          match = {
            id: entries[nextAt].id,
            occurrence: direction === 1 ? 0 : entries[nextAt].count - 1,
          };
        }
      }
      setActive(match);
      return match;
    },
    [index, liveActive],
  );

  const setQuery = useCallback((value: string) => {
    setQueryState(value);
    setActive(undefined);
  }, []);

  return {
    query,
    setQuery,
    total: index.total,
    active: liveActive,
    activePosition,
    next: () => step(1),
    previous: () => step(-1),
  };
}
