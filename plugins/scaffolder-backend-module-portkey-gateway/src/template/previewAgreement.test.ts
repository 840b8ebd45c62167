import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { branchNameFor } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import {
  exampleFiles,
  previewOf,
  readExample,
  template,
} from '../__testUtils__/templateFiles';
import { createRenderGatewayAction } from '../actions/renderGatewayAction';

// The template's last page previews the run with renderGatewayFiles from the common package,
// in the browser (plugins/scaffolder-frontend-module-portkey-gateway, preview.form.test.tsx
// checks the page shows exactly that). Here: for every example, what the action writes and
// outputs is byte for byte that same rendering, so the preview cannot drift from the run.

/** The render step's input for the answers, as the template maps parameters to it. */
function renderStepInput(answers: Record<string, unknown>) {
  const render = template.spec.steps.find((s: any) => s.id === 'render');
  return Object.fromEntries(
    Object.entries<string>(render.input).map(([key, expression]) => {
      const parameter = expression.match(/^\$\{\{ parameters\.(\w+) \}\}$/);
      if (!parameter) throw new Error(`unexpected render input ${expression}`);
      return [key, answers[parameter[1]]];
    }),
  );
}

describe('the preview and the action agree', () => {
  const workspace = createMockDirectory();
  const action = createRenderGatewayAction();
  beforeEach(() => workspace.clear());

  it.each(exampleFiles)('%s', async file => {
    const answers = readExample(file);
    const input = renderStepInput(answers);
    const ctx = createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
    });
    await action.handler(ctx as any);
    const outputs = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([name, value]) => [
        name,
        value,
      ]),
    );

    // What the preview renders: the form's sections (repoUrl and form-only fields dropped).
    const { output, rendered } = previewOf(answers);

    const written = Object.fromEntries(
      Object.keys(output.files).map(filePath => [
        filePath,
        fs.readFileSync(path.join(workspace.path, filePath), 'utf8'),
      ]),
    );
    expect(written).toEqual(output.files);
    expect(
      fs
        .readdirSync(path.join(workspace.path, output.targetPath))
        .sort()
        .map(name => path.posix.join(output.targetPath, name)),
    ).toEqual(Object.keys(output.files).sort());
    expect(outputs).toEqual({
      title: output.pullRequest.title,
      body: output.pullRequest.body,
      branchName: branchNameFor(rendered),
      targetPath: output.targetPath,
      valuesPath: output.valuesPath,
      catalogInfoPath: output.catalogInfoPath,
      secretName: rendered.plan.secretName,
      secretKeys: output.secretKeys,
    });
  });
});
