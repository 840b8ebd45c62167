/*
 * Measurement 1: lines written to the pod's log one at a time, each with its own marker; the
 * latency of each is (Date.now() when the page's DOM has it) − (Date.now() when Node wrote
 * it), one clock on one machine.
 */
import type { Page } from '@playwright/test';
import { appendBenchLines, marker } from './logLines';
import { seenMarkers, watchMarkers } from './pageProbes';
import { summarize } from './stats';

const LINES = 50;
// 200 ms plus 0-99 ms: a fixed multiple of the kubelet's 100 ms poll would write every line
// at the same point of its cycle and measure one latency fifty times.
const EVERY_MS = 200;
const jitterMs = (n: number) => (n * 37) % 100;
const sleep = (ms: number) => new Promise<void>(r => setTimeout(r, ms));

export async function measureFollowLatency(
  page: Page,
  logFile: string,
  run: string,
) {
  await watchMarkers(page, `follow-${run}-\\d{6}`);
  const written: number[] = [];
  for (let n = 0; n < LINES; n++) {
    written.push(Date.now());
    appendBenchLines(logFile, 'follow', run, n, n + 1);
    await sleep(EVERY_MS + jitterMs(n));
  }
  // The last line gets as long as the others had.
  await sleep(2_000);
  const seen = await seenMarkers(page);
  const latencies: number[] = [];
  let missing = 0;
  written.forEach((at, n) => {
    const sighted = seen[marker('follow', run, n)];
    if (sighted === undefined) missing++;
    else latencies.push(sighted - at);
  });
  return {
    lines: LINES,
    everyMs: `${EVERY_MS}-${EVERY_MS + 99}`,
    missing,
    latencyMs: summarize(latencies),
  };
}
