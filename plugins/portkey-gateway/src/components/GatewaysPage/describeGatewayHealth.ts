import { ROLLOUT_LABELS } from '../GatewayStatus/RolloutStatus';
import type { GatewayStatus } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

/**
 * The one problem worth reading first: why a rollout is not complete, else the most recent
 * Warning event, else a container that is waiting (e.g. CrashLoopBackOff).
 */
export function lastProblem(gateway: GatewayStatus): string | undefined {
  if (gateway.rollout !== 'complete' && gateway.rolloutMessage)
    return gateway.rolloutMessage;
  const latest = [...gateway.warnings].sort((a, b) =>
    (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''),
  )[0];
  if (latest) return `${latest.reason}: ${latest.message}`;
  for (const pod of gateway.pods) {
    const waiting = pod.containers.find(c => c.state === 'waiting' && c.reason);
    if (waiting) return `${pod.name}: ${waiting.reason}`;
  }
  return undefined;
}

/** A companion workload (data service, Redis): absent, or how many of its pods are ready. */
export function describeCompanion(
  workload: GatewayStatus['dataService'],
): string {
  if (!workload) return 'none';
  const { ready, desired } = workload.replicas;
  return `${ready}/${desired} ready (${ROLLOUT_LABELS[
    workload.rollout
  ].toLowerCase()})`;
}
