// The files, branch and pull request of a gateway are laid out in the common package, so the
// scaffolder form's preview (in the browser) and this action and CLI use the same code.
export {
  branchNameFor,
  defaultTargetPath,
  gatewayFiles,
  normalizeTargetPath,
  renderGatewayFiles,
  TargetPathError,
  type GatewayFiles,
  type RenderedGatewayFiles,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
