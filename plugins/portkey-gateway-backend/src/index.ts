/**
 * Status, logs and settings of deployed Portkey AI gateways, read from Kubernetes.
 *
 * @packageDocumentation
 */
export { portkeyGatewayPlugin as default } from './plugin';
