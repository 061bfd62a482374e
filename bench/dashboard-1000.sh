#!/usr/bin/env bash
# The dashboard's overview with 1,000 targets: a real watch service (in the benchmark's JVM)
# scraping 1,000 simulated Go services on loopback at 15 s, an hour of their history seeded into
# its store, and headless Chromium opening the overview from a blank page several times. Prints
# one row per run (navigation start to the table rendered with every row, via the Performance
# API) and the median. Needs Debian's chromium and chromium-driver.
#
#   bench/dashboard-1000.sh [--targets N] [--runs N] [--serve]
#
# --serve starts everything and prints the URL instead, to look at the dashboard by hand.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
java_home="${JAVA_HOME:-}"
if [ -z "$java_home" ] || ! "$java_home/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  java_home="$(ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null | head -n 1)"
fi
export JAVA_HOME="$java_home"
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
mvn -q -Pbench -pl bench -am package -DskipTests >&2
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp bench/target/benchmarks.jar dev.leakhound.bench.dashboard.DashboardBench "$@"
