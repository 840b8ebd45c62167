// The three gateways the journey creates through the form, as different as the chart allows:
// the answers a user types, section by section (the template's own names), in the order the
// form asks them. All three go to one namespace, so its Gateways page lists them together.

export const JOURNEY_NAMESPACE = 'ai-journey';

const common = (release: string, owner: string, cluster: string) => ({
  gateway: {
    releaseName: release,
    namespace: JOURNEY_NAMESPACE,
    cluster,
    replicas: 2,
  },
  catalog: { owner },
});

/**
 * S3 with an assumed role through EKS IRSA, analytics to Portkey's control plane, the
 * chart's in-cluster Redis. Owned by the guests: the journey's user reads its logs.
 */
export const irsaGateway = (cluster: string) => ({
  ...common('team-a', 'group:default/guests', cluster),
  core: { organisationsToSync: 'acme-org-0001' },
  analytics: { store: 'control_plane' },
  logStore: {
    store: 's3_assume',
    region: 'eu-west-1',
    bucket: 'acme-team-a-logs',
    auth: 'irsa',
  },
  cache: { store: 'redis' },
  serviceAccount: {
    mode: 'create',
    roleArn: 'arn:aws:iam::123456789012:role/acme-team-a-gateway',
  },
});

/** Azure Blob with Entra, ClickHouse with OTEL push, ElastiCache in cluster mode. */
export const azureGateway = (cluster: string) => ({
  ...common('team-b', 'group:default/platform-team', cluster),
  core: { organisationsToSync: 'acme-org-0002' },
  analytics: {
    store: 'clickhouse',
    endpoint: 'https://clickhouse.acme.example:8443',
    user: 'portkey',
    logTable: 'generations',
    feedbackTable: 'feedbacks',
    generationHooksTable: 'generation_hooks',
  },
  otel: {
    enabled: true,
    endpoint: 'https://otlp.observability.acme.example:4318',
  },
  logStore: {
    store: 'azure',
    storageAccount: 'acmeteamblogs',
    container: 'generations',
    auth: 'entra',
    entraClientId: '00000000-0000-0000-0000-0000000000c1',
    entraTenantId: '00000000-0000-0000-0000-0000000000f1',
  },
  cache: {
    store: 'aws-elastic-cache',
    urlSource: 'literal',
    clusterMode: true,
    url: 'redis://clustercfg.acme-team-b.abc123.use1.cache.amazonaws.com:6379',
  },
});

/**
 * MongoDB (DocumentDB) with a CA PEM from a Secret, a Redis of the team's own, the data
 * service, and Bedrock with access keys. Owned by another team than the journey's user.
 */
export const mongoGateway = (cluster: string) => ({
  ...common('team-c', 'group:default/platform-team', cluster),
  core: { organisationsToSync: 'acme-org-0003' },
  analytics: { store: 'control_plane' },
  logStore: {
    store: 'mongo',
    database: 'portkey',
    collection: 'generations',
    hooksCollection: 'generation_hooks',
    pem: { source: 'secret', name: 'acme-docdb-ca', key: 'global-bundle.pem' },
  },
  cache: {
    store: 'custom',
    urlSource: 'literal',
    url: 'redis://redis-master.acme-cache.svc.cluster.local:6379',
  },
  bedrock: {
    access: 'access_keys',
    region: 'us-east-1',
  },
  dataService: {
    enabled: true,
    finetunesBucket: 'acme-team-c-finetunes',
    logExportsBucket: 'acme-team-c-log-exports',
  },
});
