import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { portkeyGatewayApiRef } from '../api/PortkeyGatewayApi';

/** Every gateway of a namespace, once both are chosen, with a retry. */
export function useNamespaceGateways(cluster?: string, namespace?: string) {
  const api = useApi(portkeyGatewayApiRef);
  return useAsyncRetry(async () => {
    if (!cluster || !namespace) return undefined;
    return api.getNamespaceGateways(cluster, namespace);
  }, [api, cluster, namespace]);
}
