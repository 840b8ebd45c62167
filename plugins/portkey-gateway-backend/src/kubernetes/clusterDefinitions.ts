import { Config } from '@backstage/config';
import { KubeConfig } from '@kubernetes/client-node';
import { existsSync } from 'node:fs';

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
  /** Where in the config the cluster is, for error messages. */
  path: string;
  url?: string;
  authProvider: AuthProvider;
  serviceAccountToken?: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify?: boolean;
  namespaces?: string[];
};

/**
 * The auth providers the plugin can serve: it calls the API server itself, with a bearer
 * token or none. serviceAccount without a token means the backend pod's own service account
 * token, as in the Kubernetes plugin (read from its file per request, so rotation works).
 */
const AUTH_PROVIDERS = [
  'serviceAccount',
  'inCluster',
  'localKubectlProxy',
] as const;
type AuthProvider = (typeof AUTH_PROVIDERS)[number];

/** Where a pod finds its own service account token (KubeConfig.loadFromCluster reads it too). */
export const IN_CLUSTER_TOKEN_PATH =
  '/var/run/secrets/kubernetes.io/serviceaccount/token';

export type ClusterDefinitionOptions = {
  /** The backend pod's own token file; tests point it elsewhere. */
  inClusterTokenPath?: string;
};

function readAuthProvider(config: Config, path: string): AuthProvider {
  const provider = config.getOptionalString('authProvider') ?? 'serviceAccount';
  if ((AUTH_PROVIDERS as readonly string[]).includes(provider))
    return provider as AuthProvider;
  throw new Error(
    `Cluster "${config.getString(
      'name',
    )}" (${path}.authProvider) uses authProvider "${provider}", which the Portkey gateway plugin cannot serve: it calls the API server itself and supports only ${AUTH_PROVIDERS.join(
      ', ',
    )}. Give the cluster a service account token under portkeyGateway.clusters (authProvider serviceAccount with serviceAccountToken).`,
  );
}

function readCluster(
  config: Config,
  path: string,
  options: ClusterDefinitionOptions,
): ClusterSettings {
  const cluster: ClusterSettings = {
    name: config.getString('name'),
    path,
    url: config.getOptionalString('url'),
    authProvider: readAuthProvider(config, path),
    serviceAccountToken: config.getOptionalString('serviceAccountToken'),
    caData: config.getOptionalString('caData'),
    caFile: config.getOptionalString('caFile'),
    skipTLSVerify: config.getOptionalBoolean('skipTLSVerify'),
    namespaces: config.getOptionalStringArray('namespaces'),
  };
  const tokenFile = options.inClusterTokenPath ?? IN_CLUSTER_TOKEN_PATH;
  if (
    cluster.authProvider === 'serviceAccount' &&
    !cluster.serviceAccountToken &&
    !existsSync(tokenFile)
  ) {
    throw new Error(
      `Cluster "${cluster.name}" (${path}) has authProvider serviceAccount without serviceAccountToken, which means the backend pod's own service account token, but ${tokenFile} does not exist (the backend does not run in a pod). Set serviceAccountToken.`,
    );
  }
  return cluster;
}

/** The user a cluster's requests are made as: a token, the pod's token file, or nobody. */
function userFor(cluster: ClusterSettings, tokenFile: string) {
  if (cluster.authProvider === 'localKubectlProxy')
    return { name: cluster.name };
  if (cluster.serviceAccountToken)
    return { name: cluster.name, token: cluster.serviceAccountToken };
  return {
    name: cluster.name,
    authProvider: { name: 'tokenFile', config: { tokenFile } },
  };
}

function kubeConfigFor(
  cluster: ClusterSettings,
  options: ClusterDefinitionOptions,
): KubeConfig {
  const kc = new KubeConfig();
  if (cluster.authProvider === 'inCluster') {
    kc.loadFromCluster();
    return kc;
  }
  if (!cluster.url) {
    throw new Error(
      `Cluster "${cluster.name}" (${cluster.path}) needs a url (or authProvider inCluster)`,
    );
  }
  kc.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        caData: cluster.caData,
        caFile: cluster.caFile,
        // client-node refuses an http:// server unless told to skip TLS, which it has none of.
        skipTLSVerify:
          cluster.skipTLSVerify ??
          (cluster.authProvider === 'localKubectlProxy' &&
            cluster.url.startsWith('http:')),
      },
    ],
    users: [
      userFor(cluster, options.inClusterTokenPath ?? IN_CLUSTER_TOKEN_PATH),
    ],
    contexts: [
      { name: cluster.name, cluster: cluster.name, user: cluster.name },
    ],
    currentContext: cluster.name,
  });
  return kc;
}

/**
 * The clusters to read gateways from: `portkeyGateway.clusters`; else the `config` clusters
 * of Backstage's Kubernetes plugin, so nobody configures a cluster twice; else the local
 * kubeconfig's current context, as kubectl does.
 */
export function readClusterDefinitions(
  config: Config,
  options: ClusterDefinitionOptions = {},
): ClusterDefinition[] {
  const defaultNamespaces = config.getOptionalStringArray(
    'portkeyGateway.namespaces',
  );
  const own = config.getOptionalConfigArray('portkeyGateway.clusters');
  if (own && own.length > 0) {
    return own
      .map((c, i) => readCluster(c, `portkeyGateway.clusters[${i}]`, options))
      .map(cluster => ({
        name: cluster.name,
        kubeConfig: () => kubeConfigFor(cluster, options),
        namespaces: cluster.namespaces ?? defaultNamespaces,
        source: 'portkeyGateway.clusters' as const,
      }));
  }

  const locators =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  const fromKubernetesPlugin = locators.flatMap((locator, j) =>
    locator.getString('type') === 'config'
      ? (locator.getOptionalConfigArray('clusters') ?? []).map((c, i) =>
          readCluster(
            c,
            `kubernetes.clusterLocatorMethods[${j}].clusters[${i}]`,
            options,
          ),
        )
      : [],
  );
  if (fromKubernetesPlugin.length > 0) {
    return fromKubernetesPlugin.map(cluster => ({
      name: cluster.name,
      kubeConfig: () => kubeConfigFor(cluster, options),
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
