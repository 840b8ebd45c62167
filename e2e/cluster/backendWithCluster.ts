/*
 * The e2e suite's backend: starts a real kube-apiserver with the stub kubelet and the demo
 * gateways in it (packages/demo-cluster, without its log traffic: the tests write the lines
 * they wait for) and the demo's git server (the GitHub stand-in, repository demo/gitops),
 * writes a config that points the portal at both (the Portkey gateway plugin's clusters, the catalog's
 * gateway entities, the GitHub integration and the template limited to that repository), then
 * runs the backend as `yarn start backend` does (minus the file watcher) with that config on
 * top of app-config.yaml; the backend serves the built app (packages/app/dist) on its own port.
 * Stops the backend, the git server, the kubelet and the apiserver when it is stopped.
 *
 * Playwright starts it (playwright.config.ts); the tests read `state.json` from E2E_STATE_DIR
 * to make the gateway's pod log lines, and to reach the git server and the cluster.
 *
 *   node -r @backstage/cli-node/config/nodeTransform.cjs e2e/cluster/backendWithCluster.ts
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  DEMO_GATEWAY,
  TEAM_GATEWAY,
  demoGatewayEntity,
  startDemoGitServer,
  startGatewayCluster,
  stopApiserver,
  writePortalConfig,
} from '@portkey-gateway-backstage/demo-cluster';
import { stringify } from 'yaml';
import { PORTAL_URL } from '../support';
import { E2E_STATE_DIR, E2eClusterState } from './state';

const REPO_ROOT = path.resolve(__dirname, '../..');
const BACKEND_DIR = path.join(REPO_ROOT, 'packages/backend');
const CLUSTER_NAME = 'e2e';

/**
 * A cluster nothing listens for (port 1 of the loopback refuses connections), and an entity
 * of a gateway on it: the portal's "cluster cannot be reached" view, in a real browser.
 */
const UNREACHABLE_CLUSTER = {
  name: 'e2e-unreachable',
  url: 'https://127.0.0.1:1',
  serviceAccountToken: 'unused-the-cluster-never-answers',
  skipTLSVerify: true,
};
const UNREACHABLE_ENTITY = {
  name: 'portkey-gateway-on-unreachable-cluster',
  title: 'Portkey gateway on an unreachable cluster',
};

function unreachableGatewayEntity() {
  const entity = demoGatewayEntity(DEMO_GATEWAY, UNREACHABLE_CLUSTER.name);
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      ...UNREACHABLE_ENTITY,
      description:
        'e2e fixture: the demo gateway on a cluster nothing listens for (127.0.0.1:1).',
    },
  };
}

async function main() {
  const kubeDir = path.join(E2E_STATE_DIR, 'kube');
  // A run that was killed (SIGKILL) before it could stop its apiserver left it running.
  stopApiserver(kubeDir);
  fs.rmSync(E2E_STATE_DIR, { recursive: true, force: true });
  const cluster = await startGatewayCluster(kubeDir);
  // The git server the template's pull requests go to: the demo's, the GitHub stand-in with
  // the GitOps repository the journey's gateways are proposed in.
  const git = await startDemoGitServer(
    path.join(E2E_STATE_DIR, 'github'),
    line => process.stderr.write(`[e2e] ${line}\n`),
  );
  const stop = once(async () => {
    await git.stop();
    await cluster.stop();
  });
  const gitServer = { ...git.part, url: git.url };

  const configFile = writePortalConfig(E2E_STATE_DIR, {
    cluster: { name: CLUSTER_NAME, connection: cluster },
    clusters: [UNREACHABLE_CLUSTER],
    entities: [unreachableGatewayEntity()],
    gitServer,
  });
  // The backend serves the built app (app-backend), so the app's URL is the backend's.
  const e2eConfigFile = path.join(E2E_STATE_DIR, 'app-config.e2e.yaml');
  fs.writeFileSync(e2eConfigFile, stringify({ app: { baseUrl: PORTAL_URL } }), {
    mode: 0o600,
  });
  const state: E2eClusterState = {
    gateway: DEMO_GATEWAY,
    otherTeamGateway: TEAM_GATEWAY,
    unreachableEntity: UNREACHABLE_ENTITY,
    cluster: CLUSTER_NAME,
    gitServer,
    kube: {
      adminKubeconfig: cluster.adminKubeconfig,
      node: cluster.node,
      logDir: cluster.logDir,
    },
    logFiles: {
      healthy: cluster.logFile(DEMO_GATEWAY.healthyPods[0], 'gateway'),
      crashing: cluster.logFile(DEMO_GATEWAY.crashingPod, 'gateway'),
    },
  };
  fs.writeFileSync(
    path.join(E2E_STATE_DIR, 'state.json'),
    JSON.stringify(state, null, 2),
    // It holds the git server's throwaway token.
    { mode: 0o600 },
  );

  const backend = spawn(
    process.execPath,
    [
      '--enable-source-maps',
      '--require',
      require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
      'src/index',
      '--config',
      path.join(REPO_ROOT, 'app-config.yaml'),
      '--config',
      configFile,
      '--config',
      e2eConfigFile,
    ],
    { cwd: BACKEND_DIR, stdio: 'inherit', env: process.env },
  );
  // Playwright sends SIGTERM and kills everything 5 s later; the backend's own shutdown may
  // take longer, so the cluster is stopped at once, beside it.
  const shutdown = (signal: NodeJS.Signals) => {
    backend.kill(signal);
    stop();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  backend.on('exit', async code => {
    await stop();
    process.exit(code ?? 0);
  });
}

function once(f: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= f().catch(() => undefined));
}

main().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
