import type { Entity } from '@backstage/catalog-model';
import { isGatewayEntity } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

/**
 * Whether the entity describes a deployed gateway (it has `portkey.ai/gateway-release`):
 * the tab and the card appear for it. For the legacy `EntitySwitch`.
 *
 * @public
 */
export function isPortkeyGatewayAvailable(entity: Entity): boolean {
  return isGatewayEntity(entity);
}
