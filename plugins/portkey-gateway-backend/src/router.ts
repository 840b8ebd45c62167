import express from 'express';
import Router from 'express-promise-router';
import { entityRoutes } from './routes/entityRoutes';
import { logsRoutes } from './routes/logsRoutes';
import { RouteContext } from './routes/RouteContext';
import { settingsRoutes } from './routes/settingsRoutes';
import { statusRoutes } from './routes/statusRoutes';

export type RouterOptions = RouteContext;

/**
 * The plugin's routes: by namespace (`/clusters/...`, for the namespace page and gateways
 * without a catalog entity) and by catalog entity (`/entities/...`). Errors are thrown as
 * `@backstage/errors` and answered by the framework's error middleware.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = Router();
  router.use(statusRoutes(options));
  router.use(settingsRoutes(options));
  router.use(logsRoutes(options));
  router.use(entityRoutes(options));
  return router;
}
