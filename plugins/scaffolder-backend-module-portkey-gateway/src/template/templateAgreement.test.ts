import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Ajv from 'ajv';
import { z } from 'zod';
import {
  CHART_FREE_FORM_PATHS,
  CHART_KEY_PATHS,
  gatewayInputSchema,
  isGatewayEnvKey,
  isSecretEnvKey,
  renderGateway,
  validateGatewayInput,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import {
  EXAMPLES_DIR,
  exampleFiles,
  readExample,
  template,
} from '../__testUtils__/templateFiles';

// The software template (templates/portkey-gateway) and the gateway model must agree: every
// answer the form can produce is a valid model input, every form field is a model field, and
// the form's defaults are the model's. The examples are form answers, one per option.

type Schema = { [key: string]: any };
type Data = { [key: string]: any };

const pages: Schema[] = template.spec.parameters;
const steps: Schema[] = template.spec.steps;

const examples: [string, Data][] = exampleFiles.map(file => [
  file,
  readExample(file),
]);

const SECTIONS = [
  'gateway',
  'core',
  'secrets',
  'analytics',
  'otel',
  'logStore',
  'cache',
  'bedrock',
  'dataService',
  'server',
  'serviceAccount',
  'catalog',
] as const;

const isObject = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** The schema without the form-only keys (ui:*), as the scaffolder backend validates it. */
function stripUi(node: unknown): any {
  if (Array.isArray(node)) return node.map(stripUi);
  if (!isObject(node)) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !key.startsWith('ui:'))
      .map(([key, value]) => [key, stripUi(value)]),
  );
}

// Form-only fields of @portkey-gateway-backstage/plugin-scaffolder-frontend-module-portkey-gateway:
// they check and preview the answers, and the render step does not pass them to the action.
const FORM_ONLY_FIELDS = [
  'PortkeyGatewayRules',
  'PortkeyGatewayPreview',
  'PortkeyGatewayDestination',
];
const isFormOnly = (property: Schema) =>
  FORM_ONLY_FIELDS.includes(property?.['ui:field']);
const answerProperties = (page: Schema): Schema =>
  Object.fromEntries(
    Object.entries<Schema>(page.properties ?? {}).filter(
      ([, property]) => !isFormOnly(property),
    ),
  );

/** All pages merged into one object schema: what the whole form answers. */
function buildFormSchema(): Schema {
  const schema: Schema = {
    type: 'object',
    properties: {},
    required: [],
    dependencies: {},
  };
  for (const page of pages) {
    Object.assign(schema.properties, stripUi(answerProperties(page)));
    schema.required.push(...(page.required ?? []));
    Object.assign(schema.dependencies, stripUi(page.dependencies ?? {}));
  }
  return schema;
}

const formSchema = buildFormSchema();
const ajv = new Ajv({ strict: false, allErrors: true });
const validateForm = ajv.compile(formSchema);

function formErrors(answers: unknown): string[] {
  return validateForm(answers)
    ? []
    : (validateForm.errors ?? []).map(
        e => `${e.instancePath || '/'} ${e.message}`,
      );
}

/** The value a dependency branch selects (`const`, or a one-value `enum`). */
function branchValue(branch: Schema, key: string): unknown {
  const condition = branch.properties?.[key];
  if (condition && 'const' in condition) return condition.const;
  if (Array.isArray(condition?.enum) && condition.enum.length === 1)
    return condition.enum[0];
  throw new Error(
    `dependency branch on "${key}" has no const: ${JSON.stringify(branch)}`,
  );
}

/**
 * The properties the form shows for an object given its data, as react-jsonschema-form
 * resolves them: the object's own properties, plus those of the one `dependencies` branch
 * whose discriminator matches the data (recursively, for nested dependencies).
 */
