import type { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  GatewayEntityStatus,
  GatewayLogsQuery,
  GatewayLogsStreamEnd,
  GatewaySettingsResponse,
  GatewayStatusList,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

/** A cluster the backend reads gateways from, and its namespace allow-list (null: all). */
export type GatewayCluster = { name: string; namespaces: string[] | null };

/** How a followed log stream ended, as the backend said (its `limit`/`error`/`end` event). */
export type GatewayLogsEnd = { kind: GatewayLogsStreamEnd; message: string };

/** What a followed log stream delivers. */
export type GatewayLogsHandlers = {
  /** New redacted lines, in order; called once per batch the backend sent together. */
  onLines: (lines: string[]) => void;
  /** The backend closed the stream, saying why. */
  onEnd: (end: GatewayLogsEnd) => void;
};

/**
 * The logs of one gateway's pods: what the logs view reads and follows. Entity pages get one
 * bound to the entity (the backend's entity routes, decided per entity by the permission
 * policy); the namespace page one bound to a cluster and namespace.
 */
export interface GatewayLogsSource {
  /** The log once (text with one line per log line). */
  fetchLogs(
    pod: string,
    query: Omit<GatewayLogsQuery, 'follow'>,
    signal?: AbortSignal,
  ): Promise<string>;
  /**
   * Follows the log until `signal` aborts or the backend ends the stream (`onEnd`). Resolves
   * when the stream is over; rejects with a ResponseError (its `statusCode` and the backend's
   * message) when it could not start, or with the network error when it broke.
   */
  followLogs(
    pod: string,
    query: Omit<GatewayLogsQuery, 'follow' | 'previous'>,
    handlers: GatewayLogsHandlers,
    signal: AbortSignal,
  ): Promise<void>;
}

/**
 * The Portkey gateway backend (`/api/portkey-gateway`), with the signed-in user's
 * credentials. Every failure is a ResponseError from `@backstage/errors` carrying the
 * backend's status code and message (403: a missing permission, 404: not found or not
 * visible, 503: the cluster or its API server).
 *
 * @public
 */
export interface PortkeyGatewayApi {
  getClusters(): Promise<GatewayCluster[]>;
  /** Every gateway of a namespace (needs the status permission for every gateway). */
  getNamespaceGateways(
    cluster: string,
    namespace: string,
  ): Promise<GatewayStatusList>;
  /** The gateway a catalog entity describes. */
  getEntityStatus(entity: CompoundEntityRef): Promise<GatewayEntityStatus>;
  getEntitySettings(
    entity: CompoundEntityRef,
  ): Promise<GatewaySettingsResponse>;
  /** The logs of the entity's gateway pods. */
  entityLogs(entity: CompoundEntityRef): GatewayLogsSource;
  /** The logs of any gateway pod of a namespace (needs the logs permission for every gateway). */
  namespaceLogs(cluster: string, namespace: string): GatewayLogsSource;
}

/** @public */
export const portkeyGatewayApiRef = createApiRef<PortkeyGatewayApi>().with({
  id: 'plugin.portkey-gateway.api',
});
