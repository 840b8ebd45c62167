import { z } from 'zod';

// Every free-text field of the model is a single-line literal that ends up in values.yaml,
// catalog-info.yaml and the PR body. These checks keep it a plain value: no line breaks or
// template expressions, and no credential typed where a literal belongs.

/** Finds a credential in a literal value; returns what was found, for the error message. */
export function findCredential(value: string): string | undefined {
  if (/[a-z][a-z0-9+.-]*:\/\/[^/?#\s@]*@/i.test(value)) {
    return 'a user or password in a URL (user:password@)';
  }
  if (/\b(authorization|proxy-authorization)\b\s*[:=]/i.test(value)) {
    return 'an Authorization header';
  }
  if (/\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{6,}/i.test(value)) {
    return 'a bearer or basic token';
  }
  if (/(x-)?(portkey-)?api[-_]?key\s*[:=]/i.test(value)) {
    return 'an API-key header';
  }
  if (
    /[?&;](password|passwd|pwd|secret|token|access_?token|api_?key|sig|signature|x-amz-signature|sas)=/i.test(
      value,
    )
  ) {
    return 'a credential in a query string';
  }
  if (/\b(password|secret|token)\s*[:=]\s*\S/i.test(value)) {
    return 'a password, secret or token';
  }
  if (/\b(AKIA|ASIA)[0-9A-Z]{16}\b/.test(value)) {
    return 'an AWS access key id';
  }
  return undefined;
}

/** The message for a credential found where a literal belongs: it points to the Secret. */
export function credentialMessage(
  credential: string,
  secretOption?: string,
): string {
  const where = secretOption
    ? `; ${secretOption} so the value is read from the Kubernetes Secret`
    : '; credentials come only from the Kubernetes Secret the gateway references';
  return `looks like it contains ${credential}, and secrets never go into values.yaml${where}`;
}

/** A zod refinement that refuses a value holding a credential (for fields that are not plainText). */
export function refuseCredential(value: string, ctx: z.RefinementCtx) {
  const credential = findCredential(value);
  if (credential)
    ctx.addIssue({ code: 'custom', message: credentialMessage(credential) });
}

export type PlainTextOptions = {
  /** Where the value belongs if it must hold a credential, e.g. 'set cache.urlSource to "secret"'. */
  secretOption?: string;
  max?: number;
};

/** A required single-line literal with no credential in it. */
export const plainText = (options: PlainTextOptions = {}) =>
  z
    .string()
    .trim()
    .min(1, { error: 'is required' })
    .max(options.max ?? 1024, {
      error: `must be at most ${options.max ?? 1024} characters`,
    })
    .superRefine((value, ctx) => {
      // C1 controls too: NEL (U+0085) is a line break in YAML 1.1, which Helm reads.
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) {
        ctx.addIssue({
          code: 'custom',
          message:
            'must be a single line (no line breaks or control characters)',
        });
        return;
      }
      // A lone surrogate is not text: it cannot be written to a UTF-8 file.
      if (/\p{Cs}/u.test(value)) {
        ctx.addIssue({ code: 'custom', message: 'must be valid Unicode text' });
        return;
      }
      if (/\{\{|\}\}|\$\{/.test(value)) {
        ctx.addIssue({
          code: 'custom',
          message: 'must not contain template expressions ({{ }} or ${ })',
        });
        return;
      }
      const credential = findCredential(value);
      if (credential)
        ctx.addIssue({
          code: 'custom',
          message: credentialMessage(credential, options.secretOption),
        });
    });

/** An http(s) URL literal (no credentials). */
export const httpUrl = (options: PlainTextOptions = {}) =>
  plainText(options).pipe(
    z.string().regex(/^https?:\/\/[^\s/?#]+(:\d+)?([/?#]\S*)?$/i, {
      error: 'must be an http:// or https:// URL',
    }),
  );
