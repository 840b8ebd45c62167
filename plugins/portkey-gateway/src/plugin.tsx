import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import CloudQueueIcon from '@material-ui/icons/CloudQueue';
import { portkeyGatewayApiExtension } from './api/portkeyGatewayApiFactory';
import { isPortkeyGatewayAvailable } from './gatewayEntityFilter';
import { rootRouteRef } from './routes';

/** The "Gateway" tab of gateway entities: status, then logs, then settings. */
export const portkeyGatewayEntityContent = EntityContentBlueprint.make({
  params: {
    path: 'gateway',
    title: 'Gateway',
    group: 'deployment',
    filter: isPortkeyGatewayAvailable,
    loader: () =>
      import('./components/EntityGatewayContent').then(m => (
        <m.EntityPortkeyGatewayContent />
      )),
  },
});

/**
 * The gateway's health on the entity's Overview, in the info column beside About, where it
 * is seen without scrolling past the relation cards.
 */
export const portkeyGatewayEntityCard = EntityCardBlueprint.make({
  params: {
    type: 'info',
    filter: isPortkeyGatewayAvailable,
    loader: () =>
      import('./components/GatewayStatus').then(m => (
        <m.EntityPortkeyGatewayCard />
      )),
  },
});

/** Every gateway of a namespace; with a routeRef and an icon it gets a sidebar item. */
export const portkeyGatewaysPage = PageBlueprint.make({
  params: {
    path: '/portkey-gateway',
    title: 'Gateways',
    icon: <CloudQueueIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/GatewaysPage').then(m => <m.GatewaysPage />),
  },
});

/**
 * The Portkey gateway plugin for Backstage's new frontend system: the gateway tab and card
 * on gateway entities, and the gateways page.
 *
 * @public
 */
export const portkeyGatewayPlugin = createFrontendPlugin({
  pluginId: 'portkey-gateway',
  title: 'Portkey gateway',
  icon: <CloudQueueIcon />,
  info: { packageJson: () => import('../package.json') },
  extensions: [
    portkeyGatewayApiExtension,
    portkeyGatewayEntityContent,
    portkeyGatewayEntityCard,
    portkeyGatewaysPage,
  ],
  routes: {
    root: rootRouteRef,
  },
});
