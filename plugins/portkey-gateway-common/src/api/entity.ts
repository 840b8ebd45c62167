import type { GatewayStatus } from './status';

/**
 * The answer of `GET /entities/:namespace/:kind/:name/status`: the gateway a catalog entity
 * describes (by its `portkey.ai/gateway-*` annotations), or, when nothing of that release
 * runs in the namespace, what was searched for, so the view can say how to fix it.
 *
 * @public
 */
export type GatewayEntityStatus = {
  /** The entity, as a full reference (`component:default/portkey-ai-gateway`). */
  entityRef: string;
  cluster: string;
  namespace: string;
  release: string;
  /** ISO 8601: when the Kubernetes data was read. */
  observedAt: string;
  /** Absent when no Deployment or pod of the release was found. */
  gateway?: GatewayStatus;
  /** The label selector the gateway's objects were searched with, in `namespace`. */
  labelSelector: string;
};
