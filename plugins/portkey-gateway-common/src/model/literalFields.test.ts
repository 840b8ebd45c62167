import fc from 'fast-check';
import YAML from 'yaml';
import { GatewayInputAnswers } from './gatewayInput';
import { validateGatewayInput } from './validateGatewayInput';
import { renderGateway } from '../render/renderGateway';
import { RenderedGateway } from '../render/renderGateway';
import { answersWith, rendered, withField } from '../__testUtils__/inputs';

// What a user types into a literal field either is refused with an error on that field, or
// lands as exactly that one value where it belongs: it never adds a key, a document or a
// template, and a credential is never accepted where a literal belongs.

const CLICKHOUSE = answersWith({
  analytics: {
    store: 'clickhouse',
    endpoint: 'https://clickhouse.example.com:8443',
    user: 'portkey',
    logTable: 'logs',
    feedbackTable: 'feedback',
    generationHooksTable: 'hooks',
  },
});
const S3_CUSTOM = answersWith({
  logStore: {
    store: 's3_custom',
    region: 'on-prem',
    basePath: 'https://s3.example.com/logs',
  },
});
const S3_ASSUME = answersWith({
  logStore: {
    store: 's3_assume',
    region: 'us-east-1',
    bucket: 'portkey-logs',
    auth: 'access_keys',
    roleArn: 'arn:aws:iam::123456789012:role/logs',
    externalId: 'ext-1',
  },
});
const OTEL = answersWith({
  otel: {
    enabled: true,
    endpoint: 'http://otel:4318',
    resourceAttributes: 'service=gateway',
  },
});
const INGRESS = answersWith({
  gateway: {
    releaseName: 'team-a',
    namespace: 'ai',
    ingress: { enabled: true, host: 'gateway.example.com' },
  },
});
const CUSTOM_CACHE = answersWith({
  cache: { store: 'custom', url: 'redis://cache.example.com:6379' },
});
const MCP = answersWith({
  server: { mode: 'all', mcpGatewayBaseUrl: 'https://mcp.example.com' },
});
const CLUSTER = answersWith({
  gateway: { releaseName: 'team-a', namespace: 'ai', cluster: 'prod-eu' },
});
const AZURE = answersWith({
  logStore: {
    store: 'azure',
    storageAccount: 'acct',
    container: 'logs',
    auth: 'entra',
    entraClientId: 'client',
    entraTenantId: 'tenant',
  },
});
const AZURE_MANAGED = answersWith({
  logStore: {
    store: 'azure',
    storageAccount: 'acct',
    container: 'logs',
    auth: 'managed_identity',
    managedClientId: 'managed',
  },
});
const MONGO = answersWith({
  logStore: {
    store: 'mongo',
    database: 'db',
    collection: 'logs',
    hooksCollection: 'hooks',
    pem: { source: 'secret', name: 'pem' },
  },
});
const GCS = answersWith({
  logStore: { store: 'gcs', region: 'europe-west4', bucket: 'gcs-logs' },
});
const BEDROCK = answersWith({
  bedrock: { access: 'pod_role', externalId: 'ext-2' },
});
const MINIMAL = answersWith({});

type Doc = 'values.yaml' | 'catalog-info.yaml';
type InjectionField = {
  field: string;
  answers: GatewayInputAnswers;
  /** Where the value lands. */
  doc: Doc;
  path: string;
  /** The value the user means (literals are trimmed; organisation IDs lose their spaces). */
  expected: (typed: string) => string;
  /** A harmless value, also used as a prefix so that nasty suffixes get past format checks. */
  harmless: string;
};

