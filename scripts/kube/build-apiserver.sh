#!/usr/bin/env bash
# Build a real kube-apiserver (and kube-controller-manager) from Debian's own
# `kubernetes` source package, and cache the binaries outside the repository.
#
#   scripts/kube/build-apiserver.sh            # build if needed, print the binary paths
#   scripts/kube/build-apiserver.sh --refresh  # ask apt for the current source version first
#   scripts/kube/build-apiserver.sh --keep-work  # keep the source tree and Go build cache
#
# Output (stdout, one per line, shell-sourceable):
#   KUBE_APISERVER_BIN=...  KUBE_CONTROLLER_MANAGER_BIN=...  KUBE_ETCD_BIN=...  KUBE_SOURCE_VERSION=...
#
# Cache: ${PORTKEY_KUBE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/portkey-gateway-backstage/kube}/<debian-source-version>/bin
# Needs root (apt-get install) unless the packages below are already installed.
# See docs/test-kubernetes.md.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib.sh
. "$HERE/lib.sh"

REFRESH=0
KEEP_WORK=0
for arg in "$@"; do
  case "$arg" in
    --refresh) REFRESH=1 ;;
    --keep-work) KEEP_WORK=1 ;;
    -h | --help) sed -n '2,16p' "$0"; exit 0 ;;
    *) kube_die "unknown argument: $arg" ;;
  esac
done

BUILD_PACKAGES=(golang-go rsync jq dpkg-dev etcd-server)
RUN_PACKAGES=(etcd-server openssl curl jq)

T_TOTAL=$(kube_now)

print_paths() {
  local ver="$1" bin; bin="$(kube_bin_dir "$1")"
  echo "KUBE_APISERVER_BIN=$bin/kube-apiserver"
  echo "KUBE_CONTROLLER_MANAGER_BIN=$bin/kube-controller-manager"
  echo "KUBE_ETCD_BIN=$(command -v etcd)"
  echo "KUBE_SOURCE_VERSION=$ver"
}

cached_ok() {
  local ver="$1"
  local bin
  [ -n "$ver" ] || return 1
  bin="$(kube_bin_dir "$ver")"
  [ -x "$bin/kube-apiserver" ] && [ -x "$bin/kube-controller-manager" ] && [ -f "$bin/.complete" ]
}

# Install only the packages that are missing (dpkg-query is fast; apt is slow).
ensure_packages() {
  local missing=() p
  for p in "$@"; do
    case " ${missing[*]} " in *" $p "*) continue ;; esac
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || kube_die "missing packages (${missing[*]}) and not root; install them: apt-get install -y --no-install-recommends ${missing[*]}"
  local t; t=$(kube_now)
  kube_log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}" >&2; then
    kube_log "apt-get install failed; running apt-get update once and retrying"
    apt-get -o DPkg::Lock::Timeout=600 update >&2
    apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}" >&2
  fi
  # Debian's etcd-server starts a system etcd on 2379; we never use it (each test run starts its own on a free port).
  if printf '%s\n' "${missing[@]}" | grep -qx etcd-server && command -v systemctl >/dev/null 2>&1; then
    systemctl disable --now etcd >/dev/null 2>&1 || true
  fi
  kube_log "packages installed in $(kube_elapsed "$t")s"
}

# ---- fast path ------------------------------------------------------------
mkdir -p "$KUBE_CACHE_ROOT"
if [ "$REFRESH" -eq 0 ]; then
  VER="$(kube_current_version || true)"
  if cached_ok "$VER"; then
    ensure_packages "${RUN_PACKAGES[@]}"
    print_paths "$VER"
    kube_log "cached binaries for kubernetes $VER ($(kube_elapsed "$T_TOTAL")s)"
    exit 0
  fi
fi

# ---- slow path: one builder at a time ---------------------------------------
exec 9>"$KUBE_CACHE_ROOT/.build.lock"
if ! flock -n 9; then
  kube_log "another build is running; waiting for it (lock $KUBE_CACHE_ROOT/.build.lock)"
  flock 9
fi

ensure_packages "${BUILD_PACKAGES[@]}" "${RUN_PACKAGES[@]}"

