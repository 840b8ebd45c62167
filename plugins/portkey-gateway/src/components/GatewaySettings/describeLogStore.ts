import type { GatewaySettings } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import {
  presentFields,
  SettingsDescription,
  storeName,
} from './settingsDescription';

type LogStore = GatewaySettings['logStore'];

/** The store names of LOG_STORE, in the words of Portkey's docs. */
const LOG_STORE_NAMES: Record<string, string> = {
  s3: 'Amazon S3',
  s3_assume: 'Amazon S3, assumed role',
  gcs: 'Google Cloud Storage (S3-interoperable HMAC keys)',
  wasabi: 'Wasabi',
  netapp: 'NetApp (S3-compatible)',
  s3_custom: 'S3-compatible store (custom endpoint)',
  azure: 'Azure Blob Storage',
  mongo: 'MongoDB / Amazon DocumentDB',
};

/** How the gateway authenticates to the log store, for the summary line. */
function describeAuth(
  logStore: LogStore,
  serviceAccount: GatewaySettings['serviceAccount'],
): string | undefined {
  switch (logStore.auth) {
    case 'access_keys':
      return 'with access keys';
    case 'irsa':
      return serviceAccount.name
        ? `IRSA via service account ${serviceAccount.name}`
        : 'IRSA';
    case 'imds':
      return logStore.imdsV1
        ? 'EC2 instance role, IMDSv1'
        : 'EC2 instance role, IMDSv2';
    case 'storage_key':
      return 'storage account key';
    case 'managed_identity':
      return 'managed identity';
    case 'entra':
      return 'Entra application (client secret)';
    default:
      // s3, gcs, wasabi, netapp and s3_custom always take an access key and secret.
      return ['s3', 'gcs', 'wasabi', 'netapp', 's3_custom'].includes(
        logStore.store ?? '',
      )
        ? 'access keys'
        : undefined;
  }
}

function summaryOf(
  logStore: LogStore,
  serviceAccount: GatewaySettings['serviceAccount'],
): string {
  const name = storeName(
    logStore.store,
    LOG_STORE_NAMES,
    'log store',
    'LOG_STORE',
  );
  if (!logStore.store) return `${name}: request logs are not stored`;
  const auth = describeAuth(logStore, serviceAccount);
  if (!auth) return name;
  // "Amazon S3, assumed role (IRSA via ...)" reads better than a second comma.
  return logStore.store === 's3_assume'
    ? `${name} (${auth})`
    : `${name}, ${auth}`;
}

function pemField(pem: LogStore['pem']): string | undefined {
  if (!pem) return undefined;
  const source = pem.source === 'secret' ? 'Secret' : 'ConfigMap';
  return `${source} ${pem.name}, key ${pem.key || '(whole volume)'}`;
}

function warningOf(logStore: LogStore): string | undefined {
  if (logStore.store && !LOG_STORE_NAMES[logStore.store])
    return `The gateway does not know LOG_STORE "${logStore.store}": request logs will not be stored.`;
  if (logStore.store === 'mongo')
    return 'Portkey has put the MongoDB log store in maintenance mode: prefer an object store.';
  return undefined;
}

/**
 * The log store a gateway writes request logs to (LOG_STORE), e.g. "Amazon S3, assumed role
 * (IRSA via service account portkey-gw)", with its bucket, region and identity settings.
 */
export function describeLogStore(
  settings: GatewaySettings,
): SettingsDescription {
  const { logStore, serviceAccount } = settings;
  const irsaRole =
    logStore.auth === 'irsa' ? serviceAccount.roleArn : undefined;
  return {
    summary: summaryOf(logStore, serviceAccount),
    fields: presentFields([
      ['Bucket', logStore.bucket],
      ['Base path (including the bucket)', logStore.basePath],
      ['Region', logStore.region],
      ['Role ARN to assume', logStore.roleArn],
      ['External ID', logStore.externalId],
      ['IAM role of the service account (IRSA)', irsaRole],
      ['Storage account', logStore.storageAccount],
      ['Container', logStore.container],
      ['Managed identity client ID', logStore.managedClientId],
      ['Entra client ID', logStore.entraClientId],
      ['Entra tenant ID', logStore.entraTenantId],
      ['Database', logStore.database],
      ['Collection', logStore.collection],
      ['Generation hooks collection', logStore.hooksCollection],
      ['TLS certificate (PEM)', pemField(logStore.pem)],
    ]),
    warning: warningOf(logStore),
  };
}
