#!/usr/bin/env python3
"""Load generator: N concurrent clients poll a model's status while a CTGAN training runs.

Usage: python3 bench/status_latency.py [--url http://localhost:8080] [--clients 50] [--seconds 30]
                                       [--data ../shared/datasets/adult.csv]

It registers a throw-away user, uploads the table, starts a 300-epoch CTGAN training, waits until
the model is TRAINING, polls GET /api/models/{id}/status from every client for the given time, then
cancels the training and prints the latency percentiles. Only answers received while the model was
TRAINING count. Standard library only; talks to the given URL alone.
"""

import argparse
import json
import statistics
import threading
import time
import urllib.request
import uuid
from pathlib import Path


def call(url, method="GET", token=None, body=None, content_type="application/json"):
    request = urllib.request.Request(url, method=method, data=body)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    if body is not None:
        request.add_header("Content-Type", content_type)
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read() or b"null")


def multipart(fields, file_field, path):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{path.name}"\r\n'
        "Content-Type: text/csv\r\n\r\n".encode()
    )
    parts.append(path.read_bytes())
    parts.append(f"\r\n--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--data", default=str(Path(__file__).resolve().parents[1] / "../shared/datasets/adult.csv"))
    args = parser.parse_args()
    api = args.url.rstrip("/") + "/api"

    user = {"username": "bench-" + uuid.uuid4().hex[:8], "password": "benchmark password"}
    call(f"{api}/auth/register", "POST", body=json.dumps(user).encode())
    token = call(f"{api}/auth/login", "POST", body=json.dumps(user).encode())["token"]
    project = call(f"{api}/projects", "POST", token, json.dumps({"name": "status latency"}).encode())["id"]
    body, content_type = multipart({"projectId": project}, "file", Path(args.data))
    dataset = call(f"{api}/datasets/upload", "POST", token, body, content_type)["id"]
    train = {"datasetId": dataset, "algorithm": "CTGAN", "epochs": 300}
    model = call(f"{api}/models/train", "POST", token, json.dumps(train).encode())["id"]
    status_url = f"{api}/models/{model}/status"
    while call(status_url, token=token)["status"] != "TRAINING":
        time.sleep(0.5)

    latencies, errors, epochs = [], [], set()
    lock = threading.Lock()
    deadline = time.monotonic() + args.seconds

    def client():
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                answer = call(status_url, token=token)
            except Exception as exc:  # noqa: BLE001 - every failure counts
                with lock:
                    errors.append(repr(exc))
                continue
            elapsed = time.perf_counter() - started
            if answer["status"] == "TRAINING":
                with lock:
                    latencies.append(elapsed)
                    if answer.get("progress") and answer["progress"].get("epoch"):
                        epochs.add(answer["progress"]["epoch"])

    threads = [threading.Thread(target=client) for _ in range(args.clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    call(f"{api}/models/{model}/cancel", "POST", token, b"{}")

    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    print(f"clients={args.clients} seconds={args.seconds} answers={len(latencies)} errors={len(errors)} "
          f"throughput={len(latencies) / args.seconds:.0f}/s epochs_seen={sorted(epochs)[:1] + sorted(epochs)[-1:]}")
    print(f"latency ms: p50={pct(50):.1f} p95={pct(95):.1f} p99={pct(99):.1f} max={latencies[-1] * 1000:.1f} "
          f"mean={statistics.mean(latencies) * 1000:.1f}")


if __name__ == "__main__":
    main()
