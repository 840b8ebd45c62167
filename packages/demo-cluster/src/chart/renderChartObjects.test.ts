import type {
  KubernetesObject,
  V1ConfigMap,
  V1Deployment,
  V1Secret,
  V1Service,
  V1ServiceAccount,
} from '@kubernetes/client-node';
import { CHART_DEFAULT_ENV_KEYS } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { goFloat, goString } from './goTemplate';
import { mergeValues } from './mergeValues';
import { ChartRenderError } from './names';
import { renderChartObjects } from './renderChartObjects';

// The stand-in against REFERENCE.md (§3 env modes, §4 objects, names and labels, §5 data
// service), for what a reviewer of a gateway's values would check. Runs everywhere; the
// opt-in contract test compares it with the real chart.

const SA = 'serviceAccount: {name: portkey-runner}\n';

function render(values: string, release = 'portkey-ai') {
  const objects = renderChartObjects({ values, release, namespace: 'ns' });
  const find = <T extends KubernetesObject>(kind: string, name: string) =>
    objects.find(o => o.kind === kind && o.metadata?.name === name) as
      | T
      | undefined;
  return { objects, find };
}
const keysOf = (objects: KubernetesObject[]) =>
  objects.map(o => `${o.kind}/${o.metadata!.name}`).sort();
const gatewayContainer = (d: V1Deployment) =>
  d.spec!.template.spec!.containers.find(c => c.name === 'gateway')!;
const envOf = (d: V1Deployment, container = 'gateway') =>
  d.spec!.template.spec!.containers.find(c => c.name === container)!.env ?? [];

describe('renderChartObjects: names and labels (REFERENCE.md §4)', () => {
  it.each([
    ['portkey-ai', '', '', 'portkey-ai-gateway'],
    ['portkey-gateway', '', '', 'portkey-gateway'],
    ['my-gateway-prod', '', '', 'my-gateway-prod'],
    ['acme', 'portkey', '', 'acme-portkey'],
    ['acme-portkey-x', 'portkey', '', 'acme-portkey-x'],
    ['acme', '', 'custom-name', 'custom-name'],
    ['r', '', `${'a'.repeat(62)}-b`, `${'a'.repeat(62)}`],
  ])(
    'release %s with nameOverride "%s" and fullnameOverride "%s" is named %s',
    (release, nameOverride, fullnameOverride, expected) => {
      const { find } = render(
        `${SA}nameOverride: "${nameOverride}"\nfullnameOverride: "${fullnameOverride}"\n`,
        release,
      );
      expect(find<V1Deployment>('Deployment', expected)).toBeDefined();
      expect(find<V1Service>('Service', expected)).toBeDefined();
    },
  );

  it('labels the gateway objects with the chart labels and selects on name and instance (+ selectorLabels)', () => {
    const { find } = render(
      `${SA}selectorLabels: {team: ai}\npodLabels: {backstage.io/kubernetes-id: portkey-ai-gateway}\n`,
    );
    const selector = {
      'app.kubernetes.io/name': 'gateway',
      'app.kubernetes.io/instance': 'portkey-ai',
      team: 'ai',
    };
    const labels = {
      ...selector,
      'helm.sh/chart': 'gateway-1.7.7',
      'app.kubernetes.io/version': '2.13.0',
      'app.kubernetes.io/managed-by': 'Helm',
    };
    const deployment = find<V1Deployment>('Deployment', 'portkey-ai-gateway')!;
    expect(deployment.metadata!.labels).toEqual(labels);
    expect(deployment.spec!.selector.matchLabels).toEqual(selector);
    expect(deployment.spec!.template.metadata!.labels).toEqual({
      ...labels,
      'backstage.io/kubernetes-id': 'portkey-ai-gateway',
    });
    const service = find<V1Service>('Service', 'portkey-ai-gateway')!;
    expect(service.spec!.selector).toEqual(selector);
    expect(service.metadata!.labels).toEqual(labels);
  });

  it('gives the data service the same name and instance plus a component, and Redis its own name', () => {
    const { find } = render(
      `${SA}dataservice: {enabled: true, serviceAccount: {name: portkey-runner}}\n`,
    );
    const dataService = find<V1Deployment>(
      'Deployment',
      'portkey-ai-gateway-dataservice',
    )!;
    expect(dataService.spec!.selector.matchLabels).toEqual({
      'app.kubernetes.io/name': 'gateway',
      'app.kubernetes.io/instance': 'portkey-ai',
      'app.kubernetes.io/component': 'portkey-ai-gateway-dataservice',
    });
    expect(
      find<V1Deployment>('Deployment', 'redis')!.spec!.selector.matchLabels,
    ).toEqual({
      'app.kubernetes.io/name': 'redis',
      'app.kubernetes.io/instance': 'portkey-ai',
    });
  });

  it('renders the containers, ports and probes of §4', () => {
    const { find } = render(SA);
    const container = gatewayContainer(
      find<V1Deployment>('Deployment', 'portkey-ai-gateway')!,
    );
    expect(container.image).toBe(
      'docker.io/portkeyai/gateway_enterprise:2.13.0',
    );
    expect(container.ports).toEqual([
      { name: 'gateway', containerPort: 8787, protocol: 'TCP' },
    ]);
    expect(container.livenessProbe).toEqual({
      httpGet: { path: '/v1/health', port: 8787 },
      initialDelaySeconds: 5,
      periodSeconds: 60,
      timeoutSeconds: 3,
      failureThreshold: 3,
    });
    expect(container.readinessProbe!.httpGet!.port).toBe(8787);
  });

  it('fails as the chart does without a service account name, and refuses MinIO', () => {
    expect(() => render('')).toThrow(
      new ChartRenderError(
        'serviceAccount.name must be set when serviceAccount.create is false',
      ),
    );
    expect(() => render(`${SA}minio: {enabled: true}\n`)).toThrow(/minio/);
  });
});

