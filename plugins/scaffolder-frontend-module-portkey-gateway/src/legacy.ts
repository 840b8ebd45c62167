import { scaffolderPlugin } from '@backstage/plugin-scaffolder';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import {
  gatewayDestinationFieldOptions,
  gatewayPreviewFieldOptions,
  gatewayRulesFieldOptions,
} from './fields';

/**
 * For apps on the legacy frontend system: put it inside `<ScaffolderFieldExtensions>`.
 *
 * @public
 */
export const PortkeyGatewayRulesFieldExtension = scaffolderPlugin.provide(
  createScaffolderFieldExtension(gatewayRulesFieldOptions),
);

/**
 * For apps on the legacy frontend system: put it inside `<ScaffolderFieldExtensions>`.
 *
 * @public
 */
export const PortkeyGatewayPreviewFieldExtension = scaffolderPlugin.provide(
  createScaffolderFieldExtension(gatewayPreviewFieldOptions),
);

/**
 * For apps on the legacy frontend system: put it inside `<ScaffolderFieldExtensions>`.
 *
 * @public
 */
export const PortkeyGatewayDestinationFieldExtension = scaffolderPlugin.provide(
  createScaffolderFieldExtension(gatewayDestinationFieldOptions),
);
