export { GatewayLogsView, type GatewayLogsViewProps } from './GatewayLogsView';
