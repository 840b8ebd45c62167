import { expect, Page } from '@playwright/test';
import type { E2eClusterState } from '../cluster/state';
import { signInAsGuest } from '../support';

/**
 * Signs in as guest and opens the Logs of the gateway entity's healthy pod, as
 * e2e/gateway.test.ts does, with Follow on (the default).
 */
export async function openHealthyPodLogs(
  page: Page,
  { gateway }: E2eClusterState,
) {
  const entityTitle = `Portkey gateway ${gateway.release} (${gateway.namespace})`;
  await signInAsGuest(page);
  await page.getByRole('link', { name: entityTitle }).click();
  await page.getByRole('link', { name: 'Gateway', exact: true }).click();
  await page.getByRole('tab', { name: 'Logs' }).click();
  await page.getByRole('button', { name: / Pod$/ }).click();
  await page.getByRole('option', { name: gateway.healthyPods[0] }).click();
  await expect(page.getByRole('switch', { name: 'Follow' })).toBeChecked();
}

/** Picks "Last N" in the Lines menu: the view reads the log again with that tail. */
export async function chooseTailLines(page: Page, lines: number) {
  await page.getByRole('button', { name: / Lines$/ }).click();
  await page
    .getByRole('option', {
      name: `Last ${lines.toLocaleString('en-US')}`,
      exact: true,
    })
    .click();
}
