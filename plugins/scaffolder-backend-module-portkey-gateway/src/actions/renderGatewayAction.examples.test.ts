import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import YAML from 'yaml';
import { createRenderGatewayAction } from './renderGatewayAction';
import { examples } from './renderGatewayAction.examples';

describe('portkey:gateway:render examples', () => {
  const workspace = createMockDirectory();
  const action = createRenderGatewayAction();

  beforeEach(() => workspace.clear());

  it.each(examples.map(e => [e.description, e]))('%s', async (_, example) => {
    const input = YAML.parse(example.example).steps[0].input;
    const ctx = createMockActionContext({
      input,
      workspacePath: workspace.path,
    });
    await action.handler(ctx as any);

    const folder =
      input.targetPath ??
      `gateways/${input.gateway.namespace}/${input.gateway.releaseName}`;
    const values = YAML.parse(
      workspace.content({ path: folder })?.['values.yaml'] as string,
    );
    expect(values.environment.create).toBe(false);
    expect(values.environment.data.LOG_STORE).toBe(input.logStore.store);
    const entity = YAML.parse(
      workspace.content({ path: folder })?.['catalog-info.yaml'] as string,
    );
    expect(entity.metadata.annotations['portkey.ai/gateway-release']).toBe(
      input.gateway.releaseName,
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'valuesPath',
      `${folder}/values.yaml`,
    );
  });
});
