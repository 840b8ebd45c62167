import { APIRequestContext, expect, Page, test } from '@playwright/test';
import type { PodRun } from '@portkey-gateway-backstage/demo-cluster';
import {
  branchNameFor,
  renderGatewayFiles,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { appendLogLines, readClusterState } from './cluster/state';
import {
  deployMergedGateway,
  fakeSecretValue,
  podLogFile,
} from './journey/deployGateway';
import { activePage, fillGatewayForm } from './journey/fillGatewayForm';
import {
  filesOnBranch,
  GitServerState,
  mergePullRequest,
  parentsOf,
  PullRequest,
  pullRequestsFor,
} from './journey/gitServer';
import {
  azureGateway,
  irsaGateway,
  mongoGateway,
} from './journey/journeyGateways';
import {
  BACKEND_URL,
  getGuestToken,
  screenshot,
  signInAsGuest,
} from './support';

// The whole journey of issue 10, the way users meet it: a platform engineer fills the
// gateway template for three very different gateways, checks the preview and the review, runs
// it, and follows the link to the pull request on the git server (packages/github-stand-in,
// a GitHub stand-in that keeps real git repositories). Then the same form again with a
// change updates that pull request instead of opening a second one.

test.describe.configure({ mode: 'serial' });

/** A gateway's answers, section by section, as journeyGateways.ts writes them. */
type Answers = { gateway: { releaseName: string; namespace: string } } & Record<
  string,
  any
>;

/** The IRSA gateway once more, its one change: three replicas instead of two. */
const irsaGatewayWithThreeReplicas = (cluster: string) => {
  const answers = irsaGateway(cluster);
  return { ...answers, gateway: { ...answers.gateway, replicas: 3 } };
};

const expected = (answers: Answers) => {
  const result = renderGatewayFiles(answers);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return {
    ...result.output,
    branchName: branchNameFor(result.rendered),
    secretName: result.rendered.plan.secretName,
  };
};

async function openTemplate(page: Page) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Create', exact: true }).click();
  await page
    .getByRole('article')
    .filter({ hasText: 'Portkey AI Gateway' })
    .getByRole('button', { name: 'Choose' })
    .click();
  await expect(activePage(page)).toHaveText('Gateway');
}

/**
 * Fills the form, checks the preview and the review, presses Create, waits for the run to
 * finish and follows its "Pull request" link; returns the pull request the git server holds.
 */
async function createThroughTheForm(
  page: Page,
  git: GitServerState,
  answers: Answers,
  shot: string,
): Promise<PullRequest> {
  const files = expected(answers);
  await openTemplate(page);
  await fillGatewayForm(page, answers, git);

  const preview = page.getByTestId('portkey-gateway-preview');
  await expect(preview).toContainText(files.pullRequest.title);
  await expect(preview).toContainText(files.valuesPath);
  await screenshot(page, `${shot}-preview`);

  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByRole('button', { name: 'Create' })).toBeVisible();
  await expect(
    page.getByText(answers.gateway.releaseName).first(),
  ).toBeVisible();
  await screenshot(page, `${shot}-review`);
  await page.getByRole('button', { name: 'Create' }).click();

  // The task page: both steps run; its output links to the pull request.
  const link = page.getByRole('link', { name: 'Pull request' });
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(files.secretKeys[0]).first()).toBeVisible();
  await screenshot(page, `${shot}-task`);
  const href = await link.getAttribute('href');
  expect(href).toMatch(
    new RegExp(`^${git.url}/${git.owner}/${git.repo}/pull/\\d+$`),
  );

  const [open] = (await pullRequestsFor(git, files.branchName)).filter(
    pr => pr.state === 'open',
  );
  expect(open?.html_url).toBe(href);

  // The reviewer's view: the git server's page of the pull request.
  await page.goto(href!);
  await expect(
    page.getByRole('heading', { name: files.pullRequest.title }),
  ).toBeVisible();
  await expect(page.getByText(files.valuesPath).first()).toBeVisible();
  await screenshot(page, `${shot}-pull-request`);
  return open;
}

/** What a reviewer checks on the git server: the branch's files and the body's sections. */
function expectPullRequestOf(
  git: GitServerState,
  pr: PullRequest,
  answers: Answers,
) {
  const files = expected(answers);
  expect(pr.title).toBe(files.pullRequest.title);
  expect(pr.body).toBe(files.pullRequest.body);
  expect(pr.head.ref).toBe(files.branchName);
  expect(pr.base.ref).toBe('main');
  expect(filesOnBranch(git, files.branchName, files.targetPath)).toEqual(
    files.files,
  );
  expect(pr.body).toContain('### Secrets that must exist before merge');
  for (const key of files.secretKeys) expect(pr.body).toContain(key);
}

