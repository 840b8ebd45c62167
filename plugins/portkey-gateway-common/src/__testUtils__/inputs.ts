import YAML from 'yaml';
import { SECRET_ENV_KEYS } from '../chart/secretKeys';
import { findCredential } from '../model/plainText';
import { GatewayInput, GatewayInputAnswers } from '../model/gatewayInput';
import {
  formatGatewayInputErrors,
  GatewayInputError,
  validateGatewayInput,
} from '../model/validateGatewayInput';
import { renderGateway, RenderedGateway } from '../render/renderGateway';

// Test inputs built the way a user fills the form: start from the smallest valid answers and
// replace whole sections. Not exported from index.ts.

/** The smallest valid answers: an s3 log store, everything else at its default. */
export function minimalAnswers(): GatewayInputAnswers {
  return {
    gateway: { releaseName: 'team-a', namespace: 'ai' },
    core: { organisationsToSync: 'org-1' },
    logStore: { store: 's3', region: 'us-east-1', bucket: 'portkey-logs' },
    catalog: { owner: 'group:default/team-a' },
  };
}

/** The minimal answers with some top-level sections replaced (each section as a whole). */
export function answersWith(
  sections: Partial<GatewayInputAnswers>,
): GatewayInputAnswers {
  return { ...minimalAnswers(), ...structuredClone(sections) };
}

/** A deep copy of `answers` with the value at a dotted path set (missing objects are created). */
export function withField(
  answers: unknown,
  field: string,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(answers) as Record<string, unknown>;
  const parts = field.split('.');
  let node = copy;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
  return copy;
}

/** A deep copy of `answers` without the value at a dotted path. */
export function withoutField(
  answers: unknown,
  field: string,
): Record<string, unknown> {
  const copy = structuredClone(answers) as Record<string, unknown>;
  const parts = field.split('.');
  let node = copy;
  for (const part of parts.slice(0, -1))
    node = node[part] as Record<string, unknown>;
  delete node[parts[parts.length - 1]];
  return copy;
}

/** Validates answers that must be valid; fails the test with the field errors otherwise. */
export function validInput(answers: unknown): GatewayInput {
  const result = validateGatewayInput(answers);
  if (!result.ok)
    throw new Error(
      `expected valid answers, got:\n${formatGatewayInputErrors(
        result.errors,
      )}`,
    );
  return result.input;
}

/** Validates answers that must be refused and returns the errors. */
export function errorsOf(answers: unknown): GatewayInputError[] {
  const result = validateGatewayInput(answers);
  if (result.ok)
    throw new Error(
      `expected the answers to be refused: ${JSON.stringify(answers)}`,
    );
  return result.errors;
}

/** Renders answers that must be valid. */
export function rendered(answers: unknown): RenderedGateway {
  const result = renderGateway(answers);
  if (!result.ok)
    throw new Error(
      `expected valid answers, got:\n${formatGatewayInputErrors(
        result.errors,
      )}`,
    );
  return result;
}

/** The rendered values.yaml, parsed back. */
export function parsedValues(gateway: RenderedGateway): Record<string, any> {
  return YAML.parse(gateway.files['values.yaml']);
}

/** The rendered catalog-info.yaml, parsed back. */
export function parsedCatalogInfo(
  gateway: RenderedGateway,
): Record<string, any> {
  return YAML.parse(gateway.files['catalog-info.yaml']);
}

/** environment.data of the parsed values.yaml. */
export function envData(
  gateway: RenderedGateway,
): Record<string, string | null> {
  return parsedValues(gateway).environment.data;
}

/**
 * Keys of environment.data written as literals that hold a credential, or that only ever
 * hold one (every secret key but REDIS_URL, which may be an endpoint without a password).
 */
export function literalCredentials(
  data: Record<string, string | null>,
  secretKeys: string[],
): string[] {
  return Object.entries(data)
    .filter(([key, value]) => value !== null && !secretKeys.includes(key))
    .filter(
      ([key, value]) =>
        (key !== 'REDIS_URL' && key in SECRET_ENV_KEYS) ||
        findCredential(value!) !== undefined,
    )
    .map(([key]) => key);
}
