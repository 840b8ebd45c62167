import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

type GatewayPermission = ResourcePermission<'catalog-entity'>;

/**
 * Throws a 403 unless the caller holds `permission` for the gateway entity `entityRef`.
 * The policy may decide per entity (e.g. the catalog's isEntityOwner rule): the permission
 * framework evaluates such conditions against the entity.
 */
export async function requireEntityPermission(options: {
  permissions: PermissionsService;
  credentials: BackstageCredentials;
  permission: GatewayPermission;
  entityRef: string;
}): Promise<void> {
  const { permissions, credentials, permission, entityRef } = options;
  const [decision] = await permissions.authorize(
    [{ permission, resourceRef: entityRef }],
    { credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(
      `Missing permission ${permission.name} for ${entityRef}`,
    );
  }
}

/**
 * Throws a 403 unless the caller holds `permission` for every gateway: the namespace-wide
 * routes serve gateways with and without a catalog entity, so a decision that depends on the
 * entity (CONDITIONAL) does not suffice there. With `orAnyEntity`, a conditional decision
 * passes too (for what reveals nothing of any gateway, such as the configured clusters).
 */
export async function requireNamespacePermission(options: {
  permissions: PermissionsService;
  credentials: BackstageCredentials;
  permission: GatewayPermission;
  orAnyEntity?: boolean;
}): Promise<void> {
  const { permissions, credentials, permission, orAnyEntity } = options;
  const [decision] = await permissions.authorizeConditional([{ permission }], {
    credentials,
  });
  if (decision.result === AuthorizeResult.ALLOW) return;
  if (decision.result === AuthorizeResult.CONDITIONAL) {
    if (orAnyEntity) return;
    throw new NotAllowedError(
      `Missing permission ${permission.name} for every gateway of a namespace: yours depends on each gateway's catalog entity, so read it from the entity (GET /entities/:namespace/:kind/:name/...)`,
    );
  }
  throw new NotAllowedError(`Missing permission ${permission.name}`);
}
