import {
  startGithubStandIn,
  type ApiExchange,
  type GithubStandIn,
} from '../server';
import { temporaryDir } from './gitCli';

export const TOKEN = 'ghp_standInTestToken0123456789abcdefABCDEF';
export const OWNER = 'acme';
export const REPO = 'gateways';
export const README = '# Gateways\n\nOne folder per Portkey gateway.\n';

/**
 * A stand-in on an ephemeral port with the acme/gateways repository, its log lines and every
 * API exchange collected for the test's checks. Call in a describe; it stops after the tests.
 */
export function useStandIn(options: { files?: Record<string, string> } = {}) {
  const state = {
    server: undefined as unknown as GithubStandIn,
    stateDir: '',
    logs: [] as string[],
    exchanges: [] as ApiExchange[],
    remove: async () => {},
  };
  beforeAll(async () => {
    const dir = await temporaryDir('github-stand-in-');
    state.stateDir = dir.path;
    state.remove = dir.remove;
    state.server = await startGithubStandIn({
      stateDir: dir.path,
      token: TOKEN,
      repositories: [
        {
          owner: OWNER,
          name: REPO,
          files: { 'README.md': README, ...options.files },
        },
      ],
      log: line => state.logs.push(line),
      onApiExchange: exchange => state.exchanges.push(exchange),
    });
  });
  afterAll(async () => {
    await state.server?.stop();
    await state.remove();
  });
  return state;
}

/** A REST call to the stand-in (or any GitHub) with the token, answering status and JSON. */
export async function api(
  apiBaseUrl: string,
  path: string,
  init: {
    method?: string;
    body?: unknown;
    token?: string | null;
    /** Added to (or replacing) the defaults: Accept application/vnd.github+json. */
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; body: any; text: string; headers: Headers }> {
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    ...init.headers,
  };
  const token = init.token === undefined ? TOKEN : init.token;
  if (token) headers.authorization = `token ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${apiBaseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text, headers: response.headers };
}
