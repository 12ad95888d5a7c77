#!/usr/bin/env bash
# Installs the official Microsoft Graph SDKs this project runs (the documentation's snippets, and the SDK bots),
# each at the exact version its lock names, into .toolchains/ inside the repository (gitignored): nothing outside
# the repository is read or written, so a fresh clone gets the same thing. Run by .ci/run and `npm run setup-toolchains`.
#   Python: implementations/sdk-python/requirements.txt (pip, hashes required)  -> .toolchains/python
#           implementations/python-jsonrpc/requirements.txt (json-rpc)         -> .toolchains/python-jsonrpc
#   Go:     implementations/sdk-go/go.mod + go.sum (module proxy)               -> .toolchains/go (module and build caches)
#   Java:   implementations/sdk-java/pom.xml + dependencies.lock (Maven Central) -> .toolchains/java/lib
#   npm:    scripts/api-tools/package-lock.json (Prism, Spectral, ajv-cli)        -> .toolchains/api-tools
# A language whose toolchain is absent is skipped with a note saying how to get it (its suites skip too). A toolchain
# that is present but whose install fails makes this script exit 1. Re-running is quick: each language keeps a stamp
# of the lock it installed, and Go's build cache keeps the compiled SDK (the first build takes minutes).
# `bash scripts/setup-toolchains.sh api-tools` installs the npm tools alone.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
tc="$root/.toolchains"
mkdir -p "$tc"
status=0
note() { echo "== setup-toolchains: $*"; }
stamp_ok() { [ -f "$tc/$1.stamp" ] && [ "$(cat "$tc/$1.stamp")" = "$2" ]; }
lock_hash() { cat "$@" | sha256sum | cut -d' ' -f1; }
elapsed() { echo "$(( $(date +%s) - $1 )) s"; }

# ---- npm: the tools the exports and schemas are checked with (suites/export/tools.test.ts) ----------------------------
# Not devDependencies: 387 packages and 144 MB that every `npm ci` (and every consumer's install of a dev clone) would pay for, when only these checks use them; installed here in about 50 s, then kept (stamped by the lock).
if [ "${1:-all}" = all ] || [ "${1:-}" = api-tools ]; then
  t=$(date +%s)
  want=$(lock_hash scripts/api-tools/package.json scripts/api-tools/package-lock.json)
  dir="$tc/api-tools"
  if stamp_ok api-tools "$want" && [ -x "$dir/node_modules/.bin/prism" ]; then
    note "api-tools: up to date"
  elif rm -rf "$dir" && mkdir -p "$dir" && cp scripts/api-tools/package.json scripts/api-tools/package-lock.json "$dir/" \
      && (cd "$dir" && npm ci --silent --no-audit --no-fund --ignore-scripts); then
    echo "$want" > "$tc/api-tools.stamp"
    note "api-tools: installed scripts/api-tools/package-lock.json in $(elapsed "$t")"
  else
    note "api-tools: FAILED to install scripts/api-tools/package-lock.json (npm ci)"; status=1
  fi
fi
[ "${1:-all}" = api-tools ] && exit $status

# ---- Python: msgraph-sdk and PyJWT -------------------------------------------------------------------------------
if command -v python3 >/dev/null 2>&1; then
  t=$(date +%s)
  want=$(lock_hash implementations/sdk-python/requirements.txt)
  if stamp_ok python "$want" && [ -d "$tc/python/msgraph" ]; then
    note "python: up to date"
  elif rm -rf "$tc/python" && PIP_CACHE_DIR="$tc/pip-cache" python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location \
      --root-user-action=ignore --no-deps --require-hashes --only-binary=:all: --target "$tc/python" \
      -r implementations/sdk-python/requirements.txt; then
    echo "$want" > "$tc/python.stamp"
    note "python: installed implementations/sdk-python/requirements.txt in $(elapsed "$t")"
  else
    note "python: FAILED to install implementations/sdk-python/requirements.txt"; status=1
  fi
else
  note "python: SKIPPED, python3 is not on PATH (install Python 3.11, then re-run this script)"
fi

# ---- Python: json-rpc, the stock JSON-RPC 2.0 library of implementations/python-jsonrpc -------------------------
if command -v python3 >/dev/null 2>&1; then
  want=$(lock_hash implementations/python-jsonrpc/requirements.txt)
  if stamp_ok python-jsonrpc "$want" && [ -d "$tc/python-jsonrpc/jsonrpc" ]; then
    note "python-jsonrpc: up to date"
  elif rm -rf "$tc/python-jsonrpc" && PIP_CACHE_DIR="$tc/pip-cache" python3 -m pip install --quiet --disable-pip-version-check --no-warn-script-location \
      --root-user-action=ignore --no-deps --require-hashes --only-binary=:all: --target "$tc/python-jsonrpc" \
      -r implementations/python-jsonrpc/requirements.txt; then
    echo "$want" > "$tc/python-jsonrpc.stamp"
    note "python-jsonrpc: installed implementations/python-jsonrpc/requirements.txt"
  else
    note "python-jsonrpc: FAILED to install implementations/python-jsonrpc/requirements.txt"; status=1
  fi
fi

# ---- Go: msgraph-sdk-go and golang-jwt ---------------------------------------------------------------------------
if command -v go >/dev/null 2>&1; then
  t=$(date +%s)
  export GOMODCACHE="$tc/go/mod" GOCACHE="$tc/go/cache" GOFLAGS="-modcacherw -mod=readonly" GOTOOLCHAIN=local
  if (cd implementations/sdk-go && go mod download && go build -o "$tc/go/bin/sdk-go-bot" ./bot); then
    note "go: modules of implementations/sdk-go/go.sum downloaded, the SDK compiled and .toolchains/go/bin/sdk-go-bot linked in $(elapsed "$t")"
  else
    note "go: FAILED (go mod download / go build in implementations/sdk-go)"; status=1
  fi
else
  note "go: SKIPPED, go is not on PATH (install Go 1.26, then re-run this script)"
fi

# ---- Java: microsoft-graph and nimbus-jose-jwt ---------------------------------------------------------------------
if command -v mvn >/dev/null 2>&1 && command -v javac >/dev/null 2>&1; then
  t=$(date +%s)
  want=$(lock_hash implementations/sdk-java/pom.xml implementations/sdk-java/dependencies.lock)
  lib="$tc/java/lib"
  if stamp_ok java "$want" && [ -d "$lib" ]; then
    note "java: up to date"
  elif rm -rf "$lib" && mvn -B -q -f implementations/sdk-java/pom.xml -Dmaven.repo.local="$tc/m2" \
      dependency:copy-dependencies -DoutputDirectory="$lib" -DincludeScope=runtime \
      && (cd "$lib" && sha256sum -- *.jar | diff -u "$root/implementations/sdk-java/dependencies.lock" -); then
    echo "$want" > "$tc/java.stamp"
    note "java: installed the jars of implementations/sdk-java/dependencies.lock in $(elapsed "$t")"
  else
    note "java: FAILED (Maven resolution, or the jars differ from implementations/sdk-java/dependencies.lock as shown above)"; status=1
  fi
  if [ -d "$lib" ] && rm -rf "$tc/java/classes" && javac -nowarn -encoding UTF-8 -d "$tc/java/classes" -cp "$lib/*" implementations/sdk-java/src/*.java; then
    note "java: the SDK bot compiled into .toolchains/java/classes"
  else
    note "java: FAILED to compile implementations/sdk-java/src"; status=1
  fi
else
  note "java: SKIPPED, javac or mvn is not on PATH (install OpenJDK 17 and Maven, then re-run this script)"
fi

exit $status