test('three gateways through the form, each a pull request on the git server', async ({
  page,
}) => {
  const { cluster, gitServer } = readClusterState();
  await signInAsGuest(page);

  await test.step('S3 with IRSA, control-plane analytics, in-cluster Redis', async () => {
    const answers = irsaGateway(cluster);
    const pr = await createThroughTheForm(page, gitServer, answers, 'irsa');
    expectPullRequestOf(gitServer, pr, answers);
    expect(pr.body).toContain('### AWS IAM setup');
    expect(pr.body).toContain(answers.serviceAccount.roleArn);
  });

  await test.step('Azure Entra, ClickHouse with OTEL, ElastiCache in cluster mode', async () => {
    const answers = azureGateway(cluster);
    const pr = await createThroughTheForm(page, gitServer, answers, 'azure');
    expectPullRequestOf(gitServer, pr, answers);
    expect(pr.body).toContain('AZURE_ENTRA_CLIENT_SECRET');
  });

  await test.step('Mongo with a PEM, own Redis, data service, Bedrock', async () => {
    const answers = mongoGateway(cluster);
    const pr = await createThroughTheForm(page, gitServer, answers, 'mongo');
    expectPullRequestOf(gitServer, pr, answers);
    expect(pr.body).toContain('acme-docdb-ca');
    expect(pr.body).toContain('AWS_ASSUME_ROLE_ACCESS_KEY_ID');
  });
});

test('the same form again with a change updates that pull request', async ({
  page,
}) => {
  const { cluster, gitServer } = readClusterState();
  const first = irsaGateway(cluster);
  const changed = irsaGatewayWithThreeReplicas(cluster);
  const branch = expected(first).branchName;
  const [before] = await pullRequestsFor(gitServer, branch);
  await signInAsGuest(page);

  const after = await createThroughTheForm(
    page,
    gitServer,
    changed,
    'irsa-again',
  );

  expect(after.number).toBe(before.number);
  expect(await pullRequestsFor(gitServer, branch)).toHaveLength(1);
  // A new head commit: publish:github:pull-request builds it on the base branch again (its
  // parent is main's head, not the old head) and moves the branch to it.
  expect(after.head.sha).not.toBe(before.head.sha);
  expect(await parentsOf(gitServer, after.head.sha)).toEqual(
    await parentsOf(gitServer, before.head.sha),
  );
  expectPullRequestOf(gitServer, after, changed);
  expect(
    filesOnBranch(gitServer, branch, expected(changed).targetPath)[
      expected(changed).valuesPath
    ],
  ).toContain('replicaCount: 3');
});

/** Reads a file of the merged main branch of the git server. */
const mergedFile = (git: GitServerState, answers: Answers, file: string) => {
  const files = expected(answers);
  return filesOnBranch(git, 'main', files.targetPath)[file];
};

/**
 * After review: the pull request is merged, the platform creates the Secret it lists and
 * GitOps installs the chart with the merged values.yaml; the gateway's catalog-info.yaml is
 * registered from the merged branch (a `url` location, read through the git server).
 */
async function mergeDeployAndRegister(
  request: APIRequestContext,
  answers: Answers,
  gatewayPods: PodRun[],
) {
  const { gitServer, kube } = readClusterState();
  const files = expected(answers);
  const [pr] = (await pullRequestsFor(gitServer, files.branchName)).filter(
    p => p.state === 'open',
  );
  await mergePullRequest(gitServer, pr.number);
  const valuesYaml = mergedFile(gitServer, answers, files.valuesPath);
  expect(valuesYaml).toBe(files.files[files.valuesPath]);

  const pods = await deployMergedGateway(kube, {
    namespace: answers.gateway.namespace,
    release: answers.gateway.releaseName,
    valuesYaml,
    secretName: files.secretName,
    secretKeys: files.secretKeys,
    gatewayPods,
  });

  const token = await getGuestToken(request);
  const target = `${gitServer.url}/${gitServer.owner}/${gitServer.repo}/blob/main/${files.catalogInfoPath}`;
  const registered = await request.post(
    `${BACKEND_URL}/api/catalog/locations`,
    {
      headers: { Authorization: `Bearer ${token}` },
      data: { type: 'url', target },
    },
  );
  expect(registered.status(), await registered.text()).toBe(201);
  return pods;
}

/**
 * The entity's Gateway tab. A gateway the template describes also carries the Kubernetes
 * plugin's annotation, so its page groups both tabs under "Deployment".
 */
async function openGatewayTab(page: Page) {
  await page.getByRole('button', { name: 'Deployment' }).click();
  await page
    .getByRole('menuitemradio', { name: 'Gateway', exact: true })
    .click();
  await expect(page.getByText('Gateway pods')).toBeVisible();
}

