#!/usr/bin/env python3
"""Quality of conditional generation: fixed values on adult, imputation of penguins.

    python ai-engine/bench/conditions.py [--rows 1000] [--algorithms GaussianCopula,TabularARGN] [--argn-minutes 2]
                                         [--parts fixed,imputation] [--draws 1,20]

Fixed values: trains each algorithm on adult, generates --rows rows without conditions and --rows
rows with class = ">50K", and scores the pair trends (the engine's Column Pair Trends) of the
unconditional rows against every real row and of the conditioned rows against the real rows with
class = ">50K"; the gap is the second minus the first.

TabularARGN trains with enable_flexible_generation. Imputation: trains on penguins, empties 20 % of the cells of a copy of it (seeded), imputes them
with the model and with each column's mean (numbers) or mode (categories) of the kept cells, and
compares both with the true cells: RMSE over the column's real standard deviation for numbers,
the share of right values for categories. The model imputes once per --draws count (samples
combined per row; the engine's own is _conditions.IMPUTE_DRAWS, 1 is a single draw), timed.
Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ENGINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ENGINE))
DATASETS = Path(os.environ.get("DOPPEL_DATASETS_DIR") or ENGINE.parent.parent / "shared" / "datasets")

import doppel_engine  # noqa: E402
from doppel_engine import _conditions  # noqa: E402
from doppel_engine._metrics import quality  # noqa: E402
from doppel_engine._model_folder import ModelFolder  # noqa: E402
from doppel_engine._profile import typed_rows  # noqa: E402

NULLS = ["", "NA", "N/A", "null", "NULL", "?", "None"]
EMPTIED = 0.2


def read(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=NULLS)
    return frame.astype(object).where(frame.notna(), None)


def sdtypes(profile) -> dict[str, str]:
    kinds = {"integer": "numerical", "float": "numerical", "datetime": "datetime", "categorical": "categorical", "boolean": "boolean"}
    return {p.name: kinds[p.type] for p in profile.columns if p.role == "model" and p.type in kinds}


def pair_trends(model: Path, work: Path, rows: int) -> dict:
    profile = ModelFolder.read(model).metadata.profile
    types = sdtypes(profile)
    real = typed_rows(read(DATASETS / "adult.csv"), profile)
    plain, fixed = work / f"{model.name}-plain.csv", work / f"{model.name}-fixed.csv"
    doppel_engine.generate(model=str(model), count=rows, output=str(plain), seed=11)
    doppel_engine.generate(model=str(model), count=rows, output=str(fixed), seed=11, conditions={"class": ">50K"})
    conditioned = typed_rows(read(fixed), profile)
    carried = float((conditioned["class"] == ">50K").mean())
    unconditional = quality(real, typed_rows(read(plain), profile), types).column_pair_trends
    given = quality(real[real["class"] == ">50K"], conditioned, types).column_pair_trends
    return {"carried": carried, "unconditional": unconditional, "conditioned": given}


def imputation(model: Path, work: Path, draws: list[int]) -> tuple[list[dict], dict[int, float]]:
    """Per column, the score of each --draws count's imputation and of the mean/mode; the seconds each took."""
    profile = ModelFolder.read(model).metadata.profile
    truth = read(DATASETS / "penguins.csv")
    holes = truth.mask(np.random.default_rng(3).random(truth.shape) < EMPTIED)
    holes = holes.astype(object).where(holes.notna(), None)
    source = work / "penguins-holes.csv"
    holes.to_csv(source, index=False, na_rep="")
    imputed, seconds = {}, {}
    for k in draws:
        out = work / f"{model.name}-imputed-{k}.csv"
        _conditions.IMPUTE_DRAWS = k
        started = time.perf_counter()
        doppel_engine.generate(model=str(model), output=str(out), seed=11, impute=str(source))
        seconds[k] = time.perf_counter() - started
        imputed[k] = typed_rows(read(out), profile)
    real, gaps = typed_rows(truth, profile), typed_rows(holes, profile)
    results = []
    for prof in profile.columns:
        name = prof.name
        emptied = gaps[name].isna() & real[name].notna()
        if not emptied.any():
            continue
        want = real[name][emptied]
        if prof.type in ("integer", "float"):
            baseline = np.full(len(want), gaps[name].astype(float).mean())
            spread = real[name].astype(float).std()

            def rmse(got, want=want, spread=spread):
                return float(np.sqrt(np.mean((np.asarray(got, dtype=float) - want.to_numpy(dtype=float)) ** 2)) / spread)

            model = {k: rmse(imputed[k][name][emptied]) for k in draws}
            results.append({"column": name, "cells": int(emptied.sum()), "measure": "RMSE / sd", "model": model, "baseline": rmse(baseline)})
        else:
            mode = gaps[name].dropna().mode().iloc[0]
            results.append(
                {
                    "column": name,
                    "cells": int(emptied.sum()),
                    "measure": "accuracy",
                    "model": {k: float((imputed[k][name][emptied].to_numpy() == want.to_numpy()).mean()) for k in draws},
                    "baseline": float((want == mode).mean()),
                }
            )
    return results, seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1000)
    default = "GaussianCopula,TabularARGN" if importlib.util.find_spec("sdv") is not None else "TabularARGN"
    parser.add_argument("--algorithms", default=default)
    parser.add_argument("--argn-minutes", type=float, default=2.0)
    parser.add_argument("--parts", default="fixed,imputation", help="fixed (values on adult), imputation (of penguins), or both")
    parser.add_argument("--draws", default=str(_conditions.IMPUTE_DRAWS), help="draws per imputed row, one imputation per count: 1,20")
    args = parser.parse_args()
    parts, draws = args.parts.split(","), [int(k) for k in args.draws.split(",")]
    # Flexible generation lets a given value inform every other column (see README.md, generate.py).
    settings = {"TabularARGN": {"max_training_time": args.argn_minutes, "enable_flexible_generation": True}}
    trends, imputed, seconds = [], [], {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for algorithm in args.algorithms.split(","):
            config = {"algorithm": algorithm, "seed": 7, **settings.get(algorithm, {})}
            adult, penguins = work / f"adult-{algorithm}", work / f"penguins-{algorithm}"
            if "fixed" in parts:
                doppel_engine.train(data=str(DATASETS / "adult.csv"), config=config, output=str(adult))
                trends.append((algorithm, pair_trends(adult, work, args.rows)))
            if "imputation" in parts:
                doppel_engine.train(data=str(DATASETS / "penguins.csv"), config=config, output=str(penguins))
                results, seconds[algorithm] = imputation(penguins, work, draws)
                imputed.extend((algorithm, row) for row in results)
    if trends:
        print(f'adult, {args.rows} rows with class = ">50K" against the real rows with it; unconditional against all real rows\n')
        print("| algorithm | rows carrying >50K | pair trends, unconditional | pair trends, conditioned | gap |\n|---|---|---|---|---|")
        for algorithm, t in trends:
            gap = t["conditioned"] - t["unconditional"]
            print(f"| {algorithm} | {t['carried']:.1%} | {t['unconditional']:.3f} | {t['conditioned']:.3f} | {gap:+.3f} |")
    if imputed:
        print(f"\npenguins, {EMPTIED:.0%} of the cells emptied (seeded), imputed by the model (k draws a row combined) and by column mean/mode\n")
        models = " | ".join(f"model, {k} draw{'s' if k > 1 else ''}" for k in draws)
        print(f"| algorithm | column | emptied cells | measure | {models} | mean/mode |\n|---|---|---|---|{'---|' * len(draws)}---|")
        for algorithm, r in imputed:
            scores = " | ".join(f"{r['model'][k]:.3f}" for k in draws)
            print(f"| {algorithm} | {r['column']} | {r['cells']} | {r['measure']} | {scores} | {r['baseline']:.3f} |")
        for algorithm, taken in seconds.items():
            print(f"| {algorithm} | seconds to impute 344 rows | | | {' | '.join(f'{taken[k]:.1f}' for k in draws)} | |")


if __name__ == "__main__":
    main()
