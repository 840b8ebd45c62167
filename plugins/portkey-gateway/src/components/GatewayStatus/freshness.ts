/** "Observed 12:00:05 (5 s ago)", for the status shown. */
export function freshnessText(observedAt: Date, now: number): string {
  const seconds = Math.max(0, Math.round((now - observedAt.getTime()) / 1000));
  return `Observed ${observedAt.toLocaleTimeString()} (${seconds} s ago)`;
}
