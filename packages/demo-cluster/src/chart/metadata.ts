import { createHash } from 'node:crypto';
import { goString } from './goTemplate';
import { HelmMap, mapAt } from './helmValues';
import { ChartContext } from './names';

/** String maps merged in order; undefined when empty (the chart leaves the key empty). */
export function annotationsOf(
  ...maps: Array<Record<string, string> | HelmMap>
): Record<string, string> | undefined {
  const merged: Record<string, string> = {};
  for (const map of maps)
    for (const [key, value] of Object.entries(map))
      merged[key] = typeof value === 'string' ? value : goString(value);
  return Object.keys(merged).length ? merged : undefined;
}

/** `service.annotations`: the chart puts them on most of its objects, not only the Service. */
export const serviceAnnotations = (ctx: ChartContext): HelmMap =>
  mapAt(ctx.values, 'service.annotations');

/**
 * The `rollme` annotation of `autoRestart`: Helm's is random on every render (so pods roll
 * on every upgrade); this one is derived from the values and release so the renderer stays
 * pure. Compare its presence, not its value.
 */
export function rollme(ctx: ChartContext, salt: string): { rollme: string } {
  const alphabet =
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const digest = createHash('sha256')
    .update(`${salt}\0${ctx.release}\0${JSON.stringify(ctx.values)}`)
    .digest();
  return {
    rollme: [...digest.subarray(0, 5)]
      .map(byte => alphabet[byte % alphabet.length])
      .join(''),
  };
}
