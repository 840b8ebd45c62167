import {
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
} from '@backstage/core-plugin-api';
import { portkeyGatewayApiFactory } from './api/portkeyGatewayApiFactory';

/** The legacy system's route for the gateways page (`<Route path="/portkey-gateway" ...>`). */
const legacyRootRouteRef = createRouteRef({ id: 'portkey-gateway' });

/**
 * The plugin for apps on the legacy frontend system (`createApp` from core-app-api).
 *
 * @public
 */
export const portkeyGatewayLegacyPlugin = createPlugin({
  id: 'portkey-gateway',
  apis: [portkeyGatewayApiFactory],
  routes: { root: legacyRootRouteRef },
});

/**
 * The "Gateway" tab content for the legacy entity page (inside `EntityLayout.Route`).
 *
 * @public
 */
export const EntityPortkeyGatewayContent = portkeyGatewayLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityPortkeyGatewayContent',
    component: {
      lazy: () =>
        import('./components/EntityGatewayContent').then(
          m => m.EntityPortkeyGatewayContent,
        ),
    },
  }),
);

/**
 * The gateway health card for the legacy entity Overview.
 *
 * @public
 */
export const EntityPortkeyGatewayCard = portkeyGatewayLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityPortkeyGatewayCard',
    component: {
      lazy: () =>
        import('./components/GatewayStatus').then(
          m => m.EntityPortkeyGatewayCard,
        ),
    },
  }),
);

/**
 * The gateways page for the legacy app's routes.
 *
 * @public
 */
export const PortkeyGatewayPage = portkeyGatewayLegacyPlugin.provide(
  createRoutableExtension({
    name: 'PortkeyGatewayPage',
    mountPoint: legacyRootRouteRef,
    component: () =>
      import('./components/GatewaysPage').then(m => m.GatewaysPage),
  }),
);
