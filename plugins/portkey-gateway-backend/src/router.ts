import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, serializeError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  portkeyGatewayLogsReadPermission,
  portkeyGatewaySettingsReadPermission,
  portkeyGatewayStatusReadPermission,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import express, { Request } from 'express';
import Router from 'express-promise-router';
import { ClusterRegistry } from './kubernetes/ClusterRegistry';
import { GatewayLogsService } from './logs/GatewayLogsService';
import { GatewaySettingsService } from './settings/GatewaySettingsService';
import { GatewayStatusService } from './status/GatewayStatusService';

export type RouterOptions = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  clusters: ClusterRegistry;
  status: GatewayStatusService;
  logs: GatewayLogsService;
  settings: GatewaySettingsService;
};

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** Path parameters are Kubernetes names: anything else is refused before it reaches a URL. */
function param(req: Request, name: string): string {
  const value = req.params[name];
  if (!value || value.length > 253 || !NAME.test(value)) {
    throw new InputError(
      `${name} must be a Kubernetes name (lowercase letters, digits, "-" and "."), got "${String(
        value,
      ).slice(0, 64)}"`,
    );
  }
  return value;
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, permissions, clusters, status, logs, settings, logger } =
    options;
  const router = Router();

  /** 401 without credentials, 403 without the permission. */
  async function authorize(req: Request, permission: BasicPermission) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`Missing permission ${permission.name}`);
    }
  }

  function target(req: Request) {
    const cluster = param(req, 'cluster');
    const namespace = param(req, 'namespace');
    return {
      cluster,
      namespace,
      clients: clusters.forNamespace(cluster, namespace),
    };
  }

  router.get('/clusters', async (req, res) => {
    await authorize(req, portkeyGatewayStatusReadPermission);
    res.json({ items: clusters.list() });
  });

  router.get(
    '/clusters/:cluster/namespaces/:namespace/gateways',
    async (req, res) => {
      await authorize(req, portkeyGatewayStatusReadPermission);
      const release =
        typeof req.query.release === 'string' ? req.query.release : undefined;
      if (release !== undefined && !NAME.test(release))
        throw new InputError('release must be a Helm release name');
      res.json(await status.listGateways({ ...target(req), release }));
    },
  );

  router.get(
    '/clusters/:cluster/namespaces/:namespace/gateways/:release/settings',
    async (req, res) => {
      await authorize(req, portkeyGatewaySettingsReadPermission);
      res.json(
        await settings.readSettings({
          ...target(req),
          release: param(req, 'release'),
        }),
      );
    },
  );

  router.get(
    '/clusters/:cluster/namespaces/:namespace/pods/:pod/logs',
    async (req, res) => {
      await authorize(req, portkeyGatewayLogsReadPermission);
      await logs.sendLogs({
        ...target(req),
        pod: param(req, 'pod'),
        query: req.query,
        req,
        res,
      });
    },
  );

  // Errors as JSON with the status the error means, never with a stack trace.
  router.use(((error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const statusCode = statusOf(error);
    if (statusCode >= 500)
      logger.warn(`${req.method} ${req.originalUrl}: ${error.message}`);
    const { name, message } = serializeError(error, { includeStack: false });
    res.status(statusCode).json({
      error: { name, message },
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode },
    });
  }) as express.ErrorRequestHandler);

  return router;
}

function statusOf(error: Error): number {
  switch (error.name) {
    case 'InputError':
      return 400;
    case 'AuthenticationError':
      return 401;
    case 'NotAllowedError':
      return 403;
    case 'NotFoundError':
      return 404;
    case 'ServiceUnavailableError':
      return 503;
    default:
      return 500;
  }
}
