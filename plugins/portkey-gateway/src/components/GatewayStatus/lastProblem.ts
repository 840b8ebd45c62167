import type {
  GatewayHint,
  GatewayStatus,
  GatewayWarningEvent,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

/** The one problem the overview card shows, with what to do about it when known. */
export type GatewayProblem = { summary: string; hint?: GatewayHint };

function newestWarning(
  warnings: GatewayWarningEvent[],
): GatewayWarningEvent | undefined {
  return [...warnings].sort((a, b) =>
    (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''),
  )[0];
}

function containerProblems(gateway: GatewayStatus): GatewayProblem[] {
  return gateway.pods.flatMap(pod =>
    pod.containers
      .filter(container => container.reason || container.lastTerminationReason)
      .filter(container => container.state !== 'running' || !container.ready)
      .map(container => ({
        summary: `Pod ${pod.name}, container ${container.name}: ${
          container.reason ?? container.lastTerminationReason
        }`,
        hint: container.hints[0],
      })),
  );
}

/**
 * What is most worth a look: a degraded rollout's message, else the most recent warning,
 * else a container's waiting or termination reason. A degraded rollout names a stuck pod, so
 * it takes the hint of the first failing container.
 */
export function lastProblem(
  gateway: GatewayStatus,
): GatewayProblem | undefined {
  const containers = containerProblems(gateway);
  if (gateway.rollout === 'degraded' && gateway.rolloutMessage) {
    return {
      summary: gateway.rolloutMessage,
      hint: containers.find(problem => problem.hint)?.hint,
    };
  }
  const warning = newestWarning(gateway.warnings);
  if (warning) {
    return {
      summary: `${warning.object}: ${warning.reason}: ${warning.message}`,
      hint: warning.hint,
    };
  }
  return containers[0];
}
