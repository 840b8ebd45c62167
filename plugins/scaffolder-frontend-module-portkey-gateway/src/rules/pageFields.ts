import { GATEWAY_INPUT_SECTIONS } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

// Which model fields a page of the template asks for, read from the page's own JSON schema
// (the one react-jsonschema-form renders), so no list of pages is kept by hand: a field moved
// to another page in template.yaml moves its rule messages with it.

type Schema = { [key: string]: unknown };

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const SECTIONS = new Set<string>(GATEWAY_INPUT_SECTIONS);

/** The model fields of one page: dotted path to the field's title (or its path). */
export type PageFields = Record<string, string>;

/**
 * Every schema that adds properties at the same level: `allOf`/`oneOf`/`anyOf`, `then`/`else`
 * and `dependencies` branches. With `data`, a `dependencies` branch whose discriminator
 * (`const`) differs from the data is left out, as the form leaves it out.
 */
function sameLevelParts(schema: Schema, data?: unknown): Schema[] {
  const parts: Schema[] = [schema];
  for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
    const entries = schema[keyword];
    if (Array.isArray(entries))
      entries
        .filter(isSchema)
        .forEach(e => parts.push(...sameLevelParts(e, data)));
  }
  for (const entry of [schema.then, schema.else])
    if (isSchema(entry)) parts.push(...sameLevelParts(entry, data));
  if (isSchema(schema.dependencies)) {
    for (const [key, dependency] of Object.entries(schema.dependencies)) {
      if (!isSchema(dependency)) continue;
      const branches = Array.isArray(dependency.oneOf)
        ? dependency.oneOf.filter(isSchema)
        : [dependency];
      for (const branch of branches) {
        if (data !== undefined && !branchMatches(branch, key, data)) continue;
        parts.push(...sameLevelParts(branch, data));
      }
    }
  }
  return parts;
}

function branchMatches(branch: Schema, key: string, data: unknown): boolean {
  const condition = isSchema(branch.properties)
    ? branch.properties[key]
    : undefined;
  if (!isSchema(condition) || !('const' in condition)) return true;
  return isSchema(data) && data[key] === condition.const;
}

function collect(
  schema: Schema,
  prefix: string,
  fields: PageFields,
  data?: unknown,
) {
  for (const part of sameLevelParts(schema, data)) {
    if (!isSchema(part.properties)) continue;
    for (const [key, property] of Object.entries(part.properties)) {
      if (!isSchema(property)) continue;
      if (!prefix && !SECTIONS.has(key)) continue;
      const path = `${prefix}${key}`;
      if (!(path in fields) || typeof property.title === 'string')
        fields[path] =
          typeof property.title === 'string' ? property.title : path;
      let childData: unknown = undefined;
      if (data !== undefined) childData = isSchema(data) ? data[key] : {};
      collect(property, `${path}.`, fields, childData);
    }
  }
}

/**
 * The model fields a page asks for, in any of its options (every `dependencies` branch and
 * `if`/`then`/`else`), keyed by dotted path, with their titles. Where options title the same
 * field differently (the Redis URL of ElastiCache or of your own Redis), the title is the one
 * of the option chosen in `data`. Properties that are not model sections (repoUrl, the
 * form-only fields of this module) are left out.
 */
export function pageFields(pageSchema: unknown, data?: unknown): PageFields {
  const fields: PageFields = {};
  if (!isSchema(pageSchema)) return fields;
  collect(pageSchema, '', fields);
  if (data !== undefined) collect(pageSchema, '', fields, data);
  return fields;
}

/** A stable name for a page: its top-level properties. */
export function pageKey(pageSchema: unknown): string {
  if (!isSchema(pageSchema)) return '';
  const keys = new Set<string>();
  for (const part of sameLevelParts(pageSchema))
    if (isSchema(part.properties))
      Object.keys(part.properties).forEach(k => keys.add(k));
  return [...keys].sort().join(',');
}
