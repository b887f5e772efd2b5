#!/usr/bin/env python3
"""Quality of conditional generation: fixed values on adult, imputation of penguins.

    python ai-engine/bench/conditions.py [--rows 1000] [--algorithms GaussianCopula,TabularARGN] [--argn-minutes 2]

Fixed values: trains each algorithm on adult, generates --rows rows without conditions and --rows
rows with class = ">50K", and scores the pair trends (the engine's Column Pair Trends) of the
unconditional rows against every real row and of the conditioned rows against the real rows with
class = ">50K"; the gap is the second minus the first.

TabularARGN trains with enable_flexible_generation. Imputation: trains on penguins, empties 20 % of the cells of a copy of it (seeded), imputes them
with the model and with each column's mean (numbers) or mode (categories) of the kept cells, and
compares both with the true cells: RMSE over the column's real standard deviation for numbers,
the share of right values for categories. Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

ENGINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ENGINE))
DATASETS = Path(os.environ.get("DOPPEL_DATASETS_DIR") or ENGINE.parent.parent / "shared" / "datasets")

import doppel_engine  # noqa: E402
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


def imputation(model: Path, work: Path) -> list[dict]:
    profile = ModelFolder.read(model).metadata.profile
    truth = read(DATASETS / "penguins.csv")
    holes = truth.mask(np.random.default_rng(3).random(truth.shape) < EMPTIED)
    holes = holes.astype(object).where(holes.notna(), None)
    source, out = work / "penguins-holes.csv", work / f"{model.name}-imputed.csv"
    holes.to_csv(source, index=False, na_rep="")
    doppel_engine.generate(model=str(model), output=str(out), seed=11, impute=str(source))
    real, gaps, imputed = typed_rows(truth, profile), typed_rows(holes, profile), typed_rows(read(out), profile)
    results = []
    for prof in profile.columns:
        name = prof.name
        emptied = gaps[name].isna() & real[name].notna()
        if not emptied.any():
            continue
        want, model_values = real[name][emptied], imputed[name][emptied]
        if prof.type in ("integer", "float"):
            baseline = np.full(len(want), gaps[name].astype(float).mean())
            spread = real[name].astype(float).std()

            def rmse(got, want=want, spread=spread):
                return float(np.sqrt(np.mean((np.asarray(got, dtype=float) - want.to_numpy(dtype=float)) ** 2)) / spread)

            results.append({"column": name, "cells": int(emptied.sum()), "measure": "RMSE / sd", "model": rmse(model_values), "baseline": rmse(baseline)})
        else:
            mode = gaps[name].dropna().mode().iloc[0]
            results.append(
                {
                    "column": name,
                    "cells": int(emptied.sum()),
                    "measure": "accuracy",
                    "model": float((model_values.to_numpy() == want.to_numpy()).mean()),
                    "baseline": float((want == mode).mean()),
                }
            )
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1000)
    default = "GaussianCopula,TabularARGN" if importlib.util.find_spec("sdv") is not None else "TabularARGN"
    parser.add_argument("--algorithms", default=default)
    parser.add_argument("--argn-minutes", type=float, default=2.0)
    args = parser.parse_args()
    # Flexible generation lets a given value inform every other column (see README.md, generate.py).
    settings = {"TabularARGN": {"max_training_time": args.argn_minutes, "enable_flexible_generation": True}}
    trends, imputed = [], []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for algorithm in args.algorithms.split(","):
            config = {"algorithm": algorithm, "seed": 7, **settings.get(algorithm, {})}
            adult, penguins = work / f"adult-{algorithm}", work / f"penguins-{algorithm}"
            doppel_engine.train(data=str(DATASETS / "adult.csv"), config=config, output=str(adult))
            trends.append((algorithm, pair_trends(adult, work, args.rows)))
            doppel_engine.train(data=str(DATASETS / "penguins.csv"), config=config, output=str(penguins))
            imputed.extend((algorithm, row) for row in imputation(penguins, work))
    print(f'adult, {args.rows} rows with class = ">50K" against the real rows with it; unconditional against all real rows\n')
    print("| algorithm | rows carrying >50K | pair trends, unconditional | pair trends, conditioned | gap |\n|---|---|---|---|---|")
    for algorithm, t in trends:
        gap = t["conditioned"] - t["unconditional"]
        print(f"| {algorithm} | {t['carried']:.1%} | {t['unconditional']:.3f} | {t['conditioned']:.3f} | {gap:+.3f} |")
    print(f"\npenguins, {EMPTIED:.0%} of the cells emptied (seeded), imputed by the model and by column mean/mode\n")
    print("| algorithm | column | emptied cells | measure | model | mean/mode |\n|---|---|---|---|---|---|")
    for algorithm, r in imputed:
        print(f"| {algorithm} | {r['column']} | {r['cells']} | {r['measure']} | {r['model']:.3f} | {r['baseline']:.3f} |")


if __name__ == "__main__":
    main()
