/**
 * A local kube-apiserver with a demo Portkey gateway in it, for ./scripts/start.sh's demo
 * (src/startDemoCluster.ts) and the e2e suite (e2e/cluster).
 */
export {
  DEMO_GATEWAY,
  DEMO_GATEWAYS,
  TEAM_GATEWAY,
  demoSecretValues,
  type DemoGateway,
  type DemoGatewaySpec,
} from './demoGateway';
export {
  startGatewayCluster,
  stopApiserver,
  type GatewayCluster,
} from './gatewayCluster';
export {
  demoGatewayEntity,
  writePortalConfig,
  type CatalogLocationsSource,
} from './portalConfig';
export { appendLogLines, startDemoLogTraffic } from './demoLogTraffic';
