import type { GatewayWarningEvent } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

const POD_OBJECT_PREFIX = 'Pod/';

/** A workload's warnings, split into those of each pod (by `object: Pod/<name>`) and the rest. */
export function splitWarningsByPod(warnings: GatewayWarningEvent[]): {
  byPod: Map<string, GatewayWarningEvent[]>;
  workload: GatewayWarningEvent[];
} {
  const byPod = new Map<string, GatewayWarningEvent[]>();
  const workload: GatewayWarningEvent[] = [];
  for (const warning of warnings) {
    if (warning.object.startsWith(POD_OBJECT_PREFIX)) {
      const pod = warning.object.slice(POD_OBJECT_PREFIX.length);
      byPod.set(pod, [...(byPod.get(pod) ?? []), warning]);
    } else {
      workload.push(warning);
    }
  }
  return { byPod, workload };
}