describe('renderChartObjects: how values reach the pod (REFERENCE.md §3)', () => {
  const explicit = `${SA}environment:
  create: false
  existingSecret: acme-secrets
  secretKeys: [PORTKEY_CLIENT_AUTH, LOG_STORE_SECRET_KEY]
  data:
    LOG_STORE: s3
    LOG_STORE_REGION: eu-west-1
    PORTKEY_CLIENT_AUTH: ""
    ANALYTICS_STORE: null
`;

  it('explicit existing Secret: secretKeys become secretKeyRefs, first and in order; other data keys literals', () => {
    const { objects, find } = render(explicit);
    const env = envOf(find<V1Deployment>('Deployment', 'portkey-ai-gateway')!);
    expect(env.slice(0, 2)).toEqual(
      ['PORTKEY_CLIENT_AUTH', 'LOG_STORE_SECRET_KEY'].map(key => ({
        name: key,
        valueFrom: { secretKeyRef: { name: 'acme-secrets', key } },
      })),
    );
    const byName = new Map(env.map(e => [e.name, e]));
    expect(byName.get('LOG_STORE')).toEqual({ name: 'LOG_STORE', value: 's3' });
    expect(byName.get('REDIS_URL')).toEqual({
      name: 'REDIS_URL',
      value: 'redis://redis:6379',
    });
    // The other keys come sorted, as Go ranges over a map.
    const rest = env.slice(2).map(e => e.name);
    expect(rest).toEqual([...rest].sort());
    // null removed a default key; no env Secret is rendered.
    expect(byName.has('ANALYTICS_STORE')).toBe(false);
    expect(keysOf(objects).filter(k => k.startsWith('Secret/'))).toEqual([
      'Secret/portkeyenterpriseregistrycredentials',
    ]);
  });

  it('chart-created Secret: every key of environment.data from it, nil as empty', () => {
    const { find } = render(
      `${SA}environment:\n  data: {LOG_STORE: s3, ANALYTICS_STORE: null, EXTRA: 1000000}\n`,
    );
    const secret = find<V1Secret>('Secret', 'portkey-ai-gateway')!;
    const env = envOf(find<V1Deployment>('Deployment', 'portkey-ai-gateway')!);
    expect(env.map(e => e.name)).toEqual(Object.keys(secret.data!));
    // The chart's default keys (43: REFERENCE.md §2 says 40), less ANALYTICS_STORE, plus EXTRA.
    expect(env.map(e => e.name).sort()).toEqual(
      [
        ...CHART_DEFAULT_ENV_KEYS.filter(k => k !== 'ANALYTICS_STORE'),
        'EXTRA',
      ].sort(),
    );
    for (const entry of env)
      expect(entry.valueFrom).toEqual({
        secretKeyRef: { name: 'portkey-ai-gateway', key: entry.name },
      });
    const decoded = (key: string) =>
      Buffer.from(secret.data![key], 'base64').toString();
    expect(decoded('LOG_STORE')).toBe('s3');
    expect(decoded('EXTRA')).toBe('1e+06');
    expect(secret.data!.LOG_STORE_REGION).toBe('');
    expect(secret.data!.ANALYTICS_STORE).toBeUndefined();
  });

  it('chart-created ConfigMap with environment.secret false', () => {
    const { find } = render(
      `${SA}environment: {secret: false, data: {LOG_STORE: s3}}\n`,
    );
    expect(
      find<V1ConfigMap>('ConfigMap', 'portkey-ai-gateway')!.data!.LOG_STORE,
    ).toBe('s3');
    const env = envOf(find<V1Deployment>('Deployment', 'portkey-ai-gateway')!);
    expect(env.find(e => e.name === 'LOG_STORE')!.valueFrom).toEqual({
      configMapKeyRef: { name: 'portkey-ai-gateway', key: 'LOG_STORE' },
    });
  });

  it('existing Secret without secretKeys: lookup finds nothing under helm template, so every key is a literal', () => {
    const values = `${SA}environment:
  create: false
  existingSecret: acme-secrets
  data: {PORTKEY_CLIENT_AUTH: fake-auth}
`;
    const env = envOf(
      render(values).find<V1Deployment>('Deployment', 'portkey-ai-gateway')!,
    );
    expect(env.every(e => !e.valueFrom)).toBe(true);
    expect(env.find(e => e.name === 'PORTKEY_CLIENT_AUTH')!.value).toBe(
      'fake-auth',
    );
    // Against a cluster (helm install), the keys lookup finds become references.
    const installed = renderChartObjects({
      values,
      release: 'portkey-ai',
      namespace: 'ns',
      lookupSecret: (namespace, name) =>
        namespace === 'ns' && name === 'acme-secrets'
          ? ['PORTKEY_CLIENT_AUTH']
          : undefined,
    }).find(o => o.kind === 'Deployment') as V1Deployment;
    expect(
      envOf(installed).find(e => e.name === 'PORTKEY_CLIENT_AUTH')!.valueFrom,
    ).toEqual({
      secretKeyRef: { name: 'acme-secrets', key: 'PORTKEY_CLIENT_AUTH' },
    });
  });

  it('no source: only envFrom and extraEnv (appended)', () => {
    const { find } = render(`${SA}environment: {create: false}
envFrom: [{secretRef: {name: eso}}]
extraEnv: [{name: EXTRA, value: "1"}]
`);
    const container = gatewayContainer(
      find<V1Deployment>('Deployment', 'portkey-ai-gateway')!,
    );
    expect(container.env).toEqual([{ name: 'EXTRA', value: '1' }]);
    expect(container.envFrom).toEqual([{ secretRef: { name: 'eso' } }]);
  });

  it('Vault: every key from the Vault agent Secret, with the agent annotations', () => {
    const { find } = render(`${SA}useVaultInjection: true\n`);
    const deployment = find<V1Deployment>('Deployment', 'portkey-ai-gateway')!;
    expect(
      envOf(deployment).every(
        e => e.valueFrom?.secretKeyRef?.name === 'gateway',
      ),
    ).toBe(true);
    expect(deployment.spec!.template.metadata!.annotations).toMatchObject({
      'vault.hashicorp.com/agent-inject': 'true',
      'vault.hashicorp.com/role': 'your-vault-role',
    });
  });

  it('puts DATASERVICE_BASEPATH first, and gives the data service its env of §5', () => {
    const { find } = render(`${SA}environment:
  create: false
  existingSecret: acme-secrets
  secretKeys: [PORTKEY_CLIENT_AUTH]
  data: {FINETUNES_BUCKET: tunes, ANALYTICS_STORE_ENDPOINT: http://ch:8123}
dataservice: {enabled: true, serviceAccount: {name: portkey-runner}}
extraEnv: [{name: LAST, value: "yes"}]
`);
    const env = envOf(find<V1Deployment>('Deployment', 'portkey-ai-gateway')!);
    expect(env[0]).toEqual({
      name: 'DATASERVICE_BASEPATH',
      value: 'http://portkey-ai-gateway-dataservice:8081',
    });
    expect(env[env.length - 1]).toEqual({ name: 'LAST', value: 'yes' });
    const dataEnv = new Map(
      envOf(
        find<V1Deployment>('Deployment', 'portkey-ai-gateway-dataservice')!,
        'dataservice',
      ).map(e => [e.name, e]),
    );
    expect(dataEnv.get('GATEWAY_BASE_URL')!.value).toBe(
      'http://portkey-ai-gateway:8787',
    );
    expect(dataEnv.get('AWS_S3_FINETUNE_BUCKET')!.value).toBe('tunes');
    expect(dataEnv.get('CLICKHOUSE_HOST')!.value).toBe('http://ch:8123');
    expect(dataEnv.get('PORTKEY_CLIENT_AUTH')!.valueFrom).toEqual({
      secretKeyRef: { name: 'acme-secrets', key: 'PORTKEY_CLIENT_AUTH' },
    });
    // Gateway-only keys do not reach it.
    expect(dataEnv.has('SERVER_MODE')).toBe(false);
  });

  it('passes values through toString: booleans as words, numbers from 1e6 in exponent form', () => {
    const { find } = render(`${SA}environment:
  create: false
  existingSecret: s
  secretKeys: [PORTKEY_CLIENT_AUTH]
  data: {A: 1000000, B: 1234567, C: 999999, D: true, E: 1.5, F: "1000000"}
`);
    const env = new Map(
      envOf(find<V1Deployment>('Deployment', 'portkey-ai-gateway')!).map(e => [
        e.name,
        e.value,
      ]),
    );
    expect(['A', 'B', 'C', 'D', 'E', 'F'].map(k => env.get(k))).toEqual([
      '1e+06',
      '1.234567e+06',
      '999999',
      'true',
      '1.5',
      '1000000',
    ]);
  });
});

