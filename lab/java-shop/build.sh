#!/usr/bin/env bash
# Builds lab/bin/java-shop.jar from lab/java-shop/src/main/java with the plain JDK: no Maven,
# no dependencies. Compiles with --release 17 so the same jar runs on JDK 17 and 21+.
# Works from any directory; rebuilds only when a source (or this script) is newer than the jar,
# and then prints one line. Finds javac in $JAVA_HOME, then /usr/lib/jvm/*, then PATH.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lab="$(dirname "$here")"
src="$here/src/main/java"
jar_file="$lab/bin/java-shop.jar"
main_class="dev.leakhound.lab.javashop.Main"

find_javac() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" ]]; then
    echo "$JAVA_HOME/bin/javac"
    return 0
  fi
  local candidate
  for candidate in /usr/lib/jvm/*/bin/javac; do
    if [[ -x "$candidate" ]]; then
      echo "$candidate"
      return 0
    fi
  done
  if candidate="$(command -v javac)"; then
    readlink -f "$candidate"
    return 0
  fi
  return 1
}

if [[ -f "$jar_file" ]] \
  && [[ -z "$(find "$src" "$here/build.sh" -newer "$jar_file" -print -quit)" ]]; then
  exit 0
fi

if ! javac="$(find_javac)"; then
  echo "build.sh: no javac found (set JAVA_HOME or install a JDK >= 17)" >&2
  exit 2
fi
jar_tool="$(dirname "$javac")/jar"

work="$(mktemp -d "${TMPDIR:-/tmp}/java-shop-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT

mapfile -t sources < <(find "$src" -name '*.java' | sort)
"$javac" --release 17 -Xlint:all -Werror -encoding UTF-8 -d "$work/classes" "${sources[@]}"
mkdir -p "$lab/bin"
"$jar_tool" --create --file "$work/java-shop.jar" --main-class "$main_class" -C "$work/classes" .
# Rename into place so a concurrent reader never sees a half-written jar.
mv -f "$work/java-shop.jar" "$jar_file"
echo "built ${jar_file#"$(dirname "$lab")/"} from ${#sources[@]} sources with $javac"
