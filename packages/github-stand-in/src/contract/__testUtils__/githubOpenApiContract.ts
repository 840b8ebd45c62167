import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ApiExchange } from '../../server';

/*
 * Checks requests and answers against GitHub's own REST description, the api.github.com
 * document in @octokit/openapi: which operation a method and path are, whether the request's
 * body and query fit it, and whether the status and body answered are what GitHub documents.
 */

/** One request and answer, as the stand-in records them for this check (see server.ts). */
export type HttpExchange = ApiExchange;

export type ContractCheck = {
  operationId: string;
  /** Empty when the exchange is what GitHub's description allows. */
  problems: string[];
};

export class UnknownOperationError extends Error {
  constructor(method: string, path: string) {
    super(
      `${method} ${path} is no operation in GitHub's REST description (@octokit/openapi api.github.com)`,
    );
    this.name = 'UnknownOperationError';
  }
}

type Operation = {
  operationId: string;
  parameters?: Array<{
    $ref?: string;
    name?: string;
    in?: string;
    required?: boolean;
  }>;
  requestBody?: {
    $ref?: string;
    required?: boolean;
    content?: Record<string, { schema?: unknown }>;
  };
  responses: Record<
    string,
    { $ref?: string; content?: Record<string, { schema?: unknown }> }
  >;
};

type Route = {
  method: string;
  template: string;
  pattern: RegExp;
  literalSegments: number;
  operation: Operation;
  pointer: string;
};

const SPEC_ID = 'https://api.github.com/openapi.json';

/**
 * GitHub answers 401 to a missing or bad token on every operation, though few operations list
 * it: the answer is GitHub's basic-error either way.
 */
const UNIVERSAL_ERRORS: Record<string, string> = {
  '401': '#/components/schemas/basic-error',
};

/** GitHub's custom media types that answer something other than JSON (raw, html, diff, patch). */
const NON_JSON_MEDIA =
  /application\/vnd\.github(?:\.v3)?\.(?:raw|html|diff|patch|sha)(?![\w.-])/i;

function isJson(contentType: string | undefined) {
  return (
    contentType === undefined ||
    /^application\/(?:[\w.-]+\+)?json\b/i.test(contentType)
  );
}

function pointerEscape(segment: string) {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema: `null` added to the type (and enum), or, on a
 * schema without a type (a $ref or an allOf), `anyOf` with `{ type: 'null' }`.
 */
function nullableToJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableToJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted: Record<string, unknown> = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [
      key,
      nullableToJsonSchema(value),
    ]),
  );
  if (nullable !== true) {
    if (nullable !== undefined) converted.nullable = nullable;
    return converted;
  }
  if (typeof converted.type === 'string') {
    converted.type = [converted.type, 'null'];
    if (Array.isArray(converted.enum))
      converted.enum = [...converted.enum, null];
    return converted;
  }
  return { anyOf: [converted, { type: 'null' }] };
}

function templatePattern(template: string): RegExp {
  const segments = template.split('/');
  const last = segments.length - 1;
  const source = segments
    .map((segment, index) => {
      const param = /^\{([^}]+)\}$/.exec(segment);
      if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // A file path or ref at the end may hold slashes, as GitHub's routes allow.
      if (index === last && (param[1] === 'path' || param[1] === 'ref'))
        return '.+';
      return '[^/]+';
    })
    .join('/');
  return new RegExp(`^${source}$`);
}

