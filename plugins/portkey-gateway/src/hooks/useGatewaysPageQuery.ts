import { useAppSearchParams } from '@backstage/frontend-plugin-api';
import { useCallback } from 'react';

/** The page's choice, kept in the URL (`?cluster=&namespace=`) so it can be shared. */
export type GatewaysPageQuery = { cluster?: string; namespace?: string };

export function useGatewaysPageQuery(): [
  GatewaysPageQuery,
  (next: GatewaysPageQuery) => void,
] {
  const [params, setParams] = useAppSearchParams();
  const query = {
    cluster: params.get('cluster') || undefined,
    namespace: params.get('namespace') || undefined,
  };
  const setQuery = useCallback(
    (next: GatewaysPageQuery) => {
      const init: Record<string, string> = {};
      if (next.cluster) init.cluster = next.cluster;
      if (next.namespace) init.namespace = next.namespace;
      setParams(init);
    },
    [setParams],
  );
  return [query, setQuery];
}
