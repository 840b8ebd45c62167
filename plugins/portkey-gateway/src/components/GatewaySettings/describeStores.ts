import type { GatewaySettings } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import {
  presentFields,
  SettingsDescription,
  unknownStore,
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
    summary: analytics.store
      ? ANALYTICS_STORE_NAMES[analytics.store] ??
        unknownStore(analytics.store, 'analytics store')
      : 'not set (ANALYTICS_STORE is empty)',
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
    summary: cache.store
      ? CACHE_STORE_NAMES[cache.store] ??
        unknownStore(cache.store, 'cache store')
      : 'not set (CACHE_STORE is empty)',
    fields: presentFields([
      ['Redis URL', url],
      ['TLS', yesNo(cache.tls)],
      ['Cluster mode', yesNo(cache.clusterMode)],
    ]),
  };
}
