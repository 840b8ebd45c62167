import { InputError } from '@backstage/errors';
import type { Request } from 'express';

// What each path parameter may be, checked before it reaches a Kubernetes URL or the catalog.
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

type Rule = { test: (value: string) => boolean; says: string };

const RULES = {
  cluster: {
    test: v => v.length <= 253 && /^[^\s/]+$/.test(v),
    says: 'a configured cluster name (at most 253 characters, no spaces)',
  },
  namespace: {
    test: v => v.length <= 63 && DNS_LABEL.test(v),
    says: 'a Kubernetes namespace (at most 63 lowercase letters, digits and "-")',
  },
  release: {
    test: v => v.length <= 53 && DNS_LABEL.test(v),
    says: 'a Helm release name (at most 53 lowercase letters, digits and "-")',
  },
  pod: {
    test: v => v.length <= 253 && DNS_SUBDOMAIN.test(v),
    says: 'a pod name (lowercase letters, digits, "-" and ".")',
  },
  // Catalog entity references: kind, namespace and name as the catalog allows them.
  entityKind: {
    test: v => v.length <= 63 && /^[a-zA-Z][a-zA-Z0-9]*$/.test(v),
    says: 'an entity kind (letters and digits)',
  },
  entityNamespace: {
    test: v => v.length <= 63 && /^[a-zA-Z0-9]([-a-zA-Z0-9._]*)$/.test(v),
    says: 'an entity namespace (letters, digits, "-", "_" and ".")',
  },
  entityName: {
    test: v => v.length <= 63 && /^[a-zA-Z0-9]([-a-zA-Z0-9._]*)$/.test(v),
    says: 'an entity name (at most 63 letters, digits, "-", "_" and ".")',
  },
} satisfies Record<string, Rule>;

export type PathParam = keyof typeof RULES;

function check(name: string, value: unknown, rule: PathParam): string {
  const { test, says } = RULES[rule];
  if (typeof value !== 'string' || !value || !test(value)) {
    throw new InputError(
      `${name} must be ${says}, got "${String(value).slice(0, 64)}"`,
    );
  }
  return value;
}

/** A path parameter, refused with a 400 naming it and what it allows. */
export function pathParam(
  req: Request,
  name: string,
  rule: PathParam = name as PathParam,
): string {
  return check(name, req.params[name], rule);
}

/** An optional query parameter given once, checked like a path parameter. */
export function optionalQueryParam(
  req: Request,
  name: string,
  rule: PathParam,
): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new InputError(`${name} must be given once, as a single value`);
  return check(name, value, rule);
}
