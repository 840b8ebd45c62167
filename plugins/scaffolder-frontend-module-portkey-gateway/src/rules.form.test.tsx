import { screen, waitFor } from '@testing-library/react';
import {
  choose,
  currentPage,
  example,
  goTo,
  pressNext,
  renderTemplateForm,
  rulesPanel,
  type,
} from './__testUtils__/templateForm';

jest.setTimeout(60_000);

describe('the IRSA journey (issue 9)', () => {
  it('stops on the log store page when EKS IRSA has no role, with the model message', async () => {
    // The chart README's "S3 with assumed role, Method 2: EKS IRSA", role left empty.
    const answers = example('log-store-s3.yaml');
    await renderTemplateForm(answers);
    await goTo('Log store');

    await choose(/^Log store/, 'AWS S3 with an assumed role');
    await choose(
      /^How the gateway gets AWS credentials/,
      'EKS IRSA (service account role)',
    );
    // The role is asked for beside the choice.
    expect(
      screen.getByRole('textbox', { name: /^IAM role for IRSA/ }),
    ).toBeInTheDocument();

    await pressNext();
    expect(currentPage()).toBe('Log store');
    await waitFor(() =>
      expect(rulesPanel()).toHaveTextContent(
        'IAM role for IRSA (serviceAccount.roleArn): is required for IRSA: the created service account needs the eks.amazonaws.com/role-arn annotation (or use an existing, annotated service account)',
      ),
    );

    await type(
      /^IAM role for IRSA/,
      'arn:aws:iam::123456789012:role/portkey-logs',
    );
    await waitFor(() => expect(rulesPanel()).toHaveTextContent(''));
    await pressNext();
    expect(currentPage()).toBe('Cache');
  });
});
