import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/*
 * GitHub's GraphQL API is not in @octokit/openapi. What the stand-in answers is checked
 * against what octokit-plugin-create-pull-request 5.1.1 sends and reads
 * (dist-src/compose-create-pull-request.js): its branch query with owner, repo and head, and
 * `repository.ref` (null when the branch does not exist) with
 * `associatedPullRequests.edges[0].node` { id, number, url } for an open pull request.
 */

const ajv = new Ajv({ allErrors: true });
addFormats(ajv);

const validateRequest = ajv.compile({
  type: 'object',
  required: ['query', 'variables'],
  properties: {
    query: {
      type: 'string',
      allOf: [
        { pattern: 'repository\\(name: \\$repo, owner: \\$owner\\)' },
        { pattern: 'ref\\(qualifiedName: \\$head\\)' },
        { pattern: 'associatedPullRequests\\(first: 1, states: OPEN\\)' },
        { pattern: 'node \\{\\s+id\\s+number\\s+url\\s+\\}' },
      ],
    },
    variables: {
      type: 'object',
      required: ['owner', 'repo', 'head'],
      additionalProperties: false,
      properties: {
        owner: { type: 'string', minLength: 1 },
        repo: { type: 'string', minLength: 1 },
        head: { type: 'string', minLength: 1 },
      },
    },
  },
});

const validateResponse = ajv.compile({
  type: 'object',
  required: ['data'],
  not: { required: ['errors'] },
  properties: {
    data: {
      type: 'object',
      required: ['repository'],
      properties: {
        repository: {
          type: 'object',
          required: ['ref'],
          properties: {
            ref: {
              type: ['object', 'null'],
              required: ['associatedPullRequests'],
              properties: {
                associatedPullRequests: {
                  type: 'object',
                  required: ['edges'],
                  properties: {
                    edges: {
                      type: 'array',
                      maxItems: 1,
                      items: {
                        type: 'object',
                        required: ['node'],
                        properties: {
                          node: {
                            type: 'object',
                            required: ['id', 'number', 'url'],
                            properties: {
                              id: { type: 'string', minLength: 1 },
                              number: { type: 'integer', minimum: 1 },
                              url: { type: 'string', format: 'uri' },
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
});

function problems(validate: ValidateFunction, value: unknown, what: string) {
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    e => `${what}${e.instancePath} ${e.message}`,
  );
}

/** Problems with a GraphQL exchange of the plugin's branch query; empty when it fits. */
export function checkBranchQueryExchange(exchange: {
  status: number;
  requestBody: unknown;
  responseBody: unknown;
}): string[] {
  return [
    ...(exchange.status === 200
      ? []
      : [`status ${exchange.status}, GraphQL answers 200`]),
    ...problems(validateRequest, exchange.requestBody, 'request'),
    ...problems(validateResponse, exchange.responseBody, 'response'),
  ];
}
