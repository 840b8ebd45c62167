import { GatewaySettings } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

/** Problems the settings themselves show, in plain language. */
export function settingsProblems(settings: GatewaySettings): string[] {
  const problems: string[] = [];
  if (settings.server.mode === 'invalid') {
    problems.push(
      `SERVER_MODE is "${settings.server.invalidValue}": only "" (gateway only), "all" and "mcp" are valid. Any other value disables both the gateway and the MCP server, and the chart renders a Service without ports.`,
    );
  }
  if (settings.withheld.length) {
    problems.push(
      `${settings.withheld.join(
        ', ',
      )} hold what looks like a credential in a plain value; the value is withheld here. Move it to a Secret.`,
    );
  }
  return problems;
}
