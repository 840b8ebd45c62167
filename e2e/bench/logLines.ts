import { appendLogLines } from '../cluster/state';

/**
 * Gateway-like access log lines (about 130 characters with the kubelet's timestamp), each
 * starting with a marker the page can be searched for: `<kind>-<run>-<n>`. Short enough that
 * 70,000 of them stay under the backend's 10 MB per-request cap.
 */
export function logLine(kind: string, run: string, n: number): string {
  const latency = 20 + ((n * 37) % 900);
  return `${marker(
    kind,
    run,
    n,
  )} POST /v1/chat/completions 200 provider=openai model=gpt-4o-mini latency_ms=${latency}`;
}

export const marker = (kind: string, run: string, n: number) =>
  `${kind}-${run}-${String(n).padStart(6, '0')}`;

/** Appends lines `from` to `to - 1` to the pod's log in one write. */
export function appendBenchLines(
  file: string,
  kind: string,
  run: string,
  from: number,
  to: number,
) {
  const lines: string[] = [];
  for (let n = from; n < to; n++) lines.push(logLine(kind, run, n));
  appendLogLines(file, lines);
}
