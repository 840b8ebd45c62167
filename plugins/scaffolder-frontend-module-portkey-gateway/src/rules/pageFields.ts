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

/** Every schema that adds properties at the same level: branches and conditions included. */
function sameLevelParts(schema: Schema): Schema[] {
  const parts: Schema[] = [schema];
  for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
    const entries = schema[keyword];
    if (Array.isArray(entries))
      entries.filter(isSchema).forEach(e => parts.push(...sameLevelParts(e)));
  }
  for (const entry of [schema.then, schema.else])
    if (isSchema(entry)) parts.push(...sameLevelParts(entry));
  if (isSchema(schema.dependencies)) {
    for (const dependency of Object.values(schema.dependencies))
      if (isSchema(dependency)) parts.push(...sameLevelParts(dependency));
  }
  return parts;
}

function collect(schema: Schema, prefix: string, fields: PageFields) {
  for (const part of sameLevelParts(schema)) {
    if (!isSchema(part.properties)) continue;
    for (const [key, property] of Object.entries(part.properties)) {
      if (!isSchema(property)) continue;
      if (!prefix && !SECTIONS.has(key)) continue;
      const path = `${prefix}${key}`;
      if (!(path in fields) || typeof property.title === 'string')
        fields[path] =
          typeof property.title === 'string' ? property.title : path;
      collect(property, `${path}.`, fields);
    }
  }
}

/**
 * The model fields a page asks for, in any of its options (every `dependencies` branch and
 * `if`/`then`/`else`), keyed by dotted path. Properties that are not model sections (repoUrl,
 * the form-only fields of this module) are left out.
 */
export function pageFields(pageSchema: unknown): PageFields {
  const fields: PageFields = {};
  if (isSchema(pageSchema)) collect(pageSchema, '', fields);
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
