# Shared helpers for ./doppel. Sourced, not run.

log() { printf '\033[1m[doppel]\033[0m %s\n' "$*" >&2; }
die() { printf '[doppel] error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = "0" ]; }

# Installs Debian packages that are missing, when we may (root); otherwise says what to install.
ensure_debian_packages() {
  local missing=()
  local pair package command
  for pair in "$@"; do
    package="${pair%%:*}"
    command="${pair#*:}"
    command -v "$command" >/dev/null 2>&1 || [ -x "$command" ] || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! is_root; then
    die "missing Debian packages: ${missing[*]} (install them: sudo apt-get install ${missing[*]})"
  fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 || {
    apt-get update -q >/dev/null
    apt-get install -y -q "${missing[@]}" >/dev/null
  }
}

require_java_and_maven() {
  command -v java >/dev/null || die "Java 17 is required (apt-get install openjdk-17-jdk-headless)"
  command -v mvn >/dev/null || die "Maven is required (apt-get install maven)"
  local version
  version="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)"
  [ "${version:-0}" -ge 17 ] || die "Java 17 or newer is required; found $version"
}

mvn_quiet() {
  mvn -B -q -ntp "$@"
}

# The ai-engine's virtual environment, created once per machine and lock file; prints its python.
engine_python() {
  "$ROOT/ai-engine/bin/ensure-venv"
}

# Adds up JUnit XML reports (Surefire and pytest) into one closing line.
summarise_reports() {
  python3 - "$@" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
tests = failed = skipped = 0
for pattern in sys.argv[1:]:
    for path in glob.glob(pattern, recursive=True):
        root = ET.parse(path).getroot()
        suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
        for s in suites:
            tests += int(s.get("tests", 0))
            failed += int(s.get("failures", 0)) + int(s.get("errors", 0))
            skipped += int(s.get("skipped", 0))
print(f"tests: {tests - failed - skipped} passed, {failed} failed, {skipped} skipped")
PY
}

run_all_tests() {
  require_java_and_maven
  # The persistence tests start a real MariaDB server; Debian's package provides it.
  ensure_debian_packages mariadb-server:/usr/sbin/mariadbd
  local status=0
  local reports="$ROOT/target/test-reports"
  rm -rf "$reports" && mkdir -p "$reports"

  local python
  python="$(engine_python)" || die "could not set up the engine's Python environment"

  log "Java: unit, architecture, persistence (H2 + MariaDB), full stack on the test engine and on the Python engine"
  mvn -B -ntp install -Ddoppel.engine.python="$python" || status=1

  log "Python engine suite"
  (cd "$ROOT/ai-engine" && "$python" -m ruff check . && "$python" -m pytest -q --junitxml="$reports/ai-engine.xml") || status=1

  summarise_reports "$ROOT/**/target/surefire-reports*/TEST-*.xml" "$reports/*.xml"
  return $status
}