# Private apt state: deb-src entries derived from the machine's own mirrors, lists and
# caches under the cache dir. The system's sources and lists are left untouched.
APT_DIR="$KUBE_CACHE_ROOT/apt"
mkdir -p "$APT_DIR/sources.list.d" "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial"
SRC_FILE="$APT_DIR/sources.list.d/deb-src.sources"
: >"$SRC_FILE.tmp"
shopt -s nullglob
for f in /etc/apt/sources.list.d/*.sources; do
  # deb822: turn every stanza into a deb-src stanza with the same URIs/Suites/Components/Signed-By.
  sed -E 's/^Types:.*/Types: deb-src/I' "$f" >>"$SRC_FILE.tmp"
  printf '\n' >>"$SRC_FILE.tmp"
done
LIST_FILES=()
[ -f /etc/apt/sources.list ] && LIST_FILES+=(/etc/apt/sources.list)
LIST_FILES+=(/etc/apt/sources.list.d/*.list)
shopt -u nullglob
if [ ${#LIST_FILES[@]} -gt 0 ]; then
  # one-line style: deb [opts] uri suite comps  ->  deb-src [opts] uri suite comps
  grep -hE '^[[:space:]]*deb[[:space:]]' "${LIST_FILES[@]}" 2>/dev/null |
    sed -E 's/^[[:space:]]*deb[[:space:]]/deb-src /' >"$APT_DIR/sources.list.d/deb-src.list" || true
  [ -s "$APT_DIR/sources.list.d/deb-src.list" ] || rm -f "$APT_DIR/sources.list.d/deb-src.list"
fi
if ! grep -qi 'deb-src' "$SRC_FILE.tmp" && [ ! -f "$APT_DIR/sources.list.d/deb-src.list" ]; then
  kube_log "no apt sources found on this machine; using deb.debian.org"
  cat >"$SRC_FILE.tmp" <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi
mv "$SRC_FILE.tmp" "$SRC_FILE"
[ -s "$SRC_FILE" ] || rm -f "$SRC_FILE"

APT_OPTS=(
  -o "Dir::Etc::SourceList=/dev/null"
  -o "Dir::Etc::SourceParts=$APT_DIR/sources.list.d"
  -o "Dir::State::Lists=$APT_DIR/lists"
  -o "Dir::Cache=$APT_DIR/cache"
  -o "APT::Sandbox::User=root"
)

T=$(kube_now)
kube_log "apt-get update (private deb-src lists in $APT_DIR)"
apt-get "${APT_OPTS[@]}" -q update >&2
kube_log "apt-get update: $(kube_elapsed "$T")s"

# The version apt would fetch: the .dsc name from --print-uris (kubernetes_<version-without-epoch>.dsc).
VER="$(apt-get "${APT_OPTS[@]}" -q --print-uris source kubernetes 2>/dev/null |
  sed -nE "s/^'[^']*' kubernetes_([^ ]+)\.dsc .*/\1/p" | head -n1)"
[ -n "$VER" ] || kube_die "could not find Debian's kubernetes source package via apt (deb-src in $APT_DIR/sources.list.d)"
kube_log "Debian source package: kubernetes $VER"

if [ "$REFRESH" -eq 1 ] && cached_ok "$VER"; then
  echo "$VER" >"$KUBE_CACHE_ROOT/current"
  print_paths "$VER"
  kube_log "cached binaries for kubernetes $VER are current ($(kube_elapsed "$T_TOTAL")s)"
  exit 0
fi

# Upstream version for the version ldflags: "1.20.5+really1.20.2-1.1" -> 1.20.2.
UPSTREAM="${VER#*:}"
UPSTREAM="${UPSTREAM%-*}"
case "$UPSTREAM" in *really*) UPSTREAM="${UPSTREAM##*really}" ;; esac
UPSTREAM="${UPSTREAM%%[+~]*}"
[[ "$UPSTREAM" =~ ^([0-9]+)\.([0-9]+)\.[0-9]+$ ]] || kube_die "cannot derive an upstream version from $VER (got $UPSTREAM)"
MAJOR="${BASH_REMATCH[1]}"
MINOR="${BASH_REMATCH[2]}"

