#!/usr/bin/env python3
"""Generation fanned out on a local Ray cluster, one worker node against two (not a test).

    python ai-engine/bench/fan_out.py [--rows 10000000] [--dataset adult] [--algorithm TabularARGN]
                                      [--epochs 1] [--format csv]

Trains a model (few epochs: the timings are of sampling, not of quality), starts a Ray cluster on
this machine (a head that samples nothing, worker nodes of one CPU each), then generates ``--rows``
rows with one seed through generate.py with DOPPEL_ENGINE_FAN_OUT=ray: once with one worker node,
then again after a second joined. Both runs must give the same bytes. It reports each run's wall
time, rows/s, the ratio, and the per-node figure a real cluster can be projected from: rows/s per
task CPU, measured by the one-node run, where the writing process runs beside one sampling task.

Prints a Markdown table and writes bench/results/fan_out.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ENGINE), str(ENGINE / "tests")]

from local_ray import LocalRay  # noqa: E402

from doppel_engine._algorithm import file_sha256  # noqa: E402

DATASETS = Path(os.environ.get("DOPPEL_DATASETS_DIR") or ENGINE.parent.parent / "shared" / "datasets")


def run(script: str, *args: object, env: dict[str, str] | None = None) -> dict:
    proc = subprocess.run([sys.executable, str(ENGINE / script), *map(str, args)], capture_output=True, text=True, env={**os.environ, **(env or {})}, cwd="/")
    if proc.returncode != 0:
        raise SystemExit(f"{script} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--dataset", default="adult")
    parser.add_argument("--algorithm", default="TabularARGN")
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--format", choices=["csv", "parquet"], default="csv")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="fan-out-bench-"))
    settings = {"algorithm": args.algorithm, "seed": 1}
    if args.algorithm == "TabularARGN":
        settings["max_epochs"] = args.epochs
    model = work / "model"
    run("train.py", "--data", DATASETS / f"{args.dataset}.csv", "--config", json.dumps(settings), "--output", model)

    cluster = LocalRay()
    runs = []
    try:
        for nodes in (1, 2):
            cluster.add_worker(f"worker-{nodes}")
            out = work / f"{nodes}-nodes.{args.format}"
            env = {"DOPPEL_ENGINE_FAN_OUT": "ray", "RAY_ADDRESS": cluster.address, "DOPPEL_THREADS": "1"}
            started = time.monotonic()
            completed = run("generate.py", "--model", model, "--count", args.rows, "--seed", 7, "--output", out, "--anomalies", '{"ratio": 0.01}', env=env)
            wall = time.monotonic() - started
            runs.append(
                {
                    "worker_nodes": nodes,
                    "nodes_used": completed["nodes"],
                    "parts": completed["parts"],
                    "rows": completed["rows"],
                    "anomalies": completed["anomalies"],
                    "wall_s": round(wall, 1),
                    "sample_s": completed["sample_seconds"],
                    "rows_per_s": round(completed["rows"] / completed["sample_seconds"]),
                    "bytes": completed["bytes"],
                    "sha256": file_sha256(out),
                }
            )
            out.unlink()
    finally:
        cluster.stop()

    one, two = runs
    result = {
        "dataset": args.dataset,
        "algorithm": args.algorithm,
        "format": args.format,
        "cpus_of_this_machine": os.cpu_count(),
        "runs": runs,
        "ratio_two_to_one": round(two["rows_per_s"] / one["rows_per_s"], 2),
        "same_bytes": one["sha256"] == two["sha256"],
    }
    (ENGINE / "bench" / "results").mkdir(exist_ok=True)
    (ENGINE / "bench" / "results" / "fan_out.json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"| worker nodes (1 CPU each) | nodes used | parts | rows | anomalies | sampling s | rows/s | {args.format} bytes |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in runs:
        cells = [r["worker_nodes"], r["nodes_used"], r["parts"], f"{r['rows']:,}", f"{r['anomalies']:,}", f"{r['sample_s']:,.1f}", f"{r['rows_per_s']:,}"]
        print("| " + " | ".join(map(str, cells)) + f" | {r['bytes']:,} |")
    print(f"\nratio two nodes / one node: {result['ratio_two_to_one']}; same bytes: {result['same_bytes']}")


if __name__ == "__main__":
    main()
