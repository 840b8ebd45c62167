export { EntityPortkeyGatewayCard } from './EntityPortkeyGatewayCard';
export { GatewayStatusPanel } from './GatewayStatusPanel';
