import { InputError } from '@backstage/errors';
import {
  GATEWAY_LOGS_DEFAULT_CONTAINER,
  GATEWAY_LOGS_DEFAULT_TAIL_LINES,
  GATEWAY_LOGS_MAX_SINCE_SECONDS,
  GATEWAY_LOGS_MAX_TAIL_LINES,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

/** What a caller may ask of a pod's logs, validated. */
export type LogQuery = {
  container: string;
  tailLines: number;
  sinceSeconds?: number;
  previous: boolean;
  timestamps: boolean;
  follow: boolean;
};

const ALLOWED = [
  'container',
  'tailLines',
  'sinceSeconds',
  'previous',
  'timestamps',
  'follow',
] as const;

const CONTAINER_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function single(query: Record<string, unknown>, name: string) {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new InputError(`${name} must be given once, as a single value`);
  }
  return value;
}

function integer(
  query: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(
      `${name} must be a whole number from ${min} to ${max}, got "${value.slice(
        0,
        32,
      )}"`,
    );
  }
  return Number(value);
}

function flag(query: Record<string, unknown>, name: string): boolean {
  const value = single(query, name);
  if (value === undefined) return false;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new InputError(
    `${name} must be "true" or "false", got "${value.slice(0, 32)}"`,
  );
}

/**
 * Validates the query of GET .../pods/:pod/logs. Every refusal is an InputError naming the
 * parameter and what it allows; unknown parameters are refused so that typos do not pass
 * silently.
 */
export function parseLogQuery(query: Record<string, unknown>): LogQuery {
  for (const name of Object.keys(query)) {
    if (!(ALLOWED as readonly string[]).includes(name)) {
      throw new InputError(
        `Unknown query parameter "${name.slice(
          0,
          32,
        )}" (allowed: ${ALLOWED.join(', ')})`,
      );
    }
  }
  const container =
    single(query, 'container') ?? GATEWAY_LOGS_DEFAULT_CONTAINER;
  if (container.length > 63 || !CONTAINER_NAME.test(container)) {
    throw new InputError(
      `container must be a container name (lowercase letters, digits and "-", at most 63), got "${container.slice(
        0,
        64,
      )}"`,
    );
  }
  const parsed: LogQuery = {
    container,
    tailLines:
      integer(query, 'tailLines', 1, GATEWAY_LOGS_MAX_TAIL_LINES) ??
      GATEWAY_LOGS_DEFAULT_TAIL_LINES,
    // At most 30 days: older lines are long rotated away on any kubelet.
    sinceSeconds: integer(
      query,
      'sinceSeconds',
      1,
      GATEWAY_LOGS_MAX_SINCE_SECONDS,
    ),
    previous: flag(query, 'previous'),
    timestamps: flag(query, 'timestamps'),
    follow: flag(query, 'follow'),
  };
  if (parsed.previous && parsed.follow) {
    throw new InputError(
      'previous and follow cannot be combined: the previous container has ended, its log cannot be followed',
    );
  }
  return parsed;
}
