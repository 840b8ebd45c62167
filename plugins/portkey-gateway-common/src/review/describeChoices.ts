import { gatewayFullname, PORTKEY_CHART } from '../chart/chartFacts';
import { ENV_KEY } from '../chart/envKeys';
import { SecretEnvKey } from '../chart/secretKeys';
import { GatewayInput } from '../model/gatewayInput';
import { gatewayServiceAccountName } from '../render/renderChartValues';
import { code } from './markdown';

// One plain-language line per choice, for the "What was chosen" table of the PR body.

const fromSecret = (secretName: string, keys: SecretEnvKey[]) =>
  `${keys.map(k => code(k)).join(' and ')} from Secret ${code(secretName)}`;

export function describeChoices(
  input: GatewayInput,
  secretName: string,
): Array<[string, string]> {
  const {
    gateway,
    analytics,
    otel,
    cache,
    bedrock,
    dataService,
    server,
    serviceAccount,
  } = input;
  const rows: Array<[string, string]> = [];
  rows.push([
    'Release / namespace',
    `${code(gateway.releaseName)} in ${code(gateway.namespace)}${
      gateway.cluster ? ` on cluster ${code(gateway.cluster)}` : ''
    }`,
  ]);
  rows.push(['Deployment', code(gatewayFullname(gateway.releaseName))]);
  rows.push([
    'Chart',
    `${code(`${PORTKEY_CHART.repositoryName}/${PORTKEY_CHART.name}`)} ${code(
      gateway.chartVersion,
    )}, gateway image ${code(gateway.imageTag ?? PORTKEY_CHART.appVersion)}`,
  ]);
  rows.push([
    'Replicas',
    gateway.autoscaling.enabled
      ? `autoscaling ${gateway.autoscaling.minReplicas}–${
          gateway.autoscaling.maxReplicas
        } at ${gateway.autoscaling.targetCPUUtilizationPercentage}% CPU${
          gateway.autoscaling.targetMemoryUtilizationPercentage
            ? ` / ${gateway.autoscaling.targetMemoryUtilizationPercentage}% memory`
            : ''
        }`
      : String(gateway.replicas),
  ]);
  rows.push([
    'Exposure',
    `Service ${code(gateway.serviceType)}${
      gateway.ingress.enabled
        ? `; ingress ${code(gateway.ingress.host!)} (class ${code(
            gateway.ingress.className,
          )}, ${
            gateway.ingress.tlsSecretName
              ? `TLS from Secret ${code(gateway.ingress.tlsSecretName)}`
              : 'no TLS'
          })`
        : '; no ingress'
    }`,
  ]);
  rows.push([
    'Server mode',
    {
      gateway: 'AI gateway only',
      all: `AI gateway and MCP server (MCP port ${server.mcpPort}${
        server.separateMcpService ? ', own Service' : ''
      })`,
      mcp: `MCP server only (port ${server.mcpPort}${
        server.separateMcpService ? ', own Service' : ''
      })`,
    }[server.mode],
  ]);
  rows.push([
    'Analytics store',
    analytics.store === 'control_plane'
      ? 'Portkey control plane'
      : `ClickHouse at ${code(analytics.endpoint)}, user ${code(
          analytics.user,
        )}, tables ${code(analytics.logTable)} / ${code(
          analytics.feedbackTable,
        )} / ${code(analytics.generationHooksTable)}; password ${fromSecret(
          secretName,
          [ENV_KEY.ANALYTICS_STORE_PASSWORD],
        )}`,
  ]);
  rows.push([
    'OTEL push',
    otel.enabled
      ? `to ${code(otel.endpoint!)} (${code(otel.protocol)})${
          otel.headersFromSecret
            ? `, headers ${fromSecret(secretName, [
                ENV_KEY.OTEL_EXPORTER_OTLP_HEADERS,
              ])}`
            : ''
        }`
      : 'off',
  ]);
  rows.push(['Log store', describeLogStore(input, secretName)]);
  rows.push([
    'Cache store',
    cache.store === 'redis'
      ? `in-cluster Redis (Deployment and Service ${code(
          PORTKEY_CHART.inClusterRedisName,
        )})`
      : `${cache.store === 'custom' ? 'your Redis' : 'AWS ElastiCache'} ${
          cache.urlSource === 'secret'
            ? `URL ${fromSecret(secretName, [ENV_KEY.REDIS_URL])}`
            : `at ${code(cache.url!)}`
        }, TLS ${cache.tls ? 'on' : 'off'}${
          cache.clusterMode ? ', cluster mode' : ''
        }`,
  ]);
  rows.push([
    'Bedrock',
    {
      none: 'not configured',
      access_keys: `assumed role with long-term keys ${fromSecret(secretName, [
        ENV_KEY.AWS_ASSUME_ROLE_ACCESS_KEY_ID,
        ENV_KEY.AWS_ASSUME_ROLE_SECRET_ACCESS_KEY,
      ])}, region ${code(bedrock.region ?? '')}`,
      pod_role:
        "assumed role with the pod's own role (IRSA or instance metadata)",
    }[bedrock.access] +
      (bedrock.roleArn ? `; Bedrock role ${code(bedrock.roleArn)}` : ''),
  ]);
  rows.push([
    'Data service',
    dataService.enabled
      ? `on: fine-tune bucket ${code(
          dataService.finetunesBucket!,
        )}, log exports bucket ${code(dataService.logExportsBucket!)}${
          dataService.finetunesRoleArn
            ? `, role ${code(dataService.finetunesRoleArn)}`
            : ''
        }`
      : 'off',
  ]);
  rows.push([
    'Service account',
    serviceAccount.mode === 'create'
      ? `created by the chart: ${code(gatewayServiceAccountName(input))}${
          serviceAccount.roleArn
            ? ` with IRSA role ${code(serviceAccount.roleArn)}`
            : ''
        }`
      : `existing: ${code(gatewayServiceAccountName(input))}`,
  ]);
  rows.push([
    'Registry access',
    `existing pull secret ${code(input.secrets.imagePullSecretName)}`,
  ]);
  return rows;
}

