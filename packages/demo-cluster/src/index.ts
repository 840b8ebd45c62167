/**
 * A local kube-apiserver with a demo Portkey gateway in it, for ./scripts/start.sh's demo
 * (src/startDemo.ts) and the e2e suite (e2e/cluster).
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
  kubeletLogFile,
  startGatewayCluster,
  stopApiserver,
  type GatewayCluster,
} from './gatewayCluster';
export {
  demoGatewayEntity,
  writePortalConfig,
  type CatalogLocationsSource,
  type PortalGitServer,
} from './portalConfig';
export {
  writeTemplateForGitServer,
  type GitServerTarget,
} from './templateForGitServer';
export { appendLogLines, startDemoLogTraffic } from './demoLogTraffic';
export { DEMO_GITOPS, startDemoGitServer } from './demoGitServer';
export {
  renderChartObjects,
  mergeChartValues,
  type RenderChartObjectsOptions,
} from './chart/renderChartObjects';
export { ChartRenderError } from './chart/names';
export { CHART as PORTKEY_CHART_STAND_IN } from './chart/chartDefaults';
export type { SecretLookup } from './chart/envModes';
export {
  parseValuesYaml,
  type HelmMap,
  type HelmValue,
} from './chart/helmValues';
export {
  installChartRelease,
  type InstallChartReleaseOptions,
  type InstalledPod,
  type InstalledRelease,
} from './chart/installChartRelease';
export { type PodRun } from './chart/workloadStatus';
export { helmTemplate } from './chart/helmTemplate';
