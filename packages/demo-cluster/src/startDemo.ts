/*
 * The demo of ./scripts/start.sh, in two parts that start.sh asks for separately:
 *   --cluster     a local kube-apiserver with the demo gateways in it, the stub kubelet serving
 *                 their logs, and log traffic that keeps coming (when there is no kubeconfig);
 *   --git-server  the GitHub stand-in (packages/github-stand-in) with a GitOps repository the
 *                 template opens its pull requests in (when there is no GitHub token).
 * Writes the config that points the portal at them, then `<state-dir>/ready` with that
 * config's path, and runs until SIGTERM/SIGINT or until the process given by --parent-pid is
 * gone.
 *
 *   node -r @backstage/cli-node/config/nodeTransform.cjs \
 *     packages/demo-cluster/src/startDemo.ts --state-dir .demo [--cluster] [--git-server] \
 *     [--parent-pid PID]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_GATEWAY, TEAM_GATEWAY } from './demoGateway';
import { startDemoGitServer } from './demoGitServer';
import { startDemoLogTraffic } from './demoLogTraffic';
import { startGatewayCluster, stopApiserver } from './gatewayCluster';
import { PortalConfigParts, writePortalConfig } from './portalConfig';

/** The cluster's name in the portal's config and the entity's annotation. */
const DEMO_CLUSTER_NAME = 'demo';

const say = (message: string) => process.stderr.write(`[demo] ${message}\n`);

const USAGE =
  'usage: startDemo.ts --state-dir <dir> [--cluster] [--git-server] [--parent-pid <pid>]';

function readArgs(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      'state-dir': { type: 'string' },
      cluster: { type: 'boolean', default: false },
      'git-server': { type: 'boolean', default: false },
      'parent-pid': { type: 'string' },
    },
  });
  if (!values['state-dir']) throw new Error(USAGE);
  if (!values.cluster && !values['git-server'])
    throw new Error(
      `nothing to start: give --cluster, --git-server or both\n${USAGE}`,
    );
  return {
    stateDir: path.resolve(values['state-dir']),
    cluster: values.cluster,
    gitServer: values['git-server'],
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

async function startCluster(kubeDir: string) {
  say(
    `starting a local kube-apiserver (state in ${kubeDir}); the first run builds it from ` +
      "Debian's kubernetes source, which takes 10-20 minutes, later runs a few seconds",
  );
  const cluster = await startGatewayCluster(kubeDir);
  const traffic = startDemoLogTraffic({
    healthyLogFiles: [
      ...DEMO_GATEWAY.healthyPods,
      ...TEAM_GATEWAY.healthyPods,
    ].map(pod => cluster.logFile(pod, 'gateway')),
    crashingLogFile: cluster.logFile(DEMO_GATEWAY.crashingPod, 'gateway'),
  });
  say(
    `kube-apiserver on ${cluster.url} (cluster "${DEMO_CLUSTER_NAME}" in the portal; ` +
      `kubectl: KUBECONFIG=${cluster.adminKubeconfig})`,
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
  return {
    part: { name: DEMO_CLUSTER_NAME, connection: cluster },
    stop: async () => {
      traffic.stop();
      await cluster.stop();
      say('stopped the demo cluster');
    },
  };
}

async function main() {
  const options = readArgs(process.argv.slice(2));
  const { stateDir, parentPid } = options;
  const kubeDir = path.join(stateDir, 'kube');
  const readyFile = path.join(stateDir, 'ready');
  // A demo that was killed outright left its apiserver running: stop it, start afresh.
  stopApiserver(kubeDir);
  fs.rmSync(stateDir, { recursive: true, force: true });

  const stops: Array<() => Promise<void>> = [];
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      fs.rmSync(readyFile, { force: true });
      for (const s of stops.reverse()) await s().catch(() => undefined);
      process.exit(0);
    })());
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  if (parentPid)
    setInterval(() => {
      if (!isAlive(parentPid)) stop();
    }, 2000).unref();

  const parts: PortalConfigParts = {};
  try {
    if (options.cluster) {
      const cluster = await startCluster(kubeDir);
      stops.push(cluster.stop);
      parts.cluster = cluster.part;
    }
    if (options.gitServer) {
      const git = await startDemoGitServer(path.join(stateDir, 'github'), say);
      stops.push(git.stop);
      parts.gitServer = git.part;
    }
  } catch (error) {
    for (const s of stops.reverse()) await s().catch(() => undefined);
    throw error;
  }
  fs.writeFileSync(readyFile, `${writePortalConfig(stateDir, parts)}\n`);
}

main().catch(error => {
  say(`could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
