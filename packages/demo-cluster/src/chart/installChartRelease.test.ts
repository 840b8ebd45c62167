import {
  ApisApi,
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  V1Pod,
} from '@kubernetes/client-node';
import {
  CHART_LABELS,
  gatewayFullname,
  gatewayLabelSelector,
  settingsFromInput,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GatewayCluster, startGatewayCluster } from '../gatewayCluster';
import { installChartRelease } from './installChartRelease';
import { renderChartObjects } from './renderChartObjects';
import { readDeployedSettings } from './__testUtils__/readDeployedSettings';
import { exampleFiles, renderExample } from './__testUtils__/templateExamples';

// Every template example, rendered by our renderer, then by the chart stand-in, installed
// into a real kube-apiserver (pods on the stub kubelet), and read back the way the backend
// reads a gateway: the settings must be the example's choices.
jest.setTimeout(180_000);

const EXISTING_ACCOUNT_ROLE = 'arn:aws:iam::123456789012:role/existing-account';
const fakeSecretValue = (key: string) => `fake-chart-test-value-${key}`;

let stateDir: string;
let cluster: GatewayCluster;
let admin: KubeConfig;

beforeAll(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chart-stand-in-'));
  cluster = await startGatewayCluster(stateDir);
  admin = new KubeConfig();
  admin.loadFromOptions({
    clusters: [{ name: 'local', server: cluster.url, caData: cluster.caData }],
    users: [{ name: 'admin', token: cluster.token }],
    contexts: [{ name: 'local', cluster: 'local', user: 'admin' }],
    currentContext: 'local',
  });
});

