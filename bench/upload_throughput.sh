#!/usr/bin/env bash
# Uploads one CSV through the API of each application jar given, each started with -Xmx512m on a
# fresh data directory, and prints how long the 201 took. With several rounds the jars alternate,
# so that builds compared in one run share the machine's load.
#
#   bench/upload_throughput.sh /tmp/adult-1g.csv 2 /tmp/doppel-before.jar bootstrap/target/doppel.jar
set -euo pipefail
file=$1 rounds=$2
shift 2
port=8283
api=http://localhost:$port/api
for round in $(seq "$rounds"); do
  for jar in "$@"; do
    data=$(mktemp -d)
    java -Xmx512m -jar "$jar" --server.port=$port --doppel.data-dir="$data" --logging.level.root=WARN >"$data.log" 2>&1 &
    app=$!
    until curl -sf localhost:$port/actuator/health >/dev/null; do sleep 1; done
    curl -sf -X POST $api/auth/register -H 'Content-Type: application/json' -d '{"username":"bench","password":"a long enough password"}' >/dev/null
    token=$(curl -sf -X POST $api/auth/login -H 'Content-Type: application/json' -d '{"username":"bench","password":"a long enough password"}' | jq -r .token)
    project=$(curl -sf -X POST $api/projects -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"name":"bench"}' | jq -r .id)
    result=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -X POST $api/datasets/upload -H "Authorization: Bearer $token" \
      -F projectId="$project" -F file=@"$file")
    echo "round $round  $jar  http=${result% *}  time=${result#* }s  $(awk -v b="$(stat -c %s "$file")" -v t="${result#* }" 'BEGIN { printf "%.1f MB/s", b / 1e6 / t }')"
    kill $app
    wait $app || true
    rm -rf "$data" "$data.log"
  done
done
