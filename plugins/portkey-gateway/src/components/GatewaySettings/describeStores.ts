import type { GatewaySettings } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import {
  presentFields,
  SettingsDescription,
  storeName,
  yesNo,
} from './settingsDescription';

const ANALYTICS_STORE_NAMES: Record<string, string> = {
  control_plane: 'Portkey control plane',
  clickhouse: 'ClickHouse (your own)',
};

/** Where the gateway sends analytics (ANALYTICS_STORE). */
export function describeAnalyticsStore(
  settings: GatewaySettings,
): SettingsDescription {
  const { analytics } = settings;
  return {
    summary: storeName(
      analytics.store,
      ANALYTICS_STORE_NAMES,
      'analytics store',
      'ANALYTICS_STORE',
    ),
    fields: presentFields([
      ['Endpoint', analytics.endpoint],
      ['User', analytics.user],
      ['Log table', analytics.logTable],
      ['Feedback table', analytics.feedbackTable],
      ['Generation hooks table', analytics.generationHooksTable],
    ]),
  };
}

/** Whether the gateway also pushes traces and metrics over OTLP (OTEL_PUSH_ENABLED). */
export function describeOtel(settings: GatewaySettings): SettingsDescription {
  const { otel } = settings;
  if (!otel.enabled) return { summary: 'off', fields: [] };
  return {
    summary: `on, to ${otel.endpoint ?? 'the default endpoint'}`,
    fields: presentFields([
      ['Protocol', otel.protocol ?? 'http/json (default)'],
      ['Resource attributes', otel.resourceAttributes],
      [
        'Exporter headers',
        otel.headersFromSecret ? 'from a Secret (below)' : undefined,
      ],
    ]),
  };
}

const CACHE_STORE_NAMES: Record<string, string> = {
  redis: 'Redis in the cluster (the chart runs a Deployment named redis)',
  'aws-elastic-cache': 'Amazon ElastiCache',
  custom: 'Your own Redis',
};

/** The cache store (CACHE_STORE) and how the gateway reaches it. */
export function describeCacheStore(
  settings: GatewaySettings,
): SettingsDescription {
  const { cache } = settings;
  const url =
    cache.urlSource === 'secret' ? 'from a Secret (below)' : cache.url;
  return {
    summary: storeName(
      cache.store,
      CACHE_STORE_NAMES,
      'cache store',
      'CACHE_STORE',
    ),
    fields: presentFields([
      ['Redis URL', url],
      ['TLS', yesNo(cache.tls)],
      ['Cluster mode', yesNo(cache.clusterMode)],
    ]),
  };
}
