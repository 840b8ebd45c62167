/*
 * Measurement 2: the view following 1,000 lines/s (100 every 100 ms) for a minute, against
 * the same page idle for as long: frame intervals, JS heap and rows in the DOM.
 */
import type { Page } from '@playwright/test';
import type { HeapReader } from './heap';
import { appendBenchLines, marker } from './logLines';
import { rowCount, startFrames, stopFrames } from './pageProbes';
import { ratio, summarize } from './stats';

const BATCH_LINES = 100;
const BATCH_EVERY_MS = 100;
const SAMPLE_EVERY_MS = 5_000;
const sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms));

/** Runs `during` for `seconds` with frames recorded, sampling heap and rows meanwhile. */
async function recordFor(
  page: Page,
  heap: HeapReader,
  seconds: number,
  during: (deadline: number) => Promise<void>,
) {
  const samples: { atS: number; heapMb: number; rows: number }[] = [];
  const start = Date.now();
  const deadline = start + seconds * 1000;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      samples.push({
        atS: Math.round((Date.now() - start) / 1000),
        heapMb: await heap.usedMb(),
        rows: await rowCount(page),
      });
      await sleep(SAMPLE_EVERY_MS);
    }
  })();
  await startFrames(page);
  await during(deadline);
  const frames = await stopFrames(page);
  sampling = false;
  await sampler;
  return { frames, samples };
}

/** Appends a batch every BATCH_EVERY_MS on a fixed schedule until the deadline. */
async function writeBatches(logFile: string, run: string, deadline: number) {
  const start = Date.now();
  let n = 0;
  for (let k = 0; Date.now() < deadline; k++) {
    appendBenchLines(logFile, 'load', run, n, n + BATCH_LINES);
    n += BATCH_LINES;
    await sleep(Math.max(0, start + (k + 1) * BATCH_EVERY_MS - Date.now()));
  }
  return n;
}

export async function measureSustainedFollow(
  page: Page,
  heap: HeapReader,
  logFile: string,
  run: string,
  seconds: number,
) {
  const idleHeapMb = await heap.settledMb();
  const idle = await recordFor(page, heap, seconds, deadline =>
    sleep(deadline - Date.now()),
  );

  const beforeMb = await heap.settledMb();
  let written = 0;
  const load = await recordFor(page, heap, seconds, async deadline => {
    written = await writeBatches(logFile, run, deadline);
  });
  const lastWrite = Date.now();
  const last = marker('load', run, written - 1);
  await page.getByText(last).waitFor({ timeout: 60_000 });
  const caughtUpMs = Date.now() - lastWrite;
  const afterMb = await heap.settledMb();
  const dropped = await page
    .getByText(/older lines? (were|was) dropped/)
    .first()
    .textContent({ timeout: 5_000 })
    .catch(() => null);

  const idleFrames = summarize(idle.frames);
  const loadFrames = summarize(load.frames);
  return {
    seconds,
    linesWritten: written,
    linesPerSecond: Math.round(written / seconds),
    idleFrameMs: idleFrames,
    loadFrameMs: loadFrames,
    frameP95Ratio: ratio(loadFrames.p95, idleFrames.p95),
    longFramesOver50ms: load.frames.filter(f => f > 50).length,
    lastLineShownAfterLastWriteMs: caughtUpMs,
    heapMb: {
      idleSettled: idleHeapMb,
      beforeSettled: beforeMb,
      duringMax: Math.max(...load.samples.map(s => s.heapMb)),
      afterSettled: afterMb,
    },
    rowsInDom: {
      idleMax: Math.max(...idle.samples.map(s => s.rows)),
      loadMax: Math.max(...load.samples.map(s => s.rows)),
    },
    droppedNotice: dropped,
    samples: load.samples,
  };
}
