import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';
import { ClusterDefinition } from './clusterDefinitions';

/**
 * How to reach one cluster: its configuration, read through kubeGet/kubeStream (one
 * keep-alive agent per KubeConfig) or a client-node Watch.
 */
export type ClusterClients = {
  name: string;
  kubeConfig: KubeConfig;
};

/**
 * Knows the configured clusters, builds their clients once, and enforces each cluster's
 * namespace allow-list before anything is asked of Kubernetes.
 */
export class ClusterRegistry {
  private readonly clients = new Map<string, ClusterClients>();

  constructor(private readonly definitions: ClusterDefinition[]) {}

  /** Cluster names and their allowed namespaces, for GET /clusters. */
  list() {
    return this.definitions.map(d => ({
      name: d.name,
      namespaces: d.namespaces ?? null,
    }));
  }

  /** Whether a cluster of this name is configured. */
  has(clusterName: string): boolean {
    return this.definitions.some(d => d.name === clusterName);
  }

  /** The configured cluster names. */
  names(): string[] {
    return this.definitions.map(d => d.name);
  }

  /**
   * The clients for a cluster and namespace, refusing a namespace outside the allow-list.
   * With a single cluster, `cluster` may be omitted (or "default").
   */
  forNamespace(
    clusterName: string | undefined,
    namespace: string,
  ): ClusterClients {
    const definition = this.find(clusterName);
    if (definition.namespaces && !definition.namespaces.includes(namespace)) {
      throw new NotAllowedError(
        `Namespace "${namespace}" of cluster "${
          definition.name
        }" is not one the portal may read (allowed: ${definition.namespaces.join(
          ', ',
        )})`,
      );
    }
    let clients = this.clients.get(definition.name);
    if (!clients) {
      clients = { name: definition.name, kubeConfig: definition.kubeConfig() };
      this.clients.set(definition.name, clients);
    }
    return clients;
  }

  private find(clusterName: string | undefined): ClusterDefinition {
    if (!clusterName || clusterName === 'default') {
      if (this.definitions.length === 1) return this.definitions[0];
      const named = this.definitions.find(d => d.name === clusterName);
      if (named) return named;
      throw new NotFoundError(
        `Several clusters are configured (${this.definitions
          .map(d => d.name)
          .join(', ')}); name one`,
      );
    }
    const definition = this.definitions.find(d => d.name === clusterName);
    if (!definition) {
      throw new NotFoundError(
        `Unknown cluster "${clusterName}" (configured: ${this.definitions
          .map(d => d.name)
          .join(', ')})`,
      );
    }
    return definition;
  }
}
