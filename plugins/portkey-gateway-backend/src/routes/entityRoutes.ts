import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  portkeyGatewayLogsReadPermission,
  portkeyGatewaySettingsReadPermission,
  portkeyGatewayStatusReadPermission,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import type { Request } from 'express';
import Router from 'express-promise-router';
import { gatewayTargetOf, readEntity } from '../entities/gatewayEntities';
import { requireEntityPermission } from '../permissions/requirePermission';
import { sendLogsAudited } from './logsRoutes';
import { pathParam } from './pathParams';
import { callerOf, RouteContext } from './RouteContext';
import { readSettingsAudited } from './settingsRoutes';
import { entityStatus } from './statusRoutes';

const ENTITY = '/entities/:entityNamespace/:entityKind/:entityName';

/**
 * The reads of one gateway, by its catalog entity: the entity is read with the caller's
 * credentials (404 if they may not see it), the permission is decided for that entity (so a
 * policy can use the catalog's rules, such as isEntityOwner), and the cluster, namespace and
 * release come from the entity's annotations.
 */
export function entityRoutes(context: RouteContext) {
  const router = Router();

  /** The entity's gateway, after the caller proved they may `permission` it. */
  async function authorizedGateway(
    req: Request,
    permission: ResourcePermission<'catalog-entity'>,
  ) {
    const credentials: BackstageCredentials = await callerOf(context, req);
    const { entity, entityRef } = await readEntity(
      context.catalog,
      {
        kind: pathParam(req, 'entityKind'),
        namespace: pathParam(req, 'entityNamespace'),
        name: pathParam(req, 'entityName'),
      },
      credentials,
    );
    await requireEntityPermission({
      permissions: context.permissions,
      credentials,
      permission,
      entityRef,
    });
    return {
      entityRef,
      target: gatewayTargetOf(entity, entityRef, context.clusters),
    };
  }

  router.get(`${ENTITY}/status`, async (req, res) => {
    const { entityRef, target } = await authorizedGateway(
      req,
      portkeyGatewayStatusReadPermission,
    );
    res.json(await entityStatus(context, target, entityRef));
  });

  router.get(`${ENTITY}/settings`, async (req, res) => {
    const { entityRef, target } = await authorizedGateway(
      req,
      portkeyGatewaySettingsReadPermission,
    );
    res.json(await readSettingsAudited(context, req, target, entityRef));
  });

  router.get(`${ENTITY}/pods/:pod/logs`, async (req, res) => {
    const { entityRef, target } = await authorizedGateway(
      req,
      portkeyGatewayLogsReadPermission,
    );
    await sendLogsAudited(context, req, res, target, entityRef);
  });

  return router;
}
