import { portkeyGatewayApiRef } from '../api/PortkeyGatewayApi';
import { createTestClient } from './testClient';

/** The API pair for `renderInTestApp`/`renderTestApp`: the real client against MSW. */
export function gatewayApiPair() {
  return [portkeyGatewayApiRef, createTestClient()] as const;
}
