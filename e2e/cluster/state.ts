import path from 'node:path';
import fs from 'node:fs';
import type {
  DemoGateway,
  DemoGatewaySpec,
} from '@portkey-gateway-backstage/demo-cluster';
import type { TestCluster } from '../journey/deployGateway';
import type { GitServerState } from '../journey/gitServer';

/** Where the e2e backend keeps its cluster, config and state (git-ignored). */
export const E2E_STATE_DIR = path.resolve(__dirname, '../.cluster');

/** What the e2e backend tells the tests about its cluster. */
export type E2eClusterState = {
  /** The demo gateway (packages/demo-cluster) the e2e cluster runs. */
  gateway: DemoGateway;
  /** The healthy gateway beside it, owned by platform-team (not the guest). */
  otherTeamGateway: DemoGatewaySpec;
  /** The entity of a gateway on a cluster that never answers. */
  unreachableEntity: { name: string; title: string };
  /** The cluster's name in the portal's config. */
  cluster: string;
  /** The git server (GitHub stand-in) the template opens its pull requests on. */
  gitServer: GitServerState;
  /** The test kube-apiserver, for the journey to install the gateways it created. */
  kube: TestCluster;
  /** The stub kubelet's log files of a healthy and the crash-looping pod's `gateway` container. */
  logFiles: { healthy: string; crashing: string };
};

/** The state the running e2e backend wrote. */
export function readClusterState(): E2eClusterState {
  return JSON.parse(
    fs.readFileSync(path.join(E2E_STATE_DIR, 'state.json'), 'utf8'),
  );
}

/** Appends lines to a pod's log (as the container would print them). */
export { appendLogLines } from '@portkey-gateway-backstage/demo-cluster';
