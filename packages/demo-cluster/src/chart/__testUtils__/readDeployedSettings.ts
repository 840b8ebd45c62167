import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  V1Deployment,
} from '@kubernetes/client-node';
import {
  CHART_LABELS,
  DeployedGateway,
  gatewayLabelSelector,
  GatewaySettings,
  PORTKEY_CHART,
  readGatewaySettings,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

// Reads a release's settings back from the API server the way the backend does: the gateway
// Deployment by the shared label selector (no component label), its `gateway` container's
// env, its service account, then common's readGatewaySettings. The backend's own
// readDeployedGateway is not exported, and this node-library may not import a backend
// plugin, so the few lines that turn env entries into DeployedGateway are here.

export type ReadBack = {
  deployment: V1Deployment;
  settings: GatewaySettings;
};

export async function readDeployedSettings(
  kubeConfig: KubeConfig,
  namespace: string,
  release: string,
): Promise<ReadBack> {
  const apps = kubeConfig.makeApiClient(AppsV1Api);
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const list = await apps.listNamespacedDeployment({
    namespace,
    labelSelector: gatewayLabelSelector({ release, withInClusterRedis: false }),
  });
  const gateways = list.items.filter(
    d => !d.metadata?.labels?.[CHART_LABELS.component],
  );
  if (gateways.length !== 1)
    throw new Error(
      `expected one gateway Deployment of ${release}, found ${gateways
        .map(d => d.metadata?.name)
        .join(', ')}`,
    );
  const deployment = gateways[0];
  const podSpec = deployment.spec!.template.spec!;
  const container = podSpec.containers.find(
    c => c.name === PORTKEY_CHART.gatewayContainer,
  )!;
  const secretKeys = new Map<string, Set<string>>();
  const keysOf = async (name: string) => {
    if (!secretKeys.has(name)) {
      const secret = await core
        .readNamespacedSecret({ name, namespace })
        .catch(() => undefined);
      secretKeys.set(name, new Set(Object.keys(secret?.data ?? {})));
    }
    return secretKeys.get(name)!;
  };
  const env: DeployedGateway['env'] = {};
  for (const entry of container.env ?? []) {
    const ref = entry.valueFrom?.secretKeyRef;
    if (ref?.name)
      env[entry.name] = {
        from: 'secret',
        secretName: ref.name,
        key: ref.key,
        keyPresent: (await keysOf(ref.name)).has(ref.key),
      };
    else if (!entry.valueFrom)
      env[entry.name] = { from: 'literal', value: entry.value ?? '' };
  }
  const accountName = podSpec.serviceAccountName;
  const account = accountName
    ? await core
        .readNamespacedServiceAccount({ name: accountName, namespace })
        .catch(() => undefined)
    : undefined;
  const deployed: DeployedGateway = {
    env,
    ...(accountName
      ? {
          serviceAccount: {
            name: accountName,
            ...(account?.metadata?.annotations
              ? { annotations: account.metadata.annotations }
              : {}),
          },
        }
      : {}),
    volumes: (podSpec.volumes ?? []).map(v => ({
      name: v.name,
      ...(v.configMap ? { configMap: { name: v.configMap.name } } : {}),
      ...(v.secret ? { secret: { secretName: v.secret.secretName } } : {}),
    })),
    volumeMounts: (container.volumeMounts ?? []).map(m => ({
      name: m.name,
      mountPath: m.mountPath,
      ...(m.subPath ? { subPath: m.subPath } : {}),
    })),
  };
  return { deployment, settings: readGatewaySettings(deployed) };
}
