import { portkeyGatewayLogsReadPermission } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import type { Request, Response } from 'express';
import Router from 'express-promise-router';
import { NamespaceTarget } from '../kubernetes/target';
import { requireNamespacePermission } from '../permissions/requirePermission';
import { audited } from './audited';
import { namespaceTargetOf } from './namespaceTarget';
import { pathParam } from './pathParams';
import { callerOf, RouteContext } from './RouteContext';

/** A gateway pod's logs, once or followed (`portkey.gateway.logs.read`). */
export function logsRoutes(context: RouteContext) {
  const router = Router();
  router.get(
    '/clusters/:cluster/namespaces/:namespace/pods/:pod/logs',
    async (req, res) => {
      await requireNamespacePermission({
        permissions: context.permissions,
        credentials: await callerOf(context, req),
        permission: portkeyGatewayLogsReadPermission,
      });
      await sendLogsAudited(context, req, res, namespaceTargetOf(context, req));
    },
  );
  return router;
}

/**
 * Sends a gateway pod's logs (of `target.release`'s pods only, when given) and records the
 * read in the audit log: once the answer ended, or why it could not start.
 */
export function sendLogsAudited(
  context: RouteContext,
  req: Request,
  res: Response,
  target: NamespaceTarget & { release?: string },
  entityRef?: string,
): Promise<void> {
  const pod = pathParam(req, 'pod');
  const { cluster, namespace, release } = target;
  const container = req.query.container;
  return audited(
    context.auditor,
    {
      eventId: 'gateway-logs-read',
      req,
      meta: {
        cluster,
        namespace,
        pod,
        ...(typeof container === 'string'
          ? { container: container.slice(0, 63) }
          : {}),
        follow: req.query.follow === 'true' || req.query.follow === '1',
        ...(release ? { release } : {}),
        ...(entityRef ? { entityRef } : {}),
      },
    },
    () => context.logs.sendLogs({ ...target, pod, query: req.query, req, res }),
  );
}
