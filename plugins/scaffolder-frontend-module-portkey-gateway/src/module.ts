import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  createFormField,
  FormFieldBlueprint,
} from '@backstage/plugin-scaffolder-react/alpha';

/**
 * `ui:field: PortkeyGatewayRules`: the gateway model's rules on each page.
 *
 * @public
 */
export const portkeyGatewayRulesFormField = FormFieldBlueprint.make({
  name: 'portkey-gateway-rules',
  params: {
    field: () =>
      import('./fields').then(({ gatewayRulesFieldOptions: field }) =>
        createFormField({
          name: field.name,
          component: field.component,
          validation: field.validation,
        }),
      ),
  },
});

/**
 * `ui:field: PortkeyGatewayPreview`: the pull request the run will open.
 *
 * @public
 */
export const portkeyGatewayPreviewFormField = FormFieldBlueprint.make({
  name: 'portkey-gateway-preview',
  params: {
    field: () =>
      import('./fields').then(({ gatewayPreviewFieldOptions: field }) =>
        createFormField({ name: field.name, component: field.component }),
      ),
  },
});

/**
 * `ui:field: PortkeyGatewayDestination`: the folder and branch the pull request uses.
 *
 * @public
 */
export const portkeyGatewayDestinationFormField = FormFieldBlueprint.make({
  name: 'portkey-gateway-destination',
  params: {
    field: () =>
      import('./fields').then(({ gatewayDestinationFieldOptions: field }) =>
        createFormField({ name: field.name, component: field.component }),
      ),
  },
});

/**
 * The scaffolder module for the new frontend system: its three form fields.
 *
 * @public
 */
export const scaffolderModulePortkeyGateway = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [
    portkeyGatewayRulesFormField,
    portkeyGatewayPreviewFormField,
    portkeyGatewayDestinationFormField,
  ],
});
