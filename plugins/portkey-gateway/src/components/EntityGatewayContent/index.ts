export { EntityPortkeyGatewayContent } from './EntityPortkeyGatewayContent';
