/*
 * The e2e suite's backend: starts a real kube-apiserver with the stub kubelet and the e2e
 * gateway in it (gatewayCluster.ts), writes a config that points the portal's Portkey
 * gateway plugin at it and adds a catalog entity for the gateway, then runs the backend as
 * `yarn start backend` does (minus the file watcher) with that config on top of
 * app-config.yaml. Stops the backend, the kubelet and the apiserver when it is stopped.
 *
 * Playwright starts it (playwright.config.ts); the tests read `state.json` from E2E_STATE_DIR
 * to make the gateway's pod log lines.
 *
 *   node -r @backstage/cli-node/config/nodeTransform.cjs e2e/cluster/backendWithCluster.ts
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  E2E_GATEWAY,
  startGatewayCluster,
  stopApiserver,
} from './gatewayCluster';
import { E2E_STATE_DIR, E2eClusterState } from './state';

const REPO_ROOT = path.resolve(__dirname, '../..');
const BACKEND_DIR = path.join(REPO_ROOT, 'packages/backend');

/** The gateway's catalog entity, as the render action's catalog-info.yaml describes one. */
const gatewayEntity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: E2E_GATEWAY.entityName,
    title: `Portkey gateway ${E2E_GATEWAY.release} (${E2E_GATEWAY.namespace})`,
    annotations: {
      'portkey.ai/gateway-release': E2E_GATEWAY.release,
      'portkey.ai/gateway-namespace': E2E_GATEWAY.namespace,
      'portkey.ai/gateway-cluster': E2E_GATEWAY.cluster,
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/guests',
  },
};

async function main() {
  const kubeDir = path.join(E2E_STATE_DIR, 'kube');
  // A run that was killed (SIGKILL) before it could stop its apiserver left it running.
  stopApiserver(kubeDir);
  fs.rmSync(E2E_STATE_DIR, { recursive: true, force: true });
  const cluster = await startGatewayCluster(kubeDir);
  const stop = once(() => cluster.stop());

  const entitiesFile = path.join(E2E_STATE_DIR, 'gateway-entity.yaml');
  fs.writeFileSync(entitiesFile, stringify(gatewayEntity));
  const configFile = path.join(E2E_STATE_DIR, 'app-config.e2e.yaml');
  // A second config file replaces arrays of the first: the catalog's locations are repeated.
  const base = (target: string, allow?: string[]) => ({
    type: 'file',
    target: path.join(REPO_ROOT, target),
    ...(allow ? { rules: [{ allow }] } : {}),
  });
  fs.writeFileSync(
    configFile,
    stringify({
      catalog: {
        locations: [
          base('examples/entities.yaml'),
          base('templates/portkey-gateway/template.yaml', ['Template']),
          base('examples/org.yaml', ['User', 'Group']),
          { type: 'file', target: entitiesFile },
        ],
      },
      portkeyGateway: {
        clusters: [
          {
            name: E2E_GATEWAY.cluster,
            url: cluster.url,
            serviceAccountToken: cluster.token,
            caData: cluster.caData,
          },
        ],
      },
    }),
  );
  const state: E2eClusterState = {
    gateway: E2E_GATEWAY,
    logFiles: {
      healthy: cluster.logFile(E2E_GATEWAY.healthyPod, 'gateway'),
      crashing: cluster.logFile(E2E_GATEWAY.crashingPod, 'gateway'),
    },
  };
  fs.writeFileSync(
    path.join(E2E_STATE_DIR, 'state.json'),
    JSON.stringify(state, null, 2),
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
