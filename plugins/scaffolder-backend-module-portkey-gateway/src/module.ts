import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createRenderGatewayAction } from './actions/renderGatewayAction';

/**
 * Registers the `portkey:gateway:render` action with the scaffolder.
 *
 * @public
 */
export const scaffolderModulePortkeyGateway = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'portkey-gateway',
  register({ registerInit }) {
    registerInit({
      deps: { scaffolderActions: scaffolderActionsExtensionPoint },
      async init({ scaffolderActions }) {
        scaffolderActions.addActions(createRenderGatewayAction());
      },
    });
  },
});
