#!/usr/bin/env python3
"""Benchmark the engine against SDV called directly, on adult.csv (not a test).

    python ai-engine/bench/benchmark.py [--epochs 3] [--rows 100000] [--algorithms CTGAN,TVAE,...]

Each measurement runs in its own process; peak memory is that process's max RSS (os.wait4).
Engine times are the CLI processes as the backend runs them (imports included) and, inside them,
the fit time the engine reports. Prints a Markdown table and writes bench/results/benchmark.json.
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
DATASETS = Path(os.environ.get("DOPPEL_DATASETS_DIR") or ENGINE.parent.parent / "shared" / "datasets")
ADULT_INT = {"age", "fnlwgt", "education_num", "capital_gain", "capital_loss", "hours_per_week"}
ADULT_COLUMNS = [
    "age",
    "workclass",
    "fnlwgt",
    "education",
    "education_num",
    "marital_status",
    "occupation",
    "relationship",
    "race",
    "sex",
    "capital_gain",
    "capital_loss",
    "hours_per_week",
    "native_country",
    "class",
]


def run(cmd: list[str]) -> tuple[float, float, str]:
    """Run a process; return (wall seconds, peak RSS MiB, stdout)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, text=True)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        out.seek(0)
        text = out.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{text[-2000:]}")
    return wall, usage.ru_maxrss / 1024, text


def last_event(text: str) -> dict:
    return json.loads(text.strip().splitlines()[-1])


def settings_for(algorithm: str, epochs: int) -> tuple[dict, dict]:
    """(engine settings, SDV keyword arguments) that mean the same model."""
    if algorithm == "GaussianCopula":
        return {}, {"default_distribution": "beta"}
    engine = {"epochs": epochs, "batch_size": 500}
    sdv = {"epochs": epochs, "batch_size": 500, "enable_gpu": False}
    if algorithm == "CopulaGAN":
        sdv["default_distribution"] = "beta"
    return engine, sdv


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--algorithms", default="CTGAN,TVAE,GaussianCopula,CopulaGAN")
    args = parser.parse_args()
    data = DATASETS / "adult.csv"
    columns = [{"name": c, "type": "integer" if c in ADULT_INT else "categorical"} for c in ADULT_COLUMNS]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for algorithm in args.algorithms.split(","):
            engine_settings, sdv_kwargs = settings_for(algorithm, args.epochs)
            model = Path(tmp) / algorithm
            cfg = json.dumps({"algorithm": algorithm, "seed": 1, "columns": columns, **engine_settings})
            train_wall, train_mem, out = run([sys.executable, str(ENGINE / "train.py"), "--data", str(data), "--config", cfg, "--output", str(model)])
            engine_fit = last_event(out)["fit_seconds"]
            gen = {}
            for fmt in ("csv", "parquet"):
                target = Path(tmp) / f"{algorithm}.{fmt}"
                wall, mem, out = run(
                    [sys.executable, str(ENGINE / "generate.py"), "--model", str(model), "--count", str(args.rows), "--output", str(target), "--seed", "1"]
                )
                done = last_event(out)
                gen[fmt] = {
                    "wall_s": wall,
                    "peak_mib": mem,
                    "rows_per_s": args.rows / done["sample_seconds"],
                    "process_rows_per_s": args.rows / wall,
                    "bytes": done["bytes"],
                }
            direct_wall, direct_mem, out = run(
                [
                    sys.executable,
                    str(ENGINE / "bench" / "_direct_sdv.py"),
                    str(data),
                    algorithm,
                    json.dumps(sdv_kwargs),
                    str(args.rows),
                    str(Path(tmp) / f"direct-{algorithm}"),
                ]
            )
            direct = json.loads(out)
            results.append(
                {
                    "algorithm": algorithm,
                    "epochs": None if algorithm == "GaussianCopula" else args.epochs,
                    "engine_train_wall_s": train_wall,
                    "engine_fit_s": engine_fit,
                    "engine_train_peak_mib": train_mem,
                    "sdv_fit_s": direct["fit_s"],
                    "sdv_process_wall_s": direct_wall,
                    "sdv_peak_mib": direct_mem,
                    "fit_overhead_ratio": engine_fit / direct["fit_s"],
                    "engine_generate": gen,
                    "sdv_sample_rows_per_s_csv": args.rows / (direct["sample_s"] + direct["csv_s"]),
                    "sdv_sample_rows_per_s_parquet": args.rows / (direct["sample_s"] + direct["parquet_s"]),
                }
            )
            print(f"done {algorithm}", file=sys.stderr)
    out_dir = ENGINE / "bench" / "results"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "benchmark.json").write_text(json.dumps({"rows": args.rows, "epochs": args.epochs, "cpu_count": os.cpu_count(), "results": results}, indent=2))
    print(f"adult.csv (32,561 rows x 15 columns); generation of {args.rows:,} rows; {os.cpu_count()} CPU cores\n")
    print(
        "| algorithm | engine fit s | SDV fit s | fit overhead | engine train process s | engine train peak MiB | SDV process peak MiB "
        "| engine rows/s CSV | engine rows/s Parquet | SDV rows/s CSV | SDV rows/s Parquet | engine process rows/s CSV | generate peak MiB (CSV / Parquet) |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        g = r["engine_generate"]
        print(
            f"| {r['algorithm']} | {r['engine_fit_s']:.1f} | {r['sdv_fit_s']:.1f} | {r['fit_overhead_ratio']:.2f}x | {r['engine_train_wall_s']:.1f} "
            f"| {r['engine_train_peak_mib']:.0f} | {r['sdv_peak_mib']:.0f} | {g['csv']['rows_per_s']:,.0f} | {g['parquet']['rows_per_s']:,.0f} "
            f"| {r['sdv_sample_rows_per_s_csv']:,.0f} | {r['sdv_sample_rows_per_s_parquet']:,.0f} | {g['csv']['process_rows_per_s']:,.0f} "
            f"| {g['csv']['peak_mib']:.0f} / {g['parquet']['peak_mib']:.0f} |"
        )


if __name__ == "__main__":
    main()
