import { z } from 'zod';
import { dropInactiveFields } from './dropInactiveFields';
import {
  crossFieldProblems,
  GatewayInput,
  gatewayInputSchema,
} from './gatewayInput';
import { findUnknownFields } from './unknownFields';

/**
 * One problem with the input: the field's dotted path and what is allowed there.
 *
 * @public
 */
export type GatewayInputError = { field: string; message: string };

/** @public */
export type GatewayInputValidation =
  | { ok: true; input: GatewayInput }
  | { ok: false; errors: GatewayInputError[] };

const article = (type: string) =>
  /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;

/**
 * The message for a number where the model wants text. YAML and JSON read unquoted digits
 * as a number, which drops leading zeros and, past 2^53, changes digits: quoting the value
 * is the only fix that keeps every digit. The value itself is never echoed.
 *
 * @public
 */
export const NUMBER_FOR_TEXT_MESSAGE =
  'must be text, not a number: put it in quotes (for example "012345678901"); unquoted digits are read as a number, which loses leading zeros and the exact digits of long IDs';

const isNumber = (value: unknown) =>
  typeof value === 'number' || typeof value === 'bigint';

// Messages for issues the schema does not word itself (types, missing fields, unknown enums).
const describeIssue: z.core.$ZodErrorMap = issue => {
  if (issue.input === undefined) return 'is required';
  if (
    issue.code === 'invalid_type' &&
    issue.expected === 'string' &&
    isNumber(issue.input)
  )
    return NUMBER_FOR_TEXT_MESSAGE;
  if (issue.code === 'invalid_type') {
    const expected = issue.expected === 'int' ? 'whole number' : issue.expected;
    return `must be ${article(String(expected))}`;
  }
  if (issue.code === 'invalid_value') {
    return `must be one of: ${issue.values.map(v => String(v)).join(', ')}`;
  }
  return undefined;
};

function fieldOf(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.') || '(input)';
}

/**
 * Validates answers from the form, the action or the CLI, applying defaults. Fields of
 * options that are not chosen are ignored (see dropInactiveFields). Errors name each bad
 * field and say what is allowed.
 *
 * @public
 */
export function validateGatewayInput(answers: unknown): GatewayInputValidation {
  const unknown = findUnknownFields(answers);
  const active = dropInactiveFields(answers ?? {});
  const parsed = gatewayInputSchema.safeParse(active, { error: describeIssue });
  if (parsed.success && unknown.length === 0)
    return { ok: true, input: parsed.data };
  const seen = new Set<string>();
  const errors: GatewayInputError[] = [];
  const add = (error: GatewayInputError) => {
    const key = `${error.field}\u0000${error.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      errors.push(error);
    }
  };
  unknown.forEach(add);
  if (!parsed.success) {
    parsed.error.issues.forEach(issue =>
      add({ field: fieldOf(issue), message: issue.message }),
    );
    // The schema skips its cross-field rules when any field fails; apply them to the sections
    // that do parse, so every problem is reported at once (and a form can check the pages
    // answered so far).
    if (typeof active === 'object' && active !== null && !Array.isArray(active))
      crossFieldProblems(
        active as Record<string, unknown>,
        parseSection,
      ).forEach(problem =>
        add({
          field: problem.path.map(String).join('.'),
          message: problem.message,
        }),
      );
  }
  return { ok: false, errors };
}

/**
 * Where the answers hold a number but the model wants text: the fields an answers file wrote
 * as unquoted digits (an AWS account or external ID, a bucket or tenant ID, an image tag such
 * as 2.10). Each path is as in the answers (`['logStore', 'externalId']`), so a reader that
 * still has the source text (the CLI's YAML document) can put the digits back as written.
 * Only fields of the chosen options are reported, like validateGatewayInput.
 *
 * @public
 */
export function findNumbersInTextFields(answers: unknown): string[][] {
  const parsed = gatewayInputSchema.safeParse(
    dropInactiveFields(answers ?? {}),
    { reportInput: true },
  );
  if (parsed.success) return [];
  return parsed.error.issues
    .filter(
      issue =>
        issue.code === 'invalid_type' &&
        issue.expected === 'string' &&
        isNumber(issue.input),
    )
    .map(issue => issue.path.map(String));
}

function parseSection(schema: z.ZodType, value: unknown): unknown {
  const parsed = schema.safeParse(value, { error: describeIssue });
  return parsed.success ? parsed.data : undefined;
}

/** One line per error, for logs and command-line output. @public */
export function formatGatewayInputErrors(errors: GatewayInputError[]): string {
  return errors.map(e => `${e.field}: ${e.message}`).join('\n');
}
