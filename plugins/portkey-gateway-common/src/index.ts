/**
 * The Portkey gateway model shared by the Portkey gateway plugins: the input schema, the
 * chart values renderer, the secret catalogue and the catalog annotations.
 *
 * @packageDocumentation
 */

export * from './chart/chartFacts';
export * from './chart/envKeys';
export * from './chart/secretKeys';
export * from './model/kubernetesNameRules';
export * from './model/gatewayInput';
export * from './model/validateGatewayInput';
export { findCredential } from './model/plainText';
export * from './render/planGatewayEnv';
export * from './render/renderChartValues';
export * from './render/renderGateway';
export * from './catalog/annotations';
export * from './catalog/renderCatalogInfo';
export * from './review/buildPullRequest';
export * from './output/gatewayFiles';
export * from './check/checkChartValues';
export * from './model/dropInactiveFields';
export * from './model/unknownFields';
export * from './permissions/permissions';
export * from './settings/readGatewaySettings';
export * from './settings/settingsFromInput';
export * from './api/status';
export * from './api/settings';
export * from './api/logs';
export * from './api/entity';
export * from './catalog/readGatewayAnnotations';
