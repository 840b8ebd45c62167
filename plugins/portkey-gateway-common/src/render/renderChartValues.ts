import YAML from 'yaml';
import {
  CHART_DEFAULT_ENV_KEYS,
  gatewayFullname,
  IRSA_ROLE_ANNOTATION,
  PORTKEY_CHART,
} from '../chart/chartFacts';
import { GatewayInput } from '../model/gatewayInput';
import { GatewayEnvPlan, planGatewayEnv } from './planGatewayEnv';
import { KUBERNETES_ID_LABEL } from '../catalog/annotations';

/** A plain JSON-like tree of chart values. @public */
export type ChartValues = { [key: string]: unknown };

/** The service account the gateway (and data service) pods run as. */
export function gatewayServiceAccountName(input: GatewayInput): string {
  return (
    input.serviceAccount.name ?? gatewayFullname(input.gateway.releaseName)
  );
}

/**
 * Renders chart values for the Portkey gateway chart from a validated input. Pure: the same
 * input always gives the same values. Avoids the chart's traps (see REFERENCE.md):
 * - a service account is always set (1.7.7 fails to render without one);
 * - every env value is a string, so numbers never turn into `1e+06`;
 * - default env keys the chosen options do not use are set to null, which removes them;
 * - credentials only come from an existing Secret (`environment.create: false` with explicit
 *   `secretKeys`), and registry access only from an existing pull secret.
 *
 * @public
 */
export function renderChartValues(
  input: GatewayInput,
  plan: GatewayEnvPlan = planGatewayEnv(input),
): ChartValues {
  const { gateway } = input;
  const fullname = gatewayFullname(gateway.releaseName);
  const serviceAccountName = gatewayServiceAccountName(input);
  const values: ChartValues = {};

  if (!gateway.autoscaling.enabled) values.replicaCount = gateway.replicas;
  if (gateway.imageTag)
    values.images = { gatewayImage: { tag: gateway.imageTag } };

  values.imagePullSecrets = [{ name: input.secrets.imagePullSecretName }];
  // The chart's default entry would create a registry Secret from a username and password.
  values.imageCredentials = [];

  values.serviceAccount =
    input.serviceAccount.mode === 'create'
      ? {
          create: true,
          name: serviceAccountName,
          ...(input.serviceAccount.roleArn
            ? {
                annotations: {
                  [IRSA_ROLE_ANNOTATION]: input.serviceAccount.roleArn,
                },
              }
            : {}),
        }
      : { create: false, name: serviceAccountName };

  // Lets Backstage's own Kubernetes plugin find the pods (backstage.io/kubernetes-id).
  values.podLabels = { [KUBERNETES_ID_LABEL]: fullname };

  values.service = { type: gateway.serviceType };
  if (input.server.separateMcpService) values.mcpService = { enabled: true };

  if (gateway.ingress.enabled) {
    values.ingress = {
      enabled: true,
      hostname: gateway.ingress.host,
      ingressClassName: gateway.ingress.className,
      ...(gateway.ingress.tlsSecretName
        ? {
            tls: [
              {
                hosts: [gateway.ingress.host],
                secretName: gateway.ingress.tlsSecretName,
              },
            ],
          }
        : {}),
    };
  }

  if (gateway.autoscaling.enabled) {
    const a = gateway.autoscaling;
    values.autoscaling = {
      enabled: true,
      minReplicas: a.minReplicas,
      maxReplicas: a.maxReplicas,
      targetCPUUtilizationPercentage: a.targetCPUUtilizationPercentage,
      // null removes the chart's default memory metric when none was asked for.
      targetMemoryUtilizationPercentage:
        a.targetMemoryUtilizationPercentage ?? null,
    };
  }

  values.environment = renderEnvironment(plan);

  const logStore = input.logStore;
  if (logStore.store === 'mongo' && logStore.pem.source !== 'none') {
    // The chart's own resource-config ConfigMap only holds a placeholder and cannot be filled
    // through values, so mount the PEM from the user's ConfigMap or Secret instead.
    const volume =
      logStore.pem.source === 'configMap'
        ? { name: 'mongo-pem', configMap: { name: logStore.pem.name } }
        : { name: 'mongo-pem', secret: { secretName: logStore.pem.name } };
    values.volumes = [volume];
    values.volumeMounts = [
      {
        name: 'mongo-pem',
        mountPath: PORTKEY_CHART.mongoPemPath,
        subPath: logStore.pem.key,
        readOnly: true,
      },
    ];
  }

  if (input.dataService.enabled) {
    values.dataservice = {
      enabled: true,
      // Same rule as the gateway: 1.7.7 needs a name; the data service shares the gateway's account.
      serviceAccount: { create: false, name: serviceAccountName },
    };
  }

  return values;
}

function renderEnvironment(plan: GatewayEnvPlan): ChartValues {
  const data: Record<string, string | null> = {};
  // Every default key the plan does not use is set to null: Helm then drops it, so a store's
  // leftover defaults (ANALYTICS_STORE: clickhouse, CACHE_STORE: redis...) never reach the pod.
  for (const key of CHART_DEFAULT_ENV_KEYS) data[key] = null;
  const secretKeys: string[] = [];
  for (const [key, source] of plan.env) {
    if (source.from === 'literal') {
      data[key] = source.value;
    } else {
      // The chart reads secret keys from secretKeys (as secretKeyRefs) and skips them in data;
      // the "" entry keeps every key the gateway gets visible in one list for a reader.
      data[key] = '';
      secretKeys.push(key);
    }
  }
  return {
    create: false,
    existingSecret: plan.secretName,
    secretKeys,
    data,
  };
}

const header = (input: GatewayInput) =>
  [
    `Portkey AI gateway "${input.gateway.releaseName}" in namespace "${input.gateway.namespace}"`,
    `Values for chart ${PORTKEY_CHART.repositoryName}/${PORTKEY_CHART.name} ${input.gateway.chartVersion}, generated by the portkey:gateway:render action.`,
    'Credentials are not in this file: they are read from the Kubernetes Secret named in environment.existingSecret.',
  ]
    .map(line => `# ${line}`)
    .join('\n');

/**
 * Serialises values as YAML with every string value double-quoted, so `"1000000"` stays a
 * string and `"true"` stays text. Quoting only where YAML 1.2 would read another type is not
 * enough: Helm reads values.yaml as YAML 1.1 (go-yaml v2), where plain `on`, `yes`, `n`,
 * `1_000`, `0b11`, `1:20` or `2001-12-14` are booleans, numbers or timestamps.
 *
 * @public
 */
export function chartValuesToYaml(
  values: ChartValues,
  input?: GatewayInput,
): string {
  const body = YAML.stringify(values, {
    lineWidth: 0,
    nullStr: 'null',
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
  });
  return input ? `${header(input)}\n${body}` : body;
}
