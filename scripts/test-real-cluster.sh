#!/usr/bin/env bash
# Runs the portkey-gateway backend plugin's jest suite against the Kubernetes cluster that
# KUBECONFIG points at (its current context), instead of the local kube-apiserver its tests
# start on first use. Without KUBECONFIG it prints that it is skipped and exits 0.
#
#   KUBECONFIG=~/.kube/kind.yaml scripts/test-real-cluster.sh [jest options...]
#
# The tests create namespaces (and in them ServiceAccounts, a Role and RoleBinding, a
# ResourceQuota, Secrets, ConfigMaps, Deployments, Events and short-lived pods) and delete the
# namespaces at the end: use a disposable cluster. What the kubeconfig needs, what is created,
# and what each check does there: docs/test-kubernetes.md, "Against a real cluster".
#
# PORTKEY_TEST_REAL_CLUSTER=0 skips it even with KUBECONFIG set (scripts/test.sh runs this
# script; a developer's shell often exports KUBECONFIG).
# PORTKEY_TEST_LOG_IMAGE (default busybox:1.36): the image of the log tests' pod.
# PORTKEY_TEST_LOG_POD_TIMEOUT_SECONDS (default 120): how long to wait for that pod to run.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

if [ -z "${KUBECONFIG:-}" ]; then
  echo "real-cluster tests: skipped (KUBECONFIG is not set)"
  exit 0
fi
if [ "${PORTKEY_TEST_REAL_CLUSTER:-}" = "0" ]; then
  echo "real-cluster tests: skipped (PORTKEY_TEST_REAL_CLUSTER=0)"
  exit 0
fi

# shellcheck source=scripts/env.sh
source scripts/env.sh || exit 1

# Which cluster, said before anything is created there.
# shellcheck disable=SC2016 # JavaScript template literals, not shell expansions
target=$(cd plugins/portkey-gateway-backend && node -e '
  const { KubeConfig } = require("@kubernetes/client-node");
  const kc = new KubeConfig();
  try {
    kc.loadFromDefault();
  } catch (e) {
    console.error(`KUBECONFIG=${process.env.KUBECONFIG} cannot be read: ${e.message}`);
    process.exit(1);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) {
    console.error(`KUBECONFIG=${process.env.KUBECONFIG} has no current context with a cluster`);
    process.exit(1);
  }
  console.log(`context "${kc.getCurrentContext()}", server ${cluster.server}`);
') || exit 1
echo "real-cluster tests: running the backend plugin's suite against $target (KUBECONFIG=$KUBECONFIG)"

export PORTKEY_TEST_REAL_CLUSTER=1
export CI=true # no jest watch mode
yarn workspace @portkey-gateway-backstage/plugin-portkey-gateway-backend test "$@"