const entityTitle = (answers: Answers) =>
  `Portkey gateway ${answers.gateway.releaseName} (${answers.gateway.namespace})`;

test('merged and deployed, a gateway shows its pods, live logs and the settings the form chose', async ({
  page,
  request,
}) => {
  const { cluster, kube } = readClusterState();
  // The pull request as the second run left it.
  const answers = irsaGatewayWithThreeReplicas(cluster);
  // Two pods run; one crash-loops because its log store bucket is not reachable yet.
  const pods = await mergeDeployAndRegister(request, answers, [
    'ready',
    'ready',
    {
      crashLoop: {
        message: 'back-off 1m20s restarting failed container=gateway',
      },
    },
  ]);
  const gatewayPods = pods.filter(p => p.containers.includes('gateway'));
  const healthy = gatewayPods.find(p => p.run === 'ready')!;
  const crashing = gatewayPods.find(p => p.run !== 'ready')!;

  await test.step('its entity page, from the merged catalog-info.yaml', async () => {
    await signInAsGuest(page);
    await page.getByRole('link', { name: entityTitle(answers) }).click();
    await expect(
      page.getByRole('heading', { name: entityTitle(answers) }),
    ).toBeVisible();
  });

  await test.step('the Gateway tab shows its pods and why one fails', async () => {
    await openGatewayTab(page);
    const podRow = (pod: string) =>
      page.getByRole('row', { name: new RegExp(`^${pod} `) });
    await expect(podRow(crashing.name)).toContainText('CrashLoopBackOff');
    await expect(podRow(healthy.name)).toContainText('Running');
    await screenshot(page, 'deployed-status');
  });

  await test.step('its settings are what the form chose, with no secret value', async () => {
    await page.getByRole('tab', { name: 'Settings' }).click();
    await expect(
      page.getByText('Amazon S3, assumed role').first(),
    ).toBeVisible();
    await expect(page.getByText(answers.logStore.bucket).first()).toBeVisible();
    await expect(
      page.getByText(answers.serviceAccount.roleArn).first(),
    ).toBeVisible();
    await expect(page.getByText('Portkey control plane').first()).toBeVisible();
    const html = await page.content();
    for (const key of expected(answers).secretKeys)
      expect(html).not.toContain(fakeSecretValue(key));
    await screenshot(page, 'deployed-settings');
  });

  await test.step('its logs follow live', async () => {
    await page.getByRole('tab', { name: 'Logs' }).click();
    await page.getByRole('button', { name: / Pod$/ }).click();
    await page.getByRole('option', { name: healthy.name }).click();
    await expect(page.getByRole('switch', { name: 'Follow' })).toBeChecked();
    const line = `journey request served at ${Date.now()}`;
    appendLogLines(
      podLogFile(kube, answers.gateway.namespace, healthy.name, 'gateway'),
      [line],
    );
    await expect(page.getByText(line)).toBeVisible({ timeout: 10_000 });
    await screenshot(page, 'deployed-logs');
  });
});

test('a user without the logs permission sees the status but not the logs; the namespace lists both', async ({
  page,
  request,
}) => {
  const { cluster } = readClusterState();
  const ours = irsaGatewayWithThreeReplicas(cluster);
  // Another team's gateway: the guest may see its health, not its logs (the portal's policy).
  const theirs = mongoGateway(cluster);
  await mergeDeployAndRegister(request, theirs, ['ready', 'ready']);

  await test.step('another team’s gateway: status shown, logs refused', async () => {
    await signInAsGuest(page);
    await page.getByRole('menuitem', { name: /^All/ }).click();
    await page.getByRole('link', { name: entityTitle(theirs) }).click();
    await openGatewayTab(page);
    await expect(
      page.getByRole('row', { name: /Running/ }).first(),
    ).toBeVisible();
    await page.getByRole('tab', { name: 'Logs' }).click();
    await expect(
      page.getByText("You may not read this gateway's logs").first(),
    ).toBeVisible();
    await expect(page.getByText(/listening \(journey pod/)).toHaveCount(0);
    await screenshot(page, 'other-team-journey-logs-refused');
  });

  await test.step('the namespace’s Gateways page lists both gateways', async () => {
    await page.getByRole('link', { name: 'Gateways' }).click();
    await page.getByRole('button', { name: /Namespace/ }).click();
    await page
      .getByRole('option', { name: new RegExp(ours.gateway.namespace) })
      .click();
    const row = (release: string) =>
      page
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: release }) });
    await expect(row(ours.gateway.releaseName)).toContainText('2/3');
    await expect(row(theirs.gateway.releaseName)).toContainText('2/2');
    await screenshot(page, 'journey-namespace-gateways');
  });
});
