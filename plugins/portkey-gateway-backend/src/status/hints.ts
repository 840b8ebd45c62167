import { PORTKEY_CHART } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import type { GatewayHint } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';

/** What a hint may use besides the reason and message. */
export type HintContext = {
  /** The pod's `imagePullSecrets` names. */
  imagePullSecrets?: string[];
  /** The gateway container port (readiness probe target). */
  gatewayPort?: number;
};

const IMAGE_PULL = new Set([
  'ImagePullBackOff',
  'ErrImagePull',
  'InvalidImageName',
  'ErrImageNeverPull',
]);

function imagePullHint(reason: string, context: HintContext): GatewayHint {
  const secrets = context.imagePullSecrets ?? [];
  return {
    reason,
    message:
      secrets.length > 0
        ? `The image cannot be pulled. Check the image name and tag, and that the registry pull secret ${secrets
            .map(s => `"${s}"`)
            .join(
              ', ',
            )} (imagePullSecrets) exists in this namespace and holds valid credentials for the registry.`
        : 'The image cannot be pulled and the pod names no imagePullSecrets. Check the image name and tag; for a private registry (e.g. the Portkey enterprise registry) create a registry pull secret and list it in imagePullSecrets (chart: imageCredentials).',
  };
}

/**
 * A plain-language hint for a reason Kubernetes gives (container waiting or termination
 * reason, or an event reason), or undefined when the cause is not known.
 */
export function hintFor(
  reason: string | undefined,
  message: string | undefined,
  context: HintContext = {},
): GatewayHint | undefined {
  if (!reason) return undefined;
  const text = message ?? '';
  if (IMAGE_PULL.has(reason)) return imagePullHint(reason, context);
  // Events: "Failed to pull image ...", reason Failed; "Back-off pulling image ...", reason BackOff.
  if (
    (reason === 'Failed' || reason === 'BackOff') &&
    /pull(ing)? image/i.test(text)
  )
    return imagePullHint(reason, context);
  // Events: "Back-off restarting failed container", reason BackOff.
  if (reason === 'BackOff' && /restarting failed container/i.test(text))
    return hintFor('CrashLoopBackOff', text, context);
  switch (reason) {
    case 'CreateContainerConfigError': {
      const key = /couldn't find key (\S+) in Secret ([^/\s]+)\/(\S+)/.exec(
        text,
      );
      if (key)
        return {
          reason,
          message: `The Secret "${key[3]}" lacks the key "${key[1]}" the pod reads into its environment. Add the key to the gateway Secret (or remove it from the values), then restart the pods.`,
        };
      const missing = /secret "([^"]+)" not found/i.exec(text);
      if (missing)
        return {
          reason,
          message: `The Secret "${missing[1]}" the pod reads its environment from does not exist in this namespace. Create it (or let the chart create it with environment.create).`,
        };
      const configMapKey =
        /couldn't find key (\S+) in ConfigMap ([^/\s]+)\/(\S+)/.exec(text);
      if (configMapKey)
        return {
          reason,
          message: `The ConfigMap "${configMapKey[3]}" lacks the key "${configMapKey[1]}" the pod reads into its environment.`,
        };
      return {
        reason,
        message:
          'The container cannot be configured: usually a Secret or ConfigMap (or one of its keys) the pod references is missing. The message names it.',
      };
    }
    case 'OOMKilled':
      return {
        reason,
        message:
          'The container ran out of memory and was killed. Raise its memory limit (resources.limits.memory) or lower the load per pod.',
      };
    case 'CrashLoopBackOff':
      return {
        reason,
        message:
          "The container keeps exiting and Kubernetes waits before each restart. Read the previous container's logs (kubectl logs --previous) for the cause.",
      };
    case 'Error':
      return {
        reason,
        message:
          "The container's previous run exited with an error. Read the previous container's logs for the cause.",
      };
    case 'FailedScheduling':
      return {
        reason,
        message:
          'No node can run the pod. The message says why: too little CPU or memory for the requests, a nodeSelector/affinity or taint no node matches, or an unbound volume.',
      };
    case 'Unhealthy':
      if (/readiness probe failed/i.test(text))
        return {
          reason,
          message: `The readiness probe failed: the gateway does not answer GET /v1/health on its gateway port (${
            context.gatewayPort ?? PORTKEY_CHART.defaultGatewayPort
          }). Check that the container listens on that port (PORT, service.containerPort) and read its logs.`,
        };
      if (/liveness probe failed/i.test(text))
        return {
          reason,
          message:
            'The liveness probe failed, so Kubernetes restarts the container. Read its logs; a slow start may need a longer probe delay.',
        };
      return undefined;
    case 'FailedCreate':
      return {
        reason,
        message:
          'Pods could not be created. Common causes: a ResourceQuota or LimitRange, a missing ServiceAccount (serviceAccount.name), or an admission policy; the message says which.',
      };
    case 'ProgressDeadlineExceeded':
      return {
        reason,
        message:
          'The rollout did not finish within its progress deadline. Look at the pods of the new version for the cause.',
      };
    case 'Evicted':
      return {
        reason,
        message:
          'The node ran short of a resource (usually memory or disk) and evicted the pod. Set resource requests that match what the pod uses, or give the nodes more room.',
      };
    case 'FailedMount':
      return {
        reason,
        message:
          'A volume could not be mounted: usually a Secret or ConfigMap it names is missing (e.g. the Mongo/DocumentDB PEM).',
      };
    default:
      return undefined;
  }
}