WORK="$KUBE_CACHE_ROOT/work/$VER"
GOPATH_DIR="$WORK/gopath"
TREE="$GOPATH_DIR/src/k8s.io/kubernetes"
OUT="$(kube_bin_dir "$VER")"
mkdir -p "$WORK" "$OUT"

# ---- fetch and unpack the source (dpkg-source applies Debian's patches) -------
if [ ! -f "$TREE/.unpacked" ]; then
  T=$(kube_now)
  rm -rf "$WORK/src" "$TREE"
  mkdir -p "$WORK/src" "$(dirname "$TREE")"
  kube_log "apt-get source kubernetes=$VER"
  (cd "$WORK/src" && apt-get "${APT_OPTS[@]}" -q source "kubernetes=$VER" >&2)
  SRC_TREE="$(find "$WORK/src" -mindepth 1 -maxdepth 1 -type d -name 'kubernetes-*' | head -n1)"
  [ -n "$SRC_TREE" ] || kube_die "apt-get source did not produce a kubernetes-* directory in $WORK/src"
  # GOPATH mode: the tree must be at <gopath>/src/k8s.io/kubernetes. A move (same filesystem) rather than
  # a symlink, so that `pwd -P` in Kubernetes' hack/ scripts agrees with the import path.
  mv "$SRC_TREE" "$TREE"
  rm -f "$WORK"/src/*.tar.* "$WORK"/src/*.dsc
  touch "$TREE/.unpacked"
  kube_log "fetched and unpacked source in $(kube_elapsed "$T")s ($(du -sh "$TREE" | cut -f1))"
fi

# ---- Go >= 1.18 fix: newer reflect2/json-iterator from Debian's own source packages -------
# Kubernetes 1.20 vendors github.com/modern-go/reflect2 v1.0.1, which panics under Go >= 1.18
# (nil pointer in reflect2.(*UnsafeMapType).Key while decoding any JSON map, e.g. POSTing a
# Secret or labels; json-iterator/go#612). Bookworm only has Go 1.19, so the vendored copies are
# replaced by Debian's reflect2 1.0.2 and json-iterator 1.1.12 (what upstream Kubernetes moved
# to for Go 1.18), fetched as source packages with the same private apt state.
VENDOR_OVERRIDES=(
  "golang-github-modern-go-reflect2:github.com/modern-go/reflect2"
  "golang-github-json-iterator-go:github.com/json-iterator/go"
)
OVERRIDE_INFO=()
if [ ! -f "$TREE/.vendor_overrides" ]; then
  T=$(kube_now)
  for entry in "${VENDOR_OVERRIDES[@]}"; do
    srcpkg="${entry%%:*}"
    importpath="${entry#*:}"
    rm -rf "$WORK/override"
    mkdir -p "$WORK/override"
    (cd "$WORK/override" && apt-get "${APT_OPTS[@]}" -q source "$srcpkg" >"$WORK/override-$srcpkg.log" 2>&1) ||
      { cat "$WORK/override-$srcpkg.log" >&2; kube_die "apt-get source $srcpkg failed"; }
    osrc="$(find "$WORK/override" -mindepth 1 -maxdepth 1 -type d -name "$srcpkg-*" | head -n1)"
    [ -n "$osrc" ] || kube_die "apt-get source $srcpkg produced no directory"
    dst="$TREE/vendor/$importpath"
    [ -d "$dst" ] || kube_die "expected vendored package at $dst"
    # Both are single-directory packages: swap the non-test .go and .s files at the top level.
    find "$dst" -maxdepth 1 -type f \( -name '*.go' -o -name '*.s' \) -delete
    find "$osrc" -maxdepth 1 -type f \( -name '*.s' -o \( -name '*.go' ! -name '*_test.go' \) \) -exec cp {} "$dst/" \;
    cp "$osrc/LICENSE" "$dst/LICENSE" 2>/dev/null || true
    over_ver="$(basename "$osrc")"
    echo "$importpath <- Debian source $over_ver" >>"$TREE/.vendor_overrides.tmp"
    rm -rf "$WORK/override"
  done
  mv "$TREE/.vendor_overrides.tmp" "$TREE/.vendor_overrides"
  kube_log "vendor overrides applied in $(kube_elapsed "$T")s: $(paste -sd ';' "$TREE/.vendor_overrides")"
fi
mapfile -t OVERRIDE_INFO <"$TREE/.vendor_overrides"

export GOPATH="$GOPATH_DIR"
export GOCACHE="$WORK/gocache"
export GO111MODULE=off CGO_ENABLED=0 GOPROXY=off GOFLAGS="" GOTOOLCHAIN=local
export PATH="$GOPATH_DIR/bin:$PATH"
cd "$TREE"
kube_log "$(go version)"

# ---- generated OpenAPI definitions (not in the tarball) -----------------------
if [ ! -f "$TREE/.gen_openapi" ]; then
  T=$(kube_now)
  kube_log "make gen_openapi"
  make gen_openapi >"$WORK/gen_openapi.log" 2>&1 || {
    tail -n 40 "$WORK/gen_openapi.log" >&2
    kube_die "make gen_openapi failed (full log: $WORK/gen_openapi.log)"
  }
  touch "$TREE/.gen_openapi"
  T_GEN=$(kube_elapsed "$T")
  kube_log "make gen_openapi: ${T_GEN}s"
fi

BUILD_DATE="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
LDFLAGS="-s -w"
for pkg in k8s.io/kubernetes/vendor/k8s.io/component-base/version k8s.io/kubernetes/vendor/k8s.io/client-go/pkg/version; do
  LDFLAGS+=" -X $pkg.gitVersion=v$UPSTREAM"
  LDFLAGS+=" -X $pkg.gitMajor=$MAJOR -X $pkg.gitMinor=$MINOR"
  LDFLAGS+=" -X $pkg.gitCommit=debian-$VER -X $pkg.gitTreeState=clean"
  LDFLAGS+=" -X $pkg.buildDate=$BUILD_DATE"
done

build_one() {
  local name="$1" t
  t=$(kube_now)
  kube_log "go build ./cmd/$name"
  go build -trimpath -ldflags "$LDFLAGS" -o "$OUT/$name.tmp" "./cmd/$name" >"$WORK/build-$name.log" 2>&1 || {
    tail -n 40 "$WORK/build-$name.log" >&2
    kube_die "go build ./cmd/$name failed (full log: $WORK/build-$name.log)"
  }
  mv "$OUT/$name.tmp" "$OUT/$name"
  kube_log "go build $name: $(kube_elapsed "$t")s ($(du -h "$OUT/$name" | cut -f1))"
}
build_one kube-apiserver
build_one kube-controller-manager

"$OUT/kube-apiserver" --version >&2
{
  echo "debian_source_version=$VER"
  echo "upstream_version=v$UPSTREAM"
  echo "built=$BUILD_DATE"
  echo "go=$(go version)"
  echo "recipe_revision=$KUBE_BUILD_REVISION"
  printf 'vendor_override=%s\n' "${OVERRIDE_INFO[@]}"
  echo "total_seconds=$(kube_elapsed "$T_TOTAL")"
} >"$OUT/build-info.txt"
touch "$OUT/.complete"
echo "$VER" >"$KUBE_CACHE_ROOT/current"

cd /
# Binaries of earlier build recipes for this version are superseded.
for old in "$KUBE_CACHE_ROOT/$VER/bin" "$KUBE_CACHE_ROOT/$VER"/recipe-*; do
  [ -e "$old" ] || continue
  case "$old" in "$(dirname "$OUT")") continue ;; esac
  kube_log "removing superseded $old"
  rm -rf "$old"
done
if [ "$KEEP_WORK" -eq 0 ]; then
  kube_log "removing source tree and Go build cache ($(du -sh "$WORK" | cut -f1)); --keep-work keeps them"
  # Go marks its module/cache files read-only; make them writable before removing.
  chmod -R u+w "$WORK" 2>/dev/null || true
  rm -rf "$WORK"
  rmdir "$KUBE_CACHE_ROOT/work" 2>/dev/null || true
fi

print_paths "$VER"
kube_log "built kubernetes $VER (v$UPSTREAM) in $(kube_elapsed "$T_TOTAL")s; cache $(du -sh "$KUBE_CACHE_ROOT" | cut -f1)"
