import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from './routes';

/**
 * The Portkey gateway plugin for Backstage's new frontend system: the gateway tab and card
 * on gateway entities, and the gateways page.
 *
 * @public
 */
export const portkeyGatewayPlugin = createFrontendPlugin({
  pluginId: 'portkey-gateway',
  info: { packageJson: () => import('../package.json') },
  extensions: [],
  routes: {
    root: rootRouteRef,
  },
});
