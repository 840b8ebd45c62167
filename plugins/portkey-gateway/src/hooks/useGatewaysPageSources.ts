import { useApi } from '@backstage/frontend-plugin-api';
import {
  catalogApiRef,
  CATALOG_FILTER_EXISTS,
} from '@backstage/plugin-catalog-react';
import { PORTKEY_GATEWAY_ANNOTATIONS } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import useAsync from 'react-use/esm/useAsync';
import { portkeyGatewayApiRef } from '../api/PortkeyGatewayApi';
import { gatewayEntitiesOf } from '../components/GatewaysPage/gatewayEntities';

/** The clusters the backend reads, with their namespace allow-lists. */
export function useGatewaysPageClusters() {
  const api = useApi(portkeyGatewayApiRef);
  return useAsync(() => api.getClusters(), [api]);
}

/** The catalog's gateway entities (those with a release annotation), with their targets. */
export function useGatewaysPageEntities() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: {
        [`metadata.annotations.${PORTKEY_GATEWAY_ANNOTATIONS.release}`]:
          CATALOG_FILTER_EXISTS,
      },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
      ],
    });
    return gatewayEntitiesOf(items);
  }, [catalogApi]);
}
