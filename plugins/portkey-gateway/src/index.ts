/**
 * Status, live logs and settings of deployed Portkey AI gateways, on the entity pages of
 * gateway entities and on a gateways page.
 *
 * @packageDocumentation
 */
export { portkeyGatewayPlugin as default } from './plugin';