export class GithubOpenApiContract {
  private readonly ajv: Ajv;
  private readonly routes: Route[] = [];
  private readonly spec: any;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    const specFile = join(
      dirname(require.resolve('@octokit/openapi/package.json')),
      'generated',
      'api.github.com.json',
    );
    this.spec = nullableToJsonSchema(
      JSON.parse(readFileSync(specFile, 'utf8')),
    );
    // Not strict: the description carries OpenAPI keywords (example, x-github, discriminator)
    // that are no JSON Schema keywords.
    this.ajv = new Ajv({
      strict: false,
      allErrors: true,
      validateSchema: false,
    });
    addFormats(this.ajv);
    this.ajv.addFormat('repo.nwo', /^[^/]+\/[^/]+$/);
    this.ajv.addSchema(this.spec, SPEC_ID);
    for (const [template, item] of Object.entries<Record<string, Operation>>(
      this.spec.paths,
    )) {
      for (const [method, operation] of Object.entries(item)) {
        if (
          !operation ||
          typeof operation !== 'object' ||
          !('responses' in operation)
        )
          continue;
        this.routes.push({
          method: method.toUpperCase(),
          template,
          pattern: templatePattern(template),
          literalSegments: template.split('/').filter(s => !s.startsWith('{'))
            .length,
          operation,
          pointer: `#/paths/${pointerEscape(template)}/${method}`,
        });
      }
    }
  }

  /** The operation for a method and path, the most specific template first. */
  findOperation(method: string, path: string): Route {
    const upper =
      method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
    const matches = this.routes
      .filter(r => r.method === upper && r.pattern.test(path))
      .sort((a, b) => b.literalSegments - a.literalSegments);
    if (!matches.length) throw new UnknownOperationError(method, path);
    return matches[0];
  }

  private validator(ref: string): ValidateFunction {
    let validate = this.validators.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${SPEC_ID}${ref}` });
      this.validators.set(ref, validate);
    }
    return validate;
  }

  private resolve<T>(value: T & { $ref?: string }): T {
    if (!value?.$ref) return value;
    const parts = value.$ref
      .replace(/^#\//, '')
      .split('/')
      .map(p => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    return this.resolve(
      parts.reduce((node: any, key) => node?.[key], this.spec),
    );
  }

  private validate(ref: string, value: unknown, what: string): string[] {
    const validate = this.validator(ref);
    if (validate(value)) return [];
    return (validate.errors ?? [])
      .slice(0, 20)
      .map(e =>
        `${what}${e.instancePath || ''} ${e.message} ${
          e.params ? JSON.stringify(e.params) : ''
        }`.trim(),
      );
  }

  /** A JSON answer (or none) against the schema of the status GitHub documents. */
  private checkDocumentedBody(
    exchange: HttpExchange,
    pointer: string,
    documented: Operation['responses'][string],
  ): string[] {
    const status = String(exchange.status);
    const response = this.resolve(documented);
    const schema = response.content?.['application/json']?.schema;
    if (schema) {
      const ref = documented.$ref
        ? `${documented.$ref}/content/application~1json/schema`
        : `${pointer}/responses/${status}/content/application~1json/schema`;
      return this.validate(
        ref,
        exchange.responseBody,
        `response ${status} body`,
      );
    }
    if (
      exchange.responseBody === undefined ||
      exchange.method === 'HEAD' ||
      status === '304'
    )
      return [];
    // GitHub sends its error body with every error status, documented with a body or not
    // (pulls/check-if-merged's 404, say).
    if (exchange.status >= 400)
      return this.validate(
        '#/components/schemas/basic-error',
        exchange.responseBody,
        `response ${status} body`,
      );
    return [`response ${status} has a body, and GitHub documents none`];
  }

  /** Checks one exchange; throws UnknownOperationError for a path GitHub does not have. */
  check(exchange: HttpExchange): ContractCheck {
    const route = this.findOperation(exchange.method, exchange.path);
    const { operation, pointer } = route;
    const problems: string[] = [];

    // The query: every parameter is one the operation declares.
    const parameters = (operation.parameters ?? []).map(p => this.resolve(p));
    const queryNames = new Set(
      parameters.filter(p => p.in === 'query').map(p => p.name),
    );
    for (const name of Object.keys(exchange.query)) {
      if (!queryNames.has(name))
        problems.push(
          `query parameter "${name}" is not one of ${route.template}'s`,
        );
    }
    for (const p of parameters) {
      if (p.in === 'query' && p.required && !(p.name! in exchange.query))
        problems.push(`required query parameter "${p.name}" is missing`);
    }

    // The request body, against the operation's application/json schema.
    const requestBody =
      operation.requestBody && this.resolve(operation.requestBody);
    const requestSchemaPointer = `${pointer}/requestBody/content/application~1json/schema`;
    if (requestBody?.content?.['application/json']) {
      if (exchange.requestBody === undefined) {
        if (requestBody.required)
          problems.push(
            'the request has no body, and the operation requires one',
          );
      } else if (!operation.requestBody?.$ref) {
        problems.push(
          ...this.validate(
            requestSchemaPointer,
            exchange.requestBody,
            'request body',
          ),
        );
      } else {
        const ref = `${operation.requestBody.$ref}/content/application~1json/schema`;
        problems.push(
          ...this.validate(ref, exchange.requestBody, 'request body'),
        );
      }
    } else if (
      exchange.requestBody !== undefined &&
      exchange.method !== 'GET'
    ) {
      problems.push('the request has a body, and the operation takes none');
    }

    // The answer: a documented status, and a body that fits its schema.
    const status = String(exchange.status);
    const documented = operation.responses[status];
    if (!documented && !UNIVERSAL_ERRORS[status]) {
      problems.push(
        `status ${status} is not documented for ${
          operation.operationId
        } (documented: ${Object.keys(operation.responses).join(', ')})`,
      );
    } else if (!isJson(exchange.responseContentType)) {
      // A custom media type's answer (a file's raw bytes, say): GitHub's description has no
      // schema for it, so only that it was asked for is checked, and the status above.
      if (!NON_JSON_MEDIA.test(exchange.requestAccept ?? ''))
        problems.push(
          `response ${status} is ${exchange.responseContentType}, and the request (Accept: ${exchange.requestAccept}) asked for JSON`,
        );
    } else if (documented) {
      problems.push(...this.checkDocumentedBody(exchange, pointer, documented));
    } else {
      problems.push(
        ...this.validate(
          UNIVERSAL_ERRORS[status],
          exchange.responseBody,
          `response ${status} body`,
        ),
      );
    }
    return { operationId: operation.operationId, problems };
  }
}
