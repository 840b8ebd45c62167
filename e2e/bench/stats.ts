/** Small statistics for the benchmark's samples. */

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

export const median = (values: number[]) => quantile(values, 0.5);

export const round = (n: number, digits = 1) => Number(n.toFixed(digits));

/** A ratio with two significant digits, so that 0.048x does not print as 0x. */
export const ratio = (a: number, b: number) => Number((a / b).toPrecision(2));

export type Summary = { n: number; p50: number; p95: number; max: number };

export function summarize(values: number[]): Summary {
  return {
    n: values.length,
    p50: round(quantile(values, 0.5)),
    p95: round(quantile(values, 0.95)),
    max: round(Math.max(...values)),
  };
}
