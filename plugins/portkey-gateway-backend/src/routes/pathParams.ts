import { InputError } from '@backstage/errors';
import {
  KUBERNETES_NAME_RULES,
  nameProblem,
  NameRule,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import type { Request } from 'express';

// What each path parameter may be, checked before it reaches a Kubernetes URL or the catalog:
// Kubernetes names by the same rules as the gateway model's, entity references as the catalog
// allows them.
const ENTITY_PART = /^[a-zA-Z0-9][-a-zA-Z0-9._]*$/;

const RULES = {
  cluster: KUBERNETES_NAME_RULES.cluster,
  namespace: KUBERNETES_NAME_RULES.namespace,
  release: KUBERNETES_NAME_RULES.helmRelease,
  pod: KUBERNETES_NAME_RULES.object,
  entityKind: {
    maxLength: 63,
    pattern: /^[a-zA-Z][a-zA-Z0-9]*$/,
    shape: 'an entity kind: letters and digits',
  },
  entityNamespace: {
    maxLength: 63,
    pattern: ENTITY_PART,
    shape: 'an entity namespace: letters, digits, "-", "_" and "."',
  },
  entityName: {
    maxLength: 63,
    pattern: ENTITY_PART,
    shape: 'an entity name: letters, digits, "-", "_" and "."',
  },
} satisfies Record<string, NameRule>;

export type PathParam = keyof typeof RULES;

function check(name: string, value: unknown, rule: PathParam): string {
  const problem =
    typeof value === 'string' && value
      ? nameProblem(RULES[rule], value)
      : `must be ${RULES[rule].shape}`;
  if (problem) {
    throw new InputError(
      `${name} ${problem}, got "${String(value).slice(0, 64)}"`,
    );
  }
  return value as string;
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
