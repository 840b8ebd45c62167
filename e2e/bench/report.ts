import type { Summary } from './stats';

type Results = {
  followLatency: { missing: number; latencyMs: Summary };
  sustainedFollow: {
    seconds: number;
    linesPerSecond: number;
    idleFrameMs: Summary;
    loadFrameMs: Summary;
    frameP95Ratio: number;
    longFramesOver50ms: number;
    heapMb: { beforeSettled: number; duringMax: number; afterSettled: number };
    rowsInDom: { loadMax: number };
    droppedNotice: string | null;
  };
  bulkLoad: {
    requestToPaintedMs: number[];
    backendAnswerMs: number[];
    medianRenderMs: number;
    medianBackendMs: number;
    rowsInDom: number;
    scroll: { maxRowsInDom: number; frameMs: Summary };
  };
};

const frames = (s: Summary) => `p50 ${s.p50} / p95 ${s.p95} / max ${s.max} ms`;

/** The results as a table on stdout: measurement, figure, its baseline, the target. */
export function printTable({
  followLatency,
  sustainedFollow: s,
  bulkLoad: b,
}: Results) {
  const rows: [string, string, string, string][] = [
    [
      '1 follow latency, 50 lines, p50 / p95 / max',
      `${followLatency.latencyMs.p50} / ${followLatency.latencyMs.p95} / ${followLatency.latencyMs.max} ms` +
        (followLatency.missing ? ` (${followLatency.missing} never seen)` : ''),
      'stub kubelet polls every 100 ms; Topology polls every 5 s',
      'p95 < 1 s',
    ],
    [
      `2 frames, ${s.linesPerSecond} lines/s for ${s.seconds} s`,
      `${frames(s.loadFrameMs)} (${s.longFramesOver50ms} > 50 ms)`,
      `idle: ${frames(s.idleFrameMs)}; p95 ratio ${s.frameP95Ratio}x`,
      'p95 < 50 ms',
    ],
    [
      '2 JS heap before / max during / after (settled)',
      `${s.heapMb.beforeSettled} / ${s.heapMb.duringMax} / ${s.heapMb.afterSettled} MB`,
      `rows in DOM ≤ ${s.rowsInDom.loadMax}; ${
        s.droppedNotice ?? 'nothing dropped'
      }`,
      'bounded by the cap',
    ],
    [
      '3 10,000 lines: request → last row painted',
      `${b.requestToPaintedMs.join(', ')} ms (median ${b.medianRenderMs})`,
      `backend answer: ${b.backendAnswerMs.join(', ')} ms (median ${
        b.medianBackendMs
      })`,
      '< 500 ms',
    ],
    [
      '3 scrolling through 10,000 lines, frames',
      frames(b.scroll.frameMs),
      `rows in DOM ≤ ${Math.max(b.rowsInDom, b.scroll.maxRowsInDom)}`,
      'smooth',
    ],
  ];
  const header: [string, string, string, string] = [
    'Measurement',
    'Figure',
    'Baseline',
    'Target',
  ];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map(r => r[i].length)),
  );
  const line = (r: string[]) =>
    `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  process.stdout.write(
    [
      line(header),
      line(widths.map(w => '-'.repeat(w))),
      ...rows.map(line),
    ].join('\n') + '\n',
  );
}
