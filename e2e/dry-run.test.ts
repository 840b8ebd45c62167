import { test, expect } from '@playwright/test';
import { parse } from 'yaml';
import { dryRun, readYaml } from './support';

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
});
