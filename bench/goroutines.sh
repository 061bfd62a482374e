#!/usr/bin/env bash
# Benchmark (b) of issue #3: group a 1,000,000-goroutine debug=2 dump with `leakhound goroutines`
# as a whole process, under a 1 GiB heap (-Xmx1g), and report wall time, CPU time and max RSS.
# Side by side, at 10,000 goroutines (where it finishes in seconds), panicparse's pp, the usual
# tool for grouping goroutine dumps; it does not scale to the large dump (over 3 CPU-minutes at
# 100,000 goroutines), so it is left out there.
#
#   bench/goroutines.sh [GOROUTINES]        # default 1000000; inputs cached under $BENCH_TMP
#
# Needs: a JDK 21+ (JAVA_HOME or the launcher's search), Maven, /usr/bin/time; Go for pp
# (installed into $BENCH_TMP/gobin with `go install`, skipped when Go is missing).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-1000000}"
tmp="${BENCH_TMP:-${TMPDIR:-/tmp}/leakhound-bench}"
mkdir -p "$tmp"
# shellcheck source=../bin/lib/toolchain.sh
source "$repo/bin/lib/toolchain.sh"
leakhound_find_jdk || { echo "bench/goroutines.sh: no JDK 21 or newer found" >&2; exit 69; }
java="$LEAKHOUND_JAVA_HOME/bin/java"

jar="$repo/leakhound-cli/target/leakhound.jar"
benchjar="$repo/bench/target/benchmarks.jar"
if [[ ! -f "$jar" || ! -f "$benchjar" ]]; then
  (cd "$repo" && JAVA_HOME="$LEAKHOUND_JAVA_HOME" mvn -q -Pbench -pl leakhound-cli,bench -am package -DskipTests)
fi

dump() { # N -> path of a generated dump with N goroutines
  local f="$tmp/goroutines-$1.txt"
  [[ -f "$f" ]] || "$java" -cp "$benchjar" dev.leakhound.bench.GoroutineDumpGenerator "$f" "$1" >&2
  echo "$f"
}

measure() { # label command... -> one table row: wall s, user s, sys s, max RSS MiB
  local label="$1"; shift
  local out="$tmp/time.txt"
  /usr/bin/time -v "$@" > /dev/null 2> "$out"
  awk -v label="$label" -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, t, ":"); wall = (n == 3 ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2]) }
    /User time/ { user = $2 } /System time/ { sys = $2 }
    /Maximum resident set size/ { rss = $2 / 1024 }
    END { printf "%-42s %8.2f %8.2f %8.2f %10.0f\n", label, wall, user, sys, rss }' "$out"
}

pp=""
if command -v go > /dev/null; then
  GOBIN="$tmp/gobin" go install github.com/maruel/panicparse/v2/cmd/pp@v2.5.0 2> /dev/null && pp="$tmp/gobin/pp"
fi

big="$(dump "$n")"
small="$(dump 10000)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); dump $n goroutines, $(( $(stat -c %s "$big") / 1048576 )) MiB"
printf "%-42s %8s %8s %8s %10s\n" "run" "wall s" "user s" "sys s" "maxRSS MiB"
for i in 1 2 3; do
  measure "leakhound goroutines ($n, -Xmx1g) #$i" \
    "$java" -Xmx1g -jar "$jar" goroutines "$big" --format json
done
measure "leakhound goroutines (10000, -Xmx1g)" "$java" -Xmx1g -jar "$jar" goroutines "$small"
if [[ -n "$pp" ]]; then
  measure "panicparse pp (10000)" "$pp" -parse=false -rebase=false -no-color "$small"
fi
