#!/bin/sh
# The JSON-RPC bot, with the json-rpc library that scripts/setup-toolchains.sh installs in .toolchains/python-jsonrpc.
# graph-calls-contract run --command implementations/python-jsonrpc/run-bot.sh (the JSON-RPC framing is detected)
# --version: exit 0 only when that library is installed.
here="$(cd "$(dirname "$0")" && pwd)"
packages="$here/../../.toolchains/python-jsonrpc"
if [ "${1:-}" = "--version" ]; then
  [ -f "$packages/jsonrpc/__init__.py" ] || { echo "json-rpc is not installed: run scripts/setup-toolchains.sh" >&2; exit 1; }
  PYTHONPATH="$packages" exec python3 -c 'import importlib.metadata as m; print("json-rpc", m.version("json-rpc"))'
fi
PYTHONPATH="$packages" PYTHONDONTWRITEBYTECODE=1 exec python3 "$here/jsonrpc_bot.py" "$@"
