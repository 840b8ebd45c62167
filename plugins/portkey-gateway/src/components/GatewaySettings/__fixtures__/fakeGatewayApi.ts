import type { PortkeyGatewayApi } from '../../../api/PortkeyGatewayApi';

/** A PortkeyGatewayApi whose calls fail unless the test gives them an answer. */
export function fakeGatewayApi(
  answers: Partial<PortkeyGatewayApi>,
): PortkeyGatewayApi {
  const unexpected = (name: string) => () => {
    throw new Error(`unexpected call to ${name}`);
  };
  return {
    getClusters: unexpected('getClusters'),
    getNamespaceGateways: unexpected('getNamespaceGateways'),
    getEntityStatus: unexpected('getEntityStatus'),
    getEntitySettings: unexpected('getEntitySettings'),
    entityLogs: unexpected('entityLogs'),
    namespaceLogs: unexpected('namespaceLogs'),
    ...answers,
  } as PortkeyGatewayApi;
}
