// The name rules of Kubernetes, Helm and the portal's cluster list, as plain predicates: the
// input model builds its zod rules from them, and the backend checks its path parameters
// with them, so a name one accepts the other does too.

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
// Cluster names are free config strings (Backstage's Kubernetes plugin calls them an
// internal identifier): allow what real ones use, e.g. `Prod_EU`, `gke_project_zone_name`,
// `arn:aws:eks:eu-west-1:123456789012:cluster/prod` or `admin@kind`, but no spaces. A
// superset of both rules the model and the router had before.
const CLUSTER_NAME = /^[-A-Za-z0-9_.:/@]+$/;

const labelShape =
  'lowercase letters, digits and "-", starting and ending with a letter or digit';

/**
 * One naming rule: its length limit and pattern, and the words an error message uses.
 *
 * @public
 */
export type NameRule = {
  maxLength: number;
  /** Why the limit, when it is not Kubernetes' own, e.g. "Helm limit". */
  limitReason?: string;
  pattern: RegExp;
  /** What the pattern allows, to follow "must be ". */
  shape: string;
};

/**
 * The rules for the names the portal handles.
 *
 * @public
 */
export const KUBERNETES_NAME_RULES = {
  /** A namespace: an RFC 1123 label of at most 63 characters. */
  namespace: { maxLength: 63, pattern: DNS_LABEL, shape: labelShape },
  /**
   * A release of this chart: a DNS label of at most 53 characters (Helm's limit; the chart
   * names Services after it, and a Service name is a label).
   */
  helmRelease: {
    maxLength: 53,
    limitReason: 'Helm limit',
    pattern: DNS_LABEL,
    shape: labelShape,
  },
  /** A Pod, Secret, ConfigMap or ServiceAccount: an RFC 1123 subdomain of at most 253 characters. */
  object: {
    maxLength: 253,
    pattern: DNS_SUBDOMAIN,
    shape: `${labelShape}, optionally in dot-separated parts`,
  },
  /** A cluster as named in `portkeyGateway.clusters[].name` or the Kubernetes plugin's config. */
  cluster: {
    maxLength: 253,
    pattern: CLUSTER_NAME,
    shape: 'a cluster name: letters, digits, "-", "_", ".", ":", "/" and "@"',
  },
} as const satisfies Record<string, NameRule>;

/**
 * The message for a length over the rule's limit, to follow the name of the field.
 *
 * @public
 */
export function tooLongMessage(rule: NameRule): string {
  const reason = rule.limitReason ? ` (${rule.limitReason})` : '';
  return `must be at most ${rule.maxLength} characters${reason}`;
}

/**
 * What is wrong with a name under a rule ("must be ..."), or undefined when it fits.
 *
 * @public
 */
export function nameProblem(rule: NameRule, name: string): string | undefined {
  if (name.length > rule.maxLength) return tooLongMessage(rule);
  if (!rule.pattern.test(name)) return `must be ${rule.shape}`;
  return undefined;
}

/** @public */
export const isNamespaceName = (name: string) =>
  nameProblem(KUBERNETES_NAME_RULES.namespace, name) === undefined;
/** @public */
export const isHelmReleaseName = (name: string) =>
  nameProblem(KUBERNETES_NAME_RULES.helmRelease, name) === undefined;
/** A Pod, Secret, ConfigMap or ServiceAccount name. @public */
export const isObjectName = (name: string) =>
  nameProblem(KUBERNETES_NAME_RULES.object, name) === undefined;
/** @public */
export const isClusterName = (name: string) =>
  nameProblem(KUBERNETES_NAME_RULES.cluster, name) === undefined;
