import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  GatewayEntityStatus,
  GatewayLogsQuery,
  GatewaySettingsResponse,
  GatewayStatusList,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { followLogEvents } from './followLogEvents';
import type {
  GatewayCluster,
  GatewayLogsSource,
  PortkeyGatewayApi,
} from './PortkeyGatewayApi';

const PLUGIN_ID = 'portkey-gateway';

/** `/entities/:namespace/:kind/:name`, each part encoded. */
function entityPath(entity: CompoundEntityRef): string {
  return [
    'entities',
    entity.namespace,
    entity.kind.toLocaleLowerCase('en-US'),
    entity.name,
  ]
    .map(encodeURIComponent)
    .join('/');
}

function namespacePath(cluster: string, namespace: string): string {
  return ['clusters', cluster, 'namespaces', namespace]
    .map(encodeURIComponent)
    .join('/');
}

/** The query string of a logs request; absent options are left out. */
function logsQueryString(query: GatewayLogsQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The Portkey gateway backend, called with the signed-in user's token (`fetchApi`).
 *
 * @public
 */
export class PortkeyGatewayClient implements PortkeyGatewayApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getClusters(): Promise<GatewayCluster[]> {
    const body = await this.getJson<{ items: GatewayCluster[] }>('clusters');
    return body.items;
  }

  getNamespaceGateways(
    cluster: string,
    namespace: string,
  ): Promise<GatewayStatusList> {
    return this.getJson(`${namespacePath(cluster, namespace)}/gateways`);
  }

  getEntityStatus(entity: CompoundEntityRef): Promise<GatewayEntityStatus> {
    return this.getJson(`${entityPath(entity)}/status`);
  }

  getEntitySettings(
    entity: CompoundEntityRef,
  ): Promise<GatewaySettingsResponse> {
    return this.getJson(`${entityPath(entity)}/settings`);
  }

  entityLogs(entity: CompoundEntityRef): GatewayLogsSource {
    return this.logsSource(entityPath(entity));
  }

  namespaceLogs(cluster: string, namespace: string): GatewayLogsSource {
    return this.logsSource(namespacePath(cluster, namespace));
  }

  private logsSource(basePath: string): GatewayLogsSource {
    const podLogsPath = (pod: string) =>
      `${basePath}/pods/${encodeURIComponent(pod)}/logs`;
    return {
      fetchLogs: async (pod, query, signal) => {
        const response = await this.request(
          `${podLogsPath(pod)}${logsQueryString(query)}`,
          signal,
        );
        return response.text();
      },
      followLogs: async (pod, query, handlers, signal) => {
        const url = await this.url(
          `${podLogsPath(pod)}${logsQueryString({ ...query, follow: true })}`,
        );
        await followLogEvents(this.fetchApi, url, handlers, signal);
      },
    };
  }

  private async url(path: string): Promise<string> {
    const baseUrl = await this.discoveryApi.getBaseUrl(PLUGIN_ID);
    return `${baseUrl}/${path}`;
  }

  private async request(path: string, signal?: AbortSignal) {
    const response = await this.fetchApi.fetch(await this.url(path), {
      signal,
    });
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response;
  }

  private async getJson<T>(path: string): Promise<T> {
    const response = await this.request(path);
    return (await response.json()) as T;
  }
}
