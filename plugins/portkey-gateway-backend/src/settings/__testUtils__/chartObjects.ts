import {
  V1Deployment,
  V1EnvVar,
  V1ServiceAccount,
} from '@kubernetes/client-node';
import {
  gatewayFullname,
  PORTKEY_CHART,
  RenderedGateway,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

export const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';
export const EXISTING_ACCOUNT_ROLE =
  'arn:aws:iam::123456789012:role/existing-account';

/** A fake credential value the response must never contain. */
export const fakeSecretValue = (key: string) => `super-secret-value-${key}`;

/**
 * A recognisable fake CA PEM: a Secret's PEM must appear nowhere in a settings answer, neither
 * as text nor base64.
 */
export const FAKE_PEM = `-----BEGIN CERTIFICATE-----\n${fakeSecretValue(
  'pem',
)}\n-----END CERTIFICATE-----\n`;

/** The chart's labels of a release's gateway objects and its selector (REFERENCE.md §4). */
export function chartLabels(release: string) {
  const selector = {
    'app.kubernetes.io/name': PORTKEY_CHART.name,
    'app.kubernetes.io/instance': release,
  };
  return {
    selector,
    labels: {
      ...selector,
      'helm.sh/chart': 'gateway-1.7.7',
      'app.kubernetes.io/version': PORTKEY_CHART.appVersion,
      'app.kubernetes.io/managed-by': 'Helm',
    },
  };
}

/** A gateway Deployment as the chart renders it, with the given container env. */
export function gatewayDeployment(options: {
  release: string;
  env: V1EnvVar[];
  serviceAccountName: string;
  volumes?: unknown[];
  volumeMounts?: unknown[];
  envFrom?: unknown[];
}): V1Deployment {
  const fullname = gatewayFullname(options.release);
  const { selector, labels } = chartLabels(options.release);
  return {
    metadata: { name: fullname, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: selector },
      template: {
        metadata: {
          labels: { ...labels, 'backstage.io/kubernetes-id': fullname },
        },
        spec: {
          serviceAccountName: options.serviceAccountName,
          containers: [
            {
              name: PORTKEY_CHART.gatewayContainer,
              image: `portkeyai/gateway_enterprise:${PORTKEY_CHART.appVersion}`,
              env: options.env,
              ...(options.envFrom ? { envFrom: options.envFrom as any } : {}),
              ...(options.volumeMounts
                ? { volumeMounts: options.volumeMounts as any }
                : {}),
            },
          ],
          ...(options.volumes ? { volumes: options.volumes as any } : {}),
        },
      },
    },
  };
}

/** The data service Deployment of a release: same name/instance labels, plus a component. */
export function dataServiceDeployment(release: string): V1Deployment {
  const fullname = gatewayFullname(release);
  const { selector, labels } = chartLabels(release);
  const component = {
    'app.kubernetes.io/component': `${fullname}-dataservice`,
  };
  return {
    metadata: { name: `${fullname}-dataservice`, labels },
    spec: {
      selector: { matchLabels: { ...selector, ...component } },
      template: {
        metadata: { labels: { ...labels, ...component } },
        spec: {
          containers: [
            {
              name: 'dataservice',
              image: 'portkeyai/data-service:1.0.0',
              env: [{ name: 'LOG_STORE', value: 'from-the-data-service' }],
            },
          ],
        },
      },
    },
  };
}

/**
 * What the chart creates for a rendered gateway in explicit existing-Secret mode
 * (REFERENCE.md §3): the gateway Deployment whose env is built from the plan (literal
 * `value`s, `secretKeyRef`s to the existing Secret, DATASERVICE_BASEPATH first when the data
 * service is on), its ServiceAccount, and the Mongo PEM volume when rendered.
 */
export function chartObjectsFor(rendered: RenderedGateway) {
  const { input, plan } = rendered;
  const values = rendered.values as any;
  const release = input.gateway.releaseName;
  const fullname = gatewayFullname(release);
  const env: V1EnvVar[] = [];
  if (input.dataService.enabled)
    env.push({
      name: 'DATASERVICE_BASEPATH',
      value: `http://${fullname}-dataservice:8081`,
    });
  for (const [name, source] of plan.env) {
    env.push(
      source.from === 'literal'
        ? { name, value: source.value }
        : {
            name,
            valueFrom: {
              secretKeyRef: { name: source.secretName, key: source.key },
            },
          },
    );
  }
  const serviceAccount: V1ServiceAccount = {
    metadata: {
      name: values.serviceAccount.name,
      // An existing account is the user's own: here one annotated for IRSA by the platform.
      annotations:
        input.serviceAccount.mode === 'existing'
          ? { [IRSA_ANNOTATION]: EXISTING_ACCOUNT_ROLE }
          : values.serviceAccount.annotations,
      ...(input.serviceAccount.mode === 'create'
        ? { labels: chartLabels(release).labels }
        : {}),
    },
  };
  return {
    deployment: gatewayDeployment({
      release,
      env,
      serviceAccountName: values.serviceAccount.name,
      volumes: values.volumes,
      volumeMounts: values.volumeMounts,
    }),
    serviceAccount,
    secretName: plan.secretName,
    /** The object the rendered PEM volume mounts, to be created holding FAKE_PEM. */
    mongoPem:
      input.logStore.store === 'mongo' && input.logStore.pem.source !== 'none'
        ? {
            kind: input.logStore.pem.source,
            name: input.logStore.pem.name!,
            key: input.logStore.pem.key,
          }
        : undefined,
    secretKeys: [...plan.env.values()].flatMap(s =>
      s.from === 'secret' ? [s.key as string] : [],
    ),
  };
}
