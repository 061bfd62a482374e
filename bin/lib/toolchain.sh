# shellcheck shell=bash
# Finds the tools Leakhound's scripts need: a JDK >= 21 and Maven. Sourced by bin/leakhound and
# bin/test; sets LEAKHOUND_JAVA_HOME and LEAKHOUND_MVN, or explains what is missing.

LEAKHOUND_MIN_JAVA=21
LEAKHOUND_MAVEN_VERSION=3.9.16

# Prints the feature version (17, 21, 25, ...) of the JDK at $1, or nothing.
leakhound_jdk_version() {
  local home=$1 version=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  version=${version#1.}
  printf '%s\n' "${version%%[.+-]*}"
}

# Sets LEAKHOUND_JAVA_HOME to a JDK >= 21: JAVA_HOME when new enough, else the newest JDK found
# in the usual install places, else the one behind `java` on PATH. Returns 1 when there is none.
leakhound_find_jdk() {
  local candidate best="" best_version=0 v java_on_path
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(leakhound_jdk_version "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$LEAKHOUND_MIN_JAVA" ]; then
      LEAKHOUND_JAVA_HOME=$JAVA_HOME
      return 0
    fi
  fi
  java_on_path=$(command -v java 2>/dev/null || true)
  if [ -n "$java_on_path" ]; then
    java_on_path=$(readlink -f "$java_on_path")
    java_on_path=${java_on_path%/bin/java}
  fi
  # LEAKHOUND_JDK_DIRS (space-separated globs) replaces the usual places; tests use it.
  local places=${LEAKHOUND_JDK_DIRS:-/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*jdk* \
    $HOME/.sdkman/candidates/java/* $HOME/.jdks/* $HOME/.local/share/jdk* \
    /Library/Java/JavaVirtualMachines/*/Contents/Home}
  # shellcheck disable=SC2086 # the globs are meant to expand
  for candidate in $places $java_on_path; do
    [ -d "$candidate" ] || continue
    v=$(leakhound_jdk_version "$candidate")
    [ -n "$v" ] || continue
    if [ "$v" -ge "$LEAKHOUND_MIN_JAVA" ] && [ "$v" -gt "$best_version" ]; then
      best=$candidate
      best_version=$v
    fi
  done
  if [ -n "$best" ]; then
    LEAKHOUND_JAVA_HOME=$(readlink -f "$best")
    return 0
  fi
  return 1
}

leakhound_require_jdk() {
  if ! leakhound_find_jdk; then
    local seen="none"
    command -v java >/dev/null 2>&1 && seen=$(java -version 2>&1 | head -n 1)
    echo "leakhound: needs a JDK ${LEAKHOUND_MIN_JAVA} or newer and found none (JAVA_HOME, /usr/lib/jvm and the java on PATH: ${seen}); install one, e.g. 'apt-get install openjdk-21-jdk-headless', or set JAVA_HOME to it." >&2
    exit 69
  fi
  export JAVA_HOME=$LEAKHOUND_JAVA_HOME
}

# Sets LEAKHOUND_MVN: `mvn` from PATH when present, else Maven downloaded once from Maven Central
# into ~/.cache/leakhound (checked against its published SHA-512).
leakhound_find_maven() {
  # Maven's own libraries (guava) still call sun.misc.Unsafe; JDK 24+ warns on every build.
  if [ "$(leakhound_jdk_version "$JAVA_HOME")" -ge 24 ]; then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  fi
  if command -v mvn >/dev/null 2>&1; then
    LEAKHOUND_MVN=$(command -v mvn)
    return 0
  fi
  local cache=${XDG_CACHE_HOME:-$HOME/.cache}/leakhound
  local home=$cache/apache-maven-$LEAKHOUND_MAVEN_VERSION
  if [ ! -x "$home/bin/mvn" ]; then
    local url=https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/$LEAKHOUND_MAVEN_VERSION/apache-maven-$LEAKHOUND_MAVEN_VERSION-bin.tar.gz
    echo "leakhound: Maven is not installed; downloading Maven $LEAKHOUND_MAVEN_VERSION from Maven Central" >&2
    mkdir -p "$cache"
    curl -fsSL "$url" -o "$cache/maven.tar.gz" || { echo "leakhound: could not download Maven from $url" >&2; exit 69; }
    local want
    want=$(curl -fsSL "$url.sha512" | cut -c1-128)
    echo "$want  $cache/maven.tar.gz" | sha512sum -c --quiet - || { echo "leakhound: the Maven download's checksum does not match" >&2; exit 69; }
    tar -xzf "$cache/maven.tar.gz" -C "$cache"
    rm -f "$cache/maven.tar.gz"
  fi
  LEAKHOUND_MVN=$home/bin/mvn
}
