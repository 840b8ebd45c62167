import type { FieldExtensionOptions } from '@backstage/plugin-scaffolder-react';
import {
  GATEWAY_RULES_FIELD,
  GatewayRulesField,
  validateGatewayRules,
} from './components/GatewayRulesField';
import {
  GATEWAY_PREVIEW_FIELD,
  GatewayPreviewField,
} from './components/GatewayPreviewField';
import {
  GATEWAY_DESTINATION_FIELD,
  GatewayDestinationField,
} from './components/GatewayDestinationField';
import type { GatewayRulesValue } from './rules/pageProblems';

/** The rules field, for both frontend systems. */
export const gatewayRulesFieldOptions: FieldExtensionOptions<GatewayRulesValue> =
  {
    name: GATEWAY_RULES_FIELD,
    component: GatewayRulesField,
    validation: validateGatewayRules,
  };

/** The preview field, for both frontend systems. */
export const gatewayPreviewFieldOptions: FieldExtensionOptions<unknown> = {
  name: GATEWAY_PREVIEW_FIELD,
  component: GatewayPreviewField,
};

/** The destination field (folder and branch for the answers), for both frontend systems. */
export const gatewayDestinationFieldOptions: FieldExtensionOptions<unknown> = {
  name: GATEWAY_DESTINATION_FIELD,
  component: GatewayDestinationField,
};
