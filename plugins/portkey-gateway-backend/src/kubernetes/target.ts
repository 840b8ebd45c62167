import type { ClusterClients } from './ClusterRegistry';

/**
 * One namespace of one configured cluster, with the clients to reach it: what every read
 * of the status, logs and settings services is about. Built by ClusterRegistry.forNamespace,
 * which has already enforced the cluster's namespace allow-list.
 */
export type NamespaceTarget = {
  cluster: string;
  namespace: string;
  clients: ClusterClients;
};
