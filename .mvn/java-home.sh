# Finding a JDK 21 or newer, shared by the ./winnow launcher and ./mvnw (sourced by both; POSIX sh).
# Order: JAVA_HOME when it is 21+, then /usr/lib/jvm/temurin-25*, then `java` on the PATH when it is 21+.

java_major() { # prints the major version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1 || echo 0
}

find_java_home() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    if [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null; then echo "$JAVA_HOME"; return 0; fi
    echo "winnow: JAVA_HOME=$JAVA_HOME is older than Java 21; looking elsewhere" >&2
  fi
  for d in $(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | sort -r); do
    if [ -x "$d/bin/java" ]; then echo "$d"; return 0; fi
  done
  if command -v java >/dev/null 2>&1; then
    j="$(command -v java)"
    if [ "$(java_major "$j")" -ge 21 ] 2>/dev/null; then
      dirname "$(dirname "$(readlink -f "$j")")"; return 0
    fi
  fi
  return 1
}
