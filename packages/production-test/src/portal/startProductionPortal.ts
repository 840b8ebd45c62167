import {
  GatewayCluster,
  startGatewayCluster,
  writePortalConfig,
} from '@portkey-gateway-backstage/demo-cluster';
import {
  GithubStandIn,
  startGithubStandIn,
} from '@portkey-gateway-backstage/github-stand-in';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../net/freePort';
import { startTestPostgres, TestPostgres } from '../postgres/startTestPostgres';
import { REPO_ROOT } from '../repoRoot';
import { PortalBackend, startPortalBackend } from './startPortalBackend';
import { writeTestOverlay } from './writeTestOverlay';

/** The cluster's name in the portal (the demo entities' portkey.ai/gateway-cluster). */
export const CLUSTER_NAME = 'production-test';

/** The repository the template's pull requests go to, on the GitHub stand-in. */
export const GITOPS_REPOSITORY = { owner: 'platform', name: 'gitops' };

/** Everything the stage runs, and the handles the checks use. */
export type ProductionPortal = {
  postgres: TestPostgres;
  cluster: GatewayCluster;
  /** packages/github-stand-in: what the scaffolder's publish step talks to. */
  github: GithubStandIn;
  /** The one token the stand-in accepts (the portal's GitHub integration has it). */
  githubToken: string;
  backend: PortalBackend;
  /** The static external-access token of this run: `Authorization: Bearer <token>`. */
  token: string;
  /** The files the backend was started with after app-config.yaml (for config:check). */
  configFiles: string[];
  /** The environment it was started with on top of this process's (database credentials). */
  env: Record<string, string>;
  /** Stops the backend and starts it again with the same config, port and database. */
  restartBackend: () => Promise<void>;
  /** Stops everything; safe to call after a partial start. */
  stop: () => Promise<void>;
};

/**
 * Starts, in `runDir` (a fresh temporary directory): a throwaway PostgreSQL, the demo
 * kube-apiserver with its gateways (packages/demo-cluster), the GitHub stand-in
 * (packages/github-stand-in) with an empty GITOPS_REPOSITORY, and the portal's backend on
 * them with app-config.production.yaml and the test's overlay.
 */
export async function startProductionPortal(
  runDir: string,
): Promise<ProductionPortal> {
  const stops: Array<() => Promise<void> | void> = [];
  const stop = async () => {
    for (const f of stops.splice(0).reverse()) {
      await Promise.resolve(f()).catch(() => undefined);
    }
  };
  try {
    // Others may pass through (not list) the run's directory: as root, PostgreSQL runs as the
    // postgres user in its own subdirectory. Everything else in it is 0600 or 0700.
    fs.chmodSync(runDir, 0o711);
    const postgres = await startTestPostgres(path.join(runDir, 'postgres'));
    stops.push(postgres.stop);
    const cluster = await startGatewayCluster(path.join(runDir, 'kube'));
    stops.push(cluster.stop);

    const githubToken = crypto.randomBytes(24).toString('hex');
    const github = await startGithubStandIn({
      stateDir: path.join(runDir, 'github'),
      token: githubToken,
      repositories: [GITOPS_REPOSITORY],
      log: () => undefined, // its request lines would drown the test's output
    });
    stops.push(github.stop);

    const port = await freePort();
    const token = crypto.randomBytes(24).toString('base64url');
    const configFiles = [
      'app-config.production.yaml',
      // The demo gateways' entities beside app-config.production.yaml's locations, made
      // absolute from the backend's working directory (the repository's root).
      writePortalConfig(runDir, {
        cluster: { name: CLUSTER_NAME, connection: cluster },
        locationsFrom: {
          configFile: path.join(REPO_ROOT, 'app-config.production.yaml'),
          workingDir: REPO_ROOT,
        },
      }),
      writeTestOverlay(runDir, {
        port,
        token,
        github: {
          host: github.host,
          apiBaseUrl: github.apiBaseUrl,
          token: githubToken,
        },
      }),
    ];
    const env = {
      POSTGRES_HOST: postgres.host,
      POSTGRES_PORT: String(postgres.port),
      POSTGRES_USER: postgres.user,
      POSTGRES_PASSWORD: postgres.password,
    };
    const start = () =>
      startPortalBackend({
        configFiles,
        port,
        env,
        logFile: path.join(runDir, 'backend.log'),
        pidFile: path.join(runDir, 'backend.pid'),
      });
    let backend = await start();
    stops.push(() => backend.stop());
    const portal: ProductionPortal = {
      postgres,
      cluster,
      github,
      githubToken,
      get backend() {
        return backend;
      },
      token,
      configFiles,
      env,
      restartBackend: async () => {
        await backend.stop();
        backend = await start();
      },
      stop,
    };
    return portal;
  } catch (error) {
    await stop();
    throw error;
  }
}
