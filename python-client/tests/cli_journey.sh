#!/usr/bin/env bash
# The command line's journey against a running server: login, upload, train --wait, status, generate,
# download, evaluate, token create/list/revoke, and the exit codes of refused commands. Every --json
# output must parse. Run by test_cli.py with DOPPEL_URL, DOPPEL_USERNAME, DOPPEL_PASSWORD, PENGUINS
# (the penguins CSV), XDG_CONFIG_HOME (a throw-away folder) and PYTHON (for reading JSON) set.
set -euo pipefail

fail() { echo "cli_journey: $*" >&2; exit 1; }
# Prints the JSON on stdin's value at a Python subscript such as '["id"]', failing when it does not parse.
get() { "$PYTHON" -c "import json, sys; print(json.load(sys.stdin)$1)"; }
parses() { "$PYTHON" -c 'import json,sys; json.load(sys.stdin)' <"$1" || fail "$1 is not JSON: $(cat "$1")"; }
# Runs a command that must exit with the code given; its --json output must parse.
expect_exit() {
  local want="$1" got=0
  shift
  "$@" >refused.json 2>refused.err || got=$?
  [ "$got" = "$want" ] || fail "'$*' exited $got, not $want: $(cat refused.err)"
  parses refused.json
}

doppel-client login --json >login.json
parses login.json
config="$XDG_CONFIG_HOME/doppel-client/config.json"
[ "$(stat -c %a "$config")" = 600 ] || fail "$config is readable by others"
[ "$(get '["url"]' <login.json)" = "$DOPPEL_URL" ] || fail "login saved another URL"
url="$DOPPEL_URL"
password="$DOPPEL_PASSWORD"
unset DOPPEL_URL DOPPEL_PASSWORD   # from here on the saved login is used

doppel-client upload "$PENGUINS" --project "CLI penguins" --type year=categorical --json >upload.json
parses upload.json
dataset="$(get '["id"]' <upload.json)"
[ "$(get '["rowCount"]' <upload.json)" = "$(($(wc -l <"$PENGUINS") - 1))" ] || fail "the upload has another row count"
[ "$(get '["columns"][7]["type"]' <upload.json)" = categorical ] || fail "--type year=categorical was not applied"

doppel-client train "$dataset" -a GaussianCopula --seed 3 --wait --json >train.json 2>train.err
parses train.json
model="$(get '["id"]' <train.json)"
[ "$(get '["status"]' <train.json)" = COMPLETED ] || fail "training ended $(get '["status"]' <train.json)"
grep -q "training GaussianCopula" train.err || fail "no progress bar on stderr: $(cat train.err)"

doppel-client status "$model" --json >status.json
parses status.json
[ "$(get '["status"]' <status.json)" = COMPLETED ] || fail "status is not COMPLETED"
# Read whole before matching: grep -q would stop reading at the match and break the command's pipe.
line="$(doppel-client status "$model")"
[[ "$line" == *"GaussianCopula on dataset $dataset, COMPLETED"* ]] || fail "the status line does not say COMPLETED: $line"

rows=500
ratio=0.02
doppel-client generate "$model" -n "$rows" --anomalies "$ratio" --seed 1 --wait --json >generate.json 2>/dev/null
parses generate.json
batch="$(get '["id"]' <generate.json)"
[ "$(get '["rowCount"]' <generate.json)" = "$rows" ] || fail "the batch has another row count"
expected="$("$PYTHON" -c "import math; print(math.floor($ratio * $rows + 0.5))")"
[ "$(get '["anomalyRows"]' <generate.json)" = "$expected" ] || fail "the batch does not have $expected anomalies"

doppel-client download "$batch" -o synthetic.csv --format csv --json >download.json 2>/dev/null
parses download.json
[ "$(get '["bytes"]' <download.json)" = "$(stat -c %s synthetic.csv)" ] || fail "download reports another size"
[ "$(wc -l <synthetic.csv)" = "$((rows + 1))" ] || fail "synthetic.csv does not have $rows rows and a header"
header="$(head -1 synthetic.csv)"
[[ "$header" == species,island,*,is_anomaly* ]] || fail "synthetic.csv lacks the columns: $header"

doppel-client evaluate "$model" --report report.html --json >evaluate.json
parses evaluate.json
"$PYTHON" -c 'import json,sys; e = json.load(sys.stdin); assert 0 <= e["qualityScore"] <= 1, e' <evaluate.json || fail "no quality score"
grep -qi '<!doctype html' report.html || fail "report.html is no HTML page"

# Managing tokens signs in with the password (an API token may not); the user name is the saved login's.
doppel-client token create reader --scope read --password-stdin --json <<<"$password" >token.json
parses token.json
secret="$(get '["secret"]' <token.json)"
token_id="$(get '["token"]["id"]' <token.json)"
[[ "$secret" == dpl_* ]] || fail "the secret is not an API token"
doppel-client token list --json >tokens.json
parses tokens.json
"$PYTHON" -c "import json,sys; assert $token_id in [t['id'] for t in json.load(sys.stdin)]" <tokens.json || fail "token list lacks $token_id"
doppel-client status "$model" --token "$secret" >/dev/null || fail "the read-only token cannot read"
expect_exit 3 doppel-client generate "$model" -n 5 --token "$secret" --json
[ "$(get '["error"]["status"]' <refused.json)" = 403 ] || fail "a read-only token's generate was not refused with 403"

doppel-client token revoke "$token_id" --password-stdin --json <<<"$password" >revoke.json
parses revoke.json
doppel-client token list --json | "$PYTHON" -c "import json,sys; assert $token_id not in [t['id'] for t in json.load(sys.stdin)]" \
  || fail "the revoked token is still listed"
expect_exit 3 doppel-client status "$model" --token "$secret" --json
[ "$(get '["error"]["status"]' <refused.json)" = 401 ] || fail "a revoked token was not refused with 401"

expect_exit 4 doppel-client status 987654321 --json
expect_exit 2 doppel-client train "$dataset" -a NoSuchSynthesizer --json
[ "$(get '["error"]["field"]' <refused.json)" = algorithm ] || fail "the refused training does not name the field"
expect_exit 2 doppel-client upload missing.csv --project "CLI penguins" --json
expect_exit 3 doppel-client status "$model" --url "$url" --token dpl_not_a_token --json
echo "cli_journey: passed"
