/** What a secret is replaced with. */
export const REDACTED = '[REDACTED]';

/**
 * Names whose values are credentials, in headers, JSON fields, query strings and
 * `name=value` / `name: value` pairs. Whole names only: `max_tokens` or `prompt_tokens`
 * are counts, not credentials, and stay readable.
 */
const NAMES =
  '(?:x-portkey-api-key|x-portkey-virtual-key|x-api-key|[\\w.-]{0,40}api[-_.]?key|(?:proxy-)?authorization|[\\w.-]{0,40}password|passwd|pwd|[\\w.-]{0,40}secret[\\w.-]{0,40}|[\\w.-]{0,40}token|[\\w.-]{0,40}access[-_.]?key(?:[-_.]?id)?|[\\w.-]{0,40}private[-_.]?key|[\\w.-]{0,40}client[-_.]?auth|[\\w.-]{0,40}credentials?|(?:set-)?cookie)';
const SENSITIVE_NAME = new RegExp(`^${NAMES}$`, 'i');
/** A sensitive name standing alone (not the end of a longer name). */
// The look-ahead first keeps the alternation to names that are followed by ":" or "=".
const NAME = `(?<![A-Za-z0-9_.-])(?=[A-Za-z0-9_.-]{1,120}\\s*[:=])(${NAMES})(?![A-Za-z0-9_.-])`;
/** Words one of the sensitive names contains. */
const NAME_HINT = /key|pass|pwd|secret|token|auth|cookie|credential/i;
/**
 * A sensitive name followed by ":" or "=": in every one of NAMES, at most 40 name characters
 * follow the word NAME_HINT finds. The `name: value` rules need this, and scanning for it is
 * much cheaper than their look-around patterns (a JSON line has the quote in between).
 */
const NAME_ASSIGNMENT_HINT =
  /(?:key|pass|pwd|secret|token|auth|cookie|credential)[\w.-]{0,40}\s*[:=]/i;
const URL_HINT = /:\/\//;

/** `Bearer`/`Basic`/... before a credential is kept, so the line still says what it was. */
const SCHEME = /^((?:bearer|basic|token|digest|apikey)\s+)/i;

function redactValue(value: string): string {
  if (value === '' || value === REDACTED) return value;
  const scheme = SCHEME.exec(value);
  return scheme ? `${scheme[1]}${REDACTED}` : REDACTED;
}

function isSensitive(name: string): boolean {
  return SENSITIVE_NAME.test(name);
}

type Rule = {
  /** A cheap test first: most log lines contain none of these and skip the rule. */
  when: RegExp;
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
};

