#!/usr/bin/env bash
# `leakhound pprof diff` against `go tool pprof -top -diff_base`, whole process (JVM start
# included), side by side on the same two large heap profiles made by
# bench/src/main/java/dev/leakhound/bench/HeapProfileGenerator.java (SAMPLES samples each,
# SHARED of the stacks common to both, thousands of functions, stacks 8-64 frames deep).
# Runs are interleaved (leakhound, pprof, leakhound, ...) so machine load hits both alike; the
# table shows the median, min and max wall time, the median CPU time (user + system, which load
# from other processes disturbs less than wall time) and the peak RSS of each, and the ratios of
# the medians.
# Both outputs are checked to hold the same rows before anything is timed.
#
#   bench/pprof-diff.sh                  # 200k samples per profile, 5 runs each
#   RUNS=9 SAMPLES=400000 bench/pprof-diff.sh
#   KEEP=1 bench/pprof-diff.sh           # keep the profiles in $WORK
#
# Needs: a JDK 21+ (found as bin/leakhound finds it), Maven, Go (go tool pprof), GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=../bin/lib/toolchain.sh
. bin/lib/toolchain.sh
leakhound_require_jdk
export JAVA_HOME=$LEAKHOUND_JAVA_HOME
leakhound_find_maven
command -v go >/dev/null || { echo "pprof-diff.sh: needs Go for go tool pprof" >&2; exit 69; }
[ -x /usr/bin/time ] || { echo "pprof-diff.sh: needs GNU time (/usr/bin/time)" >&2; exit 69; }

RUNS=${RUNS:-5}
SAMPLES=${SAMPLES:-200000}
SHARED=${SHARED:-0.2}
WORK=${WORK:-$(mktemp -d /tmp/leakhound-bench-pprof.XXXXXX)}
mkdir -p "$WORK"
cleanup() { if [ -z "${KEEP:-}" ]; then rm -f "$WORK"/*.pb.gz "$WORK"/*.out "$WORK"/*.time; fi; }
trap cleanup EXIT

echo "== building leakhound and the profile generator" >&2
"$LEAKHOUND_MVN" -q -B -pl leakhound-cli -am package -DskipTests >&2
"$LEAKHOUND_MVN" -q -B -Pbench -pl bench -am package -DskipTests >&2
if [ ! -f "$WORK/base.pb.gz" ] || [ ! -f "$WORK/current.pb.gz" ]; then
  "$LEAKHOUND_JAVA_HOME/bin/java" -cp bench/target/benchmarks.jar \
    dev.leakhound.bench.HeapProfileGenerator "$WORK" "$SAMPLES" "$SHARED" >&2
fi
BASE=$WORK/base.pb.gz
CUR=$WORK/current.pb.gz
LEAKHOUND=("$ROOT/bin/leakhound" pprof diff "$BASE" "$CUR" --format text)
PPROF=(go tool pprof -top -diff_base "$BASE" "$CUR")

# The rows of a -top output, order and running sum% aside (pprof sorts a diff by |flat|,
# leakhound by growth): flat, flat%, cum, cum%, name.
rows() { awk '/^ *flat +flat%/ {on=1; next} on {$3=""; print}' "$1" | sort; }
"${LEAKHOUND[@]}" >"$WORK/leakhound.out"
"${PPROF[@]}" >"$WORK/pprof.out" 2>/dev/null
if ! diff <(rows "$WORK/leakhound.out") <(rows "$WORK/pprof.out") >/dev/null; then
  echo "pprof-diff.sh: leakhound and pprof disagree on the rows; see $WORK/*.out" >&2
  KEEP=1
  exit 1
fi
echo "== both show the same $(rows "$WORK/pprof.out" | wc -l) rows; timing $RUNS runs each" >&2

declare -a LH_SECS PP_SECS LH_CPU PP_CPU
LH_RSS=0
PP_RSS=0
run() { # run NAME CMD...: prints "wall_seconds cpu_seconds rss_kb"
  local name=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/$name.time" "$@" >/dev/null 2>&1
  awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' "$WORK/$name.time"
}
for ((i = 0; i < RUNS; i++)); do
  read -r s c m < <(run leakhound "${LEAKHOUND[@]}")
  LH_SECS+=("$s")
  LH_CPU+=("$c")
  ((m > LH_RSS)) && LH_RSS=$m
  read -r s c m < <(run pprof "${PPROF[@]}")
  PP_SECS+=("$s")
  PP_CPU+=("$c")
  ((m > PP_RSS)) && PP_RSS=$m
  echo "   run $((i + 1)): leakhound ${LH_SECS[-1]} s (${LH_CPU[-1]} s CPU)," \
    "go tool pprof $s s ($c s CPU)" >&2
done

stats() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f %.2f %.2f\n", m, a[1], a[NR]}'; }
read -r lh_med lh_min lh_max < <(stats "${LH_SECS[@]}")
read -r pp_med pp_min pp_max < <(stats "${PP_SECS[@]}")
read -r lh_cpu _ _ < <(stats "${LH_CPU[@]}")
read -r pp_cpu _ _ < <(stats "${PP_CPU[@]}")
base_mb=$(du -m "$BASE" | cut -f1)
cur_mb=$(du -m "$CUR" | cut -f1)
echo
echo "pprof diff of two heap profiles ($SAMPLES samples each, ${base_mb} MB + ${cur_mb} MB gzipped), $RUNS runs each"
printf '%-38s %8s %7s %7s %10s %10s\n' "command" "median s" "min s" "max s" "median CPU" "max RSS MB"
printf '%-38s %8s %7s %7s %10s %10d\n' "leakhound pprof diff --format text" "$lh_med" "$lh_min" "$lh_max" "$lh_cpu" $((LH_RSS / 1024))
printf '%-38s %8s %7s %7s %10s %10d\n' "go tool pprof -top -diff_base" "$pp_med" "$pp_min" "$pp_max" "$pp_cpu" $((PP_RSS / 1024))
awk -v a="$pp_med" -v b="$lh_med" -v c="$pp_cpu" -v d="$lh_cpu" \
  'BEGIN {printf "ratio (go tool pprof / leakhound): %.1fx wall time, %.1fx CPU time (medians)\n", a / b, c / d}'
