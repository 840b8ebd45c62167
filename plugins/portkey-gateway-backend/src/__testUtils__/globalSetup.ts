import { prepareLocalApiserver } from './localApiserver';

// Starts nothing: the first test that calls testCluster() starts the local kube-apiserver
// (see localApiserver.ts). Neither is needed against a real cluster (KUBECONFIG with
// PORTKEY_TEST_REAL_CLUSTER=1) or an apiserver already running (PORTKEY_TEST_KUBE_STATE).
export default async function globalSetup() {
  if (
    process.env.PORTKEY_TEST_REAL_CLUSTER === '1' ||
    process.env.PORTKEY_TEST_KUBE_STATE
  )
    return;
  prepareLocalApiserver();
}
