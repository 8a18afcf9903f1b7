# Shared shell functions of Kairan's scripts: find a JDK >= 21, say what is missing.
# Sourced, not run.

KAIRAN_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KAIRAN_MIN_JAVA=21

say() { printf '[kairan] %s\n' "$*" >&2; }
die() { printf '[kairan] ERROR: %s\n' "$*" >&2; exit 1; }

# java_major JAVA_BIN -> prints the feature version (17, 21, 25...) or nothing. The JDK's release file
# answers without starting a JVM (the client's start-up time counts); java itself otherwise.
java_major() {
  local release version
  release="$(dirname "$(dirname "$(readlink -f "$1")")")/release"
  version=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$release" 2>/dev/null)
  if [ -z "$version" ]; then
    version=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  fi
  printf '%s\n' "${version%%.*}"
}

# find_jdk -> exports JAVA_HOME of a JDK >= 21 (with javac); installs one from apt when the release has
# one (Debian 13: openjdk-25/21), or fails clearly
find_jdk() {
  if ! find_jdk_quietly; then
    local pkg
    for pkg in openjdk-25-jdk-headless openjdk-21-jdk-headless; do
      if command -v apt-cache >/dev/null 2>&1 && apt-cache policy "$pkg" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
        say "no JDK ${KAIRAN_MIN_JAVA}+ found: installing $pkg"
        ensure_packages "$pkg"
        break
      fi
    done
    find_jdk_quietly || die "no JDK ${KAIRAN_MIN_JAVA} or newer found (looked at \$JAVA_HOME, /usr/lib/jvm, /opt) and apt offers none. Install one (e.g. Temurin 21 or 25 from your software repository) and set JAVA_HOME."
  fi
  export JAVA_HOME=$KAIRAN_JDK
  export PATH="$JAVA_HOME/bin:$PATH"
  say "using JDK $KAIRAN_JDK_MAJOR at $JAVA_HOME"
}

# find_jdk_quietly -> sets KAIRAN_JDK/KAIRAN_JDK_MAJOR to the newest JDK >= 21, or returns 1
find_jdk_quietly() {
  local candidates=() dir major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do [ -d "$dir" ] && candidates+=("$dir"); done
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  local best="" best_major=0
  for dir in "${candidates[@]}"; do
    [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir/bin/java")
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    if [ "$major" -ge "$KAIRAN_MIN_JAVA" ] && [ "$major" -gt "$best_major" ]; then
      best=$dir; best_major=$major
    fi
  done
  [ -n "$best" ] || return 1
  KAIRAN_JDK=$best
  KAIRAN_JDK_MAJOR=$best_major
}

# as_root CMD... -> runs CMD as root (directly, or through sudo), or fails saying what to run
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root to run: $* (no sudo found). Run it as root, then try again."
  fi
}

# ensure_packages PKG... -> installs the Debian packages that are not installed yet
ensure_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "missing packages: ${missing[*]} — and no apt-get on this machine to install them"
  say "installing: ${missing[*]}"
  as_root apt-get update -qq || die "apt-get update failed; cannot install: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || die "could not install: ${missing[*]}"
}

# mvnw ARGS... -> the Maven wrapper with the JDK found above
mvnw() {
  (cd "$KAIRAN_ROOT" && ./mvnw "$@")
}
