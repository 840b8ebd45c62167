import type { MockDirectory } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { createPublishGithubPullRequestAction } from '@backstage/plugin-scaffolder-backend-module-github';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';

/** Backstage's integrations.github entry for a GitHub (the stand-in, or github.com). */
export type GithubEntry = { host: string; apiBaseUrl?: string; token: string };

export function integrationsFor(entry: GithubEntry) {
  return ScmIntegrations.fromConfig(
    new ConfigReader({ integrations: { github: [entry] } }),
  );
}

/** The template's publish step's inputs (templates/portkey-gateway/template.yaml). */
export type PublishInput = {
  repoUrl: string;
  branchName: string;
  title: string;
  description: string;
  targetPath: string;
};

/** A gateway's files as the render step writes them, under `targetPath` in the workspace. */
export function gatewayFiles(release: string, replicas: number) {
  return {
    'values.yaml': `replicaCount: ${replicas}\nenvironment:\n  create: false\n  secret: true\n  secretKeyName: ${release}-env\n`,
    'catalog-info.yaml': `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${release}-gateway\n  annotations:\n    portkey.ai/gateway-release: ${release}\nspec:\n  type: service\n  lifecycle: production\n  owner: group:default/guests\n`,
  };
}

/**
 * Runs Backstage's real, unchanged `publish:github:pull-request` action as the template's
 * publish step runs it (sourcePath = targetPath, update: true) and returns its outputs.
 */
export async function runPublishAction(options: {
  entry: GithubEntry;
  workspace: MockDirectory;
  files: Record<string, string>;
  input: PublishInput;
}): Promise<Record<string, unknown>> {
  const integrations = integrationsFor(options.entry);
  const action = createPublishGithubPullRequestAction({
    integrations,
    githubCredentialsProvider:
      DefaultGithubCredentialsProvider.fromIntegrations(integrations),
    config: new ConfigReader({}),
  });
  options.workspace.clear();
  options.workspace.setContent({ [options.input.targetPath]: options.files });
  const outputs: Record<string, unknown> = {};
  const ctx = createMockActionContext({
    input: {
      repoUrl: options.input.repoUrl,
      branchName: options.input.branchName,
      title: options.input.title,
      description: options.input.description,
      commitMessage: options.input.title,
      sourcePath: options.input.targetPath,
      targetPath: options.input.targetPath,
      update: true,
    },
    workspacePath: options.workspace.path,
  });
  (ctx.output as jest.Mock).mockImplementation(
    (name: string, value: unknown) => {
      outputs[name] = value;
    },
  );
  await action.handler(ctx as any);
  return outputs;
}
