export { GatewaysPage } from './GatewaysPage';
