import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Starts one real kube-apiserver (+ etcd) for the whole jest run of this package, with
// scripts/kube/start-apiserver.sh, unless the run targets a real cluster (KUBECONFIG with
// PORTKEY_TEST_REAL_CLUSTER=1). Workers find it through PORTKEY_TEST_KUBE_STATE.
const repoRoot = resolve(__dirname, '../../../..');

export default async function globalSetup() {
  if (
    process.env.PORTKEY_TEST_REAL_CLUSTER === '1' ||
    process.env.PORTKEY_TEST_KUBE_STATE
  )
    return;
  const state = mkdtempSync(join(tmpdir(), 'portkey-kube-'));
  execFileSync(join(repoRoot, 'scripts/kube/start-apiserver.sh'), [state], {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 30 * 60_000, // includes the one-time build on a fresh machine
  });
  process.env.PORTKEY_TEST_KUBE_STATE = state;
  process.env.PORTKEY_TEST_KUBE_STARTED_BY_JEST = '1';
}
