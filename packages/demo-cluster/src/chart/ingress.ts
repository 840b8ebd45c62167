import type {
  V1HTTPIngressPath,
  V1Ingress,
  V1IngressRule,
  V1IngressTLS,
} from '@kubernetes/client-node';
import { asIs } from './podSpec';
import { goString, interpolated, orDefault, truthy } from './goTemplate';
import { mapAt, valueAt } from './helmValues';
import { EnvMode } from './envModes';
import { annotationsOf, serviceAnnotations } from './metadata';
import {
  ChartContext,
  ChartRenderError,
  fullname,
  gatewayLabels,
} from './names';
import { gatewayEnabled, mcpContainerPort, mcpEnabled } from './serverPorts';

/**
 * The Ingress `<fullname>` (`ingress.enabled`): host-based (gateway on `hostname`, MCP on
 * `mcpHostname` or `mcp.<hostname>`) or path-based (`mcpPath` before `gatewayPath`), every
 * path to the gateway Service. Fails, as the chart does, when SERVER_MODE runs neither.
 */
export function gatewayIngress(
  ctx: ChartContext,
  mode: EnvMode,
): V1Ingress | undefined {
  const { values } = ctx;
  if (!truthy(valueAt(values, 'ingress.enabled'))) return undefined;
  const gateway = gatewayEnabled(ctx, mode);
  const mcp = mcpEnabled(ctx, mode);
  if (!gateway && !mcp)
    throw new ChartRenderError(
      'ingress.enabled is true but neither the gateway nor the MCP server is enabled. Set environment.data.SERVER_MODE to "all", "" (gateway), or "mcp".',
    );
  const service = fullname(ctx);
  const path = (at: string, port: number): V1HTTPIngressPath => ({
    path: at,
    pathType: 'Prefix',
    backend: { service: { name: service, port: { number: port } } },
  });
  const gatewayPort = interpolated<number>(valueAt(values, 'service.port'));
  const hostname = interpolated<string>(valueAt(values, 'ingress.hostname'));
  let rules: V1IngressRule[];
  if (truthy(valueAt(values, 'ingress.hostBased'))) {
    rules = [
      ...(gateway
        ? [{ host: hostname, http: { paths: [path('/', gatewayPort)] } }]
        : []),
      ...(mcp
        ? [
            {
              host: goString(
                orDefault(
                  `mcp.${goString(valueAt(values, 'ingress.hostname'))}`,
                  valueAt(values, 'ingress.mcpHostname'),
                ),
              ),
              http: { paths: [path('/', mcpContainerPort(ctx, mode))] },
            },
          ]
        : []),
    ];
  } else {
    rules = [
      {
        host: hostname,
        http: {
          paths: [
            ...(mcp
              ? [
                  path(
                    goString(
                      orDefault('/mcp', valueAt(values, 'ingress.mcpPath')),
                    ),
                    mcpContainerPort(ctx, mode),
                  ),
                ]
              : []),
            ...(gateway
              ? [
                  path(
                    goString(
                      orDefault('/', valueAt(values, 'ingress.gatewayPath')),
                    ),
                    gatewayPort,
                  ),
                ]
              : []),
          ],
        },
      },
    ];
  }
  const tls = valueAt(values, 'ingress.tls');
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: service,
      labels: gatewayLabels(ctx),
      annotations: annotationsOf(
        serviceAnnotations(ctx),
        mapAt(values, 'ingress.annotations'),
      ),
    },
    spec: {
      ingressClassName: interpolated<string>(
        valueAt(values, 'ingress.ingressClassName'),
      ),
      rules,
      ...(truthy(tls) ? { tls: asIs<V1IngressTLS[]>(tls) } : {}),
    },
  };
}
