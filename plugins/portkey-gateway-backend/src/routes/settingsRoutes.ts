import { portkeyGatewaySettingsReadPermission } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import type { GatewaySettingsResponse } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import type { Request } from 'express';
import Router from 'express-promise-router';
import { NamespaceTarget } from '../kubernetes/target';
import { requireNamespacePermission } from '../permissions/requirePermission';
import { audited } from './audited';
import { namespaceTargetOf } from './namespaceTarget';
import { pathParam } from './pathParams';
import { callerOf, RouteContext } from './RouteContext';

/** The settings of a gateway release of a namespace (`portkey.gateway.settings.read`). */
export function settingsRoutes(context: RouteContext) {
  const router = Router();
  router.get(
    '/clusters/:cluster/namespaces/:namespace/gateways/:release/settings',
    async (req, res) => {
      await requireNamespacePermission({
        permissions: context.permissions,
        credentials: await callerOf(context, req),
        permission: portkeyGatewaySettingsReadPermission,
      });
      const target = {
        ...namespaceTargetOf(context, req),
        release: pathParam(req, 'release'),
      };
      res.json(await readSettingsAudited(context, req, target));
    },
  );
  return router;
}

/** Reads a gateway's settings and records the read in the audit log. */
export function readSettingsAudited(
  context: RouteContext,
  req: Request,
  target: NamespaceTarget & { release: string },
  entityRef?: string,
): Promise<GatewaySettingsResponse> {
  const { cluster, namespace, release } = target;
  return audited(
    context.auditor,
    {
      eventId: 'gateway-settings-read',
      req,
      meta: {
        cluster,
        namespace,
        release,
        ...(entityRef ? { entityRef } : {}),
      },
    },
    () => context.settings.readSettings(target),
  );
}
