import { APIRequestContext, expect, Page, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

// Fixed ports: playwright.config.ts starts the portal on 7007 (the backend serving the
// built app); the logs benchmark serves the built app itself on 3000 (e2e/bench/servers.ts).
export const BACKEND_URL = 'http://localhost:7007';
export const PORTAL_URL = BACKEND_URL;
export const FRONTEND_URL = 'http://localhost:3000';

export const REPO_ROOT = path.resolve(__dirname, '..');

/**
 * Opens the portal and signs in with the guest provider, the only one the app's sign-in page
 * offers.
 */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible({ timeout: 60_000 });
  await enter.click();
}

/**
 * A screenshot kept with the test's results (e2e/test-results) and in the report: the full
 * page, or what the window shows (for the Overview's info column, which scrolls by itself and
 * is cut off in a full-page capture).
 */
export async function screenshot(page: Page, name: string, fullPage = true) {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

/** Parses a YAML file given relative to the repository root. */
export function readYaml(relativePath: string): any {
  return parse(fs.readFileSync(path.join(REPO_ROOT, relativePath), 'utf8'));
}

/**
 * Signs in with the guest provider the way the frontend does and returns the
 * Backstage user token (the scaffolder refuses requests without one).
 */
export async function getGuestToken(
  request: APIRequestContext,
): Promise<string> {
  const res = await request.post(`${BACKEND_URL}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  expect(res.status(), await res.text()).toBe(200);
  const body = await res.json();
  const token = body?.backstageIdentity?.token;
  expect(typeof token, 'backstageIdentity.token in the guest answer').toBe(
    'string',
  );
  return token;
}

export type DryRunFile = {
  path: string;
  base64Content: string;
  executable?: boolean;
};

export type DryRunResponse = {
  log: Array<{ body: { message?: string; stepId?: string; status?: string } }>;
  directoryContents: DryRunFile[];
  output: Record<string, unknown>;
  steps: Array<{ id: string; action: string }>;
};

/**
 * POSTs a template and its answers to the scaffolder's dry-run endpoint and
 * checks that it answered 200 with no failed step (a failing step makes the
 * endpoint answer 500 with the error, which the assertion message shows).
 */
export async function dryRun(
  request: APIRequestContext,
  template: unknown,
  values: unknown,
): Promise<DryRunResponse> {
  const res = await dryRunResponse(request, template, values);
  const text = await res.text();
  expect(res.status(), `dry-run answered: ${text.slice(0, 2000)}`).toBe(200);
  const body: DryRunResponse = JSON.parse(text);
  const failed = body.log.filter(entry => entry.body.status === 'failed');
  expect(failed, 'failed steps in the dry-run log').toEqual([]);
  return body;
}

/** The raw dry-run answer, for tests that expect it to fail. */
export async function dryRunResponse(
  request: APIRequestContext,
  template: unknown,
  values: unknown,
) {
  const token = await getGuestToken(request);
  return request.post(`${BACKEND_URL}/api/scaffolder/v2/dry-run`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { template, values, secrets: {}, directoryContents: [] },
  });
}
