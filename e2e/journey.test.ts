import { expect, Page, test } from '@playwright/test';
import {
  branchNameFor,
  renderGatewayFiles,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { readClusterState } from './cluster/state';
import { activePage, fillGatewayForm } from './journey/fillGatewayForm';
import {
  filesOnBranch,
  GitServerState,
  parentsOf,
  PullRequest,
  pullRequestsFor,
} from './journey/gitServer';
import {
  azureGateway,
  irsaGateway,
  mongoGateway,
} from './journey/journeyGateways';
import { screenshot, signInAsGuest } from './support';

// The whole journey of issue 10, the way users meet it: a platform engineer fills the
// gateway template for three very different gateways, checks the preview and the review, runs
// it, and follows the link to the pull request on the git server (packages/github-stand-in,
// a GitHub stand-in that keeps real git repositories). Then the same form again with a
// change updates that pull request instead of opening a second one.

test.describe.configure({ mode: 'serial' });

/** A gateway's answers, section by section, as journeyGateways.ts writes them. */
type Answers = { gateway: { releaseName: string } } & Record<string, any>;

const expected = (answers: Answers) => {
  const result = renderGatewayFiles(answers);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return { ...result.output, branchName: branchNameFor(result.rendered) };
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
  const changed = { ...first, gateway: { ...first.gateway, replicas: 3 } };
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
