import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import request from 'supertest';
import {
  exampleFiles,
  previewOf,
  readExample,
  template,
} from '../__testUtils__/templateFiles';
import { scaffolderModulePortkeyGateway } from '../module';

// A dry run through the scaffolder backend (its parameter validation, the template's
// expressions, both steps with the GitHub module's dry run) for every example, against the
// rendering the form's preview shows (renderGatewayFiles of the common package): the files it
// writes are the preview's, byte for byte, and the output names the preview's Secret and keys.

jest.setTimeout(60_000);

describe('a dry run through the scaffolder backend', () => {
  let server: Parameters<typeof request>[0];

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        githubModule,
        scaffolderModulePortkeyGateway,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          // The GitHub action wants a token before its dry-run branch; it calls nothing then.
          data: {
            integrations: {
              github: [{ host: 'github.com', token: 'placeholder-dry-run' }],
            },
          },
        }),
      ],
    });
    server = backend.server;
  });

  it.each(exampleFiles)('%s writes what the preview shows', async file => {
    const answers = readExample(file);
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .send({ template, values: answers, directoryContents: [] });
    expect([res.status, res.body.errors ?? res.body.error]).toEqual([
      200,
      undefined,
    ]);

    const preview = previewOf(answers);
    const written = Object.fromEntries(
      res.body.directoryContents.map(
        (f: { path: string; base64Content: string }) => [
          f.path,
          Buffer.from(f.base64Content, 'base64').toString('utf8'),
        ],
      ),
    );
    expect(written).toEqual(preview.output.files);

    const text = JSON.stringify(res.body.output.text);
    expect(text).toContain(
      `Create the Secret **${preview.rendered.plan.secretName}**`,
    );
    expect(text).toContain(
      `with these keys: ${preview.output.secretKeys.join(', ')}.`,
    );
  });

  it('refuses the IRSA journey without a role with the message the form shows', async () => {
    const answers = readExample('log-store-s3-assume-irsa.yaml');
    delete answers.serviceAccount.roleArn;
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .send({ template, values: answers, directoryContents: [] });
    expect(JSON.stringify(res.body)).toContain(
      'serviceAccount.roleArn: is required for IRSA: the created service account needs the eks.amazonaws.com/role-arn annotation (or use an existing, annotated service account)',
    );
  });
});
