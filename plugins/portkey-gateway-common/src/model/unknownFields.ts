import { z } from 'zod';
import { gatewayInputSchema } from './gatewayInput';
import type { GatewayInputError } from './validateGatewayInput';

// Fields of an option that is not chosen are ignored (the form keeps them), but a field that
// no option has is a typo (`dataservice` for `dataService`, `replica` for `replicas`) and
// would otherwise be dropped without a word. The known fields come from the model itself.

type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  type?: unknown;
};

/** All property schemas an object may have, across every option of a union. */
function knownProperties(
  schema: JsonSchema,
): Map<string, JsonSchema[]> | undefined {
  const variants = schema.oneOf ?? schema.anyOf ?? [schema];
  const known = new Map<string, JsonSchema[]>();
  let isObject = false;
  for (const variant of variants) {
    if (!variant.properties) continue;
    isObject = true;
    for (const [key, child] of Object.entries(variant.properties)) {
      known.set(key, [...(known.get(key) ?? []), child]);
    }
  }
  return isObject ? known : undefined;
}

let modelSchema: JsonSchema | undefined;
const model = () =>
  (modelSchema ??= z.toJSONSchema(gatewayInputSchema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema);

function walk(
  value: unknown,
  schemas: JsonSchema[],
  path: string[],
  errors: GatewayInputError[],
) {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return;
  const known = new Map<string, JsonSchema[]>();
  for (const schema of schemas) {
    for (const [key, children] of knownProperties(schema) ?? [])
      known.set(key, [...(known.get(key) ?? []), ...children]);
  }
  if (known.size === 0) return;
  for (const [key, child] of Object.entries(value)) {
    const childSchemas = known.get(key);
    if (!childSchemas) {
      errors.push({
        field: [...path, key].join('.'),
        message: `is not a field of ${
          path.length ? path.join('.') : 'the gateway input'
        }; allowed: ${[...known.keys()].join(', ')}`,
      });
    } else {
      walk(child, childSchemas, [...path, key], errors);
    }
  }
}

/**
 * Errors for every field that no option of the model has.
 *
 * @public
 */
export function findUnknownFields(answers: unknown): GatewayInputError[] {
  const errors: GatewayInputError[] = [];
  if (typeof answers !== 'object' || answers === null) return errors;
  walk({ ...answers }, [model()], [], errors);
  return errors;
}
