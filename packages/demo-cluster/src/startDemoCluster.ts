/*
 * The demo of ./scripts/start.sh: a local kube-apiserver with the demo gateway in it, the
 * stub kubelet serving its logs, and log traffic that keeps coming. Writes the config that
 * points the portal at it, then `<state-dir>/ready` with that config's path, and runs until
 * SIGTERM/SIGINT or until the process given by --parent-pid is gone.
 *
 *   node -r @backstage/cli-node/config/nodeTransform.cjs \
 *     packages/demo-cluster/src/startDemoCluster.ts --state-dir .demo [--parent-pid PID]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_GATEWAY, TEAM_GATEWAY } from './demoGateway';
import { startDemoLogTraffic } from './demoLogTraffic';
import { startGatewayCluster, stopApiserver } from './gatewayCluster';
import { writePortalConfig } from './portalConfig';

/** The cluster's name in the portal's config and the entity's annotation. */
const DEMO_CLUSTER_NAME = 'demo';

const say = (message: string) => process.stderr.write(`[demo] ${message}\n`);

function readArgs(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      'state-dir': { type: 'string' },
      'parent-pid': { type: 'string' },
    },
  });
  if (!values['state-dir'])
    throw new Error(
      'usage: startDemoCluster.ts --state-dir <dir> [--parent-pid <pid>]',
    );
  return {
    stateDir: path.resolve(values['state-dir']),
    parentPid: values['parent-pid'] ? Number(values['parent-pid']) : undefined,
  };
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function main() {
  const { stateDir, parentPid } = readArgs(process.argv.slice(2));
  const kubeDir = path.join(stateDir, 'kube');
  const readyFile = path.join(stateDir, 'ready');
  // A demo that was killed outright left its apiserver running: stop it, start afresh.
  stopApiserver(kubeDir);
  fs.rmSync(stateDir, { recursive: true, force: true });

  say(
    `starting a local kube-apiserver (state in ${kubeDir}); the first run builds it from ` +
      "Debian's kubernetes source, which takes 10-20 minutes, later runs a few seconds",
  );
  const cluster = await startGatewayCluster(kubeDir);
  const configFile = writePortalConfig(stateDir, cluster, DEMO_CLUSTER_NAME);
  const traffic = startDemoLogTraffic({
    healthyLogFiles: [
      ...DEMO_GATEWAY.healthyPods,
      ...TEAM_GATEWAY.healthyPods,
    ].map(pod => cluster.logFile(pod, 'gateway')),
    crashingLogFile: cluster.logFile(DEMO_GATEWAY.crashingPod, 'gateway'),
  });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      traffic.stop();
      fs.rmSync(readyFile, { force: true });
      await cluster.stop().catch(() => undefined);
      say('stopped the demo cluster');
      process.exit(0);
    })());
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (parentPid)
    setInterval(() => {
      if (!isAlive(parentPid)) stop();
    }, 2000).unref();

  say(
    `kube-apiserver on ${cluster.url} (cluster "${DEMO_CLUSTER_NAME}" in the portal; ` +
      `kubectl: KUBECONFIG=${path.join(kubeDir, 'kubeconfig-admin.yaml')})`,
  );
  say(
    `demo gateway "${DEMO_GATEWAY.release}" in namespace ${DEMO_GATEWAY.namespace}: ` +
      `${DEMO_GATEWAY.healthyPods.length} pods running, 1 crash-looping, logs that keep coming; ` +
      `catalog entity component:default/${DEMO_GATEWAY.entityName}`,
  );
  say(
    `and "${TEAM_GATEWAY.release}" beside it, healthy, owned by platform-team (its logs and ` +
      `settings are for its owners); catalog entity component:default/${TEAM_GATEWAY.entityName}`,
  );
  fs.writeFileSync(readyFile, `${configFile}\n`);
}

main().catch(error => {
  say(`could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
