export { EntityGatewaySettings } from './EntityGatewaySettings';
export { GatewaySettingsView } from './GatewaySettingsView';
