#!/bin/sh
# The msgraph-sdk bot, with the SDK that scripts/setup-toolchains.sh installs in .toolchains/python.
# --version: exit 0 only when that SDK is installed (what compat's "requires" probes).
here="$(cd "$(dirname "$0")" && pwd)"
packages="$here/../../.toolchains/python"
if [ "${1:-}" = "--version" ]; then
  [ -f "$packages/msgraph/__init__.py" ] || { echo "msgraph-sdk is not installed: run scripts/setup-toolchains.sh" >&2; exit 1; }
  PYTHONPATH="$packages" exec python3 -c 'import importlib.metadata as m; print("msgraph-sdk", m.version("msgraph-sdk"))'
fi
PYTHONPATH="$packages" PYTHONDONTWRITEBYTECODE=1 exec python3 "$here/sdk_bot.py" "$@"
