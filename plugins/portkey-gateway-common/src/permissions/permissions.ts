import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Seeing which gateways run and whether they are healthy (pods, rollout, events).
 *
 * @public
 */
export const portkeyGatewayStatusReadPermission = createPermission({
  name: 'portkey.gateway.status.read',
  attributes: { action: 'read' },
});

/**
 * Reading a gateway pod's logs (redacted), live or not.
 *
 * @public
 */
export const portkeyGatewayLogsReadPermission = createPermission({
  name: 'portkey.gateway.logs.read',
  attributes: { action: 'read' },
});

/**
 * Reading a gateway's backend settings as it runs (stores, non-secret settings, Secret references).
 *
 * @public
 */
export const portkeyGatewaySettingsReadPermission = createPermission({
  name: 'portkey.gateway.settings.read',
  attributes: { action: 'read' },
});

/** @public */
export const portkeyGatewayPermissions = [
  portkeyGatewayStatusReadPermission,
  portkeyGatewayLogsReadPermission,
  portkeyGatewaySettingsReadPermission,
];
