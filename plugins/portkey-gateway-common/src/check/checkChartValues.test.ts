import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import YAML from 'yaml';
import { renderGateway } from '../render/renderGateway';
import { checkChartValues, ValuesFinding } from './checkChartValues';

const rendered = (answers: Record<string, unknown>) => {
  const result = renderGateway({
    gateway: { releaseName: 'team-a', namespace: 'ai' },
    core: { organisationsToSync: 'org-1' },
    logStore: { store: 's3', region: 'us-east-1', bucket: 'acme-logs' },
    catalog: { owner: 'group:default/team-a' },
    ...answers,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return YAML.parse(result.files['values.yaml']);
};

const errorsOf = (findings: ValuesFinding[]) =>
  findings.filter(f => f.severity === 'error').map(f => f.path);

describe('checkChartValues', () => {
  it('finds nothing in values the renderer wrote, for stores with secrets and without', () => {
    expect(checkChartValues(rendered({}))).toEqual([]);
    expect(
      checkChartValues(
        rendered({
          logStore: {
            store: 'mongo',
            database: 'portkey',
            collection: 'logs',
            hooksCollection: 'hooks',
          },
          cache: { store: 'custom', urlSource: 'secret' },
          server: { mode: 'all' },
        }),
      ),
    ).toEqual([]);
  });

  it("flags the chart's own defaults: no service account name, a registry password, secrets in a chart-created Secret", () => {
    const chartDefaults = YAML.parse(
      [
        'imageCredentials:',
        '- { name: portkeyenterpriseregistrycredentials, create: true, username: "<docker-user>", password: "<docker-pwd>" }',
        'serviceAccount: { create: false, name: "" }',
        'environment:',
        '  create: true',
        '  data: { PORTKEY_CLIENT_AUTH: pk-live-0123456789abcdef, LOG_STORE: s3 }',
      ].join('\n'),
    );
    const findings = checkChartValues(chartDefaults);
    expect(errorsOf(findings)).toEqual(
      expect.arrayContaining([
        'serviceAccount.name',
        'imageCredentials[0]',
        'environment.data.PORTKEY_CLIENT_AUTH',
      ]),
    );
    expect(
      findings.find(f => f.path === 'environment.create')?.message,
    ).toMatch(/existingSecret and secretKeys/);
    // A finding names the key, never the value.
    expect(JSON.stringify(findings)).not.toContain('pk-live-0123456789abcdef');
  });

  it('treats a missing imageCredentials as the chart default entry', () => {
    const values = rendered({});
    delete values.imageCredentials;
    expect(
      checkChartValues(values).find(f => f.path === 'imageCredentials[0]')
        ?.message,
    ).toMatch(/chart default/);
  });

  it('flags numbers Helm would print in exponent form, and says how', () => {
    const values = rendered({});
    values.environment.data.REQUEST_TIMEOUT = 1234567;
    values.environment.data.LOG_STORE_AWS_EXTERNAL_ID = 999999;
    const findings = checkChartValues(values);
    expect(findings).toContainEqual({
      path: 'environment.data.REQUEST_TIMEOUT',
      severity: 'error',
      message:
        'is the number 1234567; the chart turns it into "1.234567e+06". Quote it as a string',
    });
    expect(findings.map(f => f.path)).not.toContain(
      'environment.data.LOG_STORE_AWS_EXTERNAL_ID',
    );
  });

  it('flags a SERVER_MODE that runs no server', () => {
    const values = rendered({});
    values.environment.data.SERVER_MODE = 'gateway';
    expect(
      checkChartValues(values).find(
        f => f.path === 'environment.data.SERVER_MODE',
      )?.message,
    ).toMatch(/only "" \(gateway\), "all" or "mcp"/);
  });

  describe('in explicit existing-Secret mode, keys left at their null defaults', () => {
    /** A hand-written file that works: only what it needs, the other defaults left alone. */
    const handWritten = () =>
      YAML.parse(
        [
          'serviceAccount: { create: true }',
          'imageCredentials: []',
          'imagePullSecrets: [{ name: portkeyenterpriseregistrycredentials }]',
          'environment:',
          '  create: false',
          '  existingSecret: team-a-secrets',
          '  secretKeys: [PORTKEY_CLIENT_AUTH, LOG_STORE_ACCESS_KEY, LOG_STORE_SECRET_KEY]',
          '  data:',
          '    ORGANISATIONS_TO_SYNC: org-1',
          '    SERVER_MODE: ""',
          '    ANALYTICS_STORE: control_plane',
          '    CACHE_STORE: redis',
          '    LOG_STORE: s3',
          '    LOG_STORE_REGION: us-east-1',
          '    LOG_STORE_GENERATIONS_BUCKET: acme-logs',
        ].join('\n'),
      );

    it('pass: the gateway gets an empty value for each, which is only worth a warning', () => {
      const findings = checkChartValues(handWritten());
      expect(errorsOf(findings)).toEqual([]);
      const warning = findings.find(f => f.path === 'environment.data');
      expect(warning).toMatchObject({ severity: 'warning' });
      expect(warning?.message).toMatch(
        /MONGO_DATABASE.* at their null defaults: the gateway gets an empty value for each/,
      );
      // Keys read from the Secret are not left at a default.
      expect(warning?.message).not.toContain('LOG_STORE_ACCESS_KEY');
      expect(warning?.message).not.toContain('<nil>');
    });

    it('SERVER_MODE is still an error: the chart reads it as "<nil>" and renders a Service without ports', () => {
      const values = handWritten();
      delete values.environment.data.SERVER_MODE;
      const findings = checkChartValues(values);
      expect(errorsOf(findings)).toEqual(['environment.data.SERVER_MODE']);
      expect(
        findings.find(f => f.path === 'environment.data.SERVER_MODE')?.message,
      ).toMatch(/"<nil>".*no ports/);
      // The same key in the renderer's output, removed.
      const generated = rendered({});
      delete generated.environment.data.SERVER_MODE;
      expect(errorsOf(checkChartValues(generated))).toEqual([
        'environment.data.SERVER_MODE',
      ]);
    });

    it('with the data service enabled, warn that its env gets "<nil>" for the keys it reads', () => {
      const values = handWritten();
      values.dataservice = {
        enabled: true,
        serviceAccount: { create: false, name: 'team-a-gateway' },
      };
      const findings = checkChartValues(values);
      expect(errorsOf(findings)).toEqual([]);
      const [dataService, gatewayOnly] = findings.filter(
        f => f.path === 'environment.data',
      );
      expect(dataService).toMatchObject({ severity: 'warning' });
      expect(dataService.message).toMatch(
        /MONGO_DATABASE.*: with the data service enabled, the data service's env gets the literal "<nil>" for each \(the gateway gets an empty value\)/,
      );
      // Keys only the gateway reads stay in the gateway's warning.
      expect(dataService.message).not.toContain('MCP_GATEWAY_BASE_URL');
      expect(gatewayOnly.message).toMatch(
        /MCP_GATEWAY_BASE_URL.*the gateway gets an empty value/,
      );
    });

    it('says "its" for one key', () => {
      const values = rendered({});
      delete values.environment.data.MONGO_DATABASE;
      expect(checkChartValues(values)).toEqual([
        {
          path: 'environment.data',
          severity: 'warning',
          message:
            'leaves MONGO_DATABASE at its null default: the gateway gets an empty value; set it to a value, or to null in this file to drop it',
        },
      ]);
    });
  });

  it('flags credentials in literal values: secret keys not read from the Secret, URLs with passwords, headers', () => {
    const values = rendered({});
    values.environment.secretKeys = values.environment.secretKeys.filter(
      (k: string) => k !== 'LOG_STORE_SECRET_KEY',
    );
    values.environment.data.LOG_STORE_SECRET_KEY =
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    values.environment.data.REDIS_URL =
      'redis://:hunter2@cache.acme.example:6379';
    values.environment.data.OTEL_EXPORTER_OTLP_HEADERS = 'x-api-key=abc123';
    values.environment.data.ANALYTICS_STORE_ENDPOINT =
      'https://portkey:s3cret@clickhouse.acme.example';
    const findings = checkChartValues(values);
    expect(errorsOf(findings)).toEqual(
      expect.arrayContaining([
        'environment.data.LOG_STORE_SECRET_KEY',
        'environment.data.REDIS_URL',
        'environment.data.OTEL_EXPORTER_OTLP_HEADERS',
        'environment.data.ANALYTICS_STORE_ENDPOINT',
      ]),
    );
    const text = JSON.stringify(findings);
    for (const secret of ['wJalrXUtnFEMI', 'hunter2', 'abc123', 's3cret'])
      expect(text).not.toContain(secret);
  });

  it('accepts a plain REDIS_URL and <placeholders>, and flags inline MinIO keys', () => {
    const values = rendered({});
    values.environment.data.LOG_STORE_ACCESS_KEY = '<AWS Access Key>';
    values.environment.secretKeys = ['PORTKEY_CLIENT_AUTH'];
    expect(errorsOf(checkChartValues(values))).toEqual([]);
    values.minio = { authKey: { accessKey: 'minio', secretKey: 'minio123' } };
    expect(errorsOf(checkChartValues(values))).toEqual(['minio.authKey']);
  });

  it('warns about keys the chart does not have and env keys it does not document', () => {
    const values = rendered({});
    values.image = { tag: '2.13.0' };
    values.ingress = { hosts: ['gateway.acme.example'] };
    values.environment.data.LOGSTORE_REGION = 'us-east-1';
    const warnings = checkChartValues(values)
      .filter(f => f.severity === 'warning')
      .map(f => f.path);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'image.tag',
        'ingress.hosts',
        'environment.data.LOGSTORE_REGION',
      ]),
    );
    // Free-form maps take any key.
    values.podAnnotations = { 'prometheus.io/scrape': 'true' };
    expect(checkChartValues(values).map(f => f.path)).not.toContain(
      'podAnnotations.prometheus.io/scrape',
    );
  });

  it('warns about inherited store defaults, a REDIS_URL away from the in-cluster Redis, and one Mongo hooks spelling', () => {
    const findings = checkChartValues({
      serviceAccount: { create: true },
      imageCredentials: [],
      environment: {
        data: {
          LOG_STORE: 'mongo',
          MONGO_GENERATIONS_HOOKS_COLLECTION_NAME: 'hooks',
          REDIS_URL: 'redis://cache.acme.example:6379',
        },
      },
    });
    const warnings = findings
      .filter(f => f.severity === 'warning')
      .map(f => f.path);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'environment.data.ANALYTICS_STORE',
        'environment.data.CACHE_STORE',
        'environment.data.REDIS_URL',
        'environment.data.MONGO_GENERATIONS_HOOKS_COLLECTION_NAME',
      ]),
    );
  });

  it('checks the data service service account too, and refuses a file that is not a map', () => {
    const values = rendered({});
    values.dataservice = { enabled: true };
    expect(errorsOf(checkChartValues(values))).toEqual([
      'dataservice.serviceAccount.name',
    ]);
    expect(checkChartValues(['a'])).toEqual([
      {
        path: '(file)',
        severity: 'error',
        message: 'must be a YAML map of chart values',
      },
    ]);
  });

  const sharedChart = resolve(
    __dirname,
    '../../../../../shared/portkey-chart/values.yaml',
  );
  const haveShared = (() => {
    try {
      readFileSync(sharedChart);
      return true;
    } catch {
      return false;
    }
  })();
  const describeWithSharedChart = haveShared ? describe : describe.skip;
  describeWithSharedChart(`with the chart reference at ${sharedChart}`, () => {
    it("reports the traps of the chart's own default values.yaml", () => {
      const findings = checkChartValues(
        YAML.parse(readFileSync(sharedChart, 'utf8')),
      );
      expect(errorsOf(findings)).toEqual(
        expect.arrayContaining(['serviceAccount.name', 'imageCredentials[0]']),
      );
    });
  });
});
