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
    # A path may hold a glob, for packages whose files sit in a versioned folder.
    command -v "$command" >/dev/null 2>&1 || compgen -G "$command" >/dev/null || missing+=("$package")
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

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts the built jar as `./doppel start` would, on a throw-away data directory with the real
# engine, runs COMMAND with DOPPEL_URL pointing at it, then stops the app and removes its data.
# usage: with_app PYTHON LOG COMMAND...
# The key that seals database connection passwords: DOPPEL_CONNECTIONS_SECRET_KEY when set, else
# the one kept in the data directory, created there (readable by its owner only) on first use.
# Several nodes (DOPPEL_CLUSTER_ENABLED=true) get none from here: two nodes starting at once could
# each create one, so every node must be given the same key, and the app refuses to start without.
connections_key() {
  local data_dir="$1" file="$1/connections.key"
  if [ -n "${DOPPEL_CONNECTIONS_SECRET_KEY:-}" ]; then
    printf '%s' "$DOPPEL_CONNECTIONS_SECRET_KEY"
    return
  fi
  if [ "${DOPPEL_CLUSTER_ENABLED:-false}" = true ]; then
    return
  fi
  if [ ! -s "$file" ]; then
    (umask 077 && head -c 32 /dev/urandom | base64 >"$file.tmp" && mv "$file.tmp" "$file")
  fi
  cat "$file"
}

with_app() {
  local python="$1" log="$2"
  shift 2
  local port data pid status=0
  port="$(free_port)"
  data="$(mktemp -d)"
  DOPPEL_CONNECTIONS_SECRET_KEY="$(connections_key "$data")" \
    java -Xmx1g -jar "$ROOT/bootstrap/target/doppel.jar" --server.port="$port" --doppel.data-dir="$data" \
    --doppel.engine.python="$python" --doppel.engine.directory="$ROOT/ai-engine" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then
    DOPPEL_URL="http://127.0.0.1:$port" "$@" || status=1
  else
    log "the app did not start; see $log"
    status=1
  fi
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  rm -rf "$data"
  return $status
}

# The browser journey against the app started as ./doppel start starts it.
browser_journey() {
  local reports="$1"
  (cd "$ROOT/webapp" && E2E_ARTIFACTS="$reports/e2e" npm run --silent e2e)
}

# Schemathesis (pinned in scripts/schemathesis.lock, in its own venv) against /v3/api-docs as a
# throw-away user, with every check. Its summary is the closing part of its output; its JUnit
# report joins the others. Exits non-zero on any failure.
fuzz_api() {
  local reports="$1" schemathesis="$2"
  local user token
  user="fuzz-$(date +%s)-$RANDOM"
  curl -fs -X POST "$DOPPEL_URL/api/auth/register" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"a throw-away password\"}" >/dev/null || { log "could not register $user"; return 1; }
  token="$(curl -fs -X POST "$DOPPEL_URL/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$user\",\"password\":\"a throw-away password\"}" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')" \
    || { log "could not log in as $user"; return 1; }
  # One worker: with two, schemathesis's coverage phase died on CPython's "AST constructor recursion depth mismatch".
  # Run from the reports folder, where Hypothesis leaves its .hypothesis/ folder, not in the clone.
  (cd "$reports" && "$schemathesis" --config-file "$ROOT/scripts/schemathesis.toml" run "$DOPPEL_URL/v3/api-docs" \
    --header "Authorization: Bearer $token" --checks all --max-examples "${DOPPEL_FUZZ_EXAMPLES:-10}" \
    --seed "${DOPPEL_FUZZ_SEED:-1}" --workers 1 --no-color --generation-database none --output-truncate false \
    --report junit --report-junit-path "$reports/schemathesis/TEST-schemathesis.xml")
}

# The Python client (python-client/) against the app: its pinned venv (python-client/requirements-test.lock)
# gets this clone's package installed as a user would install it, then ruff and pytest run on the
# installed package and its console script, the command line's journey included.
client_tests() {
  local reports="$1" python
  python="$("$ROOT/scripts/ensure-venv" doppel-client "$ROOT/python-client/requirements-test.lock")" || { log "could not set up the client's venv"; return 1; }
  # Built from a copy: setuptools leaves build/ and *.egg-info in the folder it builds.
  mkdir -p "$reports/client" && cp -r "$ROOT/python-client" "$reports/client/package"
  "$python" -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --force-reinstall "$reports/client/package" || return 1
  "$(dirname "$python")/ruff" check "$ROOT/python-client" || return 1
  (cd "$ROOT/python-client" && "$python" -m pytest -p no:cacheprovider --junitxml="$reports/client/TEST-doppel-client.xml" tests)
}

run_all_tests() {
  require_java_and_maven
  # The persistence, export and database tests start real MariaDB and PostgreSQL servers; the journey runs in Chromium.
  ensure_debian_packages mariadb-server:/usr/sbin/mariadbd 'postgresql:/usr/lib/postgresql/*/bin/postgres' chromium:/usr/bin/chromium
  local status=0
  local reports="$ROOT/target/test-reports"
  rm -rf "$reports" && mkdir -p "$reports"

  local python permissive
  python="$(DOPPEL_ENGINE_PROFILE=full engine_python)" || die "could not set up the engine's Python environment"
  permissive="$(DOPPEL_ENGINE_PROFILE=permissive engine_python)" || die "could not set up the permissive-only engine environment"

  log "Maven: Java (unit, architecture, persistence on H2 + MariaDB, external databases on MariaDB + PostgreSQL, full stack on the test engine, the Python engine and the permissive-only engine), webapp (Vitest), ai-engine (pytest in both installs)"
  mvn -B -ntp --fail-at-end install -Ddoppel.engine.python="$python" -Ddoppel.engine.python.permissive="$permissive" || status=1

  if [ -f "$ROOT/bootstrap/target/doppel.jar" ]; then
    log "browser journey (playwright-core in Debian's Chromium) against the app started as ./doppel start starts it"
    with_app "$python" "$reports/e2e-app.log" browser_journey "$reports" || status=1
    log "API fuzzing: schemathesis, every check, against /v3/api-docs of the app started the same way"
    local fuzzer
    fuzzer="$("$ROOT/scripts/ensure-venv" schemathesis "$ROOT/scripts/schemathesis.lock")" || die "could not set up schemathesis"
    with_app "$python" "$reports/schemathesis-app.log" fuzz_api "$reports" "$(dirname "$fuzzer")/schemathesis" || status=1
    log "Python client: the library and the doppel-client command line (pytest, ruff) against the app started the same way"
    with_app "$python" "$reports/client-app.log" client_tests "$reports" || status=1
  else
    log "no application jar was built; the browser journey, the API fuzzing and the client's tests cannot run"
    status=1
  fi

  summarise_reports "$ROOT/**/target/surefire-reports*/TEST-*.xml" "$reports/schemathesis/TEST-*.xml" "$reports/client/TEST-*.xml"
  return $status
}