function visible(
  schema: Schema,
  data: Data | undefined,
): { properties: Schema; required: string[] } {
  const properties: Schema = { ...(schema.properties ?? {}) };
  const required: string[] = [...(schema.required ?? [])];
  for (const [key, dependency] of Object.entries<Schema>(
    schema.dependencies ?? {},
  )) {
    if (data?.[key] === undefined) continue;
    const matching = (dependency.oneOf ?? []).filter((b: Schema) =>
      isDeepStrictEqual(branchValue(b, key), data[key]),
    );
    if (matching.length !== 1) continue;
    const { [key]: _discriminator, ...branchProperties } =
      matching[0].properties;
    const nested = visible(
      { ...matching[0], properties: branchProperties },
      data,
    );
    Object.assign(properties, nested.properties);
    required.push(...nested.required);
  }
  return { properties, required };
}

/** The `dependencies` of an object and of the branches its data selects. */
function visibleDependencies(schema: Schema, data: Data | undefined): Schema {
  const dependencies: Schema = { ...(schema.dependencies ?? {}) };
  for (const [key, dependency] of Object.entries<Schema>(
    schema.dependencies ?? {},
  )) {
    const matching = (dependency.oneOf ?? []).filter((b: Schema) =>
      isDeepStrictEqual(branchValue(b, key), data?.[key]),
    );
    if (matching.length === 1)
      Object.assign(dependencies, visibleDependencies(matching[0], data));
  }
  return dependencies;
}

/** Fills form defaults the way the form does: visible fields only, discriminators first. */
function fillDefaults(schema: Schema, data: Data | undefined): Data {
  const result: Data = clone(data ?? {});
  for (let round = 0; round < 10; round++) {
    let changed = false;
    for (const [key, property] of Object.entries<Schema>(
      visible(schema, result).properties,
    )) {
      if (result[key] === undefined && property.default !== undefined) {
        result[key] = clone(property.default);
        changed = true;
      }
      if (property.type === 'object') {
        const filled = fillDefaults(property, result[key]);
        if (
          result[key] === undefined
            ? Object.keys(filled).length > 0
            : !isDeepStrictEqual(filled, result[key])
        ) {
          result[key] = filled;
          changed = true;
        }
      }
    }
    if (!changed) return result;
  }
  throw new Error('defaults did not settle');
}

/** Removes every visible field that has a form default (or only those equal to it). */
function stripDefaults(schema: Schema, data: Data, onlyEqual: boolean): Data {
  const result: Data = clone(data);
  const { properties } = visible(schema, data);
  for (const [key, property] of Object.entries<Schema>(properties)) {
    if (property.type === 'object' && isObject(result[key])) {
      result[key] = stripDefaults(property, result[key], onlyEqual);
      if (Object.keys(result[key]).length === 0) delete result[key];
    }
  }
  // Discriminators are read from the original data, so branch fields are judged against the
  // branch the example chose; only then are the discriminators themselves removed.
  // A discriminator with another value than its default is the option the example shows:
  // it is kept, since dropping it would make the answers a different option.
  const discriminators = new Set(
    Object.keys(visibleDependencies(schema, data)),
  );
  for (const [key, property] of Object.entries<Schema>(properties)) {
    if (property.default === undefined || result[key] === undefined) continue;
    const equal = isDeepStrictEqual(result[key], property.default);
    if (equal || (!onlyEqual && !discriminators.has(key))) delete result[key];
  }
  return result;
}

/** Every key path in the data that the form does not show for that data. */
function unknownPaths(schema: Schema, data: Data, prefix = ''): string[] {
  const { properties } = visible(schema, data);
  return Object.entries(data).flatMap(([key, value]) => {
    const property = properties[key];
    if (!property) return [`${prefix}${key}`];
    return property.type === 'object' && isObject(value)
      ? unknownPaths(property, value, `${prefix}${key}.`)
      : [];
  });
}

