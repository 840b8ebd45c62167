import { expect, test } from '@playwright/test';
import { demoSecretValues } from '@portkey-gateway-backstage/demo-cluster';
import { appendLogLines, readClusterState } from './cluster/state';
import { screenshot, signInAsGuest } from './support';

// A gateway as an SRE checks it: its entity page shows its pods and why one fails, its logs
// follow live, and its settings say what it runs with. The backend reads a real
// kube-apiserver (e2e/cluster), with the stub kubelet behind it for the logs.

test('an SRE opens a gateway, sees a failing pod, follows its logs and reads its settings', async ({
  page,
}) => {
  const { gateway, logFiles } = readClusterState();
  const entityTitle = `Portkey gateway ${gateway.release} (${gateway.namespace})`;

  await test.step('sign in as guest and open the gateway entity', async () => {
    await signInAsGuest(page);
    await page.getByRole('link', { name: entityTitle }).click();
    await expect(
      page.getByRole('heading', { name: entityTitle }),
    ).toBeVisible();
  });

  await test.step('the Overview card shows its health at a glance', async () => {
    const card = page.locator('article, div').filter({
      has: page.getByText('Portkey gateway', { exact: true }),
    });
    await expect(
      card.getByText('Replicas: 2 of 3 ready').first(),
    ).toBeVisible();
    await expect(card.getByText(/CrashLoopBackOff/).first()).toBeVisible();
    await card
      .getByText(/CrashLoopBackOff/)
      .first()
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'overview-card', false);
  });

  await test.step('the Gateway tab lists the pods and the failing pod’s reason', async () => {
    // The entity page's tabs are links.
    await page.getByRole('link', { name: 'Gateway', exact: true }).click();
    await expect(page.getByText('Gateway pods')).toBeVisible();
    // The pods table's rows start with the pod's name.
    const podRow = (pod: string) =>
      page.getByRole('row', { name: new RegExp(`^${pod} `) });
    await expect(podRow(gateway.crashingPod)).toContainText('CrashLoopBackOff');
    await expect(podRow(gateway.healthyPods[0])).toContainText('Running');
    await expect(
      page
        .getByText(/keeps exiting and Kubernetes waits before each restart/)
        .first(),
    ).toBeVisible();
    await screenshot(page, 'gateway-status');
  });

  await test.step('its settings say which stores it runs with and which key is missing', async () => {
    await page.getByRole('tab', { name: 'Settings' }).click();
    await expect(page.getByText(/^Amazon S3/).first()).toBeVisible();
    await expect(page.getByText(/PORTKEY_CLIENT_AUTH/).first()).toBeVisible();
    // The fake credentials in the gateway's Secret never reach the page.
    const html = await page.content();
    for (const fake of demoSecretValues()) expect(html).not.toContain(fake);
    await screenshot(page, 'gateway-settings');
  });

  await test.step('the logs follow live: a line written after the page opened appears', async () => {
    await page.getByRole('tab', { name: 'Logs' }).click();
    // The first pod (by name) is the crash-looping one: its last words are shown.
    await expect(
      page.getByText(/cannot connect to clickhouse/).first(),
    ).toBeVisible();
    // Pick the healthy pod, which the stub kubelet lets us write to.
    await page.getByRole('button', { name: / Pod$/ }).click();
    await page.getByRole('option', { name: gateway.healthyPods[0] }).click();
    await expect(
      page.getByText('Portkey gateway listening on port 8787'),
    ).toBeVisible();
    // Following is on by default.
    await expect(page.getByRole('switch', { name: 'Follow' })).toBeChecked();
    const line = `e2e line written at ${Date.now()}`;
    appendLogLines(logFiles.healthy, [line]);
    await expect(page.getByText(line)).toBeVisible({ timeout: 10_000 });
    await screenshot(page, 'gateway-logs');
  });
});

