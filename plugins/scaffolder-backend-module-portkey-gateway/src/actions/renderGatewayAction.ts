import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { branchNameFor, renderGatewayFiles } from '../output/gatewayFiles';
import { writeFilesAtomically } from '../output/writeFilesAtomically';
import { examples } from './renderGatewayAction.examples';

export const RENDER_GATEWAY_ACTION_ID = 'portkey:gateway:render';

const SECTIONS = {
  gateway:
    'Release name, namespace, cluster, chart version, replicas/autoscaling, service type, ingress',
  core: 'SERVICE_NAME, ORGANISATIONS_TO_SYNC and REQUEST_TIMEOUT (PORTKEY_CLIENT_AUTH always comes from the Secret)',
  secrets:
    'secretName: the Kubernetes Secret holding every credential key; imagePullSecretName: the registry pull secret',
  analytics:
    'Analytics store: control_plane or clickhouse (endpoint, user, tables)',
  otel: 'Optional OTEL push (endpoint, resource attributes, protocol, headers from the Secret)',
  logStore:
    'Log store: s3, s3_assume, gcs, wasabi, netapp, s3_custom, azure or mongo, with its settings',
  cache: 'Cache store: redis (in-cluster), aws-elastic-cache or custom',
  bedrock: 'Bedrock assumed-role access: none, access_keys or pod_role',
  dataService:
    'Data service: enabled, fine-tune and log-export buckets, fine-tune role ARN',
  server:
    'Server mode: gateway, all (gateway + MCP) or mcp; MCP port and Service',
  serviceAccount:
    'Service account: create (optionally with an IRSA role) or an existing one',
  catalog: 'Catalog entity: owner, system, lifecycle, description',
} as const;

/**
 * `portkey:gateway:render`: validates the gateway input, writes `values.yaml` and
 * `catalog-info.yaml` under `targetPath` in the workspace, and outputs the pull request's
 * title and body. The sections are declared loosely here on purpose: the handler validates
 * them with the gateway model, whose errors name each field and say what is allowed.
 */
export function createRenderGatewayAction() {
  return createTemplateAction({
    id: RENDER_GATEWAY_ACTION_ID,
    description:
      'Validates Portkey AI gateway choices and renders Helm chart values (secrets only as references to a Kubernetes Secret), a catalog entity, and a pull request title and body for review.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        ...(Object.fromEntries(
          Object.entries(SECTIONS).map(([name, description]) => [
            name,
            (z: any) =>
              z
                .record(z.string(), z.unknown())
                .optional()
                .describe(description),
          ]),
        ) as Record<keyof typeof SECTIONS, (z: any) => any>),
        targetPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Folder inside the workspace for the files (default: gateways/<namespace>/<releaseName>)',
            ),
      },
      output: {
        title: z => z.string().describe('Pull request title'),
        body: z =>
          z.string().describe('Pull request body (Markdown) for the reviewer'),
        branchName: z =>
          z
            .string()
            .describe(
              'Branch name for this gateway: re-runs reuse it and update the same pull request',
            ),
        targetPath: z =>
          z.string().describe('Folder the files were written to'),
        valuesPath: z => z.string(),
        catalogInfoPath: z => z.string(),
        secretName: z =>
          z
            .string()
            .describe('The Kubernetes Secret that must exist before merge'),
        secretKeys: z =>
          z.array(z.string()).describe('The keys that Secret must hold'),
      },
    },
    async handler(ctx) {
      const { targetPath, ...answers } = ctx.input as Record<
        string,
        unknown
      > & { targetPath?: string };
      const result = renderGatewayFiles(answers, targetPath);
      if (!result.ok) {
        throw new InputError(
          result.problem === 'input'
            ? `Invalid Portkey gateway input:\n${result.errors}`
            : result.message,
        );
      }
      const { rendered, output } = result;
      // resolveSafeChildPath also refuses a path that escapes through a symlink;
      // writeFilesAtomically resolves every path before it writes anything.
      const resolve = (relativePath: string) =>
        resolveSafeChildPath(ctx.workspacePath, relativePath);

      await writeFilesAtomically(output.files, resolve);
      ctx.logger.info(
        `${ctx.isDryRun ? '[dry run] ' : ''}Rendered Portkey gateway ${
          rendered.input.gateway.releaseName
        } (${rendered.input.logStore.store} log store, ${
          rendered.input.analytics.store
        } analytics, ${rendered.input.cache.store} cache) to ${
          output.targetPath
        }`,
      );
      for (const warning of rendered.warnings) ctx.logger.warn(warning);

      ctx.output('title', output.pullRequest.title);
      ctx.output('body', output.pullRequest.body);
      ctx.output('branchName', branchNameFor(rendered));
      ctx.output('targetPath', output.targetPath);
      ctx.output('valuesPath', output.valuesPath);
      ctx.output('catalogInfoPath', output.catalogInfoPath);
      ctx.output('secretName', rendered.plan.secretName);
      ctx.output('secretKeys', output.secretKeys);
    },
  });
}
