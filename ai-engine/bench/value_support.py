#!/usr/bin/env python3
"""Value grids and spellings on taxis and credit_data (issue 12's acceptance checks), before and after.

    python ai-engine/bench/value_support.py [--rows 5000] [--argn-minutes 1] [--tables taxis,credit_data]

Trains TabularARGN (time cap --argn-minutes) and GaussianCopula (when SDV is installed) on each
table, then generates --rows rows without anomalies twice from the same model: "after" as trained,
"before" from a copy of the model folder whose profile has no value support (the engine as it was
before supports were kept). Prints a Markdown table of: taxis `fare` multiples of 0.50, credit
`Amount` multiples of 50 (real share beside it) and how credit `Records` is spelled.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

ENGINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ENGINE))
sys.path.insert(0, str(ENGINE / "tests"))
DATASETS = Path(os.environ.get("DOPPEL_DATASETS_DIR") or ENGINE.parent.parent / "shared" / "datasets")

import doppel_engine  # noqa: E402
from conftest import SCHEMAS  # noqa: E402


def multiple_share(values: pd.Series, step: float) -> float:
    x = pd.to_numeric(values, errors="coerce").dropna().to_numpy(dtype=float)
    return float(np.mean(np.abs(x - np.round(x / step) * step) < 1e-6))


def without_support(model: Path, into: Path) -> Path:
    shutil.copytree(model, into)
    meta_path = into / "metadata.json"
    meta = json.loads(meta_path.read_text())
    for column in meta["profile"]["columns"]:
        column.pop("support", None)
    meta_path.write_text(json.dumps(meta))
    return into


def measure(table: str, synthetic: pd.DataFrame) -> str:
    if table == "taxis":
        return f"fare on 0.50: {multiple_share(synthetic['fare'], 0.5):.1%}"
    spellings = ", ".join(sorted(synthetic["Records"].dropna().astype(str).unique()))
    return f"Amount on 50: {multiple_share(synthetic['Amount'], 50):.1%}; Records: {spellings}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--argn-minutes", type=float, default=1.0)
    parser.add_argument("--tables", default="taxis,credit_data")
    args = parser.parse_args()
    algorithms = {"TabularARGN": {"max_training_time": args.argn_minutes}}
    if importlib.util.find_spec("sdv") is not None:
        algorithms["GaussianCopula"] = {}
    real = {t: pd.read_csv(DATASETS / f"{t}.csv", dtype=str, keep_default_na=False) for t in args.tables.split(",")}
    print("real: " + "; ".join(f"{table} {measure(table, frame)}" for table, frame in real.items()) + "\n")
    print("| table | algorithm | before | after |\n|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for table in real:
            for algorithm, settings in algorithms.items():
                model = work / f"{table}-{algorithm}"
                config = {"algorithm": algorithm, "seed": 7, "columns": SCHEMAS[table], **settings}
                doppel_engine.train(data=str(DATASETS / f"{table}.csv"), config=config, output=str(model))
                cells = []
                for variant, folder in (("before", without_support(model, work / f"{model.name}-before")), ("after", model)):
                    out = work / f"{model.name}-{variant}.csv"
                    doppel_engine.generate(model=str(folder), count=args.rows, output=str(out), seed=11)
                    cells.append(measure(table, pd.read_csv(out, dtype=str, keep_default_na=False)))
                print(f"| {table} | {algorithm} | {cells[0]} | {cells[1]} |", flush=True)


if __name__ == "__main__":
    main()
