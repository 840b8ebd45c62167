/**
 * Scaffolder form fields for the Portkey AI Gateway template: the gateway model's cross-field
 * rules on the page where each is fixed, and a preview of the pull request before Create.
 *
 * @packageDocumentation
 */
export { scaffolderModulePortkeyGateway as default } from './module';
export {
  portkeyGatewayDestinationFormField,
  portkeyGatewayPreviewFormField,
  portkeyGatewayRulesFormField,
} from './module';
export {
  PortkeyGatewayDestinationFieldExtension,
  PortkeyGatewayPreviewFieldExtension,
  PortkeyGatewayRulesFieldExtension,
} from './legacy';
export {
  GATEWAY_RULES_FIELD,
  GatewayRulesField,
  validateGatewayRules,
} from './components/GatewayRulesField';
export {
  GATEWAY_PREVIEW_FIELD,
  GatewayPreviewField,
} from './components/GatewayPreviewField';
export {
  GATEWAY_DESTINATION_FIELD,
  GatewayDestinationField,
} from './components/GatewayDestinationField';
export type {
  GatewayRulesValue,
  PageProblem,
  VisitedPage,
} from './rules/pageProblems';
