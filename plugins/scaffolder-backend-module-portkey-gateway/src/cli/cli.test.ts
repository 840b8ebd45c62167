import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';
import { createRenderGatewayAction } from '../actions/renderGatewayAction';

// Runs the real command line (bin/portkey-gateway) in a child process, as a user would.
const bin = resolve(__dirname, '../../bin/portkey-gateway');
const examplesDir = resolve(
  __dirname,
  '../../../../templates/portkey-gateway/examples',
);

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [bin, ...args],
      { timeout: 60_000 },
    );
    return { code: 0, stdout, stderr };
  } catch (error: any) {
    return {
      code: error.code as number,
      stdout: error.stdout as string,
      stderr: error.stderr as string,
    };
  }
}

const answers = {
  gateway: { releaseName: 'team-a', namespace: 'ai-gateways' },
  core: { organisationsToSync: 'org-1a2b3c', requestTimeoutMs: 1000000 },
  logStore: { store: 's3', region: 'us-east-1', bucket: 'acme-logs' },
  catalog: { owner: 'group:default/platform-team' },
};

describe('portkey-gateway CLI', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());
  jest.setTimeout(120_000);

  it('render writes the same files as the action, from YAML or JSON answers', async () => {
    dir.addContent({
      'answers.json': JSON.stringify(answers),
      'answers.yaml': YAML.stringify(answers),
    });
    for (const file of ['answers.json', 'answers.yaml']) {
      const out = join(dir.path, `out-${file}`);
      const result = await cli(
        'render',
        '--input',
        join(dir.path, file),
        '--out',
        out,
        '--pr-body',
        join(dir.path, `${file}.md`),
      );
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(
        'Secret team-a-gateway-secrets must hold: PORTKEY_CLIENT_AUTH, LOG_STORE_ACCESS_KEY, LOG_STORE_SECRET_KEY',
      );

      const workspace = join(dir.path, `ws-${file}`);
      const ctx = createMockActionContext({
        input: answers,
        workspacePath: workspace,
      });
      await createRenderGatewayAction().handler(ctx as any);
      for (const name of ['values.yaml', 'catalog-info.yaml']) {
        const fromCli = readFileSync(
          join(out, 'gateways/ai-gateways/team-a', name),
          'utf8',
        );
        expect(fromCli).toBe(
          readFileSync(
            join(workspace, 'gateways/ai-gateways/team-a', name),
            'utf8',
          ),
        );
      }
      const body = (ctx.output as jest.Mock).mock.calls.find(
        ([name]) => name === 'body',
      )[1];
      expect(readFileSync(join(dir.path, `${file}.md`), 'utf8')).toBe(body);
    }
  });

  it('render exits non-zero with field-named errors and writes nothing', async () => {
    dir.addContent({
      'bad.yaml': YAML.stringify({
        ...answers,
        gateway: { releaseName: 'Team_A' },
        logStore: { store: 'ftp' },
      }),
    });
    const out = join(dir.path, 'out');
    const result = await cli(
      'render',
      '--input',
      join(dir.path, 'bad.yaml'),
      '--out',
      out,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'gateway.releaseName: must be lowercase letters, digits and "-"',
    );
    expect(result.stderr).toContain('gateway.namespace: is required');
    expect(result.stderr).toContain(
      'logStore.store: must be one of: s3, s3_assume, gcs, wasabi, netapp, s3_custom, azure, mongo',
    );
    expect(() => readdirSync(out)).toThrow();
  });

  describe('IDs written as unquoted digits', () => {
    // What a user writes by hand: AWS account and external IDs are often all digits. YAML
    // reads them as numbers: 012345678901 would become 12345678901, and a 20-digit ID would
    // be rounded (12345678901234567890 -> 12345678901234567000).
    const handWritten = (externalIdLine: string) =>
      [
        'gateway: { releaseName: team-a, namespace: ai-gateways }',
        'core: { organisationsToSync: 000123 }',
        'catalog: { owner: group:default/platform-team }',
        'logStore:',
        '  store: s3_assume',
        '  region: us-east-1',
        '  bucket: 123456789012',
        '  auth: access_keys',
        '  roleArn: arn:aws:iam::123456789012:role/portkey-logs',
        `  ${externalIdLine}`,
        'bedrock:',
        '  access: pod_role',
        '  roleArn: arn:aws:iam::123456789012:role/portkey-bedrock',
        '  externalId: 12345678901234567890',
        'dataService: { enabled: true, finetunesBucket: 2024, logExportsBucket: 0042 }',
        'server: { mode: all, mcpPort: 9000 }',
        'targetPath: 2024',
      ].join('\n');

    const render = async (file: string) => {
      const out = join(dir.path, `out-${file}`);
      const result = await cli(
        'render',
        '--input',
        join(dir.path, file),
        '--out',
        out,
        '--pr-body',
        join(dir.path, `${file}.md`),
      );
      return { ...result, out };
    };

    it('keeps every digit as written, leading zeros and long IDs included', async () => {
      dir.addContent({
        'digits.yaml': handWritten('externalId: 012345678901'),
      });
      const result = await render('digits.yaml');
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const values = YAML.parse(
        readFileSync(join(result.out, '2024/values.yaml'), 'utf8'),
      );
      expect(values.environment.data).toMatchObject({
        ORGANISATIONS_TO_SYNC: '000123',
        LOG_STORE_GENERATIONS_BUCKET: '123456789012',
        LOG_STORE_AWS_EXTERNAL_ID: '012345678901',
        FINETUNES_BUCKET: '2024',
        LOG_EXPORTS_BUCKET: '0042',
        MCP_PORT: '9000',
      });
      const body = readFileSync(join(dir.path, 'digits.yaml.md'), 'utf8');
      expect(body).toContain('"sts:ExternalId": "012345678901"');
      expect(body).toContain('"sts:ExternalId": "12345678901234567890"');
    });

    it('reads a JSON answers file the same way', async () => {
      dir.addContent({
        'digits.json': JSON.stringify({
          ...answers,
          logStore: {
            store: 's3_assume',
            region: 'us-east-1',
            bucket: 'acme-logs',
            auth: 'access_keys',
            roleArn: 'arn:aws:iam::123456789012:role/portkey-logs',
            externalId: '@ID@',
          },
        }).replace('"@ID@"', '98765432109876543210'),
      });
      const result = await render('digits.json');
      expect(result.stderr).toBe('');
      const values = readFileSync(
        join(result.out, 'gateways/ai-gateways/team-a/values.yaml'),
        'utf8',
      );
      expect(values).toContain(
        'LOG_STORE_AWS_EXTERNAL_ID: "98765432109876543210"',
      );
    });

    it('refuses a number whose digits cannot be read back, naming the field and saying to quote it', async () => {
      // An explicit !!int tag asks YAML for a number, so the text is not taken from it.
      dir.addContent({
        'tagged.yaml': handWritten('externalId: !!int 0555'),
      });
      const result = await render('tagged.yaml');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        'logStore.externalId: must be text, not a number: put it in quotes (for example "012345678901")',
      );
      expect(result.stderr).not.toContain('555');
      expect(() => readdirSync(result.out)).toThrow();
    });
  });

  it('render refuses a target path outside the output folder', async () => {
    dir.addContent({ 'answers.yaml': YAML.stringify(answers) });
    const result = await cli(
      'render',
      '--input',
      join(dir.path, 'answers.yaml'),
      '--out',
      join(dir.path, 'out'),
      '--target-path',
      '../escape',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('targetPath: must be a relative folder');
    expect(() => readdirSync(join(dir.path, 'escape'))).toThrow();
  });

  it('check passes a rendered values file and fails on traps and inline secrets, without printing the secret', async () => {
    dir.addContent({ 'answers.yaml': YAML.stringify(answers) });
    await cli(
      'render',
      '--input',
      join(dir.path, 'answers.yaml'),
      '--out',
      join(dir.path, 'out'),
    );
    const good = await cli(
      'check',
      join(dir.path, 'out/gateways/ai-gateways/team-a/values.yaml'),
    );
    expect(good.stdout).toContain('0 error(s), 0 warning(s)');
    expect(good.code).toBe(0);

    dir.addContent({
      'hand-written.yaml': [
        'serviceAccount: { create: false }',
        'environment:',
        '  data:',
        '    LOG_STORE: s3',
        '    LOG_STORE_SECRET_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        '    REQUEST_TIMEOUT: 1000000',
        '    SERVER_MODE: gateway',
      ].join('\n'),
    });
    const bad = await cli('check', join(dir.path, 'hand-written.yaml'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('error: serviceAccount.name must be set');
    expect(bad.stdout).toContain(
      'error: environment.data.LOG_STORE_SECRET_KEY holds a credential inline',
    );
    expect(bad.stdout).toContain(
      'error: environment.data.REQUEST_TIMEOUT is the number 1000000; the chart turns it into "1e+06"',
    );
    expect(bad.stdout).toContain(
      'error: environment.data.SERVER_MODE is "gateway"',
    );
    expect(bad.stdout).toContain(
      'error: imageCredentials[0] is the chart default',
    );
    expect(bad.stdout).not.toContain('wJalrXUtnFEMI');
  });

  it('check passes a hand-written existing-Secret values file that leaves defaults null, and fails only when SERVER_MODE is left null', async () => {
    const lines = [
      'serviceAccount: { create: true }',
      'imageCredentials: []',
      'environment:',
      '  create: false',
      '  existingSecret: team-a-secrets',
      '  secretKeys: [PORTKEY_CLIENT_AUTH, LOG_STORE_ACCESS_KEY, LOG_STORE_SECRET_KEY]',
      '  data:',
      '    ORGANISATIONS_TO_SYNC: org-1',
      '    ANALYTICS_STORE: control_plane',
      '    CACHE_STORE: redis',
      '    LOG_STORE: s3',
      '    LOG_STORE_REGION: us-east-1',
      '    LOG_STORE_GENERATIONS_BUCKET: acme-logs',
    ];
    dir.addContent({
      'working.yaml': [...lines, '    SERVER_MODE: ""'].join('\n'),
      'no-server-mode.yaml': lines.join('\n'),
    });
    const working = await cli('check', join(dir.path, 'working.yaml'));
    expect(working.code).toBe(0);
    expect(working.stdout).toContain('0 error(s)');
    expect(working.stdout).toMatch(
      /warning: environment\.data leaves .*MONGO_DATABASE.* at their null defaults: the gateway gets an empty value for each/,
    );

    const broken = await cli('check', join(dir.path, 'no-server-mode.yaml'));
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(
      'error: environment.data.SERVER_MODE is left at its null default',
    );
  });

  it('check fails on a file that is not YAML, and usage errors exit 2', async () => {
    dir.addContent({ 'broken.yaml': 'environment: [unclosed' });
    const broken = await cli('check', join(dir.path, 'broken.yaml'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('not valid YAML');
    expect(
      (await cli('render', '--input', join(dir.path, 'broken.yaml'))).code,
    ).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
  });

  it('renders every template example', async () => {
    const files = readdirSync(examplesDir).filter(f => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const file of files) {
      const out = join(dir.path, file);
      const result = await cli(
        'render',
        '--input',
        join(examplesDir, file),
        '--out',
        out,
      );
      expect({ file, code: result.code, stderr: result.stderr }).toEqual({
        file,
        code: 0,
        stderr: '',
      });
      const checked = await cli(
        'check',
        result.stdout.split('\n')[0].replace(/^wrote /, ''),
      );
      expect({ file, check: checked.code, out: checked.stdout }).toEqual({
        file,
        check: 0,
        out: expect.stringContaining('0 error(s)'),
      });
    }
  });
});
