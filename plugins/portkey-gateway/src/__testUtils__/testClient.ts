import { mockApis } from '@backstage/frontend-test-utils';
import { PortkeyGatewayClient } from '../api/PortkeyGatewayClient';

export const TEST_TOKEN = 'user-token';

/** The real client against MSW, with a token the way the app's fetchApi adds it. */
export function createTestClient() {
  return new PortkeyGatewayClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backend.test' }),
    fetchApi: mockApis.fetch({ injectIdentityAuth: { token: TEST_TOKEN } }),
  });
}
