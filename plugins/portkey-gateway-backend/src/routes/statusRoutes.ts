import { portkeyGatewayStatusReadPermission } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import type { GatewayEntityStatus } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import Router from 'express-promise-router';
import { NamespaceTarget } from '../kubernetes/target';
import { requireNamespacePermission } from '../permissions/requirePermission';
import { namespaceTargetOf } from './namespaceTarget';
import { optionalQueryParam } from './pathParams';
import { callerOf, RouteContext } from './RouteContext';

/** GET /clusters and the gateways of a namespace (`portkey.gateway.status.read`). */
export function statusRoutes(context: RouteContext) {
  const router = Router();
  const { permissions, clusters, status } = context;

  router.get('/clusters', async (req, res) => {
    await requireNamespacePermission({
      permissions,
      credentials: await callerOf(context, req),
      permission: portkeyGatewayStatusReadPermission,
      // The configured clusters say nothing about any gateway.
      orAnyEntity: true,
    });
    res.json({ items: clusters.list() });
  });

  router.get(
    '/clusters/:cluster/namespaces/:namespace/gateways',
    async (req, res) => {
      await requireNamespacePermission({
        permissions,
        credentials: await callerOf(context, req),
        permission: portkeyGatewayStatusReadPermission,
      });
      const release = optionalQueryParam(req, 'release', 'release');
      res.json(
        await status.listGateways({
          ...namespaceTargetOf(context, req),
          release,
        }),
      );
    },
  );

  return router;
}

/**
 * The status of the gateway an entity describes. From the namespace's answer (the watch, or
 * the list shared with the namespace page), so it costs nothing more; a release with nothing
 * running is an answer saying what was searched, not an error.
 */
export async function entityStatus(
  context: RouteContext,
  target: NamespaceTarget & { release: string },
  entityRef: string,
): Promise<GatewayEntityStatus> {
  const { release, ...namespace } = target;
  const list = await context.status.listGateways(namespace);
  const gateway = list.items.find(g => g.release === release);
  return {
    entityRef,
    cluster: list.cluster,
    namespace: list.namespace,
    release,
    observedAt: list.observedAt,
    ...(gateway ? { gateway } : {}),
    labelSelector: context.status.labelSelectorFor(release),
  };
}
