export interface Config {
  /** Configuration of the Portkey gateway status view (plugin portkey-gateway). */
  portkeyGateway?: {
    /**
     * Namespaces whose gateways may be read, for clusters that do not list their own
     * (including clusters taken from the Kubernetes plugin or the kubeconfig); default: all.
     */
    namespaces?: string[];
    /**
     * The `nameOverride` values of gateway releases installed with one (by hand: the gateway
     * template never sets it). Their objects carry that name label instead of `gateway`, and
     * are found only when listed here. Default: none.
     */
    chartNameOverrides?: string[];
    /** How gateway status is read from Kubernetes. */
    status?: {
      /**
       * true (default): each namespace someone looks at is listed once and then watched, so
       * any number of viewers costs the API server the same, and status is current to the
       * moment. Needs `watch` on pods, deployments and events (without it the plugin falls
       * back to listing per request). false: list per request, identical requests within 2 s
       * sharing one answer.
       */
      watch?: boolean;
      /** Seconds a watched namespace nobody asks about stays watched. Default 300. */
      watchIdleSeconds?: number;
    };
    /**
     * The clusters gateways run in. When omitted, the clusters of Backstage's Kubernetes plugin
     * (`kubernetes.clusterLocatorMethods` of type `config`) are used; when there are none, the
     * local kubeconfig's current context, as kubectl does.
     */
    clusters?: Array<{
      /** The name users see and catalog entities refer to (annotation portkey.ai/gateway-cluster). */
      name: string;
      /** The API server URL, e.g. https://k8s.example.com:6443. Omit with authProvider inCluster. */
      url?: string;
      /**
       * serviceAccount (the default): serviceAccountToken, or without one the backend pod's own
       * service account token file, as in the Kubernetes plugin; inCluster: the pod's own
       * service account and API server; localKubectlProxy: `url` is a `kubectl proxy`, called
       * without credentials. Any other value is refused at start.
       */
      authProvider?: 'serviceAccount' | 'inCluster' | 'localKubectlProxy';
      /**
       * The service-account token the backend calls the API server with.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /** The API server's CA certificate, base64-encoded PEM. */
      caData?: string;
      /** Path to a file with the API server's CA certificate. */
      caFile?: string;
      /** Skips TLS verification: for development clusters only. */
      skipTLSVerify?: boolean;
      /** Namespaces whose gateways may be read; default: all. */
      namespaces?: string[];
    }>;
  };
}
