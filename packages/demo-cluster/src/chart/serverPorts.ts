import { goString, orDefault, toInt, truthy } from './goTemplate';
import { valueAt } from './helmValues';
import { EnvMode, envSourceMap } from './envModes';
import { ChartContext } from './names';

/**
 * An env key's text as the chart's port and mode helpers read it: the literal the pod gets,
 * else (a Secret reference) the value in `environment.data`.
 */
function envText(ctx: ChartContext, mode: EnvMode, key: string): string {
  const source = envSourceMap(ctx, mode).get(key);
  if (source && 'value' in source) return source.value;
  return goString(
    orDefault('', valueAt(ctx.values, `environment.data.${key}`)),
  );
}

/** SERVER_MODE, trimmed: "" runs the gateway, "all" both, "mcp" the MCP server only. */
export const serverMode = (ctx: ChartContext, mode: EnvMode): string =>
  envText(ctx, mode, 'SERVER_MODE').trim();

export const gatewayEnabled = (ctx: ChartContext, mode: EnvMode): boolean =>
  ['', 'all'].includes(serverMode(ctx, mode));

export const mcpEnabled = (ctx: ChartContext, mode: EnvMode): boolean =>
  ['all', 'mcp'].includes(serverMode(ctx, mode));

/** `mcpService.containerPort` when that Service is on, else MCP_PORT, else 8788. */
export function mcpContainerPort(ctx: ChartContext, mode: EnvMode): number {
  const { values } = ctx;
  const override = valueAt(values, 'mcpService.containerPort');
  if (truthy(valueAt(values, 'mcpService.enabled')) && truthy(override))
    return toInt(override);
  const port = envText(ctx, mode, 'MCP_PORT');
  return port === '' ? 8788 : toInt(port);
}

/** `service.containerPort`, else PORT, else `service.port`, else 8787. */
export function gatewayContainerPort(ctx: ChartContext, mode: EnvMode): number {
  const { values } = ctx;
  const override = valueAt(values, 'service.containerPort');
  if (truthy(override)) return toInt(override);
  const port = envText(ctx, mode, 'PORT');
  return port === ''
    ? toInt(orDefault(8787, valueAt(values, 'service.port')))
    : toInt(port);
}

/** The port the running server listens on: the gateway's, or the MCP one in mcp mode. */
export const primaryPort = (ctx: ChartContext, mode: EnvMode): number =>
  gatewayEnabled(ctx, mode)
    ? gatewayContainerPort(ctx, mode)
    : mcpContainerPort(ctx, mode);
