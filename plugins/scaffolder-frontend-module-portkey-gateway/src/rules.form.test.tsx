import { screen, waitFor } from '@testing-library/react';
import {
  check,
  choose,
  currentPage,
  example,
  goTo,
  pressNext,
  renderTemplateForm,
  rulesPanel,
  type,
} from './__testUtils__/templateForm';

// Browser-level: the real template.yaml in the scaffolder's own Stepper, with this module's
// fields. Each case starts from an example's answers, goes to a page, makes one mistake there
// through the form, presses Next, and must stay on that page with the gateway model's message,
// never reaching the review (and so never Create). One case per cross-field rule of
// plugins/portkey-gateway-common/src/model/gatewayInput.ts (crossFieldRules).

jest.setTimeout(120_000);

async function expectStoppedWith(page: string, message: string | RegExp) {
  await pressNext();
  expect(currentPage()).toBe(page);
  await waitFor(() => expect(rulesPanel()).toHaveTextContent(message));
  // Pressing Next again does not get past it either.
  await pressNext();
  expect(currentPage()).toBe(page);
  expect(screen.queryByRole('button', { name: 'Create' })).toBeNull();
}

// Valid Helm release names (at most 53) whose Services with a suffix pass 63 characters.
const LONG_RELEASE = 'a'.repeat(45); // a-...-gateway-dataservice: 65
const LONGEST_RELEASE = 'a'.repeat(53); // a-...-gateway-mcp: 65

describe('the IRSA journey (issue 9)', () => {
  it('stops on the log store page when EKS IRSA has no role, with the model message', async () => {
    // The chart README's "S3 with assumed role, Method 2: EKS IRSA", role left empty.
    await renderTemplateForm(example('log-store-s3.yaml'));
    await goTo('Log store');
    await choose(/^Log store/, 'AWS S3 with an assumed role');
    await choose(/^AWS credentials/, 'EKS IRSA (service account role)');
    // The role is asked for beside the choice.
    expect(
      screen.getByRole('textbox', { name: /^IAM role for IRSA/ }),
    ).toBeInTheDocument();

    await expectStoppedWith(
      'Log store',
      'IAM role for IRSA (serviceAccount.roleArn): is required for IRSA: the created service account needs the eks.amazonaws.com/role-arn annotation (or use an existing, annotated service account)',
    );

    await type(
      /^IAM role for IRSA/,
      'arn:aws:iam::123456789012:role/portkey-logs',
    );
    await waitFor(() => expect(rulesPanel()).toHaveTextContent(''));
    await pressNext();
    expect(currentPage()).toBe('Cache');
  });

  it('lets IRSA through an existing, annotated service account chosen beside it', async () => {
    await renderTemplateForm(example('log-store-s3.yaml'));
    await goTo('Log store');
    await choose(/^Log store/, 'AWS S3 with an assumed role');
    await choose(/^AWS credentials/, 'EKS IRSA (service account role)');
    await choose(/^Service account/, 'Use an existing, annotated one');
    await type(/^Name/, 'portkey-irsa');
    await pressNext();
    expect(currentPage()).toBe('Cache');
  });
});

describe('the IRSA journey, changed on "AWS and identity"', () => {
  // eslint-disable-next-line jest/expect-expect -- expectStoppedWith asserts
  it('stops there when the existing account chosen beside IRSA becomes a created one without a role', async () => {
    await renderTemplateForm(example('log-store-s3.yaml'));
    await goTo('Log store');
    await choose(/^Log store/, 'AWS S3 with an assumed role');
    await choose(/^AWS credentials/, 'EKS IRSA (service account role)');
    await choose(/^Service account/, 'Use an existing, annotated one');
    await type(/^Name/, 'portkey-irsa');
    await goTo('AWS and identity');
    await choose(/^Service account/, 'Create one');
    await expectStoppedWith(
      'AWS and identity',
      'IAM role for IRSA (serviceAccount.roleArn): is required for IRSA',
    );
  });
});