const trimmed = (s: string) => s.trim();
const INJECTION_FIELDS: InjectionField[] = [
  {
    field: 'core.organisationsToSync',
    answers: MINIMAL,
    doc: 'values.yaml',
    path: 'environment.data.ORGANISATIONS_TO_SYNC',
    expected: s => s.trim().replace(/\s+/g, ''),
    harmless: 'org-1',
  },
  {
    field: 'analytics.endpoint',
    answers: CLICKHOUSE,
    doc: 'values.yaml',
    path: 'environment.data.ANALYTICS_STORE_ENDPOINT',
    expected: trimmed,
    harmless: 'https://ch.example.com/',
  },
  {
    field: 'logStore.basePath',
    answers: S3_CUSTOM,
    doc: 'values.yaml',
    path: 'environment.data.LOG_STORE_BASEPATH',
    expected: trimmed,
    harmless: 'https://s3.example.com/',
  },
  {
    field: 'logStore.externalId',
    answers: S3_ASSUME,
    doc: 'values.yaml',
    path: 'environment.data.LOG_STORE_AWS_EXTERNAL_ID',
    expected: trimmed,
    harmless: 'ext-2',
  },
  {
    field: 'otel.resourceAttributes',
    answers: OTEL,
    doc: 'values.yaml',
    path: 'environment.data.OTEL_RESOURCE_ATTRIBUTES',
    expected: trimmed,
    harmless: 'team=a',
  },
  {
    field: 'catalog.description',
    answers: MINIMAL,
    doc: 'catalog-info.yaml',
    path: 'metadata.description',
    expected: trimmed,
    harmless: 'The gateway',
  },
  {
    field: 'gateway.ingress.host',
    answers: INGRESS,
    doc: 'values.yaml',
    path: 'ingress.hostname',
    expected: s => s,
    harmless: 'gw.example.com',
  },
  {
    field: 'cache.url',
    answers: CUSTOM_CACHE,
    doc: 'values.yaml',
    path: 'environment.data.REDIS_URL',
    expected: trimmed,
    harmless: 'redis://r.example.com',
  },
  {
    field: 'gateway.cluster',
    answers: CLUSTER,
    doc: 'catalog-info.yaml',
    path: 'metadata.annotations.portkey\\.ai/gateway-cluster',
    expected: trimmed,
    harmless: 'prod',
  },
];

const NASTIES = [
  'a\nb',
  'a\r\nb',
  '\n',
  'a\u2028b',
  'a\u0085b',
  'a\tb',
  'a\u0000b',
  '\u007f',
  'key: value',
  ': ',
  'a:b',
  '- item',
  '? key',
  '[a, b]',
  '{a: b}',
  '{}',
  '[]',
  '"',
  '"quoted"',
  "'",
  "it's",
  '\\',
  '\\n',
  '#',
  'a #comment',
  ' #',
  '%YAML 1.1',
  '{{ .Values }}',
  '{{',
  '}}',
  '${{ secrets.x }}',
  '${HOME}',
  '$(id)',
  '`id`',
  '---',
  '...',
  '--- !!map',
  '&anchor',
  '*alias',
  '!!python/object:os.system',
  '!tag',
  '@',
  '|',
  '>-',
  'on',
  'yes',
  'no',
  'y',
  'null',
  '~',
  'true',
  '1e+06',
  '1000000',
  '0x1F',
  '1_000',
  '1:20',
  '2001-12-14',
  '.inf',
  ' ',
  '  padded  ',
  '\ufeff',
  '\u200b',
  '\ud800',
  '\udfff',
  '😀',
  'é',
  'ﬁ',
  '\u202e',
  '<script>',
  '&amp;',
];