describe('renderChartObjects: which objects (REFERENCE.md §4)', () => {
  it('renders the in-cluster Redis only for CACHE_STORE redis', () => {
    expect(keysOf(render(SA).objects)).toEqual([
      'ConfigMap/resource-config',
      'Deployment/portkey-ai-gateway',
      'Deployment/redis',
      'Secret/portkey-ai-gateway',
      'Secret/portkeyenterpriseregistrycredentials',
      'Service/portkey-ai-gateway',
      'Service/redis',
    ]);
    for (const store of ['custom', 'aws-elastic-cache', 'Redis'])
      expect(
        keysOf(
          render(`${SA}environment: {data: {CACHE_STORE: ${store}}}\n`).objects,
        ).filter(k => k.endsWith('/redis')),
      ).toEqual([]);
  });

  it('gives the MCP server its ports: both servers with SERVER_MODE all, MCP alone with mcp', () => {
    const all = render(`${SA}environment: {data: {SERVER_MODE: all}}
mcpService: {enabled: true}
`);
    expect(
      all.find<V1Service>('Service', 'portkey-ai-gateway')!.spec!.ports,
    ).toEqual([
      { port: 8787, targetPort: 'gateway', protocol: 'TCP', name: 'gateway' },
      { port: 8788, targetPort: 'mcp', protocol: 'TCP', name: 'mcp' },
    ]);
    expect(
      all.find<V1Service>('Service', 'portkey-ai-gateway-mcp')!.spec!.ports,
    ).toEqual([{ port: 80, targetPort: 'mcp', protocol: 'TCP', name: 'mcp' }]);
    const mcp = render(`${SA}environment: {data: {SERVER_MODE: mcp}}\n`);
    expect(
      mcp.find<V1Service>('Service', 'portkey-ai-gateway')!.spec!.ports,
    ).toEqual([
      { port: 8788, targetPort: 'mcp', protocol: 'TCP', name: 'mcp' },
    ]);
    expect(mcp.find('Service', 'portkey-ai-gateway-mcp')).toBeUndefined();
    const container = gatewayContainer(
      mcp.find<V1Deployment>('Deployment', 'portkey-ai-gateway')!,
    );
    expect(container.livenessProbe!.httpGet!.port).toBe(8788);
    // Any other SERVER_MODE runs neither: a Service without ports.
    const none = render(`${SA}environment: {data: {SERVER_MODE: gateway}}\n`);
    expect(
      none.find<V1Service>('Service', 'portkey-ai-gateway')!.spec!.ports,
    ).toBeUndefined();
  });

  it('creates the ServiceAccount with its IRSA annotation when asked to', () => {
    const { find } = render(
      'serviceAccount: {create: true, annotations: {eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/gw"}}\n',
    );
    const account = find<V1ServiceAccount>(
      'ServiceAccount',
      'portkey-ai-gateway',
    )!;
    expect(account.metadata!.annotations).toEqual({
      'eks.amazonaws.com/role-arn': 'arn:aws:iam::123456789012:role/gw',
    });
    expect(
      find<V1Deployment>('Deployment', 'portkey-ai-gateway')!.spec!.template
        .spec!.serviceAccountName,
    ).toBe('portkey-ai-gateway');
    expect(find('ServiceAccount', 'portkey-runner')).toBeUndefined();
  });

  it('renders the HPA instead of replicas with autoscaling, and the Ingress when enabled', () => {
    const { find } = render(`${SA}autoscaling: {enabled: true}
ingress: {enabled: true, hostname: gw.example.test}
`);
    expect(
      find<V1Deployment>('Deployment', 'portkey-ai-gateway')!.spec!.replicas,
    ).toBeUndefined();
    expect(find('HorizontalPodAutoscaler', 'portkey-ai-gateway')).toMatchObject(
      { spec: { minReplicas: 2, maxReplicas: 20 } },
    );
    expect(find('Ingress', 'portkey-ai-gateway')).toMatchObject({
      spec: {
        ingressClassName: 'nginx',
        rules: [{ host: 'gw.example.test' }],
      },
    });
  });
});

describe('Helm semantics the stand-in relies on', () => {
  it('merges maps, replaces lists and scalars, deletes keys set to null', () => {
    expect(
      mergeValues(
        { a: { b: 1, c: 2, d: [1, 2] }, e: 'x', f: 'keep' },
        { a: { b: 3, c: null, d: [9] }, e: null, g: null },
      ),
    ).toEqual({ a: { b: 3, d: [9] }, f: 'keep', g: null });
  });

  it('prints numbers as Go does', () => {
    expect(
      [1e6, 1234567, 999999, 0.0001, 0.00001, -2e7, 0].map(goFloat),
    ).toEqual([
      '1e+06',
      '1.234567e+06',
      '999999',
      '0.0001',
      '1e-05',
      '-2e+07',
      '0',
    ]);
    expect(goString(null)).toBe('<nil>');
    expect(goString({ b: 1, a: [true] })).toBe('map[a:[true] b:1]');
  });
});
