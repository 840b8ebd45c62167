import { test, expect } from '@playwright/test';
import { parse } from 'yaml';
import { dryRun, dryRunResponse, readYaml } from './support';

const TEMPLATE = 'templates/portkey-gateway/template.yaml';
const EXAMPLE_VALUES = 'templates/portkey-gateway/examples/log-store-s3.yaml';

// Proves the harness (servers, guest token, dry-run request) independently of
// the Portkey template, using only a built-in action.
test('dry-run endpoint answers for a minimal template', async ({ request }) => {
  const template = {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'e2e-minimal' },
    spec: {
      type: 'service',
      parameters: [
        {
          properties: { greeting: { type: 'string' } },
          required: ['greeting'],
        },
      ],
      steps: [
        {
          id: 'log',
          name: 'Log',
          action: 'debug:log',
          input: { message: '${{ parameters.greeting }}' },
        },
      ],
    },
  };

  const result = await dryRun(request, template, { greeting: 'hello-e2e' });

  expect(result.steps.map(s => s.id)).toEqual(['log']);
  const messages = result.log.map(entry => entry.body.message ?? '');
  expect(messages.some(m => m.includes('hello-e2e'))).toBe(true);
  expect(result.log.some(e => e.body.status === 'completed')).toBe(true);
});

test('portkey-gateway template renders the log-store-s3 example', async ({
  request,
}) => {
  const template = readYaml(TEMPLATE);
  const values = readYaml(EXAMPLE_VALUES);
  expect(template.metadata.name).toBe('portkey-gateway');

  const result = await dryRun(request, template, values);
  const paths = result.directoryContents.map(f => f.path);

  const valuesFile = result.directoryContents.find(
    f => f.path === 'values.yaml' || f.path.endsWith('/values.yaml'),
  );
  expect(valuesFile, `values.yaml among ${paths.join(', ')}`).toBeDefined();
  const dir = valuesFile!.path.replace(/\/?values\.yaml$/, '');
  expect(paths, 'catalog-info.yaml next to values.yaml').toContain(
    dir ? `${dir}/catalog-info.yaml` : 'catalog-info.yaml',
  );

  // The render step's targetPath is computed by the action (it is a step
  // output, not a template expression): gateways/<namespace>/<releaseName>.
  const { namespace, releaseName } = values.gateway;
  expect(dir).toBe(`gateways/${namespace}/${releaseName}`);

  const chartValues = parse(
    Buffer.from(valuesFile!.base64Content, 'base64').toString('utf8'),
  );
  expect(chartValues.environment).toBeDefined();
  expect(chartValues.environment.create).toBe(false);
  expect(chartValues.environment.secretKeys).toEqual([
    'PORTKEY_CLIENT_AUTH',
    'LOG_STORE_ACCESS_KEY',
    'LOG_STORE_SECRET_KEY',
  ]);
  expect(chartValues.environment.data.LOG_STORE).toBe('s3');

  // Both steps ran (the publish step as a dry run), and the output page names
  // the Secret a reviewer must create.
  expect(result.steps.map(s => s.action)).toEqual([
    'portkey:gateway:render',
    'publish:github:pull-request',
  ]);
  const outputText = JSON.stringify(result.output);
  expect(outputText).toContain(chartValues.environment.existingSecret);
  expect(outputText).toContain('PORTKEY_CLIENT_AUTH');

  // Nothing the task logged or wrote holds a credential-looking value.
  const everything = [
    ...result.directoryContents.map(f =>
      Buffer.from(f.base64Content, 'base64').toString('utf8'),
    ),
    ...result.log.map(e => e.body.message ?? ''),
  ].join('\n');
  expect(everything).not.toMatch(
    /:\/\/[^/\s@]+:[^/\s@]+@|Bearer\s+\S{8,}|AKIA[0-9A-Z]{16}/,
  );
});

test('the render step refuses bad answers with field-named errors', async ({
  request,
}) => {
  const template = readYaml(TEMPLATE);
  const values = readYaml(EXAMPLE_VALUES);
  // The form's own schema accepts free text here; the gateway model does not
  // accept a credential in a literal field.
  const bad = {
    ...values,
    otel: {
      enabled: true,
      endpoint: 'http://otel-collector.observability:4318',
      resourceAttributes: 'service=gw,x-api-key=hunter2hunter2',
    },
  };
  const res = await dryRunResponse(request, template, bad);
  const text = await res.text();
  expect(res.status(), text.slice(0, 500)).not.toBe(200);
  expect(text).toContain(
    'otel.resourceAttributes: looks like it contains an API-key header',
  );
  // The action's error names the field; it does not echo the key back.
  expect(text).not.toContain('hunter2');
});

test("the form's schema is enforced by the backend too (a URL with a password)", async ({
  request,
}) => {
  const template = readYaml(TEMPLATE);
  const values = readYaml(EXAMPLE_VALUES);
  const bad = {
    ...values,
    cache: {
      store: 'custom',
      urlSource: 'literal',
      url: 'redis://admin:pw@cache:6379',
    },
  };
  const res = await dryRunResponse(request, template, bad);
  expect(res.status()).toBe(400);
  expect(await res.text()).toContain('instance.cache');
});
