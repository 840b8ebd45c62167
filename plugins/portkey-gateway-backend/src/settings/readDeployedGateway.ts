import { V1Container, V1Deployment, V1EnvVar } from '@kubernetes/client-node';
import {
  DeployedEnvVar,
  DeployedGateway,
  findCredential,
  GatewayEnvFromSource,
  GatewaySecretCheck,
  isSecretEnvKey,
  PORTKEY_CHART,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { NamespaceTarget } from '../status/GatewayStatusService';
import { readOptional } from './kubernetesCalls';

/** What the gateway container's Deployment says, resolved against its Secrets and ConfigMaps. */
export type DeployedGatewayReading = {
  deployed: DeployedGateway;
  secrets: GatewaySecretCheck[];
  envFrom: GatewayEnvFromSource[];
  problems: string[];
};

const FAILS =
  'the gateway pods will fail to start with CreateContainerConfigError';

/** Keys of a Secret or ConfigMap the env reads, and whether each reference is optional. */
type Refs = Map<string, { optional: boolean }>;

/**
 * Reads the gateway container of a Deployment into a DeployedGateway: literals as they are,
 * Secret references with whether the key exists (one GET per Secret) and, only for keys that
 * are not credentials, the decoded value; ConfigMap references with their value; the service
 * account with its annotations; volumes and mounts. A credential's value is never decoded or
 * kept.
 */
export async function readDeployedGateway(
  target: NamespaceTarget,
  deployment: V1Deployment,
): Promise<DeployedGatewayReading> {
  const { cluster, namespace, clients } = target;
  const problems: string[] = [];
  const podSpec = deployment.spec?.template?.spec;
  const containers = podSpec?.containers ?? [];
  const container: V1Container | undefined =
    containers.find(c => c.name === PORTKEY_CHART.name) ?? containers[0];
  if (container && container.name !== PORTKEY_CHART.name) {
    problems.push(
      `The Deployment has no container named "${PORTKEY_CHART.name}"; settings were read from container "${container.name}".`,
    );
  }
  const envVars: V1EnvVar[] = container?.env ?? [];

  const secretRefs = new Map<string, Refs>();
  const configMapRefs = new Map<string, Refs>();
  const addRef = (
    map: Map<string, Refs>,
    name: string,
    key: string,
    optional?: boolean,
  ) => {
    const refs = map.get(name) ?? new Map();
    const earlier = refs.get(key);
    refs.set(key, { optional: (earlier?.optional ?? true) && !!optional });
    map.set(name, refs);
  };
  for (const v of envVars) {
    const s = v.valueFrom?.secretKeyRef;
    if (s?.name) addRef(secretRefs, s.name, s.key, s.optional);
    const c = v.valueFrom?.configMapKeyRef;
    if (c?.name) addRef(configMapRefs, c.name, c.key, c.optional);
  }

  const readSecrets = [...secretRefs].map(async ([secretName, refs]) => {
    const result = await readOptional(
      () => clients.core.readNamespacedSecret({ name: secretName, namespace }),
      {
        cluster,
        action: `read Secret ${secretName} in namespace ${namespace}`,
      },
    );
    if (result.outcome !== 'found') return { secretName, refs, result };
    // Only key names, and the values of keys that are not credentials, leave this function.
    const data = result.value.data ?? {};
    const present = new Set(Object.keys(data));
    const plainValues = new Map<string, string>();
    for (const key of refs.keys()) {
      if (!isSecretEnvKey(key) && key in data) {
        plainValues.set(key, Buffer.from(data[key], 'base64').toString('utf8'));
      }
    }
    return {
      secretName,
      refs,
      result: { outcome: 'found' as const, present, plainValues },
    };
  });
  const readConfigMaps = [...configMapRefs].map(async ([name, refs]) => ({
    name,
    refs,
    result: await readOptional(
      () => clients.core.readNamespacedConfigMap({ name, namespace }),
      { cluster, action: `read ConfigMap ${name} in namespace ${namespace}` },
    ),
  }));
  const serviceAccountName = podSpec?.serviceAccountName;
  const readServiceAccount = serviceAccountName
    ? readOptional(
        () =>
          clients.core.readNamespacedServiceAccount({
            name: serviceAccountName,
            namespace,
          }),
        {
          cluster,
          action: `read ServiceAccount ${serviceAccountName} in namespace ${namespace}`,
        },
      )
    : undefined;

  const secretResults = new Map(
    (await Promise.all(readSecrets)).map(r => [r.secretName, r]),
  );
  const configMapResults = new Map(
    (await Promise.all(readConfigMaps)).map(r => [r.name, r]),
  );

  // Secrets: which exist and which referenced keys are missing.
  const secrets: GatewaySecretCheck[] = [];
  for (const { secretName, refs, result } of secretResults.values()) {
    const keys = [...refs.keys()];
    if (result.outcome === 'forbidden') {
      secrets.push({ secretName, exists: null, keys, missingKeys: [] });
      const settingsInIt = keys.filter(k => !isSecretEnvKey(k));
      problems.push(
        `The portal may not read Secret ${secretName}, so whether it exists and holds ${keys.join(
          ', ',
        )} could not be checked.${
          settingsInIt.length
            ? ` Settings stored in it (${settingsInIt.join(
                ', ',
              )}) are shown as unset.`
            : ''
        }`,
      );
      continue;
    }
    if (result.outcome === 'missing') {
      secrets.push({ secretName, exists: false, keys, missingKeys: keys });
      const required = keys.filter(k => !refs.get(k)!.optional);
      if (required.length) {
        problems.push(
          `Secret ${secretName} does not exist: ${FAILS} (it must hold ${required.join(
            ', ',
          )}).`,
        );
      }
      continue;
    }
    const missingKeys = keys.filter(k => !result.present.has(k));
    secrets.push({ secretName, exists: true, keys, missingKeys });
    const required = missingKeys.filter(k => !refs.get(k)!.optional);
    if (required.length) {
      problems.push(
        `Secret ${secretName} has no key ${required.join(', ')}: ${FAILS}.`,
      );
    }
  }

  for (const { name, refs, result } of configMapResults.values()) {
    const keys = [...refs.keys()];
    if (result.outcome === 'forbidden') {
      problems.push(
        `The portal may not read ConfigMap ${name}; settings stored in it (${keys.join(
          ', ',
        )}) are shown as unset.`,
      );
    } else if (result.outcome === 'missing') {
      const required = keys.filter(k => !refs.get(k)!.optional);
      if (required.length)
        problems.push(`ConfigMap ${name} does not exist: ${FAILS}.`);
    } else {
      const data = result.value.data ?? {};
      const required = keys.filter(k => !(k in data) && !refs.get(k)!.optional);
      if (required.length)
        problems.push(
          `ConfigMap ${name} has no key ${required.join(', ')}: ${FAILS}.`,
        );
      const credentials = keys.filter(k => isSecretEnvKey(k) && k in data);
      if (credentials.length)
        problems.push(
          `Credentials ${credentials.join(
            ', ',
          )} are stored in ConfigMap ${name}, which anyone who may read ConfigMaps can see; move them to a Secret.`,
        );
    }
  }

  // The env, in the container's order.
  const env: Record<string, DeployedEnvVar> = {};
  const credentialLiterals: string[] = [];
  for (const v of envVars) {
    const secretRef = v.valueFrom?.secretKeyRef;
    const configMapRef = v.valueFrom?.configMapKeyRef;
    if (secretRef?.name) {
      const read = secretResults.get(secretRef.name)?.result;
      const found = read?.outcome === 'found' ? read : undefined;
      let keyPresent: boolean | undefined;
      if (read?.outcome === 'missing') keyPresent = false;
      if (found) keyPresent = found.present.has(secretRef.key);
      env[v.name] = {
        from: 'secret',
        secretName: secretRef.name,
        key: secretRef.key,
        ...(keyPresent !== undefined ? { keyPresent } : {}),
        ...(found?.plainValues.has(secretRef.key) && !isSecretEnvKey(v.name)
          ? { value: found.plainValues.get(secretRef.key) }
          : {}),
      };
    } else if (configMapRef?.name) {
      const read = configMapResults.get(configMapRef.name)?.result;
      const raw =
        read?.outcome === 'found'
          ? read.value.data?.[configMapRef.key]
          : undefined;
      env[v.name] = { from: 'literal', value: keepable(v.name, raw) ?? '' };
    } else if (v.valueFrom) {
      // fieldRef / resourceFieldRef: facts of the pod, not gateway settings.
      continue;
    } else {
      const value = keepable(v.name, v.value);
      if (v.value && value === undefined) credentialLiterals.push(v.name);
      env[v.name] = { from: 'literal', value: value ?? '' };
    }
  }
  if (credentialLiterals.length) {
    problems.push(
      `${credentialLiterals.join(', ')} ${
        credentialLiterals.length === 1 ? 'is' : 'are'
      } set as plain ${
        credentialLiterals.length === 1 ? 'value' : 'values'
      } in the Deployment instead of Secret references; anyone who may read Deployments can see ${
        credentialLiterals.length === 1 ? 'it' : 'them'
      }. The ${
        credentialLiterals.length === 1 ? 'value is' : 'values are'
      } withheld here.`,
    );
  }

  const envFrom: GatewayEnvFromSource[] = [];
  for (const source of container?.envFrom ?? []) {
    const ref = source.secretRef ?? source.configMapRef;
    if (!ref?.name) continue;
    envFrom.push({
      kind: source.secretRef ? 'secret' : 'configMap',
      name: ref.name,
      ...(source.prefix ? { prefix: source.prefix } : {}),
      ...(ref.optional !== undefined ? { optional: ref.optional } : {}),
    });
  }
  if (envFrom.length) {
    problems.push(
      `The gateway also takes env from ${envFrom
        .map(s => `${s.kind === 'secret' ? 'Secret' : 'ConfigMap'} ${s.name}`)
        .join(
          ', ',
        )} (envFrom); those keys cannot be itemised here, so settings they set are not shown (an env entry wins over envFrom for the same name).`,
    );
  }

  let serviceAccount: DeployedGateway['serviceAccount'];
  if (serviceAccountName && readServiceAccount) {
    const read = await readServiceAccount;
    serviceAccount = { name: serviceAccountName };
    if (read.outcome === 'found') {
      const annotations = read.value.metadata?.annotations;
      if (annotations) serviceAccount.annotations = annotations;
    } else if (read.outcome === 'missing') {
      problems.push(
        `Service account ${serviceAccountName} does not exist: Kubernetes will not create the gateway pods until it does.`,
      );
    } else {
      problems.push(
        `The portal may not read service account ${serviceAccountName}, so its annotations (such as an IRSA role) could not be checked.`,
      );
    }
  }

  const deployed: DeployedGateway = {
    env,
    ...(serviceAccount ? { serviceAccount } : {}),
    volumes: (podSpec?.volumes ?? []).map(v => ({
      name: v.name,
      ...(v.configMap ? { configMap: { name: v.configMap.name } } : {}),
      ...(v.secret ? { secret: { secretName: v.secret.secretName } } : {}),
    })),
    volumeMounts: (container?.volumeMounts ?? []).map(m => ({
      name: m.name,
      mountPath: m.mountPath,
      ...(m.subPath ? { subPath: m.subPath } : {}),
    })),
  };
  return { deployed, secrets, envFrom, problems };
}

/**
 * A plain value the settings may keep: any value of a key that is not a credential, and
 * REDIS_URL when it is an endpoint without a password. Other credential values are dropped.
 */
function keepable(name: string, value: string | undefined) {
  if (value === undefined || !isSecretEnvKey(name)) return value;
  if (name === 'REDIS_URL' && !findCredential(value)) return value;
  return undefined;
}
