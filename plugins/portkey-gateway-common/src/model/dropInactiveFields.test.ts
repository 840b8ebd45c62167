import { renderGateway } from '../render/renderGateway';
import { validateGatewayInput } from './validateGatewayInput';

// The form keeps what a user typed into fields it later hides; those leftovers must not
// block the user, nor reach any file.

const base = {
  gateway: { releaseName: 'team-a', namespace: 'ai' },
  core: { organisationsToSync: 'org-1' },
  logStore: { store: 's3', region: 'us-east-1', bucket: 'acme-logs' },
  catalog: { owner: 'group:default/team-a' },
};

describe('fields of options that are not chosen', () => {
  it.each([
    [
      'an IRSA role after switching to an existing service account',
      {
        serviceAccount: {
          mode: 'existing',
          name: 'portkey',
          roleArn: 'arn:aws:iam::123456789012:role/x',
        },
      },
    ],
    [
      'a separate MCP Service after switching back to gateway mode',
      { server: { mode: 'gateway', separateMcpService: true, mcpPort: 8787 } },
    ],
    [
      'an invalid OTEL endpoint after turning OTEL off',
      { otel: { enabled: false, endpoint: 'not a url' } },
    ],
    [
      'an ingress host after turning the ingress off',
      {
        gateway: {
          ...base.gateway,
          ingress: { enabled: false, host: 'Not A Host' },
        },
      },
    ],
    [
      'a Redis URL with a password after moving the URL to the Secret',
      {
        cache: {
          store: 'custom',
          urlSource: 'secret',
          url: 'redis://:hunter2@cache:6379',
        },
      },
    ],
    [
      'Bedrock settings after choosing no Bedrock',
      {
        bedrock: {
          access: 'none',
          region: 'nowhere',
          roleArn: 'arn:aws:iam::123456789012:role/bedrock',
        },
      },
    ],
    [
      'data service buckets after turning it off',
      { dataService: { enabled: false, finetunesBucket: 'X' } },
    ],
    [
      'IMDS and role fields of other s3_assume methods',
      {
        logStore: {
          store: 's3_assume',
          auth: 'irsa',
          region: 'us-east-1',
          bucket: 'acme-logs',
          roleArn: 'bad',
          externalId: 'token=abc',
        },
        serviceAccount: { roleArn: 'arn:aws:iam::123456789012:role/irsa' },
      },
    ],
    [
      'Entra ids after choosing a storage key',
      {
        logStore: {
          store: 'azure',
          auth: 'storage_key',
          storageAccount: 'acme',
          container: 'logs',
          entraClientId: 'bad id!',
          managedClientId: 'bad id!',
        },
      },
    ],
    [
      'a PEM name after choosing no PEM',
      {
        logStore: {
          store: 'mongo',
          database: 'p',
          collection: 'l',
          hooksCollection: 'h',
          pem: { source: 'none', name: 'Bad_Name' },
        },
      },
    ],
  ])('ignores %s', (_, overrides) => {
    const answers = { ...base, ...overrides };
    const validation = validateGatewayInput(answers);
    expect(validation.ok ? [] : validation.errors).toEqual([]);
    const result = renderGateway(answers);
    if (!result.ok) throw new Error('did not render');
    const everything = JSON.stringify(result.files);
    for (const leftover of [
      'hunter2',
      'token=abc',
      'role/bedrock',
      'Not A Host',
      'not a url',
      'bad id!',
      'Bad_Name',
    ]) {
      expect(everything).not.toContain(leftover);
    }
  });

  it('still validates the fields of the chosen option', () => {
    const validation = validateGatewayInput({
      ...base,
      otel: { enabled: true, endpoint: 'not a url' },
    });
    expect(validation.ok ? [] : validation.errors.map(e => e.field)).toEqual([
      'otel.endpoint',
    ]);
  });
});

describe('fields no option has', () => {
  it('are refused with the field and the allowed names, at any depth', () => {
    const validation = validateGatewayInput({
      ...base,
      dataservice: { enabled: true },
      gateway: {
        ...base.gateway,
        replica: 3,
        ingress: { enabled: false, hostname: 'x' },
      },
      logStore: { ...base.logStore, bucketName: 'acme' },
    });
    const errors = validation.ok
      ? []
      : [...validation.errors].sort((a, b) => a.field.localeCompare(b.field));
    expect(errors).toEqual([
      {
        field: 'dataservice',
        message: expect.stringMatching(
          /^is not a field of the gateway input; allowed: gateway, core, .*dataService/,
        ),
      },
      {
        field: 'gateway.ingress.hostname',
        message: expect.stringMatching(
          /^is not a field of gateway.ingress; allowed: enabled, host, className, tlsSecretName$/,
        ),
      },
      {
        field: 'gateway.replica',
        message: expect.stringMatching(
          /^is not a field of gateway; allowed: .*replicas/,
        ),
      },
      {
        field: 'logStore.bucketName',
        message: expect.stringMatching(
          /^is not a field of logStore; allowed: store, region, bucket, /,
        ),
      },
    ]);
  });

  it('but a field of another option of the same section is fine (the form keeps it)', () => {
    const validation = validateGatewayInput({
      ...base,
      logStore: {
        ...base.logStore,
        storageAccount: 'left-over',
        basePath: 'x',
      },
    });
    expect(validation.ok).toBe(true);
  });
});
