import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
  setHeaderOptions,
  V1Deployment,
  V1ReplicaSet,
  V1Service,
} from '@kubernetes/client-node';
import { podNameSuffix, podTemplateHash } from './podTemplateHash';
import { deploymentStatus, podStatus, PodRun } from './workloadStatus';

export type InstallChartReleaseOptions = {
  namespace: string;
  release: string;
  /** What renderChartObjects rendered (objects without a namespace). */
  objects: KubernetesObject[];
  /** The node the pods are bound to: the stub kubelet's, which serves their logs. */
  node: string;
  /**
   * How each Deployment's pods run, by Deployment name, one entry per pod. Default: as many
   * ready pods as its `replicas` (1 when it has none, as under an HPA).
   */
  pods?: Record<string, PodRun[]>;
};

export type InstalledPod = {
  name: string;
  deployment: string;
  replicaSet: string;
  containers: string[];
  run: PodRun;
};

export type InstalledRelease = {
  pods: InstalledPod[];
  /** Objects of an API this server does not serve (autoscaling/v2 on 1.20), left out. */
  skipped: Array<{ kind: string; name: string; apiVersion: string }>;
};

const status = (error: unknown) => (error as { code?: number })?.code;

/** KubernetesObjectApi that can say whether the server serves an object's kind. */
class ServedObjectApi extends KubernetesObjectApi {
  async serves(object: KubernetesObject): Promise<boolean> {
    try {
      return (
        (await this.resource(object.apiVersion!, object.kind!)) !== undefined
      );
    } catch (error) {
      if (/HTTP-Code: 404/.test(String((error as Error).message))) return false;
      throw error;
    }
  }
}

/**
 * A stand-in for `helm install` plus the controllers and kubelet that a bare kube-apiserver
 * lacks: creates the namespace if missing, applies the objects (create, or replace when
 * present) with Helm's release annotations, then for each Deployment creates its ReplicaSet
 * `<deployment>-<pod-template-hash>` and pods `<replicaSet>-<5 chars>` bound to `node`, owned
 * as the controllers would own them, and writes the statuses of pods, ReplicaSets and
 * Deployments. Pods of an earlier install whose template changed are deleted.
 */
export async function installChartRelease(
  kubeConfig: KubeConfig,
  options: InstallChartReleaseOptions,
): Promise<InstalledRelease> {
  const { namespace, release } = options;
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const apps = kubeConfig.makeApiClient(AppsV1Api);
  const objectsApi = kubeConfig.makeApiClient(ServedObjectApi);
  await core
    .createNamespace({ body: { metadata: { name: namespace } } })
    .catch(error => {
      if (status(error) !== 409) throw error;
    });
  const skipped: InstalledRelease['skipped'] = [];
  for (const object of options.objects) {
    const body = asReleaseObject(object, namespace, release);
    if (!(await objectsApi.serves(body))) {
      skipped.push({
        kind: body.kind!,
        name: body.metadata!.name!,
        apiVersion: body.apiVersion!,
      });
      continue;
    }
    await apply(objectsApi, body);
  }
  const pods: InstalledPod[] = [];
  for (const object of options.objects.filter(o => o.kind === 'Deployment')) {
    const name = object.metadata!.name!;
    const deployment = await apps.readNamespacedDeployment({ name, namespace });
    pods.push(...(await runDeployment(core, apps, deployment, options)));
  }
  return { pods, skipped };
}

/** Namespaced, with the release annotations `helm install` adds. */
function asReleaseObject(
  object: KubernetesObject,
  namespace: string,
  release: string,
): KubernetesObject {
  const copy: KubernetesObject = JSON.parse(JSON.stringify(object));
  copy.metadata = {
    ...copy.metadata,
    namespace,
    annotations: {
      ...copy.metadata?.annotations,
      'meta.helm.sh/release-name': release,
      'meta.helm.sh/release-namespace': namespace,
    },
  };
  return copy;
}

/** Create, or replace what is there (keeping a Service's allocated IP and node ports). */
async function apply(api: KubernetesObjectApi, body: KubernetesObject) {
  try {
    await api.create(body);
    return;
  } catch (error) {
    if (status(error) !== 409) throw error;
  }
  const current = await api.read({
    apiVersion: body.apiVersion!,
    kind: body.kind!,
    metadata: {
      name: body.metadata!.name!,
      namespace: body.metadata!.namespace,
    },
  });
  const replacement: KubernetesObject & { spec?: unknown } = {
    ...body,
    metadata: {
      ...body.metadata,
      resourceVersion: current.metadata?.resourceVersion,
    },
  };
  if (body.kind === 'Service')
    keepAllocations(replacement as V1Service, current as V1Service);
  await api.replace(replacement);
}