/** Strings a user might type: arbitrary unicode, chosen nasties, and nasties after a harmless prefix. */
const typed = (harmless: string) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.string({ unit: 'binary-ascii', maxLength: 20 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.constantFrom(...NASTIES),
    fc
      .tuple(
        fc.constantFrom(...NASTIES),
        fc.string({ unit: 'binary', maxLength: 5 }),
      )
      .map(([n, s]) => `${harmless}${n}${s}`),
    fc
      .array(fc.constantFrom(...NASTIES), { minLength: 1, maxLength: 4 })
      .map(parts => `${harmless}${parts.join('')}`),
  );

/** Every leaf of a parsed document, path → value (dots in keys escaped). */
function leaves(node: unknown, path = '', out = new Map<string, unknown>()) {
  if (node !== null && typeof node === 'object') {
    for (const [key, child] of Object.entries(node)) {
      leaves(
        child,
        path
          ? `${path}.${key.replace(/\./g, '\\.')}`
          : key.replace(/\./g, '\\.'),
        out,
      );
    }
    if (Object.keys(node).length === 0) out.set(path, node);
  } else {
    out.set(path, node);
  }
  return out;
}

function parsedDocs(gateway: RenderedGateway, version: '1.1' | '1.2' = '1.2') {
  const parse = (text: string) => {
    const docs = YAML.parseAllDocuments(text, { version });
    if (!Array.isArray(docs) || docs.length !== 1)
      throw new Error(`expected one YAML document in:\n${text}`);
    expect(docs[0].errors).toEqual([]);
    return docs[0].toJS();
  };
  return {
    'values.yaml': leaves(parse(gateway.files['values.yaml'])),
    'catalog-info.yaml': leaves(parse(gateway.files['catalog-info.yaml'])),
  };
}

describe('a value typed into a literal field is refused on that field or lands as exactly that value', () => {
  it.each(INJECTION_FIELDS.map(f => [f.field, f] as const))(
    '%s',
    (_field, spec) => {
      const harmless = parsedDocs(
        rendered(withField(spec.answers, spec.field, spec.harmless)),
      );
      expect(harmless[spec.doc].get(spec.path)).toBe(
        spec.expected(spec.harmless),
      );

      fc.assert(
        fc.property(typed(spec.harmless), value => {
          const result = renderGateway(
            withField(spec.answers, spec.field, value),
          );
          // Refused: only this field is wrong, and the error says so.
          const otherFields = result.ok
            ? []
            : result.errors.map(e => e.field).filter(f => f !== spec.field);
          expect(otherFields).toEqual([]);
          if (!result.ok) return;
          const docs = parsedDocs(result);
          for (const doc of ['values.yaml', 'catalog-info.yaml'] as const) {
            // Exactly the same keys as with a harmless value...
            expect([...docs[doc].keys()].sort()).toEqual(
              [...harmless[doc].keys()].sort(),
            );
            // ...and only the expected place differs, holding the value the user typed.
            const changed = [...docs[doc].keys()].filter(
              path =>
                JSON.stringify(docs[doc].get(path)) !==
                JSON.stringify(harmless[doc].get(path)),
            );
            expect(
              changed.every(path => doc === spec.doc && path === spec.path),
            ).toBe(true);
          }
          expect(docs[spec.doc].get(spec.path)).toBe(spec.expected(value));
          // Helm reads values.yaml as YAML 1.1: the value must read the same there.
          expect(parsedDocs(result, '1.1')['values.yaml']).toEqual(
            docs['values.yaml'],
          );
        }),
        { numRuns: 150, examples: NASTIES.map(n => [n] as [string]) },
      );
    },
  );

  it('refuses line breaks and control characters, C1 included (NEL is a line break in YAML 1.1)', () => {
    for (const value of [
      'a\nb',
      'a\rb',
      'a\u0085b',
      'a\u009fb',
      'a\u2028b',
      'a\u0000b',
      'a\u001bb',
    ]) {
      const errors = validateGatewayInput(
        withField(MINIMAL, 'catalog.description', value),
      );
      expect(errors).toEqual({
        ok: false,
        errors: [
          {
            field: 'catalog.description',
            message:
              'must be a single line (no line breaks or control characters)',
          },
        ],
      });
    }
  });

  it('refuses text that is not valid Unicode (a lone surrogate cannot be written as UTF-8)', () => {
    for (const value of ['lone \ud800', '\udfff end']) {
      const result = validateGatewayInput(
        withField(MINIMAL, 'catalog.description', value),
      );
      expect(result.ok ? [] : result.errors.map(e => e.field)).toEqual([
        'catalog.description',
      ]);
    }
    expect(
      validateGatewayInput(
        withField(MINIMAL, 'catalog.description', 'emoji 😀 ok'),
      ).ok,
    ).toBe(true);
  });

  it('refuses template expressions', () => {
    for (const value of [
      '{{ .Values.x }}',
      '${{ secrets.token }}',
      '${HOME}',
    ]) {
      const result = validateGatewayInput(
        withField(OTEL, 'otel.resourceAttributes', value),
      );
      expect(result).toEqual({
        ok: false,
        errors: [
          {
            field: 'otel.resourceAttributes',
            message: 'must not contain template expressions ({{ }} or ${ })',
          },
        ],
      });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Credentials

/** Every free-text literal field, with answers in which it is used. */
const LITERAL_FIELDS: Array<[string, GatewayInputAnswers]> = [
  ['core.organisationsToSync', MINIMAL],
  ['core.serviceName', MINIMAL],
  ['gateway.cluster', MINIMAL],
  ['gateway.imageTag', MINIMAL],
  ['gateway.ingress.className', INGRESS],
  ['analytics.endpoint', CLICKHOUSE],
  ['analytics.user', CLICKHOUSE],
  ['analytics.logTable', CLICKHOUSE],
  ['analytics.feedbackTable', CLICKHOUSE],
  ['analytics.generationHooksTable', CLICKHOUSE],
  ['otel.endpoint', OTEL],
  ['otel.resourceAttributes', OTEL],
  ['logStore.region', GCS],
  ['logStore.basePath', S3_CUSTOM],
  ['logStore.externalId', S3_ASSUME],
  ['logStore.storageAccount', AZURE],
  ['logStore.container', AZURE],
  ['logStore.managedClientId', AZURE_MANAGED],
  ['logStore.entraClientId', AZURE],
  ['logStore.entraTenantId', AZURE],
  ['logStore.database', MONGO],
  ['logStore.collection', MONGO],
  ['logStore.hooksCollection', MONGO],
  ['logStore.pem.key', MONGO],
  ['cache.url', CUSTOM_CACHE],
  ['bedrock.externalId', BEDROCK],
  ['server.mcpGatewayBaseUrl', MCP],
  ['catalog.owner', MINIMAL],
  ['catalog.system', MINIMAL],
  ['catalog.lifecycle', MINIMAL],
  ['catalog.description', MINIMAL],
];

/** A credential a user might paste: the text, and the part of it that is secret. */
type Credential = { text: string; secret: string };
const token = () => fc.stringMatching(/^[A-Za-z0-9._~-]{8,24}$/);
const credentialText = (): fc.Arbitrary<Credential> =>
  fc.oneof(
    token().map(t => ({ text: `Authorization: Bearer ${t}`, secret: t })),
    token().map(t => ({ text: `authorization=Basic ${t}`, secret: t })),
    token().map(t => ({ text: `x-api-key=${t}`, secret: t })),
    token().map(t => ({ text: `x-portkey-api-key: ${t}`, secret: t })),
    token().map(t => ({
      text: `DD-API_KEY=Bearer ${t},x-api-key=test`,
      secret: t,
    })),
    fc
      .tuple(
        fc.constantFrom('AKIA', 'ASIA'),
        fc.stringMatching(/^[0-9A-Z]{16}$/),
      )
      .map(([p, k]) => ({ text: `${p}${k}`, secret: `${p}${k}` })),
    fc
      .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/), token())
      .map(([u, p]) => ({
        text: `https://${u}:${p}@host.example.com/path`,
        secret: p,
      })),
  );

/** A URL with user:password@ for each URL field. */
const URL_FIELDS: Array<
  [string, GatewayInputAnswers, (userInfo: string) => string]
> = [
  [
    'analytics.endpoint',
    CLICKHOUSE,
    ui => `https://${ui}@clickhouse.example.com:8443`,
  ],
  [
    'logStore.basePath',
    S3_CUSTOM,
    ui => `https://${ui}@s3.example.com/portkey-logs`,
  ],
  ['cache.url', CUSTOM_CACHE, ui => `redis://${ui}@cache.example.com:6379`],
  ['cache.url', CUSTOM_CACHE, ui => `rediss://${ui}@cache.example.com:6380/0`],
  ['server.mcpGatewayBaseUrl', MCP, ui => `https://${ui}@mcp.example.com`],
  ['otel.endpoint', OTEL, ui => `http://${ui}@otel:4318`],
];

/** Everything a valid render produces, as one text. */
function allOutput(gateway: RenderedGateway): string {
  const plan = JSON.stringify([...gateway.plan.env]);
  return [
    gateway.files['values.yaml'],
    gateway.files['catalog-info.yaml'],
    JSON.stringify(gateway.values),
    plan,
    ...gateway.warnings,
  ].join('\n');
}

function expectRefusedForSecret(
  answers: unknown,
  field: string,
  secret: string,
) {
  const result = validateGatewayInput(answers);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  const onField = result.errors.filter(e => e.field === field);
  expect(onField.length).toBeGreaterThan(0);
  expect(onField.some(e => /Secret/.test(e.message))).toBe(true);
  // The error itself never repeats the credential (errors end up in logs and PR comments).
  for (const error of result.errors)
    expect(error.message).not.toContain(secret);
}

describe('a credential typed where a literal belongs is refused and points to the Secret', () => {
  it.each(
    URL_FIELDS.map(
      ([field, answers, url]) => [field, url('u'), answers, url] as const,
    ),
  )('%s: a URL with user:password@ (%s)', (field, _example, answers, url) => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/),
        token(),
        fc.boolean(),
        (user, password, withUser) => {
          const userInfo = withUser ? `${user}:${password}` : `:${password}`;
          expectRefusedForSecret(
            withField(answers, field, url(userInfo)),
            field,
            password,
          );
          // The neighbour without the user info is valid, and the password appears nowhere.
          const neighbour = rendered(
            withField(answers, field, url('').replace('@', '')),
          );
          expect(allOutput(neighbour)).not.toContain(password);
        },
      ),
      { numRuns: 30 },
    );
  });

  it.each(LITERAL_FIELDS)(
    '%s: header text or an AWS key id',
    (field, answers) => {
      fc.assert(
        fc.property(credentialText(), ({ text, secret }) => {
          expectRefusedForSecret(
            withField(answers, field, text),
            field,
            secret,
          );
          expect(allOutput(rendered(answers))).not.toContain(secret);
        }),
        { numRuns: 25 },
      );
    },
  );

  it('points a Redis URL with a password to cache.urlSource "secret"', () => {
    const result = validateGatewayInput(
      withField(CUSTOM_CACHE, 'cache.url', 'redis://:hunter22@cache:6379'),
    );
    expect(result.ok ? [] : result.errors).toEqual([
      {
        field: 'cache.url',
        message:
          'looks like it contains a user or password in a URL (user:password@), and secrets never go into values.yaml; set cache.urlSource to "secret" so the value is read from the Kubernetes Secret',
      },
    ]);
  });
});
