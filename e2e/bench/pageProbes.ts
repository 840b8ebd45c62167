/*
 * What the benchmark runs inside the page. Each function is serialized by page.evaluate, so
 * it uses nothing but the browser's globals and keeps its state on `window.__bench`.
 */
import type { Page } from '@playwright/test';

const VIEWPORT = '[data-testid=log-viewport]';
const ROW = `${VIEWPORT} [role=listitem]`;

/** Installed before the app loads: records when the app asks for a pod's log. */
export function recordLogRequests() {
  const w = window as any;
  w.__benchLogRequests = [] as { url: string; at: number }[];
  const original = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url =
      typeof input === 'string' ? input : String((input as any).url ?? input);
    if (url.includes('/logs?'))
      w.__benchLogRequests.push({ url, at: Date.now() });
    return original(input, init);
  };
}

/** The wall-clock time of the last log request whose URL contains `part`. */
export function lastLogRequestAt(page: Page, part: string): Promise<number> {
  return page.evaluate(p => {
    const requests = (window as any).__benchLogRequests as {
      url: string;
      at: number;
    }[];
    const hits = requests.filter(r => r.url.includes(p));
    return hits.length ? hits[hits.length - 1].at : NaN;
  }, part);
}

/**
 * Starts noting, with Date.now() (the clock Node writes the lines with), when each marker
 * matching `pattern` is first in the log's DOM. A MutationObserver sees the commit; the line
 * is painted in the frame after it.
 */
export function watchMarkers(page: Page, pattern: string) {
  return page.evaluate(
    ([selector, source]) => {
      const w = window as any;
      const seen: Record<string, number> = {};
      const viewport = document.querySelector(selector)!;
      const scan = () => {
        const now = Date.now();
        const re = new RegExp(source, 'g');
        for (const m of viewport.textContent!.matchAll(re)) seen[m[0]] ??= now;
      };
      w.__benchMarkers?.disconnect();
      w.__benchMarkers = new MutationObserver(scan);
      w.__benchMarkers.observe(viewport, {
        childList: true,
        subtree: true,
        characterData: true,
      });
      w.__benchSeen = seen;
      scan();
    },
    [VIEWPORT, pattern] as const,
  );
}

/** When each watched marker was first seen (Date.now()), and stops watching. */
export function seenMarkers(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const w = window as any;
    w.__benchMarkers?.disconnect();
    return w.__benchSeen as Record<string, number>;
  });
}

/**
 * Resolves with Date.now() once the row numbered `lineNumber` holding `text` is in the DOM
 * and a frame has been painted after it (a rAF, then a task: the frame is done).
 */
export function waitForRow(
  page: Page,
  lineNumber: number,
  text: string,
  timeoutMs = 60_000,
): Promise<{ inDom: number; painted: number }> {
  return page.evaluate(
    ([selector, rowSelector, n, t, timeout]) =>
      new Promise((resolve, reject) => {
        const viewport = document.querySelector(selector)!;
        const present = () =>
          [...document.querySelectorAll(rowSelector)].some(
            // The first span is the row's line number.
            row =>
              row.firstElementChild?.textContent === String(n) &&
              row.textContent!.includes(t),
          );
        const done = () => {
          observer.disconnect();
          clearTimeout(timer);
          const inDom = Date.now();
          requestAnimationFrame(() =>
            setTimeout(() => resolve({ inDom, painted: Date.now() }), 0),
          );
        };
        const observer = new MutationObserver(() => present() && done());
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(
            new Error(`row ${n} with ${t} did not appear in ${timeout} ms`),
          );
        }, timeout);
        observer.observe(viewport, {
          childList: true,
          subtree: true,
          characterData: true,
        });
        if (present()) done();
      }),
    [VIEWPORT, ROW, lineNumber, text, timeoutMs] as const,
  );
}

/** Starts recording the intervals between animation frames. */
export function startFrames(page: Page) {
  return page.evaluate(() => {
    const w = window as any;
    const frames: number[] = [];
    let last = 0;
    w.__benchFrames = { frames, running: true };
    const tick = (t: number) => {
      if (last) frames.push(t - last);
      last = t;
      if (w.__benchFrames.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Stops recording and returns the frame intervals in ms. */
export function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as any;
    w.__benchFrames.running = false;
    return w.__benchFrames.frames as number[];
  });
}

/** How many log rows are in the DOM. */
export function rowCount(page: Page): Promise<number> {
  return page.locator(ROW).count();
}

export { VIEWPORT };