function describeLogStore(input: GatewayInput, secretName: string): string {
  const s = input.logStore;
  const keys = fromSecret(secretName, [
    ENV_KEY.LOG_STORE_ACCESS_KEY,
    ENV_KEY.LOG_STORE_SECRET_KEY,
  ]);
  switch (s.store) {
    case 's3':
      return `AWS S3 bucket ${code(s.bucket)} in ${code(
        s.region,
      )}, access keys ${keys}`;
    case 's3_assume':
      return `AWS S3 bucket ${code(s.bucket)} in ${code(
        s.region,
      )} through an assumed role: ${
        {
          access_keys: `role ${code(
            s.roleArn!,
          )} with external ID, Portkey-shared keys ${keys}`,
          irsa: 'EKS IRSA (the service account’s role)',
          imds: `EC2 instance metadata${s.imdsV1 ? ' (IMDSv1)' : ' (IMDSv2)'}`,
        }[s.auth]
      }`;
    case 'gcs':
      return `Google Cloud Storage bucket ${code(s.bucket)} in ${code(
        s.region,
      )} (S3-interoperable HMAC keys ${keys})`;
    case 'wasabi':
      return `Wasabi bucket ${code(s.bucket)} in ${code(
        s.region,
      )}, access keys ${keys}`;
    case 'netapp':
      return `NetApp at ${code(s.basePath)} (${code(
        s.region,
      )}), access keys ${keys}`;
    case 's3_custom':
      return `S3-compatible storage at ${code(s.basePath)} (${code(
        s.region,
      )}), access keys ${keys}`;
    case 'azure':
      return `Azure Blob Storage account ${code(
        s.storageAccount,
      )}, container ${code(s.container)}, ${
        {
          storage_key: `storage key ${fromSecret(secretName, [
            ENV_KEY.AZURE_STORAGE_KEY,
          ])}`,
          managed_identity: `managed identity${
            s.managedClientId ? ` ${code(s.managedClientId)}` : ''
          }`,
          entra: `Entra application ${code(s.entraClientId!)} in tenant ${code(
            s.entraTenantId!,
          )}, client secret ${fromSecret(secretName, [
            ENV_KEY.AZURE_ENTRA_CLIENT_SECRET,
          ])}`,
        }[s.auth]
      }`;
    case 'mongo':
      return `MongoDB database ${code(s.database)}, collections ${code(
        s.collection,
      )} and ${code(s.hooksCollection)}, connection URL ${fromSecret(
        secretName,
        [ENV_KEY.MONGO_DB_CONNECTION_URL],
      )}${
        s.pem.source !== 'none'
          ? `; PEM from ${
              s.pem.source === 'secret' ? 'Secret' : 'ConfigMap'
            } ${code(s.pem.name!)} key ${code(s.pem.key)}`
          : ''
      }`;
    default:
      return '';
  }
}
