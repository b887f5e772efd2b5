#!/usr/bin/env python3
"""The warm engine against a process per request, on adult.csv (not a test).

    python ai-engine/bench/warm.py [--rows 1000] [--calls 20] [--epochs 2] [--algorithms GaussianCopula,TabularARGN]
                                   [--baseline DIR]

For each algorithm it trains a model (train.py; TabularARGN with few epochs: the timings are of
sampling, not of quality), then measures 1,000 rows:

- library in-process: the model loaded once in a process of its own, then the algorithm's
  ``sample(rows)`` alone (the library's sampling, nothing of the engine around it), median of
  ``--calls`` after one warm-up call;
- worker cold: a fresh worker.py, the first ``sample`` request (imports, verifying and loading
  the model, sampling) from sending it to its answer;
- worker warm: ``--calls`` more ``sample`` requests (other seeds) to the same worker, round trip
  p50/p95 (rows back inline as JSON);
- generate.py: the whole process writing the rows to CSV, as the backend runs it today (median of 3).

``--baseline DIR`` measures the ai-engine folder of another version too (e.g. ``git archive main
ai-engine | tar -x -C /tmp/main`` gives ``/tmp/main/ai-engine``), on the same models in the same
run: its warm worker runs beside this one and the warm calls alternate between them, so both see
the same load.

Prints a Markdown table and writes bench/results/warm.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from benchmark import ADULT_COLUMNS, ADULT_INT, DATASETS, ENGINE, last_event, run

IN_PROCESS = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from doppel_engine._generate import load_model
loaded = load_model(sys.argv[2])
rows, calls = int(sys.argv[3]), int(sys.argv[4])
loaded.algorithm.reseed(1)
loaded.algorithm.sample(rows)
times = []
for i in range(calls):
    loaded.algorithm.reseed(2 + i)
    started = time.perf_counter()
    loaded.algorithm.sample(rows)
    times.append(time.perf_counter() - started)
print(json.dumps(times))
"""


def settings_for(algorithm: str, epochs: int) -> dict:
    return {"max_epochs": epochs, "model_size": "small"} if algorithm == "TabularARGN" else {}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def in_process(engine: Path, model: Path, rows: int, calls: int) -> float:
    proc = subprocess.run(
        [sys.executable, "-c", IN_PROCESS, str(engine), str(model), str(rows), str(calls)],
        capture_output=True,
        text=True,
        check=True,
    )
    return statistics.median(json.loads(proc.stdout.strip().splitlines()[-1]))


class Worker:
    """A worker.py of one engine folder, answering ``sample`` requests for ``model``."""

    def __init__(self, engine: Path, model: Path, rows: int):
        self.proc = subprocess.Popen(
            [sys.executable, str(engine / "worker.py")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        self.model, self.rows = model, rows
        json.loads(self.proc.stdout.readline())  # hello

    def call(self, rid: str, seed: int) -> float:
        """Seconds from writing the request to reading its answer."""
        started = time.perf_counter()
        self.proc.stdin.write(json.dumps({"id": rid, "op": "sample", "model": str(self.model), "count": self.rows, "seed": seed}) + "\n")
        self.proc.stdin.flush()
        for line in self.proc.stdout:
            event = json.loads(line)
            if event["id"] == rid and event["event"] in ("completed", "failed", "cancelled", "busy"):
                if event["event"] != "completed" or len(event["records"]) != self.rows:
                    raise SystemExit(f"worker failed: {event}")
                return time.perf_counter() - started
        raise SystemExit("the worker ended")

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def worker_round_trips(engines: list[Path], model: Path, rows: int, calls: int) -> list[tuple[float, list[float]]]:
    """Per engine (cold first call, warm calls) in seconds; the warm calls alternate between the engines' workers."""
    workers = []
    try:
        colds = []
        for engine in engines:
            workers.append(Worker(engine, model, rows))
            colds.append(workers[-1].call("cold", 1))
        warm: list[list[float]] = [[] for _ in engines]
        for i in range(calls):
            for times, worker in zip(warm, workers, strict=True):
                times.append(worker.call(f"warm-{i}", 2 + i))
    finally:
        for worker in workers:
            worker.close()
    return list(zip(colds, warm, strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--calls", type=int, default=20)
    parser.add_argument("--epochs", type=int, default=2, help="TabularARGN max_epochs")
    parser.add_argument("--algorithms", default="GaussianCopula,TabularARGN")
    parser.add_argument("--baseline", type=Path, help="the ai-engine folder of another version, measured in the same run")
    args = parser.parse_args()
    load_at_start = os.getloadavg()[0]
    engines = {"this": ENGINE, **({"baseline": args.baseline.resolve()} if args.baseline else {})}
    columns = [{"name": c, "type": "integer" if c in ADULT_INT else "categorical"} for c in ADULT_COLUMNS]
    results = []
    with tempfile.TemporaryDirectory(prefix="doppel-warm-") as tmp:
        for algorithm in args.algorithms.split(","):
            model = Path(tmp) / algorithm
            config = json.dumps({"algorithm": algorithm, "seed": 1, "columns": columns, **settings_for(algorithm, args.epochs)})
            run([sys.executable, str(ENGINE / "train.py"), "--data", str(DATASETS / "adult.csv"), "--config", config, "--output", str(model)])
            round_trips = worker_round_trips(list(engines.values()), model, args.rows, args.calls)
            for (name, engine), (cold, warm) in zip(engines.items(), round_trips, strict=True):
                library = in_process(engine, model, args.rows, args.calls)
                out = Path(tmp) / "out.csv"
                generate_cmd = [sys.executable, str(engine / "generate.py"), "--model", str(model), "--count", str(args.rows), "--output", str(out)]
                generate_cmd += ["--seed", "1"]
                generate_runs = [run(generate_cmd) for _ in range(3)]
                assert last_event(generate_runs[0][2])["rows"] == args.rows
                results.append(
                    {
                        "algorithm": algorithm,
                        "engine": name,
                        "library_in_process_s": library,
                        "worker_cold_s": cold,
                        "worker_warm_p50_s": statistics.median(warm),
                        "worker_warm_p95_s": percentile(warm, 0.95),
                        "generate_py_s": statistics.median(wall for wall, _rss, _out in generate_runs),
                    }
                )
    load = [load_at_start, os.getloadavg()[0]]
    print(f"adult.csv (32,561 rows x 15 columns); {args.rows:,} rows per call; {args.calls} warm calls; {os.cpu_count()} CPU cores")
    print(f"load average (1 min) {load[0]:.1f} at the start, {load[1]:.1f} at the end\n")
    print("| algorithm | engine | library in-process | worker warm p50 | worker warm p95 | worker cold (first call) | generate.py process |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in results:
        cells = [r[k] for k in ("library_in_process_s", "worker_warm_p50_s", "worker_warm_p95_s", "worker_cold_s", "generate_py_s")]
        print(f"| {r['algorithm']} | {r['engine']} | " + " | ".join(f"{c:.3f} s" for c in cells) + " |")
    target = ENGINE / "bench" / "results" / "warm.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"rows": args.rows, "calls": args.calls, "epochs": args.epochs, "load_average": load, "results": results}, indent=2) + "\n")


if __name__ == "__main__":
    main()
