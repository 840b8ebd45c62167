import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

/** A GitHub the scaffolder's publish step talks to (the stand-in), as an integration entry. */
export type GithubIntegration = {
  host: string;
  apiBaseUrl: string;
  token: string;
};

/**
 * Writes the test's config, loaded last: the backend on 127.0.0.1:<port> (app and backend
 * at the same URL, as in production), a static external-access token for the test client,
 * and the GitHub integration, which replaces app-config.yaml's github.com (a later config
 * file replaces arrays), so nothing leaves the loopback. It holds the run's token: mode 0600,
 * in the run's temporary directory. The database credentials are not in it: the backend
 * reads them from its environment (app-config.production.yaml's ${POSTGRES_*}).
 */
export function writeTestOverlay(
  dir: string,
  options: { port: number; token: string; github: GithubIntegration },
): string {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const file = path.join(dir, 'app-config.production-test.yaml');
  fs.writeFileSync(
    file,
    stringify({
      app: { baseUrl },
      backend: {
        baseUrl,
        listen: `127.0.0.1:${options.port}`,
        cors: { origin: baseUrl },
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token: options.token, subject: 'production-test' },
            },
          ],
        },
      },
      integrations: { github: [options.github] },
    }),
    { mode: 0o600 },
  );
  return file;
}
