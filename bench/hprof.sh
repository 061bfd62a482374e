#!/usr/bin/env bash
# Leakhound's heap dump analyser against its peers, side by side on the same real dumps made now:
#   (a) parse + class histogram      leakhound hprof --histogram-only   vs  hprof-slurp
#   (b) full analysis                leakhound hprof (dominators, retained sizes, suspects, paths)
#                                    vs  LeakCanary shark 2.14 ObjectDominators (dominator tree and
#                                    retained sizes; bench/hprof/shark-driver)
#   (c) peak memory of each: max RSS (/usr/bin/time -v), split into anonymous and file-backed
#       (mapped files) by sampling /proc/PID/status, and for the JVMs the heap after GC.
# Leakhound's full analysis runs in -Xmx of 16 bytes per object plus 64 MB (issue #8's memory
# target: 16 bytes of analyser heap per object; the 64 MB are the JVM's and the report's own), so a
# run that completes shows the target is met; the script says so, or that it was missed, per dump.
# The analyser's own arrays are also accounted exactly by HeapDumpAnalyzerMemoryTest.
# The big dump comes from bench/hprof/HeapGen.java (a leaking shop of $OBJECTS objects, dumped with
# jcmd GC.heap_dump); a mid-size one ($MID_OBJECTS) lets shark finish where the big one times out.
#
#   bench/hprof.sh                     # 33M objects (~2.5 GB dump), shark capped at 30 minutes
#   OBJECTS=5000000 bench/hprof.sh     # smaller
#   KEEP=1 bench/hprof.sh              # keep the dumps in $WORK
#   BIG=0 SHARK=0 bench/hprof.sh       # only the mid dump, without shark: about a minute
#
# Needs: a JDK 21+ (found like bin/leakhound does), Maven, cargo (hprof-slurp is installed from
# crates.io when missing), GNU time, and free disk of about 3x the dump in $WORK.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck source=../bin/lib/toolchain.sh
. bin/lib/toolchain.sh
leakhound_require_jdk
JAVA=$LEAKHOUND_JAVA_HOME/bin/java
JCMD=$LEAKHOUND_JAVA_HOME/bin/jcmd

