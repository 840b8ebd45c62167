import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { portkeyGatewayApiRef } from '../api/PortkeyGatewayApi';

/** The settings of the gateway a catalog entity describes, with a retry. */
export function useSettingsOfEntity(entityRef: CompoundEntityRef) {
  const api = useApi(portkeyGatewayApiRef);
  const { kind, namespace, name } = entityRef;
  return useAsyncRetry(
    () => api.getEntitySettings({ kind, namespace, name }),
    [api, kind, namespace, name],
  );
}