/** Every required field the form shows for the data that is missing. */
function missingRequired(schema: Schema, data: Data, prefix = ''): string[] {
  const { properties, required } = visible(schema, data);
  return [
    ...required
      .filter(key => data[key] === undefined)
      .map(key => `${prefix}${key}`),
    ...Object.entries<Schema>(properties).flatMap(([key, property]) =>
      property.type === 'object' && isObject(data[key])
        ? missingRequired(property, data[key], `${prefix}${key}.`)
        : [],
    ),
  ];
}

// ---------------------------------------------------------------------------------------
// Field paths. A path names a field inside the option that shows it: `logStore.{store=s3}.region`.
// The model only branches on its discriminated unions, so form branches on other fields
// (auth, enabled, mode, ...) are dropped from the path before comparing.

type Field = { path: string; node: Schema };

function formFields(schema: Schema, prefix = ''): Field[] {
  const fields: Field[] = [];
  for (const [key, property] of Object.entries<Schema>(
    schema.properties ?? {},
  )) {
    fields.push({ path: `${prefix}${key}`, node: property });
    if (property.type === 'object')
      fields.push(...formFields(property, `${prefix}${key}.`));
  }
  for (const [key, dependency] of Object.entries<Schema>(
    schema.dependencies ?? {},
  )) {
    for (const branch of dependency.oneOf ?? []) {
      const { [key]: _discriminator, ...properties } = branch.properties;
      fields.push(
        ...formFields(
          { ...branch, properties },
          `${prefix}{${key}=${String(branchValue(branch, key))}}.`,
        ),
      );
    }
  }
  return fields;
}

function modelFields(schema: Schema, prefix = ''): Field[] {
  const fields: Field[] = [];
  for (const [key, property] of Object.entries<Schema>(
    schema.properties ?? {},
  )) {
    const branches: Schema[] | undefined = property.oneOf ?? property.anyOf;
    if (branches) {
      // A discriminated union: the discriminator is the property with a const in every branch.
      const discriminator = Object.keys(branches[0].properties ?? {}).find(k =>
        branches.every(b => b.properties?.[k] && 'const' in b.properties[k]),
      );
      if (!discriminator)
        throw new Error(`model union ${prefix}${key} has no discriminator`);
      fields.push({
        path: `${prefix}${key}`,
        node: { ...property, type: 'object' },
      });
      // The model defaults a union through the whole section (e.g. cache: { store: 'redis' }).
      const sectionDefault = isObject(property.default)
        ? property.default[discriminator]
        : undefined;
      fields.push({
        path: `${prefix}${key}.${discriminator}`,
        node: {
          type: 'string',
          enum: branches.map(b => b.properties[discriminator].const),
          ...(sectionDefault !== undefined ? { default: sectionDefault } : {}),
        },
      });
      for (const branch of branches) {
        const { [discriminator]: _d, ...properties } = branch.properties;
        fields.push(
          ...modelFields(
            { properties },
            `${prefix}${key}.{${discriminator}=${branch.properties[discriminator].const}}.`,
          ),
        );
      }
      continue;
    }
    fields.push({ path: `${prefix}${key}`, node: property });
    if (property.properties)
      fields.push(...modelFields(property, `${prefix}${key}.`));
  }
  return fields;
}

const modelJsonSchema = z.toJSONSchema(gatewayInputSchema, {
  io: 'input',
  unrepresentable: 'any',
}) as Schema;
const model = new Map(modelFields(modelJsonSchema).map(f => [f.path, f.node]));
const modelUnions = new Set(
  [...model.keys()].flatMap(p =>
    [...p.matchAll(/\{([^=}]+)=[^}]*\}/g)].map(m => m[1]),
  ),
);

/** Drops the form's branch qualifiers that are not the model's union discriminators. */
function normalize(formPath: string): string {
  return formPath.replace(/\{([^=}]+)=[^}]*\}\./g, (whole, key) =>
    modelUnions.has(key) ? whole : '',
  );
}

