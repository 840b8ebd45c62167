import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import YAML from 'yaml';

const step = (name: string, input: Record<string, unknown>) =>
  YAML.stringify({
    steps: [{ id: 'render', name, action: 'portkey:gateway:render', input }],
  });

const catalog = { owner: 'group:default/platform-team' };

/** Step snippets for the action's documentation; each one is run by the examples test. */
export const examples: TemplateExample[] = [
  {
    description:
      'A gateway that logs to S3 with access keys, analytics through the Portkey control plane and the in-cluster Redis',
    example: step('Render gateway values', {
      gateway: { releaseName: 'team-a', namespace: 'ai-gateways' },
      core: { organisationsToSync: 'org-1a2b3c' },
      logStore: {
        store: 's3',
        region: 'us-east-1',
        bucket: 'acme-portkey-logs',
      },
      catalog,
    }),
  },
  {
    description:
      'EKS IRSA: an assumed-role S3 log store and Bedrock through the pod role, with a created, annotated service account',
    example: step('Render gateway values (IRSA)', {
      gateway: {
        releaseName: 'payments-gateway',
        namespace: 'payments',
        cluster: 'prod-eu',
      },
      core: { organisationsToSync: 'org-1a2b3c' },
      logStore: {
        store: 's3_assume',
        auth: 'irsa',
        region: 'eu-west-1',
        bucket: 'acme-portkey-logs',
      },
      serviceAccount: {
        mode: 'create',
        roleArn: 'arn:aws:iam::123456789012:role/portkey-gateway',
      },
      bedrock: {
        access: 'pod_role',
        roleArn: 'arn:aws:iam::123456789012:role/portkey-bedrock',
      },
      catalog,
    }),
  },
  {
    description:
      'ClickHouse analytics with OTEL push, Azure Blob Storage through an Entra application and ElastiCache in cluster mode',
    example: step('Render gateway values (Azure + ClickHouse)', {
      gateway: {
        releaseName: 'research',
        namespace: 'research-ai',
        replicas: 3,
      },
      core: { organisationsToSync: 'org-1a2b3c' },
      analytics: {
        store: 'clickhouse',
        endpoint: 'https://clickhouse.internal.acme.example:8443',
        user: 'portkey',
        logTable: 'generations',
        feedbackTable: 'feedbacks',
        generationHooksTable: 'generation_hooks',
      },
      otel: {
        enabled: true,
        endpoint: 'http://otel-collector.observability:4318',
        headersFromSecret: true,
      },
      logStore: {
        store: 'azure',
        auth: 'entra',
        storageAccount: 'acmeportkeylogs',
        container: 'generations',
        entraClientId: '00000000-0000-0000-0000-000000000001',
        entraTenantId: '00000000-0000-0000-0000-000000000002',
      },
      cache: {
        store: 'aws-elastic-cache',
        urlSource: 'secret',
        clusterMode: true,
      },
      catalog,
    }),
  },
  {
    description:
      'Write the files to a folder of your choice and run the gateway as an MCP server too',
    example: step('Render gateway values (MCP)', {
      gateway: { releaseName: 'tools', namespace: 'mcp' },
      core: { organisationsToSync: 'org-1a2b3c' },
      logStore: {
        store: 'gcs',
        region: 'us-central1',
        bucket: 'acme-portkey-logs',
      },
      server: { mode: 'all', separateMcpService: true },
      catalog,
      targetPath: 'clusters/prod/portkey/tools',
    }),
  },
];
