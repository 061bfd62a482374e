#!/usr/bin/env bash
# Re-creates testdata/jvm/java-shop (see ../SOURCE.md): runs lab/java-shop once per scenario, all
# six at once, each under 40 requests/s for 60 s from lab/bin/load, with a unified GC log, and
# takes a class histogram with jcmd every 15 s. Needs lab/build (java-shop.jar, load) and JDK 25.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
out="$here/../java-shop"
JDK=${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

run() { # SCENARIO
  local sc=$1
  "$JDK/bin/java" -Xmx256m -XX:+ExitOnOutOfMemoryError \
    "-Xlog:gc*:file=$work/$sc.gc.log:time,uptime,level,tags" \
    -jar "$repo/lab/bin/java-shop.jar" --scenarios "$sc" --leak-bytes 16384 \
    > "$work/$sc.out" 2> "$work/$sc.err" &
  local pid=$!
  until grep -q 'listening on' "$work/$sc.out" 2>/dev/null; do sleep 0.2; done
  local port
  port=$(sed -n 's/listening on 127.0.0.1:\(.*\)/\1/p' "$work/$sc.out")
  "$repo/lab/bin/load" -target "http://127.0.0.1:$port" -schedule "40/s for 60s" \
    > "$work/$sc.load" 2>&1 &
  local load=$!
  for i in 1 2 3 4; do
    sleep 15
    "$JDK/bin/jcmd" "$pid" GC.class_histogram | gzip -9n > "$out/$sc-$i.txt.gz"
  done
  wait "$load"
  kill "$pid"
  wait "$pid" || true
  echo "$sc: $(cat "$work/$sc.load")"
}

for sc in static-map-leak listener-leak threadlocal-leak bounded-cache load-follow steady; do
  run "$sc" &
done
wait
gzip -9nc "$work/static-map-leak.gc.log" > "$out/static-map-leak.gc.log.gz"
gzip -9nc "$work/steady.gc.log" > "$out/steady.gc.log.gz"