describe.each([
  {
    rule: 'autoscaling: the minimum is not above the maximum',
    start: 'log-store-s3.yaml',
    page: 'Gateway',
    mistake: async () => {
      await check(/^Enable autoscaling/);
      await type(/^Minimum replicas/, '30');
      await type(/^Maximum replicas/, '10');
    },
    message:
      'Minimum replicas (gateway.autoscaling.minReplicas): must not be greater than gateway.autoscaling.maxReplicas',
  },
  {
    rule: 'an ingress needs a host',
    start: 'log-store-s3.yaml',
    page: 'Gateway',
    mistake: async () => {
      await check(/^Create an Ingress/);
    },
    message:
      'Host name (gateway.ingress.host): is required when the ingress is enabled',
  },
  {
    rule: 'OTEL push needs an endpoint',
    start: 'log-store-s3.yaml',
    page: 'Analytics',
    mistake: async () => {
      await check(/^Push analytics over OTLP/);
    },
    message:
      'OTLP endpoint (otel.endpoint): is required when OTEL push is enabled',
  },
  {
    rule: 's3_assume with access keys needs the role to assume',
    start: 'log-store-s3.yaml',
    page: 'Log store',
    mistake: async () => {
      await choose(/^Log store/, 'AWS S3 with an assumed role');
      await choose(/^AWS credentials/, 'Access keys + role to assume');
      await type(/^External ID/, 'portkey-external-id');
    },
    message:
      'Role ARN (logStore.roleArn): is required for s3_assume with access_keys (the role with bucket access)',
  },
  {
    rule: 's3_assume with access keys needs the external ID',
    start: 'log-store-s3.yaml',
    page: 'Log store',
    mistake: async () => {
      await choose(/^Log store/, 'AWS S3 with an assumed role');
      await choose(/^AWS credentials/, 'Access keys + role to assume');
      await type(/^Role ARN/, 'arn:aws:iam::123456789012:role/portkey-logs');
    },
    message:
      'External ID (logStore.externalId): is required for s3_assume with access_keys (the external ID of the trust relationship)',
  },
  {
    rule: 'Azure with Entra needs the client and tenant IDs',
    start: 'log-store-s3.yaml',
    page: 'Log store',
    mistake: async () => {
      await choose(/^Log store/, 'Azure Blob Storage');
      await type(/^Storage account/, 'portkeylogs');
      await type(/^Container/, 'logs');
      await choose(/^Authentication/, 'Entra application');
    },
    message:
      'Entra client ID (logStore.entraClientId): is required for Entra authentication',
  },
  {
    rule: 'a Mongo PEM from a Secret names the Secret',
    start: 'log-store-mongo.yaml',
    page: 'Log store',
    mistake: async () => {
      await choose(/^PEM source/, 'From a Secret');
    },
    message:
      'Secret name (logStore.pem.name): is required: the Secret that holds the PEM',
  },
  {
    rule: 'an external Redis needs its URL unless it comes from the Secret',
    start: 'log-store-s3.yaml',
    page: 'Cache',
    mistake: async () => {
      await choose(/^Cache store/, 'AWS ElastiCache');
    },
    message:
      'ElastiCache endpoint (cache.url): is required unless cache.urlSource is "secret"',
  },
  {
    rule: 'an existing service account is named',
    start: 'log-store-s3.yaml',
    page: 'AWS and identity',
    mistake: async () => {
      await choose(/^Service account/, 'Use an existing one');
    },
    message:
      'Name (serviceAccount.name): is required when using an existing service account',
  },
  {
    rule: 'Bedrock with access keys needs a region',
    start: 'log-store-s3.yaml',
    page: 'AWS and identity',
    mistake: async () => {
      await choose(/^Bedrock access/, 'Long-term access keys');
    },
    message:
      'Region (bedrock.region): is required when Bedrock uses access keys',
  },
  {
    rule: 'the data service needs its buckets',
    start: 'log-store-s3.yaml',
    page: 'Data service and MCP',
    mistake: async () => {
      await check(/^Enable the data service/);
      await type(/^Fine-tunes bucket/, 'portkey-finetunes');
    },
    message:
      'Log exports bucket (dataService.logExportsBucket): is required when the data service is enabled',
  },
  {
    rule: 'the MCP port is not the gateway port',
    start: 'log-store-s3.yaml',
    page: 'Data service and MCP',
    mistake: async () => {
      await choose(/^Server mode/, 'AI gateway and MCP server');
      await type(/^MCP port/, '8787');
    },
    message:
      'MCP port (server.mcpPort): must differ from the gateway port 8787',
  },
  {
    rule: 'Service names with the data service stay within 63 characters',
    start: 'log-store-s3.yaml',
    release: LONG_RELEASE,
    page: 'Data service and MCP',
    mistake: async () => {
      await check(/^Enable the data service/);
      await type(/^Fine-tunes bucket/, 'portkey-finetunes');
      await type(/^Log exports bucket/, 'portkey-exports');
    },
    message: `Release name (gateway.releaseName, on an earlier page): is too long: the chart names a Service "${LONG_RELEASE}-gateway-dataservice", over the 63-character limit; use at most 43 characters`,
  },
  {
    rule: 'Service names with a separate MCP Service stay within 63 characters',
    start: 'log-store-s3.yaml',
    release: LONGEST_RELEASE,
    page: 'Data service and MCP',
    mistake: async () => {
      await choose(/^Server mode/, 'AI gateway and MCP server');
      await check(/^Separate MCP Service/);
    },
    message: `Release name (gateway.releaseName, on an earlier page): is too long: the chart names a Service "${LONGEST_RELEASE}-gateway-mcp", over the 63-character limit; use at most 51 characters`,
  },
] as {
  rule: string;
  start: string;
  release?: string;
  page: string;
  mistake: () => Promise<void>;
  message: string;
}[])('rule: $rule', ({ start, page, mistake, message, release }) => {
  // eslint-disable-next-line jest/expect-expect -- expectStoppedWith asserts
  it(`stops on "${page}" with the model's message`, async () => {
    const answers = example(start);
    if (release) answers.gateway.releaseName = release;
    await renderTemplateForm(answers);
    await goTo(page);
    await mistake();
    await expectStoppedWith(page, message);
  });
});

// Two rules cannot be broken through the form: the field they refuse is hidden by the choice
// that makes it wrong, and the model drops hidden leftovers (dropInactiveFields).
describe('rules the form cannot break', () => {
  it('a role typed for a created service account is dropped when switching to an existing one', async () => {
    await renderTemplateForm(example('log-store-s3.yaml'));
    await goTo('AWS and identity');
    await type(
      /^IAM role for IRSA/,
      'arn:aws:iam::123456789012:role/portkey-gateway',
    );
    await choose(/^Service account/, 'Use an existing one');
    await type(/^Name/, 'portkey-sa');
    await pressNext();
    expect(currentPage()).toBe('Data service and MCP');
  });

  it('a separate MCP Service ticked in an MCP mode is dropped when switching back to the gateway only', async () => {
    await renderTemplateForm(example('log-store-s3.yaml'));
    await goTo('Data service and MCP');
    await choose(/^Server mode/, 'AI gateway and MCP server');
    await check(/^Separate MCP Service/);
    await choose(/^Server mode/, 'AI gateway only');
    await pressNext();
    expect(currentPage()).toBe('Repository');
  });
});
