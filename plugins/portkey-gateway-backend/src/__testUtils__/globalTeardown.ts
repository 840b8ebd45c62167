import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '../../../..');

export default async function globalTeardown() {
  const state = process.env.PORTKEY_TEST_KUBE_STATE;
  if (!state || process.env.PORTKEY_TEST_KUBE_STARTED_BY_JEST !== '1') return;
  execFileSync(join(repoRoot, 'scripts/kube/stop-apiserver.sh'), [state], {
    stdio: 'inherit',
  });
}
