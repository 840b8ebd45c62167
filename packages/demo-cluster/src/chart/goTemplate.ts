import { HelmValue, isMap, parseValuesYaml } from './helmValues';

// What Go templates and Sprig do to values, where the chart's output depends on it.

/** A float64 as Go's `%v` prints it: exponent form from 1e6 up and below 1e-4 (`1e+06`). */
export function goFloat(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa, exponentText] = n.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  // In this range JavaScript prints the same shortest digits without an exponent.
  return String(n);
}

/** Keys in the order Go's `range` over a map visits them (byte order). */
export const sortedKeys = (map: Record<string, unknown>): string[] =>
  Object.keys(map).sort(byteOrder);

/** Go's string order (byte-wise; the same as UTF-16 order for these ASCII keys). */
export function byteOrder(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Sprig's `toString` (Go's `%v`): nil is `<nil>`, booleans `true`/`false`, numbers as
 * float64, lists `[a b]`, maps `map[k:v]` with sorted keys.
 */
export function goString(value: HelmValue): string {
  if (value === null) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return goFloat(value);
  if (Array.isArray(value)) return `[${value.map(goString).join(' ')}]`;
  return `map[${sortedKeys(value)
    .map(k => `${k}:${goString(value[k])}`)
    .join(' ')}]`;
}

/**
 * `{{ x | quote }}` as the value of a YAML key: the string, or null for nil (Sprig's quote
 * prints nothing for nil, so the key is left empty).
 */
export const quoted = (value: HelmValue): string | null =>
  value === null ? null : goString(value);

/** Go template truth (`if`, `with`, Sprig's `default` and `empty`). */
export function truthy(value: HelmValue | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value !== '';
  if (Array.isArray(value)) return value.length > 0;
  return Object.keys(value).length > 0;
}

/** Sprig's `default fallback value`. */
export const orDefault = <T extends HelmValue>(
  fallback: T,
  value: HelmValue,
): HelmValue => (truthy(value) ? value : fallback);

/** Sprig's `int` (spf13/cast): numbers truncated, strings parsed (else 0), true is 1. */
export function toInt(value: HelmValue): number {
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const text = value.replace(/\.0*$/, '');
    if (/^[+-]?(0x[0-9a-f]+|0o?[0-7]*|[1-9][0-9]*)$/i.test(text)) {
      const negative = text.startsWith('-');
      const digits = text.replace(/^[+-]/, '');
      let parsed = Number(digits);
      if (/^0x/i.test(digits)) parsed = parseInt(digits.slice(2), 16);
      else if (/^0o?[0-7]+$/i.test(digits))
        parsed = parseInt(digits.replace(/^0o?/i, ''), 8);
      return negative ? -parsed : parsed;
    }
    return 0;
  }
  return 0;
}

/** Go's `%q` (Sprig's `quote`) of a string, for text the chart hashes. */
export function goQuote(text: string): string {
  const escapes: Record<string, string> = {
    '\u0007': '\\a',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\v': '\\v',
    '"': '\\"',
    '\\': '\\\\',
  };
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (escapes[ch]) out += escapes[ch];
    else if (code < 0x20 || code === 0x7f)
      out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `"${out}"`;
}

export { isMap };

/**
 * A value printed into the chart's YAML without quotes (`key: {{ .Values.x }}`) and read back
 * by Helm: nil prints nothing (null), a string "2" becomes the number 2.
 */
export function interpolated<T = HelmValue>(value: HelmValue): T {
  if (value === null) return null as T;
  const text = goString(value);
  try {
    return parseValuesYaml(`v: ${text}`).v as T;
  } catch {
    return text as T;
  }
}
