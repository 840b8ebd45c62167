import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { portkeyGatewayPermissions } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { readClusterDefinitions } from './kubernetes/clusterDefinitions';
import { ClusterRegistry } from './kubernetes/ClusterRegistry';
import { GatewayLogsService } from './logs/GatewayLogsService';
import { readGatewayNameLabels } from './status/gatewayNameLabels';
import { createRouter } from './router';
import { GatewaySettingsService } from './settings/GatewaySettingsService';
import { GatewayStatusService } from './status/GatewayStatusService';

/**
 * The Portkey gateway backend: status, logs and settings of deployed gateways, by catalog
 * entity and per namespace, under /api/portkey-gateway.
 *
 * @public
 */
export const portkeyGatewayPlugin = createBackendPlugin({
  pluginId: 'portkey-gateway',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        config,
        logger,
        lifecycle,
        httpAuth,
        httpRouter,
        auditor,
        catalog,
        permissions,
        permissionsRegistry,
      }) {
        permissionsRegistry.addPermissions(portkeyGatewayPermissions);
        const definitions = readClusterDefinitions(config);
        for (const d of definitions) {
          logger.info(
            `Portkey gateways: cluster "${d.name}" from ${
              d.source
            }, namespaces: ${d.namespaces?.join(', ') ?? 'all'}`,
          );
        }
        const clusters = new ClusterRegistry(definitions);
        const gatewayNameLabels = readGatewayNameLabels(config);
        const status = new GatewayStatusService({
          gatewayNameLabels,
          source:
            config.getOptionalBoolean('portkeyGateway.status.watch') === false
              ? 'list'
              : 'watch',
          watchIdleMs:
            (config.getOptionalNumber(
              'portkeyGateway.status.watchIdleSeconds',
            ) ?? 300) * 1000,
          logger,
        });
        lifecycle.addShutdownHook(() => status.close());
        httpRouter.use(
          await createRouter({
            httpAuth,
            permissions,
            auditor,
            catalog,
            logger,
            clusters,
            status,
            logs: new GatewayLogsService({ gatewayNameLabels, status }),
            settings: new GatewaySettingsService({ gatewayNameLabels }),
          }),
        );
      },
    });
  },
});
