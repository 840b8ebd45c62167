import { test, expect } from '@playwright/test';
import { signInAsGuest } from './support';

// The browser path a user takes: guest sign-in, the catalog, the template list.
test('guest signs in, sees the catalog and the Portkey AI Gateway template', async ({
  page,
}) => {
  await test.step('sign in as guest', async () => {
    await signInAsGuest(page);
  });

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });

  await test.step('the catalog lists the example entities', async () => {
    await expect(
      nav.getByRole('link', { name: 'Catalog', exact: true }),
    ).toBeVisible();
    // The catalog is the landing page.
    await expect(
      page.getByRole('link', { name: 'Portkey Gateway (demo)' }),
    ).toBeVisible();
  });

  await test.step('/create offers the Portkey AI Gateway template', async () => {
    await nav.getByRole('link', { name: 'Create', exact: true }).click();
    await expect(page).toHaveURL(/\/create/);
    await expect(
      page.getByText('Portkey AI Gateway', { exact: true }),
    ).toBeVisible();
  });
});
