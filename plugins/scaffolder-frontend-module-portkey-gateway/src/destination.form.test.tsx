import { screen } from '@testing-library/react';
import {
  example,
  goTo,
  renderTemplateForm,
} from './__testUtils__/templateForm';

// The Repository page says where the pull request puts the files for the answers given
// (issue 9: "show the real path for the answers given"), through the real template's form.
// Eight pages of the real form in jsdom take a while on a busy machine.
jest.setTimeout(120_000);
describe('the Repository page', () => {
  it('names the folder and branch of these answers, not a placeholder', async () => {
    const answers = example('log-store-s3.yaml');
    await renderTemplateForm(answers);
    await goTo('Repository');
    const destination = screen.getByLabelText('Where the files go');
    const { namespace, releaseName } = answers.gateway;
    expect(destination).toHaveTextContent(
      `The pull request adds gateways/${namespace}/${releaseName}/values.yaml and ` +
        `gateways/${namespace}/${releaseName}/catalog-info.yaml to the repository chosen below, ` +
        `on the branch portkey-gateway/${namespace}/${releaseName}.`,
    );
  });

  it('follows a changed release name', async () => {
    const answers = example('log-store-s3.yaml');
    await renderTemplateForm({
      ...answers,
      gateway: { ...answers.gateway, releaseName: 'team-b' },
    });
    await goTo('Repository');
    expect(screen.getByLabelText('Where the files go')).toHaveTextContent(
      `gateways/${answers.gateway.namespace}/team-b/values.yaml`,
    );
  });
});
