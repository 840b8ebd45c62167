import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import YAML from 'yaml';
import { createRenderGatewayAction } from './renderGatewayAction';

const answers = () => ({
  gateway: { releaseName: 'team-a', namespace: 'ai-gateways' },
  core: { organisationsToSync: 'org-1a2b3c' },
  logStore: {
    store: 's3_assume',
    auth: 'access_keys',
    region: 'us-east-1',
    bucket: 'acme-logs',
    roleArn: 'arn:aws:iam::123456789012:role/portkey-logs',
    externalId: '1234567890',
  },
  bedrock: { access: 'access_keys', region: 'us-west-2' },
  catalog: { owner: 'group:default/platform-team' },
});

describe('portkey:gateway:render', () => {
  const workspace = createMockDirectory();
  const action = createRenderGatewayAction();
  beforeEach(() => workspace.clear());

  const run = async (input: Record<string, unknown>, isDryRun = false) => {
    const ctx = createMockActionContext({
      input,
      workspacePath: workspace.path,
      isDryRun,
    } as any);
    await action.handler(ctx as any);
    const outputs = Object.fromEntries((ctx.output as jest.Mock).mock.calls);
    return { ctx, outputs };
  };

  it('writes values.yaml and catalog-info.yaml under gateways/<namespace>/<release> and outputs the PR', async () => {
    const { outputs } = await run(answers());
    const files = workspace.content({ path: 'gateways/ai-gateways/team-a' })!;
    expect(Object.keys(files).sort()).toEqual([
      'catalog-info.yaml',
      'values.yaml',
    ]);

    const values = YAML.parse(files['values.yaml'] as string);
    expect(values.environment).toMatchObject({
      create: false,
      existingSecret: 'team-a-gateway-secrets',
    });
    expect(values.environment.data.LOG_STORE_AWS_EXTERNAL_ID).toBe(
      '1234567890',
    );
    expect(files['values.yaml']).toContain(
      'LOG_STORE_AWS_EXTERNAL_ID: "1234567890"',
    );

    expect(outputs.branchName).toBe('portkey-gateway/ai-gateways/team-a');
    expect(outputs.title).toBe(
      'Portkey gateway team-a in ai-gateways (chart 1.7.7)',
    );
    expect(outputs.secretName).toBe('team-a-gateway-secrets');
    expect(outputs.secretKeys).toEqual([
      'PORTKEY_CLIENT_AUTH',
      'LOG_STORE_ACCESS_KEY',
      'LOG_STORE_SECRET_KEY',
      'AWS_ASSUME_ROLE_ACCESS_KEY_ID',
      'AWS_ASSUME_ROLE_SECRET_ACCESS_KEY',
    ]);
  });

  it('writes the PR body a reviewer needs: choices, secret keys with kubectl skeletons, IAM JSON, helm command, checklist', async () => {
    const { outputs } = await run(answers());
    const body: string = outputs.body;
    expect(body).toContain('### What was chosen');
    expect(body).toMatch(
      /\| Log store \| AWS S3 bucket `acme-logs` in `us-east-1` through an assumed role: role `arn:aws:iam::123456789012:role\/portkey-logs`/,
    );
    for (const key of outputs.secretKeys)
      expect(body).toContain(`--from-literal=${key}="$${key}"`);
    expect(body).toContain(
      'kubectl create secret generic team-a-gateway-secrets --namespace ai-gateways',
    );
    expect(body).toContain('"sts:ExternalId": "1234567890"');
    expect(body).toContain('"arn:aws:s3:::acme-logs/*"');
    expect(body).toContain('"bedrock:InvokeModelWithResponseStream"');
    expect(body).toContain('helm upgrade --install team-a portkey-ai/gateway');
    expect(body).toContain(
      '--version 1.7.7 --namespace ai-gateways --create-namespace',
    );
    expect(body).toContain('-f gateways/ai-gateways/team-a/values.yaml');
    expect(body).toContain(
      '- [ ] Secret `team-a-gateway-secrets` exists in `ai-gateways`',
    );
  });

  it('honours targetPath and supports dry run', async () => {
    const { ctx } = await run(
      { ...answers(), targetPath: 'clusters/prod/team-a' },
      true,
    );
    expect(workspace.content({ path: 'clusters/prod/team-a' })).toHaveProperty([
      'values.yaml',
    ]);
    expect(ctx.logger.info as any).toBeDefined();
  });

  it.each(['../outside', '/etc/portkey', 'a/../../b', ''])(
    'refuses targetPath %j without writing anything',
    async targetPath => {
      await expect(run({ ...answers(), targetPath })).rejects.toThrow(
        /targetPath: must be a relative folder inside the workspace/,
      );
      expect(workspace.content()).toEqual({});
    },
  );

  it('refuses invalid input with an InputError that names every bad field, and writes nothing', async () => {
    const input = {
      ...answers(),
      gateway: { releaseName: 'Team_A', namespace: 'ai-gateways' },
      logStore: { store: 'ftp' },
      cache: {
        store: 'custom',
        url: 'redis://admin:hunter2@redis.acme.example:6379',
      },
    };
    const error = await run(input).catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toContain(
      'gateway.releaseName: must be lowercase letters, digits and "-"',
    );
    expect(error.message).toContain(
      'logStore.store: must be one of: s3, s3_assume, gcs, wasabi, netapp, s3_custom, azure, mongo',
    );
    expect(error.message).toMatch(/cache\.url: .*cache\.urlSource to "secret"/);
    // The error names the problem but does not echo the credential back into the task log.
    expect(error.message).not.toContain('hunter2');
    expect(workspace.content()).toEqual({});
  });

  it('refuses a number in a text field (an API caller sending JSON numbers) with the same advice as the CLI', async () => {
    // The form always sends text; a caller posting JSON may send the digits as a number,
    // which has already lost what the CLI can read back from a file.
    const base = answers();
    const input = {
      ...base,
      logStore: { ...base.logStore, externalId: 7777777777 },
    };
    const error = await run(input).catch(e => e);
    expect(error.name).toBe('InputError');
    expect(error.message).toContain(
      'logStore.externalId: must be text, not a number: put it in quotes',
    );
    expect(error.message).not.toContain('7777777777');
    expect(workspace.content()).toEqual({});
  });
});
