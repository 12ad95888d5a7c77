#!/bin/sh
# The microsoft-graph (Java) bot, compiled against the jars scripts/setup-toolchains.sh installs in .toolchains/java.
# --version: exit 0 only when it is built (what compat's "requires" probes).
here="$(cd "$(dirname "$0")" && pwd)"
tc="$here/../../.toolchains/java"
[ -f "$tc/classes/CallingBot.class" ] || { echo "the Java SDK bot is not built: run scripts/setup-toolchains.sh" >&2; exit 1; }
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp "$tc/classes:$tc/lib/*" CallingBot "$@"
