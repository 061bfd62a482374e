#!/usr/bin/env bash
# Re-creates the real captures in testdata/jvm/histo and testdata/jvm/gclog (see ../SOURCE.md):
# compiles the small leaking workload in demo/shop, runs it on JDK 17 and JDK 25 under each
# collector with -Xlog:gc*, takes class histograms with jcmd and jmap, and trims what it wrote.
# Takes about three minutes on two cores. Timing-dependent: every run differs in its figures.
#
#   testdata/jvm/sources/capture.sh [gclog|histo]   (both by default; JDK17=... JDK25=...)
set -euo pipefail
what=${1:-all}

here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/.." && pwd)
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$JDK17/bin/javac" --release 17 -d "$work/classes" "$here"/demo/shop/*.java
mkdir -p "$out/histo" "$out/gclog"

# trim FILE MAX_BYTES [TAGS_TO_DROP]: drops lines of the given tags (an extended regex over the
# tags field), then keeps whole lines from the start up to MAX_BYTES.
trim() {
  local file=$1 max=$2 drop=${3:-}
  if [ -n "$drop" ]; then
    grep -Ev "\]\[($drop) *\]" "$file" > "$file.tmp" || true
    mv "$file.tmp" "$file"
  fi
  head -c "$max" "$file" | sed '$d' > "$file.tmp"
  mv "$file.tmp" "$file"
}

# trim_tail FILE MAX_BYTES TAGS_TO_DROP: like trim, but keeps the lines before the first GC and
# the last MAX_BYTES of whole lines: where a log under pressure has its failures.
trim_tail() {
  local file=$1 max=$2 drop=$3
  grep -Ev "\]\[($drop) *\]" "$file" > "$file.tmp" || true
  { awk '/GC\([0-9]+\)/ { exit } { print }' "$file.tmp"; tail -c "$max" "$file.tmp" | sed '1d'; } \
    > "$file"
  rm "$file.tmp"
}

gclog() { # NAME JDK SECONDS HEAP FLAGS...
  local name=$1 jdk=$2 seconds=$3 heap=$4
  shift 4
  "$jdk/bin/java" "-Xmx$heap" "$@" "-Xlog:gc*:file=$work/$name.log" -XX:+ExitOnOutOfMemoryError \
    -cp "$work/classes" demo.shop.Workload "$seconds" > /dev/null 2>&1 || true
  cp "$work/$name.log" "$out/gclog/$name.log"
}

noisy='gc,task|gc,cpu|gc,metaspace|gc,ref|gc,age|gc,ergo|gc,stats|gc,marking|gc,nmethod|gc,reloc|gc,load|gc,mmu|gc,alloc|gc,phases,start|gc,heap,exit'

if [ "$what" != histo ]; then
gclog jdk17-g1 "$JDK17" 6 96m -XX:+UseG1GC
gclog jdk25-g1 "$JDK25" 6 96m -XX:+UseG1GC
gclog jdk17-parallel "$JDK17" 6 96m -XX:+UseParallelGC
gclog jdk25-parallel "$JDK25" 6 96m -XX:+UseParallelGC
gclog jdk25-serial "$JDK25" 6 96m -XX:+UseSerialGC
gclog jdk17-zgc "$JDK17" 6 96m -XX:+UseZGC
gclog jdk25-zgc-generational "$JDK25" 6 96m -XX:+UseZGC
gclog jdk17-shenandoah "$JDK17" 6 96m -XX:+UseShenandoahGC
gclog jdk25-shenandoah-generational "$JDK25" 6 96m -XX:+UseShenandoahGC \
  -XX:ShenandoahGCMode=generational
# Under pressure: a heap too small for the leak, so failures, full collections and stalls show.
gclog jdk17-g1-pressure "$JDK17" 8 40m -XX:+UseG1GC
gclog jdk25-g1-pressure "$JDK25" 8 40m -XX:+UseG1GC
gclog jdk25-parallel-pressure "$JDK25" 8 40m -XX:+UseParallelGC
gclog jdk17-zgc-pressure "$JDK17" 8 40m -XX:+UseZGC

for f in jdk17-g1 jdk25-g1 jdk17-parallel jdk25-parallel jdk25-serial; do
  trim "$out/gclog/$f.log" 40000
