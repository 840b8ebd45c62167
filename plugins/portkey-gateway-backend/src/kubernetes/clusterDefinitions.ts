import { Config } from '@backstage/config';
import { KubeConfig } from '@kubernetes/client-node';

/** A cluster the plugin may read gateways from, with its namespace allow-list. */
export type ClusterDefinition = {
  name: string;
  /** Builds the client configuration; called once per cluster. */
  kubeConfig: () => KubeConfig;
  /** undefined: every namespace. */
  namespaces?: string[];
  /** Where the definition came from, for the start-up log. */
  source:
    | 'portkeyGateway.clusters'
    | 'kubernetes.clusterLocatorMethods'
    | 'kubeconfig';
};

type ClusterSettings = {
  name: string;
  url?: string;
  authProvider?: string;
  serviceAccountToken?: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify?: boolean;
  namespaces?: string[];
};

function kubeConfigFor(cluster: ClusterSettings): KubeConfig {
  const kc = new KubeConfig();
  if (cluster.authProvider === 'inCluster') {
    kc.loadFromCluster();
    return kc;
  }
  if (!cluster.url) {
    throw new Error(
      `Cluster "${cluster.name}" needs a url (or authProvider inCluster)`,
    );
  }
  kc.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        caData: cluster.caData,
        caFile: cluster.caFile,
        skipTLSVerify: cluster.skipTLSVerify ?? false,
      },
    ],
    users: [{ name: cluster.name, token: cluster.serviceAccountToken }],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: cluster.name },
    ],
    currentContext: cluster.name,
  });
  return kc;
}

function readCluster(config: Config): ClusterSettings {
  return {
    name: config.getString('name'),
    url: config.getOptionalString('url'),
    authProvider: config.getOptionalString('authProvider'),
    serviceAccountToken: config.getOptionalString('serviceAccountToken'),
    caData: config.getOptionalString('caData'),
    caFile: config.getOptionalString('caFile'),
    skipTLSVerify: config.getOptionalBoolean('skipTLSVerify'),
    namespaces: config.getOptionalStringArray('namespaces'),
  };
}

/**
 * The clusters to read gateways from: `portkeyGateway.clusters`; else the `config` clusters
 * of Backstage's Kubernetes plugin, so nobody configures a cluster twice; else the local
 * kubeconfig's current context, as kubectl does.
 */
export function readClusterDefinitions(config: Config): ClusterDefinition[] {
  const defaultNamespaces = config.getOptionalStringArray(
    'portkeyGateway.namespaces',
  );
  const own = config.getOptionalConfigArray('portkeyGateway.clusters');
  if (own && own.length > 0) {
    return own.map(readCluster).map(cluster => ({
      name: cluster.name,
      kubeConfig: () => kubeConfigFor(cluster),
      namespaces: cluster.namespaces ?? defaultNamespaces,
      source: 'portkeyGateway.clusters' as const,
    }));
  }

  const locators =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  const fromKubernetesPlugin = locators
    .filter(locator => locator.getString('type') === 'config')
    .flatMap(locator => locator.getOptionalConfigArray('clusters') ?? [])
    .map(readCluster);
  if (fromKubernetesPlugin.length > 0) {
    return fromKubernetesPlugin.map(cluster => ({
      name: cluster.name,
      kubeConfig: () => kubeConfigFor(cluster),
      namespaces: defaultNamespaces,
      source: 'kubernetes.clusterLocatorMethods' as const,
    }));
  }

  return [
    {
      name: 'default',
      kubeConfig: () => {
        const kc = new KubeConfig();
        kc.loadFromDefault();
        return kc;
      },
      namespaces: defaultNamespaces,
      source: 'kubeconfig',
    },
  ];
}
