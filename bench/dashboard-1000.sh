#!/usr/bin/env bash
# The dashboard's overview with 1,000 targets: a real watch service (in the benchmark's JVM)
# scraping 1,000 simulated Go services on loopback at 15 s, an hour of their history seeded into
# its store, and headless Chromium opening the overview from a blank page several times. Prints
# one row per run (navigation start to the table rendered with every row, via the Performance
# API; the overview API call and the server's share of it; data to rows painted) and the median.
#
#   bench/dashboard-1000.sh [--targets N] [--runs N] [--history MINUTES]
#   bench/dashboard-1000.sh --targets 60 --serve   # start it all and print the URL to look around
#
# Needs: a JDK 21+ (found as bin/leakhound finds it), Maven, Debian's chromium and chromium-driver.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../bin/lib/toolchain.sh
. bin/lib/toolchain.sh
leakhound_require_jdk
export JAVA_HOME=$LEAKHOUND_JAVA_HOME
leakhound_find_maven
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || {
  echo "dashboard-1000.sh: needs chromium and chromium-driver (apt-get install chromium chromium-driver)" >&2
  exit 69
}
"$LEAKHOUND_MVN" -q -Pbench -pl bench -am package -DskipTests >&2
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
  -cp bench/target/benchmarks.jar dev.leakhound.bench.dashboard.DashboardBench "$@"
