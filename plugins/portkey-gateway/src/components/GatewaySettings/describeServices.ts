import type { GatewaySettings } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { presentFields, SettingsDescription } from './settingsDescription';

/** How the gateway reaches Amazon Bedrock: its own keys, or the pod's role. */
export function describeBedrock(
  settings: GatewaySettings,
): SettingsDescription {
  const { bedrock, serviceAccount } = settings;
  if (bedrock.access === 'access_keys') {
    return {
      summary:
        'access keys (AWS_ASSUME_ROLE_*) assume the role named in the Portkey virtual key',
      fields: presentFields([['Region', bedrock.region]]),
    };
  }
  return {
    summary: serviceAccount.roleArn
      ? `the pod's IAM role (IRSA via service account ${
          serviceAccount.name ?? '?'
        }), if Bedrock is used`
      : "the pod's own AWS identity (instance role), if Bedrock is used",
    fields: presentFields([
      ['IAM role of the service account', serviceAccount.roleArn],
    ]),
  };
}

/** The data service (fine-tuning, batches, log exports): on when the chart deploys it. */
export function describeDataService(
  settings: GatewaySettings,
): SettingsDescription {
  const { dataService } = settings;
  if (!dataService.enabled)
    return {
      summary: 'off: fine-tuning, batches and log exports are not available',
      fields: [],
    };
  return {
    summary: 'on',
    fields: presentFields([
      ['Fine-tuning bucket', dataService.finetunesBucket],
      ['Log exports bucket', dataService.logExportsBucket],
      ['Fine-tuning role ARN', dataService.finetunesRoleArn],
    ]),
  };
}

/** What the gateway serves (SERVER_MODE): the AI gateway, the MCP server, or both. */
export function describeServerMode(
  settings: GatewaySettings,
): SettingsDescription {
  const { server } = settings;
  const mcpFields = presentFields([
    ['MCP port', server.mcpPort],
    ['MCP gateway base URL', server.mcpGatewayBaseUrl],
  ]);
  switch (server.mode) {
    case 'gateway':
      return { summary: 'AI gateway only', fields: [] };
    case 'all':
      return { summary: 'AI gateway and MCP server', fields: mcpFields };
    case 'mcp':
      return { summary: 'MCP server only', fields: mcpFields };
    default:
      return {
        summary: `SERVER_MODE "${
          server.invalidValue ?? ''
        }" is not a server mode`,
        fields: [],
        warning:
          'Only "" (gateway), "all" and "mcp" serve anything: with any other value the chart renders a Service without ports, which Kubernetes rejects.',
      };
  }
}
