/**
 * Response types of the Portkey gateway backend's status endpoint
 * (`GET /api/portkey-gateway/clusters/:cluster/namespaces/:namespace/gateways[?release=R]`),
 * shared with the frontend.
 */

/**
 * A plain-language explanation of a known failure cause.
 *
 * @public
 */
export type GatewayHint = {
  /** What it is about: a reason Kubernetes gives (e.g. `ImagePullBackOff`, `OOMKilled`, `FailedScheduling`). */
  reason: string;
  /** What to check or do. */
  message: string;
};

/**
 * The state of one container of a pod.
 *
 * @public
 */
export type GatewayContainerStatus = {
  name: string;
  image?: string;
  ready: boolean;
  restarts: number;
  state: 'running' | 'waiting' | 'terminated' | 'unknown';
  /** Waiting or terminated reason, e.g. `ImagePullBackOff`, `CrashLoopBackOff`, `Completed`. */
  reason?: string;
  /** The message Kubernetes gives with the reason (shortened). */
  message?: string;
  /** Why the previous run of the container ended, e.g. `OOMKilled`, `Error`. */
  lastTerminationReason?: string;
  lastTerminationExitCode?: number;
  /** Hints for the container's waiting or termination reasons (shown here, not on the pod). */
  hints: GatewayHint[];
};

/**
 * A pod of a gateway, its data service or its Redis.
 *
 * @public
 */
export type GatewayPodStatus = {
  name: string;
  /** Pending, Running, Succeeded, Failed or Unknown. */
  phase: string;
  /** Why the pod is in this phase, when Kubernetes says (e.g. `Evicted`). */
  reason?: string;
  message?: string;
  ready: boolean;
  restarts: number;
  /** The pod's creationTimestamp (ISO 8601); the age is now minus this. */
  createdAt?: string;
  node?: string;
  containers: GatewayContainerStatus[];
  /**
   * Hints for causes of the pod itself: its reason (e.g. `Evicted`) or that it cannot be
   * scheduled. A container's hints are on that container only, never repeated here.
   */
  hints: GatewayHint[];
};

/**
 * A recent Warning event of a Deployment, its ReplicaSets or its pods.
 *
 * @public
 */
export type GatewayWarningEvent = {
  /** `Pod/<name>`, `Deployment/<name>`, `ReplicaSet/<name>`. */
  object: string;
  reason: string;
  message: string;
  count: number;
  /** ISO 8601, the last time it was seen. */
  lastSeen?: string;
  /**
   * A hint for the event's reason, unless the pod it is about (or one of its containers)
   * already shows the same hint: e.g. `BackOff` "Back-off restarting failed container" beside
   * a container in `CrashLoopBackOff` has none.
   */
  hint?: GatewayHint;
};

/**
 * Rollout state of a Deployment, from its conditions, replica counts and new pods.
 *
 * - `complete`: every desired replica is updated and available.
 * - `progressing`: a rollout or scale-up is under way and may still finish by itself: new
 *   pods are being scheduled, created or started. A fresh Deployment is progressing even
 *   though it lacks minimum availability (`Available=False`) until its pods are ready.
 * - `degraded`: waiting will not fix it. The rollout exceeded its progress deadline
 *   (`ProgressDeadlineExceeded`); pods cannot be created (`ReplicaFailure`); a pod of the new
 *   ReplicaSet is stuck in `CrashLoopBackOff`, `ImagePullBackOff`, `ErrImagePull`,
 *   `ErrImageNeverPull`, `InvalidImageName`, `CreateContainerConfigError`,
 *   `CreateContainerError` or `RunContainerError` (even inside the progress deadline;
 *   `rolloutMessage` names the pod, the container and the reason); or the rollout had
 *   finished and the Deployment lost minimum availability since. Pods of the old version
 *   failing while a new one rolls out do not make it degraded.
 * - `missing`: pods exist but no Deployment was found.
 *
 * @public
 */
export type GatewayRolloutState =
  | 'complete'
  | 'progressing'
  | 'degraded'
  | 'missing';

/**
 * A Deployment with its pods (gateway, data service or Redis).
 *
 * @public
 */
export type GatewayWorkloadStatus = {
  /** Deployment name (for the gateway: the chart's fullname). */
  deployment: string;
  image?: string;
  replicas: {
    desired: number;
    ready: number;
    available: number;
    updated: number;
  };
  rollout: GatewayRolloutState;
  /**
   * Why the rollout is `degraded` or `progressing`: the Deployment condition's message, or
   * which new pod is stuck and why.
   */
  rolloutMessage?: string;
  pods: GatewayPodStatus[];
  warnings: GatewayWarningEvent[];
};

/**
 * One installed gateway (one Helm release of the chart) in a namespace.
 *
 * @public
 */
export type GatewayStatus = GatewayWorkloadStatus & {
  release: string;
  /** The `helm.sh/chart` label, e.g. `gateway-1.7.7`. */
  chart?: string;
  /** The `app.kubernetes.io/version` label, e.g. `2.13.0`. */
  appVersion?: string;
  /** The data service (`dataservice.enabled`), if its Deployment or pods exist. */
  dataService?: GatewayWorkloadStatus;
  /** The in-cluster Redis (`CACHE_STORE: redis`), if its Deployment or pods exist. */
  redis?: GatewayWorkloadStatus;
};

/**
 * The answer of the status endpoint.
 *
 * @public
 */
export type GatewayStatusList = {
  cluster: string;
  namespace: string;
  /** ISO 8601: when the Kubernetes data was read (answers may be shared for a few seconds). */
  observedAt: string;
  /**
   * The label selector the chart's objects were searched with (it includes the configured
   * `chartNameOverrides`), so that an empty answer can say what was looked for.
   */
  labelSelector: string;
  items: GatewayStatus[];
};
