import { expect, Page, test } from '@playwright/test';
import { readYaml, screenshot, signInAsGuest } from './support';

// The gateway template's form in the real portal (issue 9): the model's rules stop the user on
// the page where the fix is, the Repository page names the real folder, and the Preview shows
// what Create will propose. The answers come in through the scaffolder's own `formData` query
// parameter, as a link from a runbook would bring them. Create is never pressed: it would open
// a pull request on github.com.

/** The title of the form page shown (the stepper's active step). */
const activePage = (page: Page) => page.locator('.MuiStepLabel-active');

async function next(page: Page, expectedPage: string) {
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(activePage(page)).toHaveText(expectedPage);
}

test('the IRSA journey is stopped on the log store page, then previewed before Create', async ({
  page,
}) => {
  // The chart README's "S3 with assumed role, Method 2: EKS IRSA", with the role left out.
  const answers = readYaml(
    'templates/portkey-gateway/examples/log-store-s3-assume-irsa.yaml',
  );
  const roleArn: string = answers.serviceAccount.roleArn;
  delete answers.serviceAccount.roleArn;

  await test.step('sign in as guest and open the template with the answers', async () => {
    await signInAsGuest(page);
    await expect(
      page.getByRole('link', { name: 'Catalog', exact: true }).first(),
    ).toBeVisible();
    // In-app navigation, as a link inside the portal would bring the user.
    const url = `/create/templates/default/portkey-gateway?formData=${encodeURIComponent(
      JSON.stringify(answers),
    )}`;
    await page.evaluate(target => {
      window.history.pushState({}, '', target);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, url);
    await expect(activePage(page)).toHaveText('Gateway');
  });

  await test.step('the first pages pass; Next on "Log store" stays there with the model’s message', async () => {
    await next(page, 'Core settings and secrets');
    await next(page, 'Analytics');
    await next(page, 'Log store');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(
      page.getByText(/serviceAccount\.roleArn\): is required for IRSA/).first(),
    ).toBeVisible();
    await expect(activePage(page)).toHaveText('Log store');
    await screenshot(page, 'form-irsa-stopped');
  });

  await test.step('the role, asked beside "EKS IRSA", lets the user on', async () => {
    await page
      .getByRole('textbox', { name: /^IAM role for IRSA/ })
      .fill(roleArn);
    await next(page, 'Cache');
    await next(page, 'AWS and identity');
    await next(page, 'Data service and MCP');
    await next(page, 'Repository');
  });

  await test.step('the Repository page names the folder and branch of these answers', async () => {
    const { namespace, releaseName } = answers.gateway;
    await expect(page.getByLabel('Where the files go')).toContainText(
      `gateways/${namespace}/${releaseName}/values.yaml`,
    );
    await expect(page.getByLabel('Where the files go')).toContainText(
      `portkey-gateway/${namespace}/${releaseName}`,
    );
    await screenshot(page, 'form-repository');
  });

  await test.step('the Preview shows the values with the IRSA role and the pull request', async () => {
    await next(page, 'Preview');
    const preview = page.getByTestId('portkey-gateway-preview');
    await expect(preview).toContainText(
      `eks.amazonaws.com/role-arn: ${roleArn}`,
    );
    await expect(preview).toContainText('catalog-info.yaml');
    await expect(
      preview.getByRole('link', { name: 'Download values.yaml' }),
    ).toBeVisible();
    await screenshot(page, 'form-preview');
  });

  await test.step('the review page offers Create', async () => {
    await page.getByRole('button', { name: 'Review' }).click();
    await expect(page.getByRole('button', { name: 'Create' })).toBeVisible();
  });
});
