/**
 * Status, live logs and settings of deployed Portkey AI gateways, on the entity pages of
 * gateway entities and on a gateways page.
 *
 * @packageDocumentation
 */
export { portkeyGatewayPlugin as default } from './plugin';
export {
  portkeyGatewayLegacyPlugin,
  EntityPortkeyGatewayContent,
  EntityPortkeyGatewayCard,
  PortkeyGatewayPage,
} from './legacy';
export { isPortkeyGatewayAvailable } from './gatewayEntityFilter';
export {
  portkeyGatewayApiRef,
  type PortkeyGatewayApi,
  type GatewayCluster,
  type GatewayLogsEnd,
  type GatewayLogsHandlers,
  type GatewayLogsSource,
} from './api/PortkeyGatewayApi';
export { PortkeyGatewayClient } from './api/PortkeyGatewayClient';
