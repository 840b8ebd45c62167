import type {
  AuditorService,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { Request } from 'express';
import { ClusterRegistry } from '../kubernetes/ClusterRegistry';
import { GatewayLogsService } from '../logs/GatewayLogsService';
import { GatewaySettingsService } from '../settings/GatewaySettingsService';
import { GatewayStatusService } from '../status/GatewayStatusService';

/** What the routes are built from: the framework's services and the plugin's own. */
export type RouteContext = {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  auditor: AuditorService;
  catalog: CatalogService;
  logger: LoggerService;
  clusters: ClusterRegistry;
  status: GatewayStatusService;
  logs: GatewayLogsService;
  settings: GatewaySettingsService;
};

/** The caller: a user, or a service acting for itself. 401 without credentials. */
export function callerOf(context: RouteContext, req: Request) {
  return context.httpAuth.credentials(req, { allow: ['user', 'service'] });
}
