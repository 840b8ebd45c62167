import type { V1Service, V1ServicePort } from '@kubernetes/client-node';
import { goString, interpolated, truthy } from './goTemplate';
import { mapAt, valueAt } from './helmValues';
import { EnvMode } from './envModes';
import { annotationsOf, serviceAnnotations } from './metadata';
import {
  ChartContext,
  fullname,
  gatewayLabels,
  labelsAt,
  selectorLabels,
} from './names';
import { gatewayEnabled, mcpContainerPort, mcpEnabled } from './serverPorts';

/**
 * The gateway Service `<fullname>`: port `gateway` when SERVER_MODE runs the gateway, `mcp`
 * when it runs MCP; with any other SERVER_MODE none at all (the API server refuses it).
 */
export function gatewayService(ctx: ChartContext, mode: EnvMode): V1Service {
  const ports: V1ServicePort[] = [
    ...(gatewayEnabled(ctx, mode)
      ? [
          {
            port: interpolated<number>(valueAt(ctx.values, 'service.port')),
            targetPort: 'gateway',
            protocol: 'TCP',
            name: 'gateway',
          },
        ]
      : []),
    ...(mcpEnabled(ctx, mode)
      ? [
          {
            port: mcpContainerPort(ctx, mode),
            targetPort: 'mcp',
            protocol: 'TCP',
            name: 'mcp',
          },
        ]
      : []),
  ];
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: fullname(ctx),
      labels: {
        ...gatewayLabels(ctx),
        ...labelsAt(ctx, 'service.additionalLabels'),
      },
      annotations: annotationsOf(serviceAnnotations(ctx)),
    },
    spec: {
      type: goString(valueAt(ctx.values, 'service.type')),
      ...(ports.length ? { ports } : {}),
      selector: selectorLabels(ctx),
    },
  };
}

/** `<fullname>-mcp`, only with `mcpService.enabled` and a SERVER_MODE that runs MCP. */
export function mcpService(
  ctx: ChartContext,
  mode: EnvMode,
): V1Service | undefined {
  if (
    !truthy(valueAt(ctx.values, 'mcpService.enabled')) ||
    !mcpEnabled(ctx, mode)
  )
    return undefined;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: `${fullname(ctx)}-mcp`,
      labels: {
        ...gatewayLabels(ctx),
        ...labelsAt(ctx, 'mcpService.additionalLabels'),
      },
      annotations: annotationsOf(mapAt(ctx.values, 'mcpService.annotations')),
    },
    spec: {
      type: goString(valueAt(ctx.values, 'mcpService.type')),
      ports: [
        {
          port: interpolated<number>(valueAt(ctx.values, 'mcpService.port')),
          targetPort: 'mcp',
          protocol: 'TCP',
          name: 'mcp',
        },
      ],
      selector: selectorLabels(ctx),
    },
  };
}
