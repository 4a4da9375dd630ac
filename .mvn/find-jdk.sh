# Sourced by ./bulwark and ./mvnw: points JAVA_HOME at a JDK >= 21.
# Order: JAVA_HOME, then `java` on PATH, then /usr/lib/jvm/* and a few usual install folders (newest first).
# Exits with a clear message when none is found.

bulwark_java_major() { # $1 = path to a java binary; prints its feature version, or nothing
  # a JDK's `release` file names its version: reading it costs nothing, starting a JVM to ask costs ~0.25 s per call
  local release line
  release="$(dirname "$(dirname "$1")")/release"
  if [ -f "$release" ]; then
    while IFS= read -r line; do
      case "$line" in
        JAVA_VERSION=\"[0-9]*) line=${line#JAVA_VERSION=\"}; line=${line%%[!0-9]*}
          if [ -n "$line" ]; then echo "$line"; return 0; fi ;;
      esac
    done <"$release"
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

bulwark_has_javac() { [ -x "$1/bin/javac" ]; }

bulwark_find_jdk() {
  local min=21 candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(bulwark_java_major "$JAVA_HOME/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$min" ] && bulwark_has_javac "$JAVA_HOME"; then echo "$JAVA_HOME"; return 0; fi
  fi
  if command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    major=$(bulwark_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$min" ] && bulwark_has_javac "$candidate"; then echo "$candidate"; return 0; fi
  fi
  for candidate in $(ls -d /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* 2>/dev/null | sort -rV); do
    [ -x "$candidate/bin/java" ] || continue
    major=$(bulwark_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$min" ] && bulwark_has_javac "$candidate"; then echo "$candidate"; return 0; fi
  done
  return 1
}

if ! BULWARK_JDK=$(bulwark_find_jdk); then
  echo "bulwark: no JDK 21 or newer found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm/*)." >&2
  echo "bulwark: install one (e.g. the Debian package openjdk-21-jdk or a Temurin 21+ build) and/or set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME="$BULWARK_JDK"
BULWARK_JDK_MAJOR=$(bulwark_java_major "$JAVA_HOME/bin/java")
