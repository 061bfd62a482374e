#!/usr/bin/env bash
# The watch service at fleet scale: 1,000 simulated Go services (one HTTP server answering
# /t/N/metrics with a real client_golang exposition whose figures move, a slow leak on every
# tenth) scraped every 15 s by one `leakhound serve` with the default evaluation (every minute,
# the verdict engine on every target's heap floor, goroutines and open files), on this machine's
# cores, with a 512 MiB heap cap. Measures Leakhound's own process only.
#
#   bench/watch-1000.sh            # TARGETS=1000 WARMUP=60 MEASURE=300 INTERVAL=15s
#
# Prints one table: CPU (% of one core), heap in use (max sampled and after a full GC), RSS,
# scrapes done vs expected, missed slots, errors, samples stored; each beside its budget.
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
# shellcheck source=../bin/lib/toolchain.sh
. "$root/bin/lib/toolchain.sh"
leakhound_require_jdk
leakhound_find_maven

TARGETS=${TARGETS:-1000}
WARMUP=${WARMUP:-60}
MEASURE=${MEASURE:-300}
INTERVAL=${INTERVAL:-15s}
HEAP=${HEAP:-512m}
java=$JAVA_HOME/bin/java

echo "building (mvn -Pbench package)..." >&2
(cd "$root" && "$LEAKHOUND_MVN" -q -B -Pbench -DskipTests -Dspotless.apply.skip=true \
   -pl leakhound-cli,bench -am package >/dev/null)

work=$(mktemp -d)
fleet_pid=""
lh_pid=""
cleanup() {
  [ -n "$lh_pid" ] && kill "$lh_pid" 2>/dev/null || true
  [ -n "$fleet_pid" ] && kill "$fleet_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$java" -Xmx256m -cp "$root/bench/target/benchmarks.jar" dev.leakhound.bench.MetricsFleetGenerator \
  "$root/testdata/prometheus/client_golang-1.22.txt" "$TARGETS" >"$work/fleet.out" 2>"$work/fleet.err" &
fleet_pid=$!
for _ in $(seq 1 100); do grep -q listening "$work/fleet.out" 2>/dev/null && break; sleep 0.2; done
port=$(sed -n 's/.*127.0.0.1:\([0-9]*\).*/\1/p' "$work/fleet.out")

{
  echo "dataDir: $work/data"
  echo "listen: 127.0.0.1:0"
  echo "defaults: {interval: $INTERVAL}"
  echo "targets:"
  for i in $(seq 0 $((TARGETS - 1))); do
    printf '  - {name: t%04d, kind: prometheus, address: "http://127.0.0.1:%s/t/%d/metrics"}\n' "$i" "$port" "$i"
  done
} >"$work/leakhound.yaml"

"$java" -Xmx"$HEAP" -XX:+UseG1GC -jar "$root/leakhound-cli/target/leakhound.jar" \
  serve --config "$work/leakhound.yaml" >"$work/serve.out" 2>"$work/serve.err" &
lh_pid=$!
for _ in $(seq 1 150); do grep -q "API" "$work/serve.err" 2>/dev/null && break; sleep 0.2; done
api=$(sed -n 's/.*API *\(http[^ ]*\)\/api\/v1\/targets.*/\1/p' "$work/serve.err")
started=$(date +%s.%N)

ticks() { awk '{print $14 + $15}' "/proc/$lh_pid/stat"; }
hz=$(getconf CLK_TCK)

echo "warming up ${WARMUP}s with $TARGETS targets every $INTERVAL..." >&2
sleep "$WARMUP"
t0=$(date +%s.%N); c0=$(ticks)
max_heap=0
end=$(( $(date +%s) + MEASURE ))
while [ "$(date +%s)" -lt "$end" ]; do
  used=$("$JAVA_HOME/bin/jstat" -gc "$lh_pid" | awk 'NR==2 {print ($3+$4+$6+$8)/1024}')
  max_heap=$(awk -v a="$max_heap" -v b="$used" 'BEGIN {print (b > a) ? b : a}')
  sleep 5
done
t1=$(date +%s.%N); c1=$(ticks)
cpu=$(awk -v c0="$c0" -v c1="$c1" -v t0="$t0" -v t1="$t1" -v hz="$hz" 'BEGIN {printf "%.1f", 100 * (c1 - c0) / hz / (t1 - t0)}')
"$JAVA_HOME/bin/jcmd" "$lh_pid" GC.run >/dev/null
after_gc=$("$JAVA_HOME/bin/jstat" -gc "$lh_pid" | awk 'NR==2 {printf "%.0f", ($3+$4+$6+$8)/1024}')
rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$lh_pid/status")
metrics=$(curl -s --max-time 60 "$api/metrics" || curl -s --max-time 60 "$api/metrics")
[ -n "$metrics" ] || echo "cannot read $api/metrics" >&2
sum() { echo "$metrics" | awk -v n="$1" '$1 == n || index($1, n "{") == 1 {s += $NF} END {printf "%.0f", s}'; }
scrapes=$(sum leakhound_scrapes_total)
missed=$(sum leakhound_scrapes_missed_total)
errors=$(sum leakhound_scrape_errors_total)
samples=$(sum leakhound_samples_written_total)
elapsed=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')
secs=${INTERVAL%s}
# Each target's first slot lies somewhere in the first interval: n * elapsed / interval slots.
expected=$(awk -v e="$elapsed" -v n="$TARGETS" -v s="$secs" 'BEGIN {printf "%.0f", n * e / s}')

printf '\n%s targets every %s on %s cores, %ss measured after %ss (%s)\n\n' \
  "$TARGETS" "$INTERVAL" "$(nproc)" "$MEASURE" "$WARMUP" "$("$java" -version 2>&1 | head -n 1)"
printf '| %-32s | %12s | %12s | %7s |\n' measure value budget ratio
printf '|%s|%s|%s|%s|\n' "----------------------------------" "--------------" "--------------" "---------"
row() { printf '| %-32s | %12s | %12s | %7s |\n' "$1" "$2" "$3" "$(awk -v a="$4" -v b="$5" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}')"; }
row "CPU, % of one core" "$cpu" "25" "$cpu" 25
row "heap in use, max sampled (MiB)" "$(printf '%.0f' "$max_heap")" "512" "$max_heap" 512
row "heap after full GC (MiB)" "$after_gc" "512" "$after_gc" 512
row "RSS (MiB)" "$rss" "-" 0 0
row "scrapes done / slots elapsed" "$scrapes/$expected" "~1" "$scrapes" "$expected"
row "missed scrape slots" "$missed" "0" 0 0
row "scrape errors" "$errors" "0" 0 0
row "samples stored" "$samples" "-" 0 0