const formSectionFields = formFields(formSchema).filter(
  f => f.path !== 'repoUrl',
);

// ---------------------------------------------------------------------------------------

describe('templates/portkey-gateway', () => {
  it('is a v1beta3 template with the expected metadata', () => {
    expect(template.apiVersion).toBe('scaffolder.backstage.io/v1beta3');
    expect(template.kind).toBe('Template');
    expect(template.metadata.name).toBe('portkey-gateway');
    expect(template.metadata.title).toBe('Portkey AI Gateway');
    expect(template.metadata.description).toEqual(expect.any(String));
    expect(template.metadata.tags.length).toBeGreaterThan(0);
    expect(template.spec.type).toBe('service');
    expect(template.spec.owner).toMatch(/^group:default\/[a-z0-9-]+$/);
  });

  it('asks exactly for the model sections and repoUrl, each on one page', () => {
    const perPage = pages
      .map(page => Object.keys(answerProperties(page)))
      .filter(keys => keys.length > 0);
    const all = perPage.flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual([...SECTIONS, 'repoUrl'].sort());
    expect(perPage[perPage.length - 1]).toEqual(['repoUrl']);
    const repoUrl = pages.find(p => p.properties?.repoUrl)!.properties.repoUrl;
    expect(repoUrl['ui:field']).toBe('RepoUrlPicker');
    expect(repoUrl['ui:options'].allowedHosts).toEqual(['github.com']);
    const owner = pages.find(p => p.properties?.catalog)!.properties.catalog
      .properties.owner;
    expect(owner['ui:field']).toBe('OwnerPicker');
    expect(owner['ui:options'].catalogFilter.kind).toBe('Group');
  });

  it('checks every page that asks for a model section with the model, and previews last', () => {
    for (const page of pages) {
      const asksModel = Object.keys(answerProperties(page)).some(key =>
        (SECTIONS as readonly string[]).includes(key),
      );
      const rules = page.properties?.portkeyGatewayRules;
      expect([
        page.title,
        rules?.['ui:field'] ?? null,
        rules?.['ui:backstage']?.review?.show ?? null,
      ]).toEqual([
        page.title,
        asksModel ? 'PortkeyGatewayRules' : null,
        asksModel ? false : null,
      ]);
    }
    const last = pages[pages.length - 1];
    expect(Object.keys(last.properties)).toEqual(['portkeyGatewayPreview']);
    expect(last.properties.portkeyGatewayPreview['ui:field']).toBe(
      'PortkeyGatewayPreview',
    );
    // The render step passes the model sections only, never a form-only field.
    expect(Object.keys(steps[0].input).sort()).toEqual([...SECTIONS].sort());
  });

  it('asks for the IRSA service account beside "EKS IRSA", with the same fields as its own page', () => {
    const logStorePage = pages.find(p => p.properties?.logStore)!;
    expect(logStorePage.if.properties.logStore.properties).toEqual({
      store: { const: 's3_assume' },
      auth: { const: 'irsa' },
    });
    const mirror = stripUi(logStorePage.then.properties.serviceAccount);
    const own = formSchema.properties.serviceAccount;
    const mirrorFields = formFields(mirror, 'serviceAccount.');
    const ownFields = new Map(
      formFields(own, 'serviceAccount.').map(f => [f.path, f.node]),
    );
    expect(mirrorFields.map(f => f.path)).toEqual([
      'serviceAccount.mode',
      'serviceAccount.{mode=create}.roleArn',
      'serviceAccount.{mode=existing}.name',
    ]);
    for (const { path: fieldPath, node } of mirrorFields) {
      const { title: _t, description: _d, ...constraints } = node;
      const {
        title: _t2,
        description: _d2,
        ...ownConstraints
      } = ownFields.get(fieldPath)!;
      // enumNames word the choice for IRSA; the values and checks are the same.
      const { enumNames: _e, ...rest } = constraints;
      const { enumNames: _e2, ...ownRest } = ownConstraints;
      expect([fieldPath, rest]).toEqual([fieldPath, ownRest]);
    }
  });

  it('compiles as one JSON schema whose every dependency branch names its option', () => {
    expect(typeof validateForm).toBe('function');
    expect(() => formFields(formSchema)).not.toThrow();
  });

  describe('examples', () => {
    it('include one file per documented option', () => {
      const required = [
        'log-store-s3',
        'log-store-s3-assume-access-keys',
        'log-store-s3-assume-irsa',
        'log-store-s3-assume-imds',
        'log-store-gcs',
        'log-store-wasabi',
        'log-store-netapp',
        'log-store-s3-custom',
        'log-store-azure-storage-key',
        'log-store-azure-managed-identity',
        'log-store-azure-entra',
        'log-store-mongo',
        'log-store-mongo-pem',
        'analytics-control-plane-otel',
        'analytics-clickhouse',
        'analytics-clickhouse-otel',
        'cache-redis',
        'cache-aws-elastic-cache',
        'cache-aws-elastic-cache-url-in-secret',
        'cache-custom',
        'bedrock-access-keys',
        'bedrock-pod-role',
        'data-service',
        'mcp-all',
        'mcp-only',
        'autoscaling-ingress-tls',
        'existing-service-account',
      ].map(name => `${name}.yaml`);
      expect(exampleFiles).toEqual(expect.arrayContaining(required));
    });

    it.each(examples)('%s starts with a comment naming its option', file => {
      const first = fs
        .readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')
        .split('\n')[0];
      expect(first).toMatch(/^# \S/);
    });

    it.each(examples)('%s is valid for the form', (_file, answers) => {
      expect(formErrors(answers)).toEqual([]);
      expect(answers.repoUrl).toBe('github.com?owner=acme&repo=gitops');
    });

    it.each(examples)(
      '%s is exactly what the form produces (visible fields, defaults filled)',
      (_file, answers) => {
        expect(unknownPaths(formSchema, answers)).toEqual([]);
        expect(missingRequired(formSchema, answers)).toEqual([]);
        expect(fillDefaults(formSchema, answers)).toEqual(answers);
      },
    );

    it.each(examples)(
      '%s validates and renders with the model',
      (_file, answers) => {
        const { repoUrl: _repoUrl, ...input } = answers;
        const validation = validateGatewayInput(input);
        expect(validation.ok ? [] : validation.errors).toEqual([]);
        const rendered = renderGateway(input);
        expect(rendered.ok ? [] : rendered.errors).toEqual([]);
      },
    );

    it('together choose every option the form offers', () => {
      const branches = formSectionFields
        .map(f => f.path.match(/^(.*\})\./)?.[1])
        .filter((p): p is string => !!p);
      const chosen = (answers: Data, branchPath: string) => {
        // `logStore.{store=mongo}.pem.{source=secret}` -> check each qualifier against the data.
        let data: any = answers;
        for (const part of branchPath.split('.')) {
          const qualifier = part.match(/^\{(.+)=(.*)\}$/);
          if (qualifier) {
            if (String(data?.[qualifier[1]]) !== qualifier[2]) return false;
          } else {
            data = data?.[part];
          }
        }
        return true;
      };
      const uncovered = [...new Set(branches)].filter(
        b => !examples.some(([, answers]) => chosen(answers, b)),
      );
      expect(uncovered).toEqual([]);
    });
  });

  describe('form fields and the model', () => {
    it('every form field exists in the model (none is silently dropped)', () => {
      const missing = formSectionFields
        .map(f => normalize(f.path))
        .filter(p => !model.has(p));
      expect(missing).toEqual([]);
    });

    it('every model field can be set in the form', () => {
      const inForm = new Set(formSectionFields.map(f => normalize(f.path)));
      expect([...model.keys()].filter(p => !inForm.has(p))).toEqual([]);
    });

    it('form fields have the model types and offer only values the model accepts', () => {
      const problems: string[] = [];
      for (const { path: formPath, node } of formSectionFields) {
        const modelNode = model.get(normalize(formPath));
        if (!modelNode) continue;
        if (modelNode.type && node.type !== modelNode.type) {
          problems.push(
            `${formPath}: form type ${node.type}, model type ${modelNode.type}`,
          );
        }
        const modelValues: unknown[] | undefined =
          modelNode.enum ??
          ('const' in modelNode ? [modelNode.const] : undefined);
        for (const value of node.enum ?? []) {
          if (modelValues && !modelValues.includes(value))
            problems.push(`${formPath}: the model does not accept ${value}`);
        }
        if (node.type !== 'object' && !node.title)
          problems.push(`${formPath}: no title`);
      }
      expect(problems).toEqual([]);
    });

    it('form defaults are the model defaults', () => {
      const problems: string[] = [];
      for (const { path: formPath, node } of formSectionFields) {
        const modelNode = model.get(normalize(formPath));
        if (!modelNode || node.type === 'object') continue;
        if (
          modelNode.default !== undefined &&
          !isDeepStrictEqual(node.default, modelNode.default)
        ) {
          problems.push(
            `${formPath}: form default ${JSON.stringify(
              node.default,
            )}, model default ${JSON.stringify(modelNode.default)}`,
          );
        }
        if (node.default !== undefined && modelNode.default === undefined) {
          problems.push(
            `${formPath}: form default ${JSON.stringify(
              node.default,
            )} but the model has none`,
          );
        }
      }
      expect(problems).toEqual([]);
    });

    it.each(examples)(
      '%s still validates and renders with its defaulted fields refilled from the form',
      (_file, answers) => {
        const refilled = fillDefaults(
          formSchema,
          stripDefaults(formSchema, answers, false),
        );
        expect(formErrors(refilled)).toEqual([]);
        const { repoUrl: _r, ...input } = refilled;
        const rendered = renderGateway(input);
        expect(rendered.ok ? [] : rendered.errors).toEqual([]);
      },
    );

    it.each(examples)(
      '%s renders the same when the model, not the form, fills the defaults',
      (_file, answers) => {
        const { repoUrl: _r, ...input } = answers;
        const { repoUrl: _r2, ...bare } = stripDefaults(
          formSchema,
          answers,
          true,
        );
        const full = renderGateway(input);
        const fromModel = renderGateway(bare);
        if (!full.ok || !fromModel.ok)
          throw new Error(JSON.stringify([full, fromModel]));
        expect(fromModel.files).toEqual(full.files);
      },
    );

    it('never asks for a secret value', () => {
      const credentialLike =
        /(password|passwd|secretkey|accesskey|clientsecret|token|apikey|connectionurl|headers)$/i;
      const offenders = formSectionFields
        .filter(
          f =>
            credentialLike.test(f.path.split('.').pop()!) ||
            f.node.format === 'password',
        )
        .map(f => f.path);
      expect(offenders).toEqual([]);
      const widgets = JSON.stringify(pages).match(/"ui:widget":"password"/g);
      expect(widgets).toBeNull();
    });
  });

  describe('help texts', () => {
    // The scaffolder renders every description (a page's, a field's, the RepoUrlPicker's) as
    // Markdown with raw HTML sanitised away, so `<namespace>` outside a code span vanishes.
    const descriptions: { where: string; text: string }[] = [];
    const collect = (node: unknown, where: string) => {
      if (Array.isArray(node)) {
        node.forEach((item, i) => collect(item, `${where}[${i}]`));
      } else if (isObject(node)) {
        if (typeof node.description === 'string')
          descriptions.push({ where, text: node.description });
        for (const [key, value] of Object.entries(node))
          collect(value, `${where}.${key}`);
      }
    };
    collect(pages, 'parameters');
    const codeSpans = (text: string) =>
      [...text.matchAll(/`([^`]+)`/g)].map(m => m[1]);
    const formLeaves = [
      ...formSectionFields,
      { path: 'repoUrl', node: formSchema.properties.repoUrl },
    ].filter(f => f.node.type !== 'object');

    it('have no HTML-like placeholder outside a code span (Markdown would swallow it)', () => {
      const swallowed = descriptions
        .filter(d => /<[A-Za-z/!]/.test(d.text.replace(/`[^`]*`/g, '')))
        .map(d => `${d.where}: ${d.text}`);
      expect(swallowed).toEqual([]);
    });

    it('exist for every field and lead with what it does, not with a chart key or an option value', () => {
      const problems = formLeaves.flatMap(({ path: fieldPath, node }) => {
        const text: string | undefined = node.description;
        if (!text) return [`${fieldPath}: no description`];
        const leadsWithKey =
          /^`?[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\b/.test(text) ||
          /^`?[a-z][A-Za-z]*(\.[A-Za-z]+)+\b/.test(text) ||
          /^[a-z][a-z0-9_]*[:=]/.test(text);
        return leadsWithKey ? [`${fieldPath}: ${text}`] : [];
      });
      expect(problems).toEqual([]);
    });

    it('name the chart key last, "(chart: `KEY`)", and only keys the chart and the gateway know', () => {
      const problems: string[] = [];
      for (const { where, text } of descriptions) {
        for (const token of codeSpans(text)) {
          if (
            /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(token) &&
            !isGatewayEnvKey(token)
          )
            problems.push(
              `${where}: ${token} is not an env key the chart knows`,
            );
        }
        const chart = text.match(/\(chart: ([^;)]*)/);
        if (chart) {
          if (!/\(chart: [^()]*\)\.?$/.test(text.trim()))
            problems.push(`${where}: "(chart: ...)" is not at the end`);
          for (const token of codeSpans(chart[1])) {
            const key = token.replace(/: .*$/, '');
            const known =
              isGatewayEnvKey(key) ||
              CHART_KEY_PATHS.includes(key) ||
              CHART_FREE_FORM_PATHS.includes(key);
            if (!known)
              problems.push(`${where}: ${key} is not a key of the chart`);
          }
        }
        for (const secret of text.matchAll(/Secret keys? ([^;)]*)/g)) {
          for (const token of codeSpans(secret[1])) {
            if (!isSecretEnvKey(token))
              problems.push(`${where}: ${token} is not a credential key`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it('say which log store and which cache most teams pick, and why', () => {
      const logStore = pages.find(p => p.properties?.logStore)!.properties
        .logStore.properties.store;
      const cache = pages.find(p => p.properties?.cache)!.properties.cache
        .properties.store;
      expect(logStore.description).toMatch(/Most teams .* pick .*: /);
      expect(cache.description).toMatch(/Most production gateways use .*: /);
    });

    it('show the repository path as code, with an example of it', () => {
      const { description } = formSchema.properties.repoUrl;
      expect(codeSpans(description)).toEqual(
        expect.arrayContaining([
          'gateways/<namespace>/<release>/',
          'portkey-gateway/<namespace>/<release>',
          'gateways/ai-gateways/team-a/',
        ]),
      );
    });
  });

  describe('name rules', () => {
    const base = () =>
      clone(examples.find(([file]) => file === 'log-store-s3.yaml')![1]);

    it.each([
      [
        'a release name with capitals and "_"',
        (a: Data) => {
          a.gateway.releaseName = 'Bad_Name';
        },
        '/gateway/releaseName',
      ],
      [
        'a 54-character release name',
        (a: Data) => {
          a.gateway.releaseName = 'a'.repeat(54);
        },
        '/gateway/releaseName',
      ],
      [
        'a 64-character namespace',
        (a: Data) => {
          a.gateway.namespace = 'n'.repeat(64);
        },
        '/gateway/namespace',
      ],
      [
        'a Secret name with "_"',
        (a: Data) => {
          a.secrets.secretName = 'gateway_secrets';
        },
        '/secrets/secretName',
      ],
      [
        'an ARN with a short account',
        (a: Data) => {
          a.serviceAccount.roleArn = 'arn:aws:iam::12345:role/portkey';
        },
        '/serviceAccount/roleArn',
      ],
      [
        'a user ARN instead of a role ARN',
        (a: Data) => {
          a.serviceAccount.roleArn = 'arn:aws:iam::123456789012:user/portkey';
        },
        '/serviceAccount/roleArn',
      ],
    ])('rejects %s, like the model', (_what, mutate, pointer) => {
      const answers = base();
      mutate(answers);
      expect(formErrors(answers).some(e => e.startsWith(`${pointer} `))).toBe(
        true,
      );
      const { repoUrl: _r, ...input } = answers;
      const field = pointer.slice(1).replace(/\//g, '.');
      const validation = validateGatewayInput(input);
      expect(
        validation.ok ? [] : validation.errors.map(e => e.field),
      ).toContain(field);
    });

    it('accepts the longest valid names', () => {
      const answers = base();
      answers.gateway.releaseName = 'r'.repeat(53);
      answers.gateway.namespace = 'n'.repeat(63);
      expect(formErrors(answers)).toEqual([]);
      const { repoUrl: _r, ...input } = answers;
      expect(validateGatewayInput(input).ok).toBe(true);
    });

    it('explains the name rules next to the name fields', () => {
      const gateway = pages[0].properties.gateway.properties;
      expect(gateway.releaseName.maxLength).toBe(53);
      expect(gateway.namespace.maxLength).toBe(63);
      for (const field of [gateway.releaseName, gateway.namespace]) {
        expect(field['ui:help']).toMatch(/lowercase letters, digits and "-"/i);
        expect(field.pattern).toBe('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$');
      }
      const secretName = pages.find(p => p.properties?.secrets)!.properties
        .secrets.properties.secretName;
      expect(secretName.maxLength).toBe(253);
      expect(secretName['ui:help']).toMatch(/253/);
      expect(secretName.description).toMatch(/<release>-gateway-secrets/);
      expect(secretName.description).toMatch(/<release>-secrets/);
    });
  });

  describe('steps', () => {
    it('render with portkey:gateway:render, then open a pull request that re-runs update', () => {
      expect(steps.map(s => [s.id, s.action])).toEqual([
        ['render', 'portkey:gateway:render'],
        ['publish', 'publish:github:pull-request'],
      ]);
      const [render, publish] = steps;
      expect(render.input).toEqual(
        Object.fromEntries(SECTIONS.map(s => [s, `\${{ parameters.${s} }}`])),
      );
      expect(publish.input).toEqual(
        expect.objectContaining({
          repoUrl: '${{ parameters.repoUrl }}',
          branchName: '${{ steps.render.output.branchName }}',
          title: '${{ steps.render.output.title }}',
          description: '${{ steps.render.output.body }}',
          commitMessage: '${{ steps.render.output.title }}',
          update: true,
        }),
      );
      // The files are written under targetPath in the workspace and land at the same path.
      expect(publish.input.sourcePath).toBe(publish.input.targetPath);
    });

    it('do not register the entity (that happens when the pull request is merged)', () => {
      expect(steps.some(s => s.action === 'catalog:register')).toBe(false);
    });

    it('link to the pull request and name the Secret and its keys', () => {
      expect(template.spec.output.links).toEqual([
        expect.objectContaining({
          url: '${{ steps.publish.output.remoteUrl }}',
        }),
      ]);
      const text = JSON.stringify(template.spec.output.text);
      expect(text).toContain('steps.render.output.secretName');
      expect(text).toContain('steps.render.output.secretKeys');
    });
  });
});