test("a gateway of another team: its health is shown, its logs and settings are its owners'", async ({
  page,
}) => {
  // The portal's policy (packages/backend/src/modules/portkeyGatewayPolicy.ts): everyone
  // reads a gateway's status; logs and settings are for the entity's owners. The guest is in
  // group guests; this gateway belongs to platform-team.
  const { otherTeamGateway: gateway } = readClusterState();
  const entityTitle = `Portkey gateway ${gateway.release} (${gateway.namespace})`;

  await test.step('sign in as guest and open the other team’s gateway', async () => {
    await signInAsGuest(page);
    // The catalog opens on the guest's own components: this one is not.
    await page.getByRole('menuitem', { name: /^All/ }).click();
    await page.getByRole('link', { name: entityTitle }).click();
    await page.getByRole('link', { name: 'Gateway', exact: true }).click();
  });

  await test.step('its status is there: every pod ready', async () => {
    await expect(page.getByText('Gateway pods')).toBeVisible();
    for (const pod of gateway.healthyPods)
      await expect(
        page.getByRole('row', { name: new RegExp(`^${pod} `) }),
      ).toContainText('Running');
    await screenshot(page, 'other-team-status');
  });

  await test.step('its logs are refused with the backend’s reason, and no line is shown', async () => {
    await page.getByRole('tab', { name: 'Logs' }).click();
    await expect(
      page
        .getByText(
          `Missing permission portkey.gateway.logs.read for component:default/${gateway.entityName}`,
        )
        .first(),
    ).toBeVisible();
    await expect(
      page.getByText('Portkey gateway listening on port 8787'),
    ).toHaveCount(0);
    await screenshot(page, 'other-team-logs-refused');
  });

  await test.step('its settings are refused too', async () => {
    await page.getByRole('tab', { name: 'Settings' }).click();
    await expect(
      page.getByText(/You may not see this gateway.s settings/).first(),
    ).toBeVisible();
    await expect(page.getByText(/^Amazon S3/)).toHaveCount(0);
    await screenshot(page, 'other-team-settings-refused');
  });

  await test.step('the Gateways page lists both gateways of the namespace with their health', async () => {
    const { gateway: ours } = readClusterState();
    await page.getByRole('link', { name: 'Gateways' }).click();
    await page.getByRole('button', { name: /Namespace/ }).click();
    await page
      .getByRole('option', { name: new RegExp(gateway.namespace) })
      .click();
    const row = (release: string) =>
      page
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: release }) });
    await expect(row(ours.release)).toContainText('Rollout degraded');
    await expect(row(ours.release)).toContainText('2/3');
    await expect(row(gateway.release)).toContainText('Rollout complete');
    await expect(row(gateway.release)).toContainText('2/2');
    await screenshot(page, 'gateways-page');
  });
});

test('while a gateway loads a progress bar shows, and a cluster that cannot be reached says so', async ({
  page,
}) => {
  const { unreachableEntity } = readClusterState();

  await test.step('sign in as guest and open a gateway whose cluster never answers', async () => {
    await signInAsGuest(page);
    await page.getByRole('link', { name: unreachableEntity.title }).click();
  });

  await test.step('the status shows a progress bar until the backend answers', async () => {
    // Hold the status reads until the progress bar has been seen.
    let release = () => {};
    const held = new Promise<void>(resolve => (release = resolve));
    const statusReads = '**/api/portkey-gateway/entities/**/status';
    await page.route(statusReads, async route => {
      await held;
      await route.continue();
    });
    await page.getByRole('link', { name: 'Gateway', exact: true }).click();
    await expect(page.getByRole('progressbar').first()).toBeVisible();
    await screenshot(page, 'status-loading');
    // Later reads pass straight through: `held` has resolved.
    release();
  });

  await test.step('then it says the cluster cannot be reached, in the backend’s words', async () => {
    await expect(
      page.getByText(/Cluster "e2e-unreachable" cannot be reached/).first(),
    ).toBeVisible();
    await screenshot(page, 'status-cluster-unreachable');
  });
});
