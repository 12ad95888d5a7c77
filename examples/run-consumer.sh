#!/usr/bin/env bash
# Vendor graph-calls-contract the way a bot team would, and prove the package works for them:
#   1. npm pack the repository (which builds it, unless --no-build);
#   2. copy examples/consumer/ to a temporary folder, with the tarball as vendor/graph-calls-contract.tgz;
#   3. npm install there (offline first: the consumer pins the repository's versions, so npm's cache has them);
#   4. typecheck with NodeNext and with Bundler resolution, and run the consumer's vitest suite.
# Usage: examples/run-consumer.sh [--no-build] [--keep]
#   --no-build  pack dist/ as it is (suites/package/consumer.test.ts: the suites run after a build)
#   --keep      leave the temporary folder, and print where it is
# Exit 0 when every step passed; each step prints its time.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
build=1
keep=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --keep) keep=1 ;;
    *) echo "usage: $0 [--no-build] [--keep]" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/graph-calls-contract-consumer-XXXXXX")"
finish() { if [ "$keep" = 1 ]; then echo "kept: $work"; else rm -rf "$work"; fi; }
trap finish EXIT

started=$SECONDS
step() {
  local name="$1"; shift
  local t0=$SECONDS
  echo "== ${name}"
  "$@"
  echo "== ${name}: ok ($((SECONDS - t0)) s)"
}

pack() {
  local flags=(--pack-destination "$work" --loglevel=error)
  [ "$build" = 1 ] || flags+=(--ignore-scripts)
  (cd "$repo" && npm pack "${flags[@]}" >/dev/null)
  mkdir -p "$work/consumer/vendor"
  mv "$work"/graph-calls-contract-*.tgz "$work/consumer/vendor/graph-calls-contract.tgz"
}

copy_consumer() {
  tar -C "$repo/examples/consumer" --exclude=node_modules --exclude=vendor -cf - . | tar -C "$work/consumer" -xf -
}

install() {
  # Bounded: a registry that does not answer must fail the step, not hang CI.
  (cd "$work/consumer" && timeout 300 npm install --prefer-offline --no-audit --no-fund --loglevel=error)
}

typecheck() {
  (cd "$work/consumer" && ./node_modules/.bin/tsc -p tsconfig.json && ./node_modules/.bin/tsc -p tsconfig.bundler.json)
}

consumer_tests() {
  (cd "$work/consumer" && ./node_modules/.bin/vitest run)
}

step pack pack
step copy copy_consumer
step install install
step typecheck typecheck
step test consumer_tests
echo "consumer: every step passed in $((SECONDS - started)) s"