afterAll(async () => {
  await cluster?.stop();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

const podsOf = async (namespace: string, labelSelector: string) =>
  (
    await admin
      .makeApiClient(CoreV1Api)
      .listNamespacedPod({ namespace, labelSelector })
  ).items;
const readiness = (pods: V1Pod[]) =>
  Object.fromEntries(
    pods.map(p => [p.metadata!.name, p.status?.containerStatuses?.[0]?.ready]),
  );

describe('installChartRelease of the stand-in', () => {
  it.each(exampleFiles().map((file, index) => [file, index] as const))(
    '%s: installs, runs its pods and reads back as the example chose',
    async (file, index) => {
      const rendered = renderExample(file);
      const { input, plan } = rendered;
      const release = input.gateway.releaseName;
      const namespace = `chart-example-${index}`;
      const fullname = gatewayFullname(release);
      const core = admin.makeApiClient(CoreV1Api);
      await core.createNamespace({ body: { metadata: { name: namespace } } });
      // What the user creates before merging: the Secret (fake values) and, if named, the
      // existing service account (annotated for IRSA by the platform).
      await core.createNamespacedSecret({
        namespace,
        body: {
          metadata: { name: plan.secretName },
          stringData: Object.fromEntries(
            rendered.secretKeys.map(k => [k.key, fakeSecretValue(k.key)]),
          ),
        },
      });
      const values = rendered.values as { serviceAccount: { name: string } };
      if (input.serviceAccount.mode === 'existing')
        await core.createNamespacedServiceAccount({
          namespace,
          body: {
            metadata: {
              name: values.serviceAccount.name,
              annotations: {
                'eks.amazonaws.com/role-arn': EXISTING_ACCOUNT_ROLE,
              },
            },
          },
        });

      const objects = renderChartObjects({
        values: rendered.files['values.yaml'],
        release,
        namespace,
      });
      const installed = await installChartRelease(admin, {
        namespace,
        release,
        objects,
        node: cluster.node,
        pods: { [fullname]: ['ready', { crashLoop: {} }] },
      });

      // The settings the backend would show are the example's choices.
      const { deployment, settings } = await readDeployedSettings(
        admin,
        namespace,
        release,
      );
      expect(deployment.metadata!.name).toBe(fullname);
      const expected = settingsFromInput(input, {
        existingServiceAccountRoleArn: EXISTING_ACCOUNT_ROLE,
      });
      expect(settings).toMatchObject(expected);
      expect(settings.analytics).toEqual(expected.analytics);
      expect(settings.logStore).toEqual(expected.logStore);
      // The input leaves the Bedrock region out of what it decides; the env may carry it.
      expect(settings.bedrock).toMatchObject(expected.bedrock);
      expect(settings.dataService).toEqual(expected.dataService);
      expect(settings.cache.url).toBe(expected.cache.url);
      expect(settings.serviceAccount).toEqual({
        name: values.serviceAccount.name,
        ...(expected.serviceAccount.roleArn
          ? { roleArn: expected.serviceAccount.roleArn }
          : {}),
      });
      expect(settings.secretReferences).toEqual(
        [...plan.env]
          .filter(([, source]) => source.from === 'secret')
          .map(([env]) => ({
            env,
            secretName: plan.secretName,
            key: env,
            keyPresent: true,
          })),
      );
      expect(settings.withheld).toEqual([]);
      const text = JSON.stringify({ settings, objects });
      for (const key of rendered.secretKeys)
        expect(text).not.toContain(fakeSecretValue(key.key));

      // Pods: the gateway's by the backend's selector (no component label), one ready and
      // one crash-looping, named and owned as the deployment controller would.
      const gatewayPods = await podsOf(
        namespace,
        `${gatewayLabelSelector({
          release,
          withInClusterRedis: false,
        })},!${CHART_LABELS.component}`,
      );
      const [ready, crashing] = installed.pods.filter(
        p => p.deployment === fullname,
      );
      expect(readiness(gatewayPods)).toEqual({
        [ready.name]: true,
        [crashing.name]: false,
      });
      expect(ready.name).toMatch(
        new RegExp(`^${ready.replicaSet}-[bcdfghjklmnpqrstvwxz2456789]{5}$`),
      );
      for (const pod of gatewayPods) {
        expect(pod.spec!.nodeName).toBe(cluster.node);
        expect(pod.metadata!.ownerReferences).toEqual([
          expect.objectContaining({
            kind: 'ReplicaSet',
            name: ready.replicaSet,
          }),
        ]);
        expect(
          `${fullname}-${pod.metadata!.labels!['pod-template-hash']}`,
        ).toBe(ready.replicaSet);
      }
      const waiting = gatewayPods.find(p => p.metadata!.name === crashing.name)!
        .status!.containerStatuses![0];
      expect(waiting.state?.waiting?.reason).toBe('CrashLoopBackOff');
      expect(waiting.restartCount).toBe(5);

      const apps = admin.makeApiClient(AppsV1Api);
      const status = (
        await apps.readNamespacedDeploymentStatus({
          name: fullname,
          namespace,
        })
      ).status!;
      expect([status.replicas, status.readyReplicas]).toEqual([2, 1]);

      // The data service's pods by its component label; the in-cluster Redis only for redis.
      const dataServicePods = await podsOf(
        namespace,
        `${CHART_LABELS.component}=${fullname}-dataservice`,
      );
      expect(dataServicePods.length).toBe(input.dataService.enabled ? 1 : 0);
      const redisPods = await podsOf(namespace, 'app.kubernetes.io/name=redis');
      expect(redisPods.length).toBe(input.cache.store === 'redis' ? 1 : 0);

      // An HPA is left out only where the API server lacks autoscaling/v2 (1.20).
      expect(installed.skipped.map(s => `${s.kind}/${s.name}`)).toEqual(
        input.gateway.autoscaling.enabled && !(await servesAutoscalingV2(admin))
          ? [`HorizontalPodAutoscaler/${fullname}`]
          : [],
      );

      // The crash-looping pod's log goes through the apiserver to the stub kubelet.
      const logFile = cluster.logFile(crashing.name, 'gateway', namespace);
      fs.mkdirSync(path.dirname(logFile), { recursive: true });
      fs.writeFileSync(
        logFile,
        `${new Date().toISOString()} Error: cannot start ${file}\n`,
      );
      const log = await core.readNamespacedPodLog({
        name: crashing.name,
        namespace,
        container: 'gateway',
      });
      expect(log).toContain(`cannot start ${file}`);
    },
  );

  it('replaces what an earlier install left: new template, new ReplicaSet, old pods gone', async () => {
    const namespace = 'chart-reinstall';
    const release = 'portkey-ai';
    const values = (replicas: number, region: string) => `
serviceAccount: {create: true}
replicaCount: ${replicas}
environment:
  create: false
  existingSecret: portkey-secrets
  secretKeys: [PORTKEY_CLIENT_AUTH]
  data: {SERVER_MODE: "", LOG_STORE: s3, LOG_STORE_REGION: ${region}, CACHE_STORE: custom}
`;
    const install = (replicas: number, region: string) =>
      installChartRelease(admin, {
        namespace,
        release,
        node: cluster.node,
        objects: renderChartObjects({
          values: values(replicas, region),
          release,
          namespace,
        }),
      });
    const first = await install(2, 'eu-west-1');
    const second = await install(1, 'us-east-1');
    expect(second.pods[0].replicaSet).not.toBe(first.pods[0].replicaSet);
    const pods = await podsOf(
      namespace,
      'app.kubernetes.io/instance=portkey-ai',
    );
    expect(pods.map(p => p.metadata!.name)).toEqual(
      second.pods.map(p => p.name),
    );
    const { settings } = await readDeployedSettings(admin, namespace, release);
    expect(settings.logStore).toEqual({ store: 's3', region: 'us-east-1' });
    // The same values again: the same names, nothing recreated.
    const third = await install(1, 'us-east-1');
    expect(third.pods.map(p => p.name)).toEqual(second.pods.map(p => p.name));
  });

  it('is refused by the API server where the chart renders a Service without ports (SERVER_MODE left nil in explicit mode)', async () => {
    const values = `
serviceAccount: {name: sa}
environment:
  create: false
  existingSecret: portkey-secrets
  secretKeys: [PORTKEY_CLIENT_AUTH]
`;
    const objects = renderChartObjects({
      values,
      release: 'nil-mode',
      namespace: 'chart-nil-mode',
    });
    await expect(
      installChartRelease(admin, {
        namespace: 'chart-nil-mode',
        release: 'nil-mode',
        node: cluster.node,
        objects,
      }),
    ).rejects.toThrow(/spec.ports: Required value/);
  });
});

/** Whether the API server serves autoscaling/v2 (1.23+; the local 1.20 does not). */
async function servesAutoscalingV2(kubeConfig: KubeConfig) {
  const apis = await kubeConfig.makeApiClient(ApisApi).getAPIVersions();
  return apis.groups.some(
    g =>
      g.name === 'autoscaling' &&
      g.versions.some(v => v.groupVersion === 'autoscaling/v2'),
  );
}