OBJECTS=${OBJECTS:-33000000}
MID_OBJECTS=${MID_OBJECTS:-1000000}
LH_XMX=${LH_XMX:-}
SHARK_XMX=${SHARK_XMX:-12g}
SHARK_TIMEOUT=${SHARK_TIMEOUT:-1800}
BIG=${BIG:-1}
SHARK=${SHARK:-1}
WORK=${WORK:-$(mktemp -d /tmp/leakhound-bench-hprof.XXXXXX)}
mkdir -p "$WORK"
GEN_PID=""
cleanup() {
  if [ -n "$GEN_PID" ]; then kill "$GEN_PID" 2>/dev/null || true; fi
  if [ -z "${KEEP:-}" ]; then rm -f "$WORK"/*.hprof "$WORK"/*.hprof.gz; fi
}
trap cleanup EXIT

need_kb=$(((BIG == 1 ? OBJECTS : MID_OBJECTS) / 1000 * 80 * 3))
free_kb=$(df -Pk "$WORK" | awk 'NR==2 {print $4}')
if [ "$free_kb" -lt "$need_kb" ]; then
  echo "hprof.sh: $WORK has $((free_kb / 1024)) MB free, needs about $((need_kb / 1024)) MB" >&2
  exit 1
fi

echo "== building leakhound, the shark driver and hprof-slurp" >&2
export JAVA_HOME=$LEAKHOUND_JAVA_HOME MAVEN_OPTS=--sun-misc-unsafe-memory-access=allow
export LEAKHOUND_PROGRESS=log # one line per analysis phase on stderr, with its start time
mvn -q -pl leakhound-cli -am package -DskipTests >&2
if [ "$SHARK" = 1 ]; then mvn -q -f bench/hprof/shark-driver/pom.xml package >&2; fi
command -v hprof-slurp >/dev/null || cargo install hprof-slurp >&2
LEAKHOUND=(-jar "$ROOT/leakhound-cli/target/leakhound.jar")
SHARK=(-cp "$ROOT/bench/hprof/shark-driver/target/shark-driver-1.jar:$ROOT/bench/hprof/shark-driver/target/lib/*" SharkDominators)

# make_dump N FILE: runs HeapGen until it has built N objects, dumps it with jcmd, stops it.
make_dump() {
  local n=$1 file=$2 log="$WORK/gen-$1.log"
  "$JAVA" -Xms6g -Xmx6g -XX:+UseParallelGC bench/hprof/HeapGen.java "$n" >"$log" 2>&1 &
  GEN_PID=$!
  until grep -q '^ready' "$log"; do
    kill -0 "$GEN_PID" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 1
  done
  "$JCMD" "$GEN_PID" GC.heap_dump "$file" >&2
  kill "$GEN_PID"
  wait "$GEN_PID" 2>/dev/null || true
  GEN_PID=""
}

# measure NAME CMD...: runs CMD under GNU time; records seconds, max RSS (MB) and exit status.
declare -A SECS RSS STATUS HEAP ANON FILE
measure() {
  local name=$1
  shift
  local out="$WORK/$name"
  set +e
  /usr/bin/time -v -o "$out.time" "$@" >"$out.out" 2>"$out.err" &
  local timer=$!
  sample_rss "$timer" "$out.rss"
  wait "$timer"
  STATUS[$name]=$?
  set -e
  read -r ANON[$name] FILE[$name] <"$out.rss"
  SECS[$name]=$(awk -F': ' '/Elapsed/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$out.time")
  RSS[$name]=$(awk -F': ' '/Maximum resident/ {printf "%d", $2/1024}' "$out.time")
  HEAP[$name]=$( (grep -oE '[0-9]+M->[0-9]+M' "$out.gc" 2>/dev/null || true) |
    awk -F'->' '{a=$2; sub("M","",a); if (a+0>m) m=a+0} END {print m+0}')
}

# sample_rss PID FILE: while PID (GNU time) runs, the largest RssAnon and RssFile (MB) of the
# process it measures (the innermost child: `timeout java ...` counts as java).
sample_rss() {
  local child anon=0 file=0 a f c
  while kill -0 "$1" 2>/dev/null; do
    child=$1
    while c=$(pgrep -P "$child" | head -1) && [ -n "$c" ]; do child=$c; done
    if [ "$child" != "$1" ] && [ -r "/proc/$child/status" ]; then
      a=$(awk '/^RssAnon/ {print int($2 / 1024)}' "/proc/$child/status" 2>/dev/null || echo 0)
      f=$(awk '/^RssFile/ {print int($2 / 1024)}' "/proc/$child/status" 2>/dev/null || echo 0)
      [ "${a:-0}" -gt "$anon" ] && anon=$a
      [ "${f:-0}" -gt "$file" ] && file=$f
    fi
    sleep 0.2
  done
  echo "$anon $file" >"$2"
}

jvm() { # jvm NAME XMX CLASS-OR-JAR-ARGS...: a JVM with a GC log for the heap figure
  local name=$1 xmx=$2
  shift 2
  measure "$name" "$JAVA" "-Xmx$xmx" "-Xlog:gc:file=$WORK/$name.gc" "$@"
}

objects_of() { # objects of a dump, from leakhound's JSON
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["objects"])' "$1"
}

run_all() { # run_all LABEL FILE
  local label=$1 file=$2 size
  size=$(stat -c %s "$file")
  echo "== $label: $file ($((size / 1048576)) MB)" >&2
  measure "slurp-$label" hprof-slurp --top 20 "$file"
  jvm "histo-$label" 256m "${LEAKHOUND[@]}" hprof "$file" --histogram-only --format json
  # -Xmx of 16 bytes per object (counted by the histogram run) plus 64 MB: the memory target.
  local objects mb xmx
  objects=$(objects_of "$WORK/histo-$label.out")
  xmx=${LH_XMX:-$((objects * 16 / 1048576 + 64))m}
  jvm "full-$label" "$xmx" "${LEAKHOUND[@]}" hprof "$file" --format json
  if [ "$SHARK" = 1 ]; then
    measure "shark-$label" timeout "$SHARK_TIMEOUT" "$JAVA" "-Xmx$SHARK_XMX" \
      "-Xlog:gc:file=$WORK/shark-$label.gc" "${SHARK[@]}" "$file" 10000000
  else
    SECS[shark-$label]=0 RSS[shark-$label]=0 ANON[shark-$label]=- FILE[shark-$label]=-
    STATUS[shark-$label]=skipped HEAP[shark-$label]=
  fi
  mb=$(awk -v s="$size" 'BEGIN {printf "%.0f", s/1048576}')
  printf '\n### %s dump: %s MB, %s objects (%s); leakhound -Xmx%s\n\n' "$label" "$mb" "$objects" \
    "$file" "$xmx"
  printf '| run | wall s | MB/s | objects/s | max RSS MB | of which anon / file MB | JVM heap after GC, max MB | exit |\n'
  printf '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n'
  local run
  for run in "slurp-$label" "histo-$label" "full-$label" "shark-$label"; do
    awk -v r="$run" -v s="${SECS[$run]}" -v b="$size" -v o="$objects" -v rss="${RSS[$run]}" \
      -v an="${ANON[$run]}" -v fi="${FILE[$run]}" \
      -v h="${HEAP[$run]:-}" -v x="${STATUS[$run]}" 'BEGIN {
        if (x == "skipped") { printf "| %s | - | - | - | - | - | - | skipped |\n", r; exit }
        printf "| %s | %.1f | %.0f | %.2fM | %s | %s / %s | %s | %s |\n", r, s, b/1048576/s,
          o/s/1e6, rss, an, fi, (h == "" || h == 0) ? "-" : h, (x == 124 ? "timeout" : x) }'
  done
  awk -v a="${SECS[slurp-$label]}" -v b="${SECS[histo-$label]}" -v c="${SECS[full-$label]}" \
    -v d="${SECS[shark-$label]}" -v ra="${RSS[slurp-$label]}" -v rb="${RSS[histo-$label]}" \
    -v rc="${RSS[full-$label]}" -v rd="${RSS[shark-$label]}" -v x="${STATUS[shark-$label]}" \
    -v hc="${HEAP[full-$label]}" -v hb="${HEAP[histo-$label]}" -v o="$objects" 'BEGIN {
      printf "\n(a) histogram: leakhound %.2fx the speed of hprof-slurp, %.2fx its RSS\n", a/b, rb/ra
      if (x != "skipped") printf "(b) full analysis: leakhound %s%.1fx faster than shark, %.2fx its RSS\n",
        (x == 124 ? "at least " : ""), d/c, rc/rd
      printf "(c) leakhound full analysis: %.1f bytes of JVM heap (max after GC) per object; %.1f\n",
        hc*1048576/o, (hc-hb)*1048576/o
      printf "    above the histogram run'"'"'s heap (the JVM and classes, nothing per object)\n" }'
  if [ "${STATUS[full-$label]}" = 0 ]; then
    echo "(c) memory target met: the full analysis completed in -Xmx$xmx (16 bytes per object + 64 MB)"
  else
    echo "(c) memory target MISSED: the full analysis exited ${STATUS[full-$label]} in -Xmx$xmx" \
      "(see $WORK/full-$label.err)"
  fi
  grep -E '^ +[0-9.]+s ' "$WORK/full-$label.err" | sed 's/^/    phase /' || true
}

echo "== making the dumps in $WORK" >&2
make_dump "$MID_OBJECTS" "$WORK/mid.hprof"
if [ "$BIG" = 1 ]; then make_dump "$OBJECTS" "$WORK/big.hprof"; fi
echo "# bench/hprof.sh on $(date -u +%F), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# leakhound -Xmx ${LH_XMX:-of 16 bytes per object + 64 MB}; shark -Xmx$SHARK_XMX, timeout ${SHARK_TIMEOUT}s; $("$JAVA" -version 2>&1 | head -1)"
run_all mid "$WORK/mid.hprof"
if [ "$BIG" = 1 ]; then run_all big "$WORK/big.hprof"; fi
