import { timingSafeEqual } from 'node:crypto';

/** Compares in constant time, so response timing does not reveal the token. */
export function sameToken(candidate: string, token: string): boolean {
  const a = Buffer.from(candidate);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The credential in an Authorization header, as GitHub reads it: `token <t>`, `Bearer <t>`,
 * or Basic with the token as password (any user name, like `x-access-token`).
 */
export function credentialOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, ...rest] = header.trim().split(/\s+/);
  const value = rest.join(' ');
  switch (scheme.toLowerCase()) {
    case 'token':
    case 'bearer':
      return value || undefined;
    case 'basic': {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      return colon === -1 ? undefined : decoded.slice(colon + 1) || undefined;
    }
    default:
      return undefined;
  }
}

export type AuthResult = 'ok' | 'missing' | 'wrong';

export function checkAuthorization(
  header: string | undefined,
  token: string,
): AuthResult {
  const credential = credentialOf(header);
  if (credential === undefined) return header ? 'wrong' : 'missing';
  return sameToken(credential, token) ? 'ok' : 'wrong';
}
