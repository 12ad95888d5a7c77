#!/usr/bin/env bash
# Vendor graph-calls-contract the way a bot team would, and prove the package works for them:
#   1. npm pack the repository (which builds it, unless --no-build);
#   2. copy examples/consumer/ to a temporary folder, with the tarball as vendor/graph-calls-contract.tgz;
#   3. npm install there (offline first: the consumer pins the repository's versions, so npm's cache has them);
#   4. typecheck with NodeNext and with Bundler resolution, and run the consumer's vitest suite.
# Usage: examples/run-consumer.sh [--no-build] [--tarball <file>] [--keep]
#   --no-build        pack dist/ as it is
#   --tarball <file>  install this tarball instead of packing (suites/package/consumer.test.ts: the run's one pack)
#   --keep      leave the temporary folder, and print where it is
# Exit 0 when every step passed; each step prints its time.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
build=1
keep=0
tarball=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --keep) keep=1 ;;
    --tarball) [ $# -ge 2 ] || { echo "$0: --tarball needs a file" >&2; exit 2; }; tarball="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift ;;
    *) echo "usage: $0 [--no-build] [--tarball <file>] [--keep]" >&2; exit 2 ;;
  esac
  shift
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
  mkdir -p "$work/consumer/vendor"
  if [ -n "$tarball" ]; then cp "$tarball" "$work/consumer/vendor/graph-calls-contract.tgz"; return; fi
  local flags=(--pack-destination "$work" --loglevel=error)
  [ "$build" = 1 ] || flags+=(--ignore-scripts)
  (cd "$repo" && npm pack "${flags[@]}" >/dev/null)
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
