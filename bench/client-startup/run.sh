#!/usr/bin/env bash
# Start-up bench of the desktop client (cold start → interactive login dialog; Enter → main window with
# the organisation directory). Builds what it needs, then runs the bench on a private Xvfb display.
#
#   bench/client-startup/run.sh [--no-build] [--use-display] [BENCH OPTIONS...]
#
#   --no-build      use the product and server jar already built in this checkout (the first run is then
#                   not a "first run after build": the bench says so)
#   --use-display   run on $DISPLAY instead of a private Xvfb. The display must have no window manager
#                   (the bench follows top-level windows and their focus through X events)
#   BENCH OPTIONS   --runs 10 --warmups 1 --users 120002 --poll-ms 10 --verbose … (--help lists them)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
source "$root/scripts/lib.sh"

build=1
use_display=0
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --use-display) use_display=1; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

find_jdk
for tool in xdotool xev import xvfb-run xauth; do
  command -v "$tool" >/dev/null 2>&1 || die "missing $tool (apt-get install xdotool x11-utils imagemagick xvfb xauth)"
done

if [ "$build" = 1 ]; then
  say "building the product and the server: ./mvnw -B -q -DskipTests clean verify"
  (cd "$root" && ./mvnw -B -q -DskipTests clean verify)
fi
[ -f "$root/server/target/kairan-server.jar" ] || die "no server/target/kairan-server.jar: build first (or drop --no-build)"
[ -x "$root/product/target/products/org.kairan.product/linux/gtk/x86_64/kairan/kairan" ] \
  || die "no materialized product under product/target: build first (or drop --no-build)"

say "building the bench (and installing org.kairan.core, which it uses, into the local Maven repository)"
(cd "$root" && ./mvnw -B -q -DskipTests -f bundles/org.kairan.core/pom.xml install \
   && ./mvnw -B -q -f bench/client-startup/pom.xml clean package)
core_jar=$(ls "$root"/bundles/org.kairan.core/target/org.kairan.core-*.jar | head -n 1)

# The bench's own JVM stays light (C1 only, small heap): it shares the 2 cores with the client it measures.
cmd=("$JAVA_HOME/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m
     -cp "$here/target/kairan-bench-client-startup.jar:$core_jar" org.kairan.bench.client.ClientStartupBench --repo "$root" ${args[@]+"${args[@]}"})
if [ "$use_display" = 1 ]; then
  [ -n "${DISPLAY:-}" ] || die "--use-display without a DISPLAY"
  "${cmd[@]}"
else
  say "running on a private Xvfb (xvfb-run -a, 1280x1024x24, no window manager)"
  xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" "${cmd[@]}"
fi
