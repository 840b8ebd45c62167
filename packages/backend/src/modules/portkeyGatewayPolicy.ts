// packages/backend/src/modules/portkeyGatewayPolicy.ts
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  portkeyGatewayLogsReadPermission,
  portkeyGatewaySettingsReadPermission,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

/**
 * Everyone sees every gateway's health; only a gateway entity's owners (the user, or a
 * group they belong to) read its logs and settings. Everything else is allowed.
 */
export class PortkeyGatewayOwnerPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    for (const ownersOnly of [
      portkeyGatewayLogsReadPermission,
      portkeyGatewaySettingsReadPermission,
    ]) {
      if (isPermission(permission, ownersOnly)) {
        return createCatalogConditionalDecision(
          permission,
          catalogConditions.isEntityOwner({
            claims: user?.info.ownershipEntityRefs ?? [],
          }),
        );
      }
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

export default createBackendModule({
  pluginId: 'permission',
  moduleId: 'portkey-gateway-owner-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new PortkeyGatewayOwnerPolicy());
      },
    });
  },
});
