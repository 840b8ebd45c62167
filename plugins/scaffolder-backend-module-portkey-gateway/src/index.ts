/**
 * The `portkey:gateway:render` scaffolder action for the Portkey AI gateway.
 *
 * @packageDocumentation
 */

export { scaffolderModulePortkeyGateway as default } from './module';
export {
  createRenderGatewayAction,
  RENDER_GATEWAY_ACTION_ID,
} from './actions/renderGatewayAction';
