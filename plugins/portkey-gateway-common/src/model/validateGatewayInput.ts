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

// Messages for issues the schema does not word itself (types, missing fields, unknown enums).
const describeIssue: z.core.$ZodErrorMap = issue => {
  if (issue.input === undefined) return 'is required';
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

function parseSection(schema: z.ZodType, value: unknown): unknown {
  const parsed = schema.safeParse(value, { error: describeIssue });
  return parsed.success ? parsed.data : undefined;
}

/** One line per error, for logs and command-line output. @public */
export function formatGatewayInputErrors(errors: GatewayInputError[]): string {
  return errors.map(e => `${e.field}: ${e.message}`).join('\n');
}
