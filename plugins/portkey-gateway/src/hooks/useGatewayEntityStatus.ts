import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import type { GatewayEntityStatus } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { portkeyGatewayApiRef } from '../api/PortkeyGatewayApi';
import { isStandingRefusal } from '../components/RequestFailure';
import { usePageVisible } from './usePageVisible';

/** How often the status is read again while the page is visible. */
export const GATEWAY_STATUS_REFRESH_MS = 10_000;

export type GatewayEntityStatusState = {
  /** The last status read; kept while a later refresh fails. */
  status?: GatewayEntityStatus;
  /** The last read's error, if it failed (a ResponseError from the backend). */
  error?: Error;
  /** True until the first answer (or error) arrives. */
  loading: boolean;
  /** When the backend read the shown status from Kubernetes. */
  observedAt?: Date;
  /** False while the tab is hidden or the refresh stopped: nothing is read then. */
  autoRefresh: boolean;
  /**
   * The backend refused in a way that does not change by itself (400, 403, 404): reading is
   * stopped until `refresh` is called, and starts again when that read succeeds.
   */
  refreshStopped: boolean;
  /** Reads the status now. */
  refresh: () => void;
};

type Loaded = Pick<GatewayEntityStatusState, 'status' | 'error'> & {
  key: string;
};

/**
 * The status of the gateway an entity describes, read again every 10 s while the tab is
 * visible (a hidden tab costs the backend nothing), and at once when it becomes visible
 * after the data got older than that. A standing refusal (400, 403, 404) stops the reading;
 * a 503 or a network error does not, since those pass by themselves.
 */
export function useGatewayEntityStatus(
  entityRef: CompoundEntityRef,
): GatewayEntityStatusState {
  const api = useApi(portkeyGatewayApiRef);
  const visible = usePageVisible();
  const key = stringifyEntityRef(entityRef);
  const [loaded, setLoaded] = useState<Loaded>();
  // The entity whose read is under way: no second read of it meanwhile.
  const inFlight = useRef<string>();
  const lastReadAt = useRef(0);
  // The entity ref object may be new on every render; the key says which entity it is.
  const refOfKey = useRef(entityRef);
  refOfKey.current = entityRef;

  const load = useCallback(async () => {
    if (inFlight.current === key) return;
    inFlight.current = key;
    lastReadAt.current = Date.now();
    try {
      const status = await api.getEntityStatus(refOfKey.current);
      setLoaded({ key, status });
    } catch (error) {
      setLoaded(previous => ({
        key,
        status: previous?.key === key ? previous.status : undefined,
        error: error as Error,
      }));
    } finally {
      if (inFlight.current === key) inFlight.current = undefined;
    }
  }, [api, key]);

  // Another entity: nothing of the previous one's reads counts.
  useEffect(() => {
    lastReadAt.current = 0;
  }, [key]);

  const current = loaded?.key === key ? loaded : undefined;
  const refreshStopped =
    current?.error !== undefined && isStandingRefusal(current.error);

  useEffect(() => {
    if (!visible || refreshStopped) return undefined;
    if (Date.now() - lastReadAt.current >= GATEWAY_STATUS_REFRESH_MS) {
      load();
    }
    const timer = setInterval(load, GATEWAY_STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [visible, refreshStopped, load]);

  return {
    status: current?.status,
    error: current?.error,
    loading: !current,
    observedAt: current?.status
      ? new Date(current.status.observedAt)
      : undefined,
    autoRefresh: visible && !refreshStopped,
    refreshStopped,
    refresh: load,
  };
}