function keepAllocations(next: V1Service, current: V1Service) {
  if (!next.spec) return;
  next.spec.clusterIP = current.spec?.clusterIP;
  for (const port of next.spec.ports ?? []) {
    const before = current.spec?.ports?.find(p => p.name === port.name);
    if (before?.nodePort && next.spec.type !== 'ClusterIP')
      port.nodePort = before.nodePort;
  }
}

const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

/**
 * What the deployment controller and the kubelet would do for one Deployment: its
 * ReplicaSet, its pods on the node, their statuses, and the Deployment's.
 */
async function runDeployment(
  core: CoreV1Api,
  apps: AppsV1Api,
  deployment: V1Deployment,
  options: InstallChartReleaseOptions,
): Promise<InstalledPod[]> {
  const { namespace, node } = options;
  const name = deployment.metadata!.name!;
  const template = deployment.spec!.template;
  const hash = podTemplateHash(template);
  const replicaSetName = `${name}-${hash}`;
  const runs =
    options.pods?.[name] ??
    Array.from(
      { length: deployment.spec!.replicas ?? 1 },
      () => 'ready' as const,
    );
  const labels = { ...template.metadata?.labels, 'pod-template-hash': hash };

  await removeEarlierReplicaSets(core, apps, deployment, replicaSetName);
  const replicaSet: V1ReplicaSet = {
    metadata: {
      name: replicaSetName,
      namespace,
      labels,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(runs.length),
        'deployment.kubernetes.io/max-replicas': String(runs.length),
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name,
          uid: deployment.metadata!.uid!,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas: runs.length,
      selector: {
        matchLabels: {
          ...deployment.spec!.selector.matchLabels,
          'pod-template-hash': hash,
        },
      },
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
  };
  const rs = await apps
    .createNamespacedReplicaSet({ namespace, body: replicaSet })
    .catch(async error => {
      if (status(error) !== 409) throw error;
      return apps.readNamespacedReplicaSet({ name: replicaSetName, namespace });
    });

  const containers = (template.spec?.containers ?? []).map(c => ({
    name: c.name,
    image: c.image,
  }));
  const installed: InstalledPod[] = [];
  for (const [index, run] of runs.entries()) {
    const podName = `${replicaSetName}-${podNameSuffix(replicaSetName, index)}`;
    await core
      .createNamespacedPod({
        namespace,
        body: {
          metadata: {
            name: podName,
            labels,
            annotations: template.metadata?.annotations,
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: 'ReplicaSet',
                name: replicaSetName,
                uid: rs.metadata!.uid!,
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          },
          spec: { ...template.spec!, nodeName: node },
        },
      })
      .catch(error => {
        if (status(error) !== 409) throw error;
      });
    await core.patchNamespacedPodStatus(
      {
        name: podName,
        namespace,
        body: { status: podStatus(containers, run) },
      },
      mergePatch,
    );
    installed.push({
      name: podName,
      deployment: name,
      replicaSet: replicaSetName,
      containers: containers.map(c => c.name),
      run,
    });
  }
  const ready = runs.filter(r => r === 'ready').length;
  await apps.patchNamespacedReplicaSetStatus(
    {
      name: replicaSetName,
      namespace,
      body: {
        status: {
          replicas: runs.length,
          fullyLabeledReplicas: runs.length,
          readyReplicas: ready,
          availableReplicas: ready,
          observedGeneration: 1,
        },
      },
    },
    mergePatch,
  );
  await apps.patchNamespacedDeploymentStatus(
    {
      name,
      namespace,
      body: {
        status: deploymentStatus({
          replicaSet: replicaSetName,
          replicas: runs.length,
          ready,
        }),
      },
    },
    mergePatch,
  );
  return installed;
}

/** ReplicaSets of an earlier template of this Deployment, and their pods, go. */
async function removeEarlierReplicaSets(
  core: CoreV1Api,
  apps: AppsV1Api,
  deployment: V1Deployment,
  keep: string,
) {
  const namespace = deployment.metadata!.namespace!;
  const owned = (
    o: { metadata?: { ownerReferences?: Array<{ uid: string }> } },
    uid: string,
  ) => o.metadata?.ownerReferences?.some(r => r.uid === uid);
  const replicaSets = await apps.listNamespacedReplicaSet({ namespace });
  for (const rs of replicaSets.items) {
    if (!owned(rs, deployment.metadata!.uid!) || rs.metadata!.name === keep)
      continue;
    const pods = await core.listNamespacedPod({ namespace });
    for (const pod of pods.items.filter(p => owned(p, rs.metadata!.uid!)))
      await core.deleteNamespacedPod({
        name: pod.metadata!.name!,
        namespace,
        gracePeriodSeconds: 0,
      });
    await apps.deleteNamespacedReplicaSet({
      name: rs.metadata!.name!,
      namespace,
    });
  }
}
