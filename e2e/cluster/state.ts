import path from 'node:path';
import fs from 'node:fs';
import type { E2E_GATEWAY } from './gatewayCluster';

/** Where the e2e backend keeps its cluster, config and state (git-ignored). */
export const E2E_STATE_DIR = path.resolve(__dirname, '../.cluster');

/** What the e2e backend tells the tests about its cluster. */
export type E2eClusterState = {
  gateway: typeof E2E_GATEWAY;
  /** The stub kubelet's log files of the two gateway pods' `gateway` containers. */
  logFiles: { healthy: string; crashing: string };
};

/** The state the running e2e backend wrote. */
export function readClusterState(): E2eClusterState {
  return JSON.parse(
    fs.readFileSync(path.join(E2E_STATE_DIR, 'state.json'), 'utf8'),
  );
}

/** Appends lines to a pod's log (as the container would print them). */
export function appendLogLines(file: string, lines: string[]) {
  fs.appendFileSync(
    file,
    lines.map(line => `${new Date().toISOString()} ${line}\n`).join(''),
  );
}