// Every pattern is linear: no nested quantifiers over the same characters, so a 64 KB line
// costs a few milliseconds at most. An unterminated value at the end of the line (a line cut
// at the length cap) is redacted too (`(?:"|$)`).
const RULES: Rule[] = [
  // scheme://user:password@host (redis://:pw@redis:6379, mongodb+srv://u:p@c)
  {
    when: URL_HINT,
    pattern: /\b([a-z][a-z0-9+.-]{0,30}:\/\/)([^\s:@/?#]*):([^\s@/]+)@/gi,
    replace: (_m, scheme, user) => `${scheme}${user}:${REDACTED}@`,
  },
  // scheme://long-token@host (a token as the user name, e.g. git over https)
  {
    when: URL_HINT,
    pattern: /\b([a-z][a-z0-9+.-]{0,30}:\/\/)([A-Za-z0-9_.~%-]{20,})@/gi,
    replace: (_m, scheme) => `${scheme}${REDACTED}@`,
  },
  // "name": "value" and 'name': 'value' (JSON, JS object literals)
  {
    when: NAME_HINT,
    pattern:
      /(["'])([A-Za-z0-9_.-]+)\1(\s*:\s*)(["'])((?:(?!\4)[^\\]|\\[\s\S])*)(\4|$)/g,
    replace: (m, q, name, sep, vq, value, end) =>
      isSensitive(name)
        ? `${q}${name}${q}${sep}${vq}${redactValue(value)}${end}`
        : m,
  },
  // \"name\":\"value\" (JSON inside a JSON string)
  {
    when: NAME_HINT,
    pattern:
      /\\"([A-Za-z0-9_.-]+)\\"(\s*:\s*)\\"((?:[^\\"]|\\[^\\"]|\\\\(?:\\[\s\S]|[^\\]))*)(\\"|$)/g,
    replace: (m, name, sep, value, end) =>
      isSensitive(name)
        ? `\\"${name}\\"${sep}\\"${redactValue(value)}${end}`
        : m,
  },
  // "name": bare-value (numbers, unquoted)
  {
    when: NAME_HINT,
    pattern: /(["'])([A-Za-z0-9_.-]+)\1(\s*:\s*)([^\s"'{[,}\]]+)/g,
    replace: (m, q, name, sep, value) =>
      isSensitive(name) ? `${q}${name}${q}${sep}${redactValue(value)}` : m,
  },
  // name: "value", name='value'
  {
    when: NAME_ASSIGNMENT_HINT,
    pattern: new RegExp(
      `${NAME}(\\s*[:=]\\s*)(["'])((?:(?!\\3)[^\\\\]|\\\\[\\s\\S])*)(\\3|$)`,
      'gi',
    ),
    replace: (_m, name, sep, q, value, end) =>
      `${name}${sep}${q}${redactValue(value)}${end}`,
  },
  // name: value, name=value (headers, query strings, logfmt), with an optional scheme
  {
    when: NAME_ASSIGNMENT_HINT,
    pattern: new RegExp(
      `${NAME}([ \\t]*[:=][ \\t]*)(?![\\["'\\s])((?:(?:bearer|basic|token|digest|apikey)[ \\t]+)?[^\\s"',;&}\\])]+)`,
      'gi',
    ),
    replace: (_m, name, sep, value) => `${name}${sep}${redactValue(value)}`,
  },
  // Bearer xyz anywhere
  {
    when: /bearer/i,
    pattern: /\b(bearer)(\s+)(?!\[REDACTED\])([A-Za-z0-9\-._~+/]+=*)/gi,
    replace: (_m, word, space) => `${word}${space}${REDACTED}`,
  },
  // AWS access key ids (AKIA... long-term, ASIA... temporary, and the other id prefixes)
  {
    when: /A[A-Z]{3}[A-Z0-9]{16}/,
    pattern:
      /\b(AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA)[A-Z0-9]{16}\b/g,
    replace: (_m, prefix) => `${prefix}${REDACTED}`,
  },
  // Provider API keys that gateways forward (sk-..., sk-proj-..., sk-ant-...)
  {
    when: /sk-/,
    pattern: /\b(sk-(?:proj-|ant-)?)[A-Za-z0-9_-]{20,}/g,
    replace: (_m, prefix) => `${prefix}${REDACTED}`,
  },
];

/**
 * One test for all the rules' hints, so that a line without any (most log lines) is scanned
 * once instead of once per rule. Every rule's pattern needs one of these to match: the
 * words of NAME_HINT (in every sensitive name), "bearer", "sk-", "://" and an AWS key id
 * prefix with its 16 characters. The letters are spelt out as classes rather than with the
 * `i` flag, which irregexp scans about a third faster. A line it does not match is returned
 * as it is, which is what the rules would return.
 */
const ANY_HINT =
  /[kK][eE][yY]|[pP](?:[aA][sS][sS]|[wW][dD])|[sS][eE][cC][rR][eE][tT]|[tT][oO][kK][eE][nN]|[aA][uU][tT][hH]|[cC](?:[oO][oO][kK][iI][eE]|[rR][eE][dD][eE][nN][tT][iI][aA][lL])|[bB][eE][aA][rR][eE][rR]|sk-|:\/\/|A(?:KIA|SIA|BIA|CCA|GPA|IDA|IPA|NPA|NVA|ROA|PKA)[A-Z0-9]{16}/;

const ANY_HINT_ANYWHERE = new RegExp(ANY_HINT.source, 'g');

/**
 * Where the next of the rules' hints starts in `text` at or after `from`, or -1. The hints
 * are ASCII only, so this may be asked of text decoded as latin1 (byte offsets) too: a line
 * in which it finds none is returned unchanged by `redactLogLine`.
 */
export function nextHint(text: string, from: number): number {
  ANY_HINT_ANYWHERE.lastIndex = from;
  const found = ANY_HINT_ANYWHERE.exec(text);
  return found ? found.index : -1;
}

/**
 * Replaces the secret part of one log line with [REDACTED] and keeps the rest readable:
 * bearer tokens, API key headers and JSON fields, passwords/keys/tokens in URLs and query
 * strings, AWS access key ids and password-like JSON fields.
 */
export function redactLogLine(line: string): string {
  if (!ANY_HINT.test(line)) return line;
  return applyRules(line);
}

/**
 * Every rule in turn, each after its own hint test (or, `byHint` false, without: the tests
 * check that this gives the same lines).
 */
export function applyRules(line: string, byHint = true): string {
  let out = line;
  for (const rule of RULES) {
    if (byHint && !rule.when.test(out)) continue;
    out = out.replace(rule.pattern, rule.replace as (m: string) => string);
  }
  return out;
}
