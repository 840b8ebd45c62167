import { IRSA_ROLE_ANNOTATION, PORTKEY_CHART } from '../chart/chartFacts';
import { GatewayInput } from '../model/gatewayInput';

/** Choices the model allows but a reviewer should weigh. */
export function gatewayWarnings(input: GatewayInput): string[] {
  const warnings: string[] = [];
  const { gateway, logStore, cache, dataService, serviceAccount } = input;
  if (cache.store === 'redis') {
    warnings.push(
      `The in-cluster Redis is always named "${PORTKEY_CHART.inClusterRedisName}": only one gateway per namespace can use it, and it has no persistence or password. Prefer ElastiCache or your own Redis in production.`,
    );
  }
  if (logStore.store === 'mongo') {
    warnings.push(
      'The MongoDB log store is in maintenance mode upstream; prefer an object store for new gateways.',
    );
  }
  if (dataService.enabled && !['s3', 's3_assume'].includes(logStore.store)) {
    warnings.push(
      'The data service supports only S3 for fine-tuning data; the fine-tune and export buckets must be S3 buckets.',
    );
  }
  if (gateway.serviceType !== 'ClusterIP') {
    warnings.push(
      `Service type ${gateway.serviceType} exposes the gateway outside the cluster; make sure that is intended.`,
    );
  }
  const usesPodRole =
    (logStore.store === 's3_assume' && logStore.auth !== 'access_keys') ||
    input.bedrock.access === 'pod_role';
  // Bedrock with the pod's own role (REFERENCE.md 2.5, 6): the principal is the role the pod
  // runs with. A created service account without an IRSA role leaves only the node's role
  // (instance metadata), which may be right, but is rarely meant unless the log store uses it.
  const logStoreUsesNodeRole =
    logStore.store === 's3_assume' && logStore.auth === 'imds';
  if (
    input.bedrock.access === 'pod_role' &&
    serviceAccount.mode === 'create' &&
    !serviceAccount.roleArn &&
    !logStoreUsesNodeRole
  ) {
    warnings.push(
      "Bedrock uses the pod's own AWS role, but the service account the chart creates has no IAM role for IRSA: the pods get only the node's role (EC2 instance metadata). Give the service account an IAM role for IRSA, or make sure the node role may call Bedrock (bedrock:InvokeModel, bedrock:InvokeModelWithResponseStream).",
    );
  }
  if (usesPodRole && serviceAccount.mode === 'existing') {
    warnings.push(
      `The gateway runs as the existing service account "${serviceAccount.name}": check that it carries the ${IRSA_ROLE_ANNOTATION} annotation (IRSA) or that the node role has the needed access (IMDS).`,
    );
  }
  return warnings;
}