done
for f in jdk17-zgc jdk25-zgc-generational jdk17-shenandoah jdk25-shenandoah-generational; do
  trim "$out/gclog/$f.log" 40000 "$noisy"
done
for f in jdk17-g1-pressure jdk25-g1-pressure jdk25-parallel-pressure; do
  trim_tail "$out/gclog/$f.log" 40000 "$noisy|gc,phases"
done
trim_tail "$out/gclog/jdk17-zgc-pressure.log" 40000 "$noisy"

# Decorations other than the default [uptime][level][tags], and a log mixed into stdout.
deco() { # NAME JDK XLOG FLAGS...
  local name=$1 jdk=$2 xlog=$3
  shift 3
  rm -f "$out/gclog/$name.log"* # the JVM would rotate an existing file to NAME.log.0
  "$jdk/bin/java" -Xmx64m "$@" "$xlog" -cp "$work/classes" demo.shop.Workload 3 \
    > "$work/$name.stdout" 2>&1 || true
}
deco jdk17-g1-time-uptimemillis "$JDK17" \
  "-Xlog:gc*:file=$out/gclog/jdk17-g1-time-uptimemillis.log:time,uptimemillis,level,tags" \
  -XX:+UseG1GC
trim "$out/gclog/jdk17-g1-time-uptimemillis.log" 20000
deco jdk25-g1-utctime-pid-tid-hostname "$JDK25" \
  "-Xlog:gc:file=$out/gclog/jdk25-g1-utctime-pid-tid-hostname.log:utctime,pid,tid,hostname" \
  -XX:+UseG1GC
deco jdk25-parallel-none "$JDK25" "-Xlog:gc:file=$out/gclog/jdk25-parallel-none.log:none" \
  -XX:+UseParallelGC
deco jdk25-zgc-uptimenanos-timemillis "$JDK25" \
  "-Xlog:gc:file=$out/gclog/jdk25-zgc-uptimenanos-timemillis.log:uptimenanos,timemillis,level" \
  -XX:+UseZGC
trim "$out/gclog/jdk25-zgc-uptimenanos-timemillis.log" 20000
deco jdk17-shenandoah-stdout "$JDK17" "-Xlog:gc:stdout:uptime,level,tags" -XX:+UseShenandoahGC
cp "$work/jdk17-shenandoah-stdout.stdout" "$out/gclog/jdk17-shenandoah-stdout.log"
trim "$out/gclog/jdk17-shenandoah-stdout.log" 20000

fi

# Class histograms: four jcmd histograms two seconds apart, then jmap -histo and -histo:live.
histo() { # JDK NAME
  local jdk=$1 name=$2
  "$jdk/bin/java" -Xmx512m -XX:+UseG1GC -cp "$work/classes" demo.shop.Workload 60 \
    > "$work/$name.out" 2>&1 &
  local pid=$!
  until grep -q ready "$work/$name.out" 2>/dev/null; do sleep 0.2; done
  sleep 2
  for i in 1 2 3 4; do
    "$jdk/bin/jcmd" "$pid" GC.class_histogram > "$out/histo/$name-jcmd-$i.txt"
    sleep 2
  done
  "$jdk/bin/jmap" -histo "$pid" > "$out/histo/$name-jmap.txt"
  "$jdk/bin/jmap" -histo:live "$pid" > "$out/histo/$name-jmap-live.txt"
  kill "$pid"
  wait "$pid" || true
}
if [ "$what" != gclog ]; then
histo "$JDK17" jdk17
histo "$JDK25" jdk25

# The jcmd series stay whole (the analyses compare every class); the jmap histograms, read only
# by the reader's tests, keep their first 60 classes and the Total line, but for jdk17-jmap.txt.
for f in "$out"/histo/jdk17-jmap-live.txt "$out"/histo/jdk25-jmap.txt \
  "$out"/histo/jdk25-jmap-live.txt; do
  awk '/^Total/ { total = $0; next } n++ < 63 { print } END { print total }' "$f" > "$f.tmp"
  mv "$f.tmp" "$f"
done
fi
echo "captures written to $out/histo and $out/gclog"
