import { invalidRequest } from './ApiError';

/*
 * Checks a request body the way GitHub's schema validation does, with its wording:
 * `"sha" wasn't supplied.` and `For 'properties/sha', 1 is not a string.`
 */

type Kind = 'string' | 'boolean' | 'array' | 'object' | 'integer';

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number')
    return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export class BodyReader {
  constructor(
    private readonly body: Record<string, unknown>,
    private readonly docs: string,
  ) {}

  static of(body: unknown, docs: string): BodyReader {
    if (kindOf(body) !== 'object')
      throw invalidRequest(
        `${JSON.stringify(body ?? null)} is not an object.`,
        docs,
      );
    return new BodyReader(body as Record<string, unknown>, docs);
  }

  private check(field: string, kind: Kind, allowNull = false): unknown {
    const value = this.body[field];
    if (value === undefined) return undefined;
    if (value === null && allowNull) return null;
    if (kindOf(value) !== kind)
      throw invalidRequest(
        `For 'properties/${field}', ${JSON.stringify(value)} is not ${
          kind === 'array' || kind === 'object' || kind === 'integer'
            ? 'an'
            : 'a'
        } ${kind}.`,
        this.docs,
      );
    return value;
  }

  private missing(field: string): never {
    throw invalidRequest(`"${field}" wasn't supplied.`, this.docs);
  }

  requiredString(field: string): string {
    return (
      (this.check(field, 'string') as string | undefined) ?? this.missing(field)
    );
  }

  optionalString(field: string): string | undefined {
    return this.check(field, 'string') as string | undefined;
  }

  nullableString(field: string): string | null | undefined {
    return this.check(field, 'string', true) as string | null | undefined;
  }

  optionalBoolean(field: string): boolean | undefined {
    return this.check(field, 'boolean') as boolean | undefined;
  }

  requiredArray(field: string): unknown[] {
    return (
      (this.check(field, 'array') as unknown[] | undefined) ??
      this.missing(field)
    );
  }

  optionalArray(field: string): unknown[] | undefined {
    return this.check(field, 'array') as unknown[] | undefined;
  }

  optionalObject(field: string): Record<string, unknown> | undefined {
    return this.check(field, 'object') as Record<string, unknown> | undefined;
  }

  /** One of `values`, GitHub's wording for an enum. */
  optionalEnum<T extends string>(
    field: string,
    values: readonly T[],
  ): T | undefined {
    const value = this.optionalString(field);
    if (value !== undefined && !values.includes(value as T))
      throw invalidRequest(
        `For 'properties/${field}', ${JSON.stringify(
          value,
        )} is not one of ${JSON.stringify(values)}.`,
        this.docs,
      );
    return value as T | undefined;
  }

  /** A nested reader for an item of an array (`tree[0]`), for its own field names. */
  item(value: unknown, where: string): BodyReader {
    if (kindOf(value) !== 'object')
      throw invalidRequest(
        `For 'items', ${JSON.stringify(value)} is not an object (${where}).`,
        this.docs,
      );
    return new BodyReader(value as Record<string, unknown>, this.docs);
  }
}
