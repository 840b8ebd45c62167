import {
  V1Container,
  V1Deployment,
  V1EnvFromSource,
  V1EnvVar,
} from '@kubernetes/client-node';
import {
  DeployedEnvVar,
  DeployedGateway,
  GatewayEnvFromSource,
  GatewaySecretCheck,
  isCredentialValue,
  isSecretEnvKey,
  PORTKEY_CHART,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { NamespaceTarget } from '../kubernetes/target';
import { checkConfigMaps } from './checkConfigMaps';
import { checkMongoPem } from './checkMongoPem';
import { checkSecrets, SecretLookup } from './checkSecrets';
import { collectEnvReferences } from './envReferences';
import { findMongoPemSource, MongoPemSource } from './mongoPemMount';
import { objectReader } from './readOptional';
import { readServiceAccount } from './readServiceAccount';

/** What the gateway container's Deployment says, resolved against its Secrets and ConfigMaps. */
export type DeployedGatewayReading = {
  deployed: DeployedGateway;
  secrets: GatewaySecretCheck[];
  envFrom: GatewayEnvFromSource[];
  problems: string[];
  /** The Secret or ConfigMap key mounted as the MongoDB PEM, if one is. */
  mongoPem?: MongoPemSource;
};

/**
 * Reads the gateway container of a Deployment into a DeployedGateway: literals as they are,
 * Secret references with whether the key exists (one GET per Secret) and, only for keys that
 * are not credentials, the decoded value; ConfigMap references with their value; the service
 * account with its annotations; volumes and mounts, and whether the MongoDB PEM they mount
 * exists. A credential's value is never decoded or kept.
 */
export async function readDeployedGateway(
  target: NamespaceTarget,
  deployment: V1Deployment,
): Promise<DeployedGatewayReading> {
  const problems: string[] = [];
  const podSpec = deployment.spec?.template?.spec;
  const containers = podSpec?.containers ?? [];
  const container: V1Container | undefined =
    containers.find(c => c.name === PORTKEY_CHART.gatewayContainer) ??
    containers[0];
  if (container && container.name !== PORTKEY_CHART.gatewayContainer) {
    problems.push(
      `The Deployment has no container named "${PORTKEY_CHART.gatewayContainer}"; settings were read from container "${container.name}".`,
    );
  }
  const envVars: V1EnvVar[] = container?.env ?? [];

  const references = collectEnvReferences(envVars);
  const mongoPem = findMongoPemSource(podSpec, container);
  const readObject = objectReader(target);
  const [secrets, configMaps, pem, account] = await Promise.all([
    checkSecrets(readObject, references.secrets),
    checkConfigMaps(readObject, references.configMaps),
    checkMongoPem(readObject, mongoPem),
    readServiceAccount(readObject, podSpec?.serviceAccountName),
  ]);
  problems.push(...secrets.problems, ...configMaps.problems, ...pem.problems);

  const { env, credentialLiterals } = readEnv(
    envVars,
    secrets.lookups,
    configMaps.data,
  );
  if (credentialLiterals.length) {
    const one = credentialLiterals.length === 1;
    problems.push(
      `${credentialLiterals.join(', ')} ${one ? 'is' : 'are'} set as plain ${
        one ? 'value' : 'values'
      } in the Deployment instead of Secret references, so anyone who may read Deployments can see ${
        one ? 'it' : 'them'
      }; the ${
        one ? 'value is' : 'values are'
      } withheld here. (With environment.existingSecret and no secretKeys, the chart looks the Secret up, which finds nothing under helm template or Argo CD, so every key becomes a plain value.)`,
    );
  }

  const envFrom = readEnvFrom(container?.envFrom ?? []);
  if (envFrom.length) {
    problems.push(
      `The gateway also takes env from ${envFrom
        .map(s => `${s.kind === 'secret' ? 'Secret' : 'ConfigMap'} ${s.name}`)
        .join(
          ', ',
        )} (envFrom); those keys cannot be itemised here, so settings they set are not shown (an env entry wins over envFrom for the same name).`,
    );
  }
  problems.push(...account.problems);

  const deployed: DeployedGateway = {
    env,
    ...(account.serviceAccount
      ? { serviceAccount: account.serviceAccount }
      : {}),
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
  return {
    deployed,
    secrets: withSecretCheck(secrets.secrets, pem.secret),
    envFrom,
    problems,
    ...(mongoPem ? { mongoPem } : {}),
  };
}

/** One entry per Secret: the PEM's keys join the env's entry when both use the same Secret. */
function withSecretCheck(
  secrets: GatewaySecretCheck[],
  check: GatewaySecretCheck | undefined,
): GatewaySecretCheck[] {
  if (!check) return secrets;
  const same = secrets.find(s => s.secretName === check.secretName);
  if (!same) return [...secrets, check];
  const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  return secrets.map(s =>
    s === same
      ? {
          ...s,
          keys: union(s.keys, check.keys),
          missingKeys: union(s.missingKeys, check.missingKeys),
        }
      : s,
  );
}

/** The env in the container's order (a later entry of the same name wins, as in Kubernetes). */
function readEnv(
  envVars: V1EnvVar[],
  secrets: Map<string, SecretLookup>,
  configMaps: Map<string, Record<string, string>>,
) {
  const env: Record<string, DeployedEnvVar> = {};
  const credentialLiterals: string[] = [];
  for (const v of envVars) {
    const secretRef = v.valueFrom?.secretKeyRef;
    const configMapRef = v.valueFrom?.configMapKeyRef;
    if (secretRef?.name) {
      const lookup = secrets.get(secretRef.name);
      let keyPresent: boolean | undefined;
      let value: string | undefined;
      if (lookup?.outcome === 'missing') keyPresent = false;
      if (lookup?.outcome === 'found') {
        keyPresent = lookup.present.has(secretRef.key);
        // The env name decides too: a credential env var is never given a value.
        if (!isSecretEnvKey(v.name))
          value = lookup.plainValues.get(secretRef.key);
      }
      env[v.name] = {
        from: 'secret',
        secretName: secretRef.name,
        key: secretRef.key,
        ...(keyPresent !== undefined ? { keyPresent } : {}),
        ...(value !== undefined ? { value } : {}),
      };
    } else if (configMapRef?.name) {
      const raw = configMaps.get(configMapRef.name)?.[configMapRef.key];
      env[v.name] = { from: 'literal', value: keepable(v.name, raw) ?? '' };
    } else if (!v.valueFrom) {
      const value = keepable(v.name, v.value);
      if (v.value && value === undefined) credentialLiterals.push(v.name);
      env[v.name] = { from: 'literal', value: value ?? '' };
    }
    // fieldRef / resourceFieldRef are facts of the pod, not gateway settings.
  }
  return { env, credentialLiterals };
}

function readEnvFrom(sources: V1EnvFromSource[]): GatewayEnvFromSource[] {
  return sources.flatMap(source => {
    const ref = source.secretRef ?? source.configMapRef;
    if (!ref?.name) return [];
    return [
      {
        kind: source.secretRef ? ('secret' as const) : ('configMap' as const),
        name: ref.name,
        ...(source.prefix ? { prefix: source.prefix } : {}),
        ...(ref.optional !== undefined ? { optional: ref.optional } : {}),
      },
    ];
  });
}

/**
 * A plain value the settings may keep: any value of a key that is not a credential, and
 * REDIS_URL when it is an endpoint without a password. Other credential values are dropped.
 */
function keepable(name: string, value: string | undefined) {
  return value === undefined || !isCredentialValue(name, value)
    ? value
    : undefined;
}
