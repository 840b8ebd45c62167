import { createPermission } from '@backstage/plugin-permission-common';
import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';

// Resource permissions of the catalog entity resource type: a permission policy can decide
// them per gateway entity with the catalog's own conditional rules (isEntityOwner,
// hasAnnotation, ...), for example health for everyone and logs only for the owners.
// Reads of a whole namespace (gateways with no catalog entity) have no entity to decide on:
// they need the permission unconditionally (see the backend's README).

/**
 * Seeing which gateways run and whether they are healthy (pods, rollout, events).
 *
 * @public
 */
export const portkeyGatewayStatusReadPermission = createPermission({
  name: 'portkey.gateway.status.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Reading a gateway pod's logs (redacted), live or not.
 *
 * @public
 */
export const portkeyGatewayLogsReadPermission = createPermission({
  name: 'portkey.gateway.logs.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Reading a gateway's backend settings as it runs (stores, non-secret settings, Secret references).
 *
 * @public
 */
export const portkeyGatewaySettingsReadPermission = createPermission({
  name: 'portkey.gateway.settings.read',
  attributes: { action: 'read' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/** @public */
export const portkeyGatewayPermissions = [
  portkeyGatewayStatusReadPermission,
  portkeyGatewayLogsReadPermission,
  portkeyGatewaySettingsReadPermission,
];
