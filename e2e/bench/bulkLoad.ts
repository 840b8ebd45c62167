/*
 * Measurement 3: 10,000 lines read at once ("Last 10,000"), from the app's request to the
 * last row painted, against the backend's own answer to the same request; then a scroll
 * through all of them with the mouse wheel.
 */
import type { Page } from '@playwright/test';
import { BACKEND_URL } from '../support';
import type { E2eClusterState } from '../cluster/state';
import { marker } from './logLines';
import { chooseTailLines } from './portal';
import {
  lastLogRequestAt,
  rowCount,
  startFrames,
  stopFrames,
  VIEWPORT,
  waitForRow,
} from './pageProbes';
import { median, summarize } from './stats';

export const BULK_LINES = 10_000;
const RUNS = 3;
const WHEEL_STEP_PX = 400;

/**
 * Milliseconds from the request to the last line's arrival in the backend's event stream,
 * read from Node the way the view asks for it (follow, timestamps).
 */
async function backendAnswerMs(url: string, token: string, lastMarker: string) {
  const abort = new AbortController();
  const start = performance.now();
  const res = await fetch(url, {
    headers: { Authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  if (!res.ok) throw new Error(`logs request answered ${res.status}`);
  const decoder = new TextDecoder();
  let tail = '';
  for await (const chunk of res.body!) {
    tail = (tail + decoder.decode(chunk, { stream: true })).slice(-4096);
    if (tail.includes(lastMarker)) break;
  }
  const ms = performance.now() - start;
  abort.abort();
  return ms;
}

/** Scrolls from the end of the log to its start, wheel step by wheel step. */
async function scrollToStart(page: Page) {
  const box = (await page.locator(VIEWPORT).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  let steps = 0;
  let maxRows = 0;
  await startFrames(page);
  for (;;) {
    await page.mouse.wheel(0, -WHEEL_STEP_PX);
    steps++;
    if (steps % 50 === 0) {
      maxRows = Math.max(maxRows, await rowCount(page));
      const top = await page.locator(VIEWPORT).evaluate(el => el.scrollTop);
      if (top === 0) break;
    }
  }
  const frames = await stopFrames(page);
  return { steps, maxRows, frames };
}

export async function measureBulkLoad(
  page: Page,
  state: E2eClusterState,
  token: string,
  run: string,
) {
  const lastMarker = marker('bulk', run, BULK_LINES - 1);
  const { gateway } = state;
  const url =
    `${BACKEND_URL}/api/portkey-gateway/entities/default/component/${gateway.entityName}` +
    `/pods/${gateway.healthyPods[0]}/logs?tailLines=${BULK_LINES}&timestamps=true&follow=true`;
  const backendMs: number[] = [];
  for (let i = 0; i < RUNS; i++)
    backendMs.push(await backendAnswerMs(url, token, lastMarker));

  const renderMs: number[] = [];
  const domMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await chooseTailLines(page, 100);
    await waitForRow(page, 100, lastMarker);
    await chooseTailLines(page, BULK_LINES);
    const { inDom, painted } = await waitForRow(page, BULK_LINES, lastMarker);
    const requested = await lastLogRequestAt(page, `tailLines=${BULK_LINES}`);
    domMs.push(inDom - requested);
    renderMs.push(painted - requested);
  }
  const rowsAfterLoad = await rowCount(page);
  const scroll = await scrollToStart(page);
  // Follow again (the End key, with the log focused), for the measurements after this one.
  await page.locator(VIEWPORT).focus();
  await page.keyboard.press('End');
  return {
    backendAnswerMs: backendMs.map(ms => Math.round(ms)),
    requestToDomMs: domMs,
    requestToPaintedMs: renderMs,
    medianRenderMs: median(renderMs),
    medianBackendMs: Math.round(median(backendMs)),
    rowsInDom: rowsAfterLoad,
    scroll: {
      wheelSteps: scroll.steps,
      wheelStepPx: WHEEL_STEP_PX,
      maxRowsInDom: scroll.maxRows,
      frameMs: summarize(scroll.frames),
    },
  };
}
