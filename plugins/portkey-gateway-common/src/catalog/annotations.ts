/**
 * Catalog annotations and labels shared by the action (which writes them) and the status
 * view (which reads them to find a gateway).
 *
 * @public
 */
export const PORTKEY_GATEWAY_ANNOTATIONS = {
  /** Helm release name of the gateway. */
  release: 'portkey.ai/gateway-release',
  /** Namespace the gateway is installed in. */
  namespace: 'portkey.ai/gateway-namespace',
  /** Cluster name, as configured in the portal, when there is more than one. */
  cluster: 'portkey.ai/gateway-cluster',
  /** Chart version the values were rendered for. */
  chartVersion: 'portkey.ai/gateway-chart-version',
} as const;

/** Backstage's Kubernetes plugin finds pods by this label (value = the entity's kubernetes-id). @public */
export const KUBERNETES_ID_LABEL = 'backstage.io/kubernetes-id';
/** @public */
export const KUBERNETES_NAMESPACE_ANNOTATION =
  'backstage.io/kubernetes-namespace';
