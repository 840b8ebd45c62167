import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  loadYaml,
} from '@kubernetes/client-node';
import {
  gatewayFullname,
  GatewaySettingsResponse,
  renderGateway,
  settingsFromInput,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import tls from 'node:tls';
import {
  createTestNamespace,
  deleteTestNamespace,
  clientsFor,
  grantRole,
  testCluster,
  unprivilegedIdentity,
} from '../__testUtils__/testCluster';
import {
  chartObjectsFor,
  dataServiceDeployment,
  EXISTING_ACCOUNT_ROLE,
  FAKE_PEM,
  fakeSecretValue,
  gatewayDeployment,
} from './__testUtils__/chartObjects';
import { GatewaySettingsService } from './GatewaySettingsService';

const examplesDir = resolve(
  __dirname,
  '../../../../templates/portkey-gateway/examples',
);
const examples = readdirSync(examplesDir).filter(f => f.endsWith('.yaml'));

const cluster = testCluster();
const admin = {
  core: cluster.admin.makeApiClient(CoreV1Api),
  apps: cluster.admin.makeApiClient(AppsV1Api),
};
const service = new GatewaySettingsService();
const namespaces: string[] = [];

async function namespaceFor(prefix: string) {
  const namespace = await createTestNamespace(prefix);
  namespaces.push(namespace);
  return namespace;
}

afterAll(() => Promise.all(namespaces.map(deleteTestNamespace)));

const readAsAdmin = (namespace: string, release: string) =>
  service.readSettings({
    cluster: 'local',
    namespace,
    release,
    clients: clientsFor(cluster.admin),
  });

/** The response must never carry a credential value, as text or as base64. */
function expectNoSecretValue(response: GatewaySettingsResponse) {
  const text = JSON.stringify(response);
  expect(text).not.toContain('super-secret-value');
  expect(text).not.toContain(Buffer.from(FAKE_PEM).toString('base64'));
  expect(text).not.toContain('BEGIN CERTIFICATE');
}

/** A Secret or ConfigMap holding `data` as plain text. */
async function createObject(
  namespace: string,
  kind: 'secret' | 'configMap',
  name: string,
  data: Record<string, string>,
) {
  const metadata = { name };
  if (kind === 'secret')
    await admin.core.createNamespacedSecret({
      namespace,
      body: { metadata, stringData: data },
    });
  else
    await admin.core.createNamespacedConfigMap({
      namespace,
      body: { metadata, data },
    });
}

describe('GatewaySettingsService against the real kube-apiserver', () => {
  it.each(examples)(
    'reads %s back as deployed in existing-Secret mode',
    async file => {
      const { repoUrl: _, ...answers } = loadYaml<any>(
        readFileSync(join(examplesDir, file), 'utf8'),
      );
      const rendered = renderGateway(answers);
      if (!rendered.ok) throw new Error(JSON.stringify(rendered.errors));
      const { input } = rendered;
      const release = input.gateway.releaseName;
      const namespace = await namespaceFor('settings-example');
      const objects = chartObjectsFor(rendered);

      // The Secret holds every other key (the first always), so some keys are missing.
      const present = objects.secretKeys.filter((_k, i) => i % 2 === 0);
      const missing = objects.secretKeys.filter(k => !present.includes(k));
      await admin.core.createNamespacedSecret({
        namespace,
        body: {
          metadata: { name: objects.secretName },
          stringData: Object.fromEntries(
            [...present, 'UNRELATED_KEY'].map(k => [k, fakeSecretValue(k)]),
          ),
        },
      });
      await admin.core.createNamespacedServiceAccount({
        namespace,
        body: objects.serviceAccount,
      });
      const pem = objects.mongoPem;
      if (pem)
        await createObject(namespace, pem.kind, pem.name, {
          [pem.key]: FAKE_PEM,
        });
      await admin.apps.createNamespacedDeployment({
        namespace,
        body: objects.deployment,
      });
      if (input.dataService.enabled) {
        await admin.apps.createNamespacedDeployment({
          namespace,
          body: dataServiceDeployment(release),
        });
      }

      const response = await readAsAdmin(namespace, release);
      const { settings } = response;
      expect(response).toMatchObject({
        release,
        deployment: gatewayFullname(release),
        cluster: 'local',
        namespace,
        envFrom: [],
      });

      // The stores and non-secret settings are the example's choices.
      const expected = settingsFromInput(input, {
        existingServiceAccountRoleArn: EXISTING_ACCOUNT_ROLE,
      });
      expect(settings).toMatchObject(expected);
      expect(settings.analytics).toEqual(expected.analytics);
      expect(settings.dataService).toEqual(expected.dataService);
      expect(settings.logStore.pem).toEqual(expected.logStore.pem);
      expect(settings.cache.url).toBe(expected.cache.url);
      expect(settings.serviceAccount).toEqual({
        name: objects.serviceAccount.metadata!.name,
        ...(expected.serviceAccount.roleArn
          ? { roleArn: expected.serviceAccount.roleArn }
          : {}),
      });

      // Every secret key is a reference to the right Secret, present exactly as created.
      expect(settings.secretReferences).toEqual(
        objects.secretKeys.map(key => ({
          env: key,
          secretName: objects.secretName,
          key,
          keyPresent: present.includes(key),
        })),
      );
      expect(response.secrets).toEqual([
        {
          secretName: objects.secretName,
          exists: true,
          keys: objects.secretKeys,
          missingKeys: missing,
        },
        // A PEM mounted from a Secret is checked like the env's Secrets.
        ...(pem?.kind === 'secret'
          ? [
              {
                secretName: pem.name,
                exists: true,
                keys: [pem.key],
                missingKeys: [],
              },
            ]
          : []),
      ]);
      expect(response.problems).toEqual(
        missing.length
          ? [
              `Secret ${objects.secretName} has no key ${missing.join(
                ', ',
              )}: the gateway pods will fail to start with CreateContainerConfigError.`,
            ]
          : [],
      );
      expect(settings.withheld).toEqual([]);
      expectNoSecretValue(response);
    },
  );

  it('reads the non-credential settings of the chart-created mode, never the credentials', async () => {
    const namespace = await namespaceFor('settings-created');
    const release = 'portkey-ai';
    const fullname = gatewayFullname(release);
    const data: Record<string, string> = {
      SERVICE_NAME: 'portkeyenterprise',
      PORT: '8787',
      PORTKEY_CLIENT_AUTH: fakeSecretValue('PORTKEY_CLIENT_AUTH'),
      ORGANISATIONS_TO_SYNC: 'org-1',
      SERVER_MODE: '',
      LOG_STORE: 's3',
      LOG_STORE_REGION: 'eu-west-1',
      LOG_STORE_ACCESS_KEY: fakeSecretValue('LOG_STORE_ACCESS_KEY'),
      LOG_STORE_SECRET_KEY: fakeSecretValue('LOG_STORE_SECRET_KEY'),
      LOG_STORE_GENERATIONS_BUCKET: 'acme-logs',
      ANALYTICS_STORE: 'control_plane',
      CACHE_STORE: 'redis',
      REDIS_URL: 'redis://redis:6379',
      REDIS_TLS_ENABLED: 'false',
    };
    // The Secret lacks one key a default install references.
    const { LOG_STORE_SECRET_KEY: _, ...stored } = data;
    await admin.core.createNamespacedSecret({
      namespace,
      body: { metadata: { name: fullname }, stringData: stored },
    });
    await admin.core.createNamespacedConfigMap({
      namespace,
      body: { metadata: { name: 'extra' }, data: { REQUEST_TIMEOUT: '30000' } },
    });
    await admin.apps.createNamespacedDeployment({
      namespace,
      body: gatewayDeployment({
        release,
        serviceAccountName: 'not-created',
        env: [
          ...Object.keys(data).map(name => ({
            name,
            valueFrom: { secretKeyRef: { name: fullname, key: name } },
          })),
          {
            name: 'REQUEST_TIMEOUT',
            valueFrom: {
              configMapKeyRef: { name: 'extra', key: 'REQUEST_TIMEOUT' },
            },
          },
          {
            name: 'POD_IP',
            valueFrom: { fieldRef: { fieldPath: 'status.podIP' } },
          },
        ],
        envFrom: [{ secretRef: { name: 'eso-managed' } }],
      }),
    });

    const response = await readAsAdmin(namespace, release);
    expectNoSecretValue(response);
    const { settings } = response;
    expect(settings.logStore).toEqual({
      store: 's3',
      region: 'eu-west-1',
      bucket: 'acme-logs',
    });
    expect(settings.core).toEqual({
      serviceName: 'portkeyenterprise',
      organisationsToSync: 'org-1',
      requestTimeoutMs: 30000,
    });
    expect(settings.server).toEqual({ mode: 'gateway' });
    expect(settings.analytics).toEqual({ store: 'control_plane' });
    expect(settings.cache).toMatchObject({ store: 'redis', tls: false });
    expect(settings.secretReferences).toEqual(
      [
        ['PORTKEY_CLIENT_AUTH', true],
        ['LOG_STORE_ACCESS_KEY', true],
        ['LOG_STORE_SECRET_KEY', false],
        ['REDIS_URL', true],
      ].map(([key, keyPresent]) => ({
        env: key,
        secretName: fullname,
        key,
        keyPresent,
      })),
    );
    expect(response.secrets).toEqual([
      {
        secretName: fullname,
        exists: true,
        keys: Object.keys(data),
        missingKeys: ['LOG_STORE_SECRET_KEY'],
      },
    ]);
    expect(response.envFrom).toEqual([{ kind: 'secret', name: 'eso-managed' }]);
    expect(response.problems).toEqual([
      `Secret ${fullname} has no key LOG_STORE_SECRET_KEY: the gateway pods will fail to start with CreateContainerConfigError.`,
      expect.stringContaining('Secret eso-managed (envFrom)'),
      'Service account not-created does not exist: Kubernetes will not create the gateway pods until it does.',
    ]);
  });

  it('withholds credentials set as plain values and names an invalid SERVER_MODE', async () => {
    const namespace = await namespaceFor('settings-plain');
    const release = 'plain-gateway';
    await admin.apps.createNamespacedDeployment({
      namespace,
      body: gatewayDeployment({
        release,
        serviceAccountName: 'default',
        env: [
          { name: 'SERVER_MODE', value: 'gateway' },
          { name: 'PORTKEY_CLIENT_AUTH', value: fakeSecretValue('auth') },
          { name: 'CACHE_STORE', value: 'custom' },
          {
            name: 'REDIS_URL',
            value: `redis://:${fakeSecretValue('redis')}@cache:6379`,
          },
          {
            name: 'ANALYTICS_STORE_ENDPOINT',
            value: `https://u:${fakeSecretValue('ch')}@clickhouse:8443`,
          },
          { name: 'ANALYTICS_STORE', value: 'clickhouse' },
        ],
      }),
    });
    const response = await readAsAdmin(namespace, release);
    expectNoSecretValue(response);
    expect(response.settings.server).toEqual({
      mode: 'invalid',
      invalidValue: 'gateway',
    });
    expect(response.settings.withheld).toEqual(['ANALYTICS_STORE_ENDPOINT']);
    expect(response.problems).toEqual([
      expect.stringMatching(
        /^PORTKEY_CLIENT_AUTH, REDIS_URL are set as plain values in the Deployment/,
      ),
      // A real cluster gives every namespace its "default" ServiceAccount.
      ...(cluster.real
        ? []
        : [
            'Service account default does not exist: Kubernetes will not create the gateway pods until it does.',
          ]),
      expect.stringMatching(/^SERVER_MODE is "gateway"/),
      expect.stringMatching(
        /^ANALYTICS_STORE_ENDPOINT hold what looks like a credential/,
      ),
    ]);
  });

  it('reads the chart-created ConfigMap mode (environment.secret false) and flags credentials in it', async () => {
    const namespace = await namespaceFor('settings-configmap');
    const release = 'cm-gateway';
    const data: Record<string, string> = {
      LOG_STORE: 'wasabi',
      LOG_STORE_REGION: 'eu-central-1',
      LOG_STORE_GENERATIONS_BUCKET: 'logs',
      PORTKEY_CLIENT_AUTH: fakeSecretValue('PORTKEY_CLIENT_AUTH'),
      CACHE_STORE: 'custom',
      REDIS_URL: 'redis://cache.internal:6379',
    };
    await admin.core.createNamespacedConfigMap({
      namespace,
      body: { metadata: { name: release }, data },
    });
    await admin.apps.createNamespacedDeployment({
      namespace,
      body: gatewayDeployment({
        release,
        serviceAccountName: '',
        env: [...Object.keys(data), 'MISSING_KEY'].map(name => ({
          name,
          valueFrom: { configMapKeyRef: { name: release, key: name } },
        })),
      }),
    });
    const response = await readAsAdmin(namespace, release);
    expectNoSecretValue(response);
    expect(response.settings.logStore).toEqual({
      store: 'wasabi',
      region: 'eu-central-1',
      bucket: 'logs',
    });
    expect(response.settings.cache).toMatchObject({
      store: 'custom',
      urlSource: 'literal',
      url: 'redis://cache.internal:6379',
    });
    expect(response.secrets).toEqual([]);
    expect(response.problems).toEqual([
      `ConfigMap ${release} has no key MISSING_KEY: the gateway pods will fail to start with CreateContainerConfigError.`,
      `Credentials PORTKEY_CLIENT_AUTH are stored in ConfigMap ${release}, which anyone who may read ConfigMaps can see; move them to a Secret.`,
    ]);
  });

  it('says which Secret is missing altogether, with every key it should hold', async () => {
    const namespace = await namespaceFor('settings-nosecret');
    const release = 'acme-gateway';
    await admin.core.createNamespacedServiceAccount({
      namespace,
      body: { metadata: { name: 'acme-gateway' } },
    });
    await admin.apps.createNamespacedDeployment({
      namespace,
      body: gatewayDeployment({
        release,
        serviceAccountName: 'acme-gateway',
        env: [
          { name: 'LOG_STORE', value: 'mongo' },
          ...['PORTKEY_CLIENT_AUTH', 'MONGO_DB_CONNECTION_URL'].map(name => ({
            name,
            valueFrom: { secretKeyRef: { name: 'acme-secrets', key: name } },
          })),
          {
            name: 'OTEL_EXPORTER_OTLP_HEADERS',
            valueFrom: {
              secretKeyRef: {
                name: 'optional-secrets',
                key: 'OTEL_EXPORTER_OTLP_HEADERS',
                optional: true,
              },
            },
          },
        ],
      }),
    });
    const response = await readAsAdmin(namespace, release);
    expect(response.settings.secretReferences).toEqual([
      {
        env: 'PORTKEY_CLIENT_AUTH',
        secretName: 'acme-secrets',
        key: 'PORTKEY_CLIENT_AUTH',
        keyPresent: false,
      },
      {
        env: 'MONGO_DB_CONNECTION_URL',
        secretName: 'acme-secrets',
        key: 'MONGO_DB_CONNECTION_URL',
        keyPresent: false,
      },
      {
        env: 'OTEL_EXPORTER_OTLP_HEADERS',
        secretName: 'optional-secrets',
        key: 'OTEL_EXPORTER_OTLP_HEADERS',
        keyPresent: false,
      },
    ]);
    expect(response.secrets).toEqual([
      {
        secretName: 'acme-secrets',
        exists: false,
        keys: ['PORTKEY_CLIENT_AUTH', 'MONGO_DB_CONNECTION_URL'],
        missingKeys: ['PORTKEY_CLIENT_AUTH', 'MONGO_DB_CONNECTION_URL'],
      },
      {
        secretName: 'optional-secrets',
        exists: false,
        keys: ['OTEL_EXPORTER_OTLP_HEADERS'],
        missingKeys: ['OTEL_EXPORTER_OTLP_HEADERS'],
      },
    ]);
    // An optional reference to a missing Secret does not stop the pod.
    expect(response.problems).toEqual([
      'Secret acme-secrets does not exist: the gateway pods will fail to start with CreateContainerConfigError (it must hold PORTKEY_CLIENT_AUTH, MONGO_DB_CONNECTION_URL).',
    ]);
  });

  describe('the MongoDB PEM mounted at /etc/shared/document_db.pem', () => {
    const PEM_PATH = '/etc/shared/document_db.pem';
    /** A gateway with LOG_STORE mongo and the PEM volume `source`, mounted with `mount`. */
    async function readWithPem(
      prefix: string,
      source: Record<string, unknown>,
      mount: Record<string, unknown> = { subPath: 'document_db.pem' },
    ) {
      const namespace = await namespaceFor(prefix);
      const release = 'mongo-gateway';
      await admin.apps.createNamespacedDeployment({
        namespace,
        body: gatewayDeployment({
          release,
          serviceAccountName: '',
          env: [{ name: 'LOG_STORE', value: 'mongo' }],
          volumes: [{ name: 'mongo-pem', ...source }],
          volumeMounts: [{ name: 'mongo-pem', mountPath: PEM_PATH, ...mount }],
        }),
      });
      return {
        namespace,
        release,
        read: () => readAsAdmin(namespace, release),
      };
    }

    it('says "could not check" when the portal may not read the Secret', async () => {
      const { namespace, release } = await readWithPem('settings-pem-denied', {
        secret: { secretName: 'docdb-ca' },
      });
      const response = await service.readSettings({
        cluster: 'local',
        namespace,
        release,
        clients: clientsFor(await readerWithoutSecrets(namespace)),
      });
      expect(response.secrets).toEqual([
        {
          secretName: 'docdb-ca',
          exists: null,
          keys: ['document_db.pem'],
          missingKeys: [],
        },
      ]);
      expect(response.problems).toEqual([
        `The portal may not read Secret docdb-ca, so whether it holds the MongoDB PEM mounted at ${PEM_PATH} (key document_db.pem) could not be checked.`,
      ]);
    });

    it.each([
      ['secret', { secret: { secretName: 'docdb-ca' } }],
      ['configMap', { configMap: { name: 'docdb-ca' } }],
    ])(
      'says the pods will not start when the %s does not exist',
      async (kind, source) => {
        const { read } = await readWithPem('settings-pem-none', source);
        const response = await read();
        const Kind = kind === 'secret' ? 'Secret' : 'ConfigMap';
        expect(response.problems).toEqual([
          `${Kind} docdb-ca, mounted as the MongoDB PEM at ${PEM_PATH}, does not exist: the gateway pods will not start: they stay in ContainerCreating with FailedMount events.`,
        ]);
        expect(response.secrets).toEqual(
          kind === 'secret'
            ? [
                {
                  secretName: 'docdb-ca',
                  exists: false,
                  keys: ['document_db.pem'],
                  missingKeys: ['document_db.pem'],
                },
              ]
            : [],
        );
      },
    );

    it('says the PEM will be missing when the Secret lacks the subPath key, and never shows the PEM', async () => {
      const { namespace, read } = await readWithPem('settings-pem-nokey', {
        secret: { secretName: 'docdb-ca' },
      });
      await createObject(namespace, 'secret', 'docdb-ca', {
        'other.pem': FAKE_PEM,
      });
      const response = await read();
      expectNoSecretValue(response);
      expect(response.settings.logStore.pem).toEqual({
        source: 'secret',
        name: 'docdb-ca',
        key: 'document_db.pem',
      });
      expect(response.secrets).toEqual([
        {
          secretName: 'docdb-ca',
          exists: true,
          keys: ['document_db.pem'],
          missingKeys: ['document_db.pem'],
        },
      ]);
      expect(response.problems).toEqual([
        `Secret docdb-ca, mounted as the MongoDB PEM at ${PEM_PATH}, has no key document_db.pem: the gateway pods start without the PEM (Kubernetes leaves an empty directory or nothing at ${PEM_PATH}), so connecting to MongoDB/DocumentDB with TLS fails.`,
      ]);
    });

    it('follows volume items from key to file name, and says a listed key that is missing stops the pods', async () => {
      const items = [{ key: 'global-bundle.pem', path: 'document_db.pem' }];
      const found = await readWithPem('settings-pem-items', {
        secret: { secretName: 'docdb-ca', items },
      });
      await createObject(found.namespace, 'secret', 'docdb-ca', {
        'global-bundle.pem': FAKE_PEM,
      });
      const response = await found.read();
      expectNoSecretValue(response);
      expect(response.problems).toEqual([]);
      expect(response.settings.logStore.pem).toEqual({
        source: 'secret',
        name: 'docdb-ca',
        key: 'global-bundle.pem',
      });
      expect(response.secrets).toEqual([
        {
          secretName: 'docdb-ca',
          exists: true,
          keys: ['global-bundle.pem'],
          missingKeys: [],
        },
      ]);

      const missing = await readWithPem('settings-pem-items-missing', {
        configMap: { name: 'docdb-ca', items },
      });
      await createObject(missing.namespace, 'configMap', 'docdb-ca', {
        'ca.pem': FAKE_PEM,
      });
      expect((await missing.read()).problems).toEqual([
        `ConfigMap docdb-ca has no key global-bundle.pem, which volume mongo-pem (the MongoDB PEM at ${PEM_PATH}) lists in its items: the gateway pods will not start: they stay in ContainerCreating with FailedMount events.`,
      ]);
    });

    it('finds the PEM of a volume mounted at /etc/shared, and an optional missing Secret only loses the PEM', async () => {
      const { namespace, read } = await readWithPem(
        'settings-pem-dir',
        { secret: { secretName: 'docdb-ca', optional: true } },
        { mountPath: '/etc/shared' },
      );
      expect((await read()).problems).toEqual([
        `Secret docdb-ca, mounted as the MongoDB PEM at ${PEM_PATH}, does not exist: the gateway pods start without the PEM (Kubernetes leaves an empty directory or nothing at ${PEM_PATH}), so connecting to MongoDB/DocumentDB with TLS fails.`,
      ]);
      await createObject(namespace, 'secret', 'docdb-ca', {
        'document_db.pem': FAKE_PEM,
      });
      const response = await read();
      expectNoSecretValue(response);
      expect(response.problems).toEqual([]);
    });
  });

  it('reads over kept-alive connections: a second read opens no new connection', async () => {
    const namespace = await namespaceFor('settings-keepalive');
    const release = 'kept';
    await admin.core.createNamespacedSecret({
      namespace,
      body: { metadata: { name: 'kept-secrets' }, stringData: { A: 'x' } },
    });
    await admin.core.createNamespacedConfigMap({
      namespace,
      body: { metadata: { name: 'kept-config' }, data: { LOG_STORE: 's3' } },
    });
    await admin.apps.createNamespacedDeployment({
      namespace,
      body: gatewayDeployment({
        release,
        serviceAccountName: 'default',
        env: [
          {
            name: 'PORTKEY_CLIENT_AUTH',
            valueFrom: { secretKeyRef: { name: 'kept-secrets', key: 'A' } },
          },
          {
            name: 'LOG_STORE',
            valueFrom: {
              configMapKeyRef: { name: 'kept-config', key: 'LOG_STORE' },
            },
          },
        ],
      }),
    });
    const first = await readAsAdmin(namespace, release);
    expect(first.settings.logStore.store).toBe('s3');
    const connect = jest.spyOn(tls, 'connect');
    try {
      // The Deployment list, then the Secret, ConfigMap and ServiceAccount in parallel.
      await readAsAdmin(namespace, release);
      expect(connect).not.toHaveBeenCalled();
    } finally {
      connect.mockRestore();
    }
  });

  it('says 404, naming the release, when the release has no gateway Deployment', async () => {
    const namespace = await namespaceFor('settings-none');
    // Only a data service Deployment: it is not the gateway.
    await admin.apps.createNamespacedDeployment({
      namespace,
      body: dataServiceDeployment('lonely'),
    });
    for (const release of ['lonely', 'unknown']) {
      await expect(readAsAdmin(namespace, release)).rejects.toMatchObject({
        name: 'NotFoundError',
        message: expect.stringContaining(`release "${release}"`),
      });
    }
  });

  it('finds a release installed with nameOverride once that name is configured', async () => {
    const namespace = await namespaceFor('settings-nameoverride');
    const release = 'acme';
    const deployment = gatewayDeployment({
      release,
      serviceAccountName: 'default',
      env: [{ name: 'LOG_STORE', value: 'wasabi' }],
    });
    // nameOverride "llm" replaces "gateway" in the name label and the fullname (acme-llm).
    for (const labels of [
      deployment.metadata!.labels!,
      deployment.spec!.selector.matchLabels!,
      deployment.spec!.template.metadata!.labels!,
    ]) {
      labels['app.kubernetes.io/name'] = 'llm';
    }
    deployment.metadata!.name = 'acme-llm';
    await admin.apps.createNamespacedDeployment({
      namespace,
      body: deployment,
    });
    const target = {
      cluster: 'local',
      namespace,
      release,
      clients: clientsFor(cluster.admin),
    };

    await expect(service.readSettings(target)).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining(
        'looked for app.kubernetes.io/name in (gateway),app.kubernetes.io/instance=acme',
      ),
    });
    const configured = new GatewaySettingsService({
      gatewayNameLabels: ['gateway', 'llm'],
    });
    const response = await configured.readSettings(target);
    expect(response.deployment).toBe('acme-llm');
    expect(response.settings.logStore.store).toBe('wasabi');
  });

  describe('with restricted Kubernetes credentials', () => {
    it('refuses the unprivileged user with a clear 403', async () => {
      const namespace = await namespaceFor('settings-denied');
      const unprivileged = await unprivilegedIdentity(namespace);
      await expect(
        service.readSettings({
          cluster: 'local',
          namespace,
          release: 'any',
          clients: clientsFor(unprivileged.kubeConfig),
        }),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: `The portal's Kubernetes credentials for cluster "local" may not list deployments in namespace ${namespace} (Kubernetes answered 403)`,
      });
    });

    it('says "could not check" when the portal may read Deployments but not Secrets', async () => {
      const namespace = await namespaceFor('settings-nosecrets');
      const release = 'portkey-ai';
      const fullname = gatewayFullname(release);
      await admin.core.createNamespacedSecret({
        namespace,
        body: {
          metadata: { name: fullname },
          stringData: {
            LOG_STORE: 's3',
            PORTKEY_CLIENT_AUTH: fakeSecretValue('x'),
          },
        },
      });
      await admin.core.createNamespacedServiceAccount({
        namespace,
        body: {
          metadata: {
            name: fullname,
            annotations: {
              'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/r',
            },
          },
        },
      });
      await admin.apps.createNamespacedDeployment({
        namespace,
        body: gatewayDeployment({
          release,
          serviceAccountName: fullname,
          env: ['LOG_STORE', 'PORTKEY_CLIENT_AUTH'].map(name => ({
            name,
            valueFrom: { secretKeyRef: { name: fullname, key: name } },
          })),
        }),
      });

      const reader = await readerWithoutSecrets(namespace);
      const response = await service.readSettings({
        cluster: 'local',
        namespace,
        release,
        clients: clientsFor(reader),
      });
      expectNoSecretValue(response);
      expect(response.settings.secretReferences).toEqual([
        {
          env: 'PORTKEY_CLIENT_AUTH',
          secretName: fullname,
          key: 'PORTKEY_CLIENT_AUTH',
        },
      ]);
      expect(response.settings.logStore).toEqual({});
      expect(response.settings.serviceAccount).toEqual({
        name: fullname,
        roleArn: 'arn:aws:iam::1:role/r',
      });
      expect(response.secrets).toEqual([
        {
          secretName: fullname,
          exists: null,
          keys: ['LOG_STORE', 'PORTKEY_CLIENT_AUTH'],
          missingKeys: [],
        },
      ]);
      expect(response.problems).toEqual([
        `The portal may not read Secret ${fullname}, so whether it exists and holds LOG_STORE, PORTKEY_CLIENT_AUTH could not be checked. Settings stored in it (LOG_STORE) are shown as unset.`,
      ]);
    });
  });

  it('turns an unreachable cluster into a 503', async () => {
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [
        { name: 'gone', server: 'https://127.0.0.1:1', skipTLSVerify: true },
      ],
      users: [{ name: 'gone', token: 'x' }],
      contexts: [{ name: 'gone', cluster: 'gone', user: 'gone' }],
      currentContext: 'gone',
    });
    await expect(
      service.readSettings({
        cluster: 'gone',
        namespace: 'ns',
        release: 'r',
        clients: clientsFor(kc),
      }),
    ).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
  });
});

/**
 * A service account token that may read Deployments, ServiceAccounts and ConfigMaps in the
 * namespace, but not Secrets.
 */
async function readerWithoutSecrets(namespace: string): Promise<KubeConfig> {
  const name = 'portal-reader';
  await admin.core.createNamespacedServiceAccount({
    namespace,
    body: { metadata: { name } },
  });
  await grantRole(
    namespace,
    name,
    [
      {
        apiGroups: ['apps'],
        resources: ['deployments'],
        verbs: ['get', 'list'],
      },
      {
        apiGroups: [''],
        resources: ['pods', 'serviceaccounts', 'configmaps'],
        verbs: ['get', 'list'],
      },
    ],
    { kind: 'ServiceAccount', name, namespace },
  );
  const token = await admin.core.createNamespacedServiceAccountToken({
    name,
    namespace,
    body: { spec: { audiences: [] as string[], expirationSeconds: 600 } },
  });
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: 'local',
        server: cluster.url,
        caData: cluster.caData,
        skipTLSVerify: cluster.skipTLSVerify,
      },
    ],
    users: [{ name, token: token.status!.token }],
    contexts: [{ name: 'local', cluster: 'local', user: name }],
    currentContext: 'local',
  });
  return kc;
}
