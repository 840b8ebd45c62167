import { PORTKEY_CHART } from '../chart/chartFacts';
import { GatewayInput } from '../model/gatewayInput';
import { organisationsToSyncEnv } from '../render/planGatewayEnv';
import { dropUndefined } from './dropUndefined';
import { GatewaySettings } from './readGatewaySettings';

/**
 * The settings a gateway rendered from this input runs with, as `readGatewaySettings` reports
 * them: the parts the input decides, in the same shape (compare with `toMatchObject` or field
 * by field). Where the running gateway says less than the form did, this says it the same way:
 * the Bedrock pod role and "no Bedrock" look alike in the env, and the Redis URL of the
 * in-cluster Redis is the chart's.
 *
 * The IAM role of an existing service account is not in the input; pass what its annotation
 * holds, if you know it.
 *
 * @public
 */
export function settingsFromInput(
  input: GatewayInput,
  known: { existingServiceAccountRoleArn?: string } = {},
): ExpectedGatewaySettings {
  const { pem, imdsV1, ...logStore } =
    input.logStore as GatewayInput['logStore'] & {
      pem?: GatewaySettings['logStore']['pem'] | { source: 'none' };
      imdsV1?: boolean;
    };
  const { url, ...cache } = input.cache as GatewayInput['cache'] & {
    url?: string;
  };
  const roleArn =
    input.serviceAccount.mode === 'existing'
      ? known.existingServiceAccountRoleArn
      : input.serviceAccount.roleArn;
  const cacheUrl =
    input.cache.store === 'redis' ? PORTKEY_CHART.inClusterRedisUrl : url;
  // Keys the running gateway would not have are left out, not set to undefined.
  return dropUndefined<ExpectedGatewaySettings>({
    core: {
      serviceName: input.core.serviceName,
      organisationsToSync: organisationsToSyncEnv(input),
    },
    server: { mode: input.server.mode },
    analytics: input.analytics as GatewaySettings['analytics'],
    otel: {
      enabled: input.otel.enabled,
      headersFromSecret: input.otel.enabled && input.otel.headersFromSecret,
    },
    logStore: {
      ...(logStore as GatewaySettings['logStore']),
      imdsV1:
        (logStore as { auth?: string }).auth === 'imds' ? imdsV1 : undefined,
      pem: pem?.source === 'none' ? undefined : pem,
    },
    cache: { ...(cache as GatewaySettings['cache']), url: cacheUrl },
    bedrock: {
      access:
        input.bedrock.access === 'access_keys'
          ? 'access_keys'
          : 'pod_role_or_none',
    },
    dataService: input.dataService.enabled
      ? {
          ...(input.dataService as GatewaySettings['dataService']),
          enabled: true,
        }
      : { enabled: false },
    serviceAccount: { roleArn },
  });
}

/**
 * The parts of GatewaySettings an input decides.
 *
 * @public
 */
export type ExpectedGatewaySettings = {
  core: Pick<GatewaySettings['core'], 'serviceName' | 'organisationsToSync'>;
  server: Pick<GatewaySettings['server'], 'mode'>;
  analytics: GatewaySettings['analytics'];
  otel: Pick<GatewaySettings['otel'], 'enabled' | 'headersFromSecret'>;
  logStore: GatewaySettings['logStore'];
  cache: GatewaySettings['cache'];
  bedrock: Pick<GatewaySettings['bedrock'], 'access'>;
  dataService: GatewaySettings['dataService'];
  serviceAccount: Pick<GatewaySettings['serviceAccount'], 'roleArn'>;
};
