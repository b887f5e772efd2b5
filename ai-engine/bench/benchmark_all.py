#!/usr/bin/env python3
"""Every algorithm x every shared dataset, through the engine and with the library called directly.

    python ai-engine/bench/benchmark_all.py [--rows 5000] [--max-train-rows 5000] [--epochs 3] [--argn-minutes 0.5]

Per dataset (sub-sampled to --max-train-rows rows, seeded, written to a temporary CSV that both
sides read) and algorithm: the engine's train.py / generate.py processes (fit_seconds and
rows_per_second from their completed events), then the library directly (bench/_direct.py: SDV
synthesizer or mostlyai-engine's TabularARGN class, same settings). Both synthetic tables are
scored by the same scorer: the engine's evaluate() with the dataset's schema (sdmetrics when
installed, else the engine's own metrics; they agree, see tests/test_metrics.py).
Prints a Markdown table and writes bench/results/benchmark_all.json. Algorithms that are not
installed (permissive profile: SDV) are left out.
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
sys.path.insert(0, str(ENGINE))
sys.path.insert(0, str(ENGINE / "tests"))
DATASETS = Path(os.environ.get("DOPPEL_DATASETS_DIR") or ENGINE.parent.parent / "shared" / "datasets")


def schemas() -> dict:
    from test_evaluate import ADULT_COLUMNS

    from conftest import SCHEMAS

    return {**SCHEMAS, "adult": ADULT_COLUMNS}


def run(cmd: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"failed: {' '.join(cmd[:3])}\n{proc.stdout[-1500:]}\n{proc.stderr[-1500:]}")
    return time.perf_counter() - started, proc.stdout


def last(text: str) -> dict:
    return json.loads(text.strip().splitlines()[-1])


def settings(algorithm: str, epochs: int, argn_minutes: float) -> tuple[dict, dict]:
    """(engine settings, direct keyword arguments) meaning the same model."""
    if algorithm == "GaussianCopula":
        return {}, {"default_distribution": "beta"}
    if algorithm == "TabularARGN":
        same = {"max_epochs": 100, "max_training_time": argn_minutes, "value_protection": True, "enable_flexible_generation": False}
        return same, same
    engine = {"epochs": epochs, "batch_size": 500}
    direct = {"epochs": epochs, "batch_size": 500, "enable_gpu": False}
    if algorithm == "CopulaGAN":
        direct["default_distribution"] = "beta"
    return engine, direct


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=5000, help="rows generated per model")
    parser.add_argument("--max-train-rows", type=int, default=5000)
    parser.add_argument("--epochs", type=int, default=3, help="CTGAN/TVAE/CopulaGAN epochs")
    parser.add_argument("--argn-minutes", type=float, default=0.5, help="TabularARGN max_training_time (minutes)")
    parser.add_argument("--datasets", default="penguins,credit_data,taxis,adult")
    parser.add_argument("--algorithms", default="CTGAN,TVAE,GaussianCopula,CopulaGAN,TabularARGN")
    args = parser.parse_args()

    import pandas as pd

    from doppel_engine import evaluate
    from doppel_engine._catalogue import algorithms
    from doppel_engine._evaluate import metrics_engine

    available = {a.name for a in algorithms()}
    chosen = [a for a in args.algorithms.split(",") if a in available]
    all_schemas = schemas()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name in args.datasets.split(","):
            real = pd.read_csv(DATASETS / f"{name}.csv", dtype=str, keep_default_na=False)
            if len(real) > args.max_train_rows:
                real = real.sample(n=args.max_train_rows, random_state=0)
            data = tmp / f"{name}.csv"
            real.to_csv(data, index=False)
            columns = all_schemas[name]
            for algorithm in chosen:
                engine_settings, direct_kwargs = settings(algorithm, args.epochs, args.argn_minutes)
                model = tmp / f"{name}-{algorithm}"
                cfg = json.dumps({"algorithm": algorithm, "seed": 1, "columns": columns, **engine_settings})
                _, out = run([sys.executable, str(ENGINE / "train.py"), "--data", str(data), "--config", cfg, "--output", str(model)])
                trained = last(out)
                synth = tmp / f"{name}-{algorithm}.csv"
                gen_cmd = [sys.executable, str(ENGINE / "generate.py"), "--model", str(model), "--count", str(args.rows), "--output", str(synth)]
                _, out = run([*gen_cmd, "--seed", "1"])
                generated = last(out)
                direct_csv = tmp / f"{name}-{algorithm}-direct.csv"
                direct_cmd = [sys.executable, str(ENGINE / "bench" / "_direct.py"), str(data), algorithm, json.dumps(direct_kwargs)]
                _, out = run([*direct_cmd, str(args.rows), str(direct_csv)])
                direct = last(out)
                meta = {"columns": columns}
                q_engine = evaluate(real=str(data), synthetic=str(synth), metadata=meta, max_rows=5000, dcr_rows=1000)["quality"]["score"]
                q_direct = evaluate(real=str(data), synthetic=str(direct_csv), metadata=meta, max_rows=5000, dcr_rows=1000)["quality"]["score"]
                results.append(
                    {
                        "dataset": name,
                        "train_rows": len(real),
                        "algorithm": algorithm,
                        "settings": engine_settings,
                        "engine_quality": q_engine,
                        "direct_quality": q_direct,
                        "engine_fit_s": trained["fit_seconds"],
                        "engine_epochs": trained.get("epochs"),
                        "direct_fit_s": direct["fit_s"],
                        "engine_rows_per_s": generated["rows_per_second"],
                        "direct_rows_per_s": args.rows / (direct["sample_s"] + direct["csv_s"]),
                    }
                )
                print(f"done {name} {algorithm}", file=sys.stderr, flush=True)
    out_dir = ENGINE / "bench" / "results"
    out_dir.mkdir(exist_ok=True)
    doc = {"args": vars(args), "cpu_count": os.cpu_count(), "scorer": metrics_engine(), "results": results}
    (out_dir / "benchmark_all.json").write_text(json.dumps(doc, indent=2))
    print(f"scorer: {doc['scorer']} quality score; {args.rows:,} rows generated per model; {os.cpu_count()} CPU cores\n")
    print("| dataset (train rows) | algorithm | quality engine | quality direct | fit s engine | fit s direct | rows/s engine | rows/s direct |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['dataset']} ({r['train_rows']:,}) | {r['algorithm']} | {r['engine_quality']:.3f} | {r['direct_quality']:.3f} "
            f"| {r['engine_fit_s']:.1f} | {r['direct_fit_s']:.1f} | {r['engine_rows_per_s']:,.0f} | {r['direct_rows_per_s']:,.0f} |"
        )


if __name__ == "__main__":
    main()
