#!/usr/bin/env bash
# Sync bench (issue 3): first sync of a fresh desktop, change visible on another desktop, 50 users pulling
# at once — the real server jar (H2) and the real client classes. Builds what it needs, then runs it.
#
#   bench/sync/run.sh [--no-build] [BENCH OPTIONS...]
#
#   --no-build      use the server jar and the installed client jars as they are (build only the bench)
#   BENCH OPTIONS   --records 10000 --documents 2000 --samples 200 --clients 50 --quick … (--help lists them)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$root/scripts/lib.sh"

build=1
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

find_jdk
if [ "$build" = 1 ]; then
  say "building and installing the product modules (core, client bundle, client.testing, server jar): ./mvnw -B -q install -DskipTests"
  (cd "$root" && ./mvnw -B -q install -DskipTests)
fi
[ -f "$root/server/target/kairan-server.jar" ] || die "no server/target/kairan-server.jar: build first (or drop --no-build)"

say "building the bench: ./mvnw -B -q -f bench/sync/pom.xml clean package"
(cd "$root" && ./mvnw -B -q -f bench/sync/pom.xml clean package)

say "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
# Full JIT for the orchestrating JVM (it hosts desktops A and B and the 50 pulling clients); each
# first-sync desktop runs in a JVM of its own with the product's VM flags (--client-vm).
"$JAVA_HOME/bin/java" -Xmx3g -cp "$here/target/kairan-bench-sync.jar:$here/target/lib/*" \
  org.kairan.bench.sync.SyncBench --repo "$root" ${args[@]+"${args[@]}"}
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
