#!/usr/bin/env python3
"""Children per parent after training to convergence: Teams under TeamsFranchises (ordered by yearID).

    python ai-engine/bench/children_per_parent.py [--minutes 60] [--max-epochs 100] [--seeds 1,2,3] [--scale 1] [--value-protection true]

Trains TabularARGN on the two Lahman tables with train_database (the time cap per table is
--minutes; training also stops at max_epochs or on the engine's early stopping), generates once
per seed with generate_database and scores each output with evaluate_database's relationships
scope, the figures the relational report shows. Prints one JSON line per seed and a closing one
with the epochs and seconds of training.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ENGINE))
DATASETS = Path(os.environ.get("DOPPEL_DATASETS_DIR") or ENGINE.parent.parent / "shared" / "datasets")

from doppel_engine import evaluate_database, generate_database, train_database  # noqa: E402
from doppel_engine._device import torch_device  # noqa: E402


def schema() -> dict:
    lahman = DATASETS / "lahman"
    return {
        "tables": [
            {"name": "TeamsFranchises", "data": str(lahman / "TeamsFranchises.csv"), "primaryKey": ["franchID"]},
            {"name": "Teams", "data": str(lahman / "Teams.csv"), "primaryKey": ["yearID", "teamID"]},
        ],
        "relationships": [
            {"parent": "TeamsFranchises", "parentColumns": ["franchID"], "child": "Teams", "childColumns": ["franchID"], "orderBy": ["yearID"]}
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=60.0, help="training time cap per table")
    parser.add_argument("--max-epochs", type=int, default=100)
    parser.add_argument("--seeds", default="1,2,3", help="one generation per seed")
    parser.add_argument("--scale", type=float, default=1.0, help="root rows generated, relative to the real table")
    parser.add_argument("--value-protection", choices=("true", "false"), default="true")
    args = parser.parse_args()

    document = schema()
    config = {
        "algorithm": "TabularARGN",
        "seed": 1,
        "max_epochs": args.max_epochs,
        "max_training_time": args.minutes,
        "value_protection": args.value_protection == "true",
    }
    with tempfile.TemporaryDirectory(prefix="children-per-parent-") as work:
        model = Path(work) / "model"
        started = time.perf_counter()
        trained = train_database(schema=document, config=config, output=str(model))
        training_s = time.perf_counter() - started
        for seed in (int(s) for s in args.seeds.split(",")):
            output = Path(work) / f"synthetic-{seed}"
            generate_database(model=str(model), output=str(output), seed=seed, scale=args.scale)
            report = evaluate_database(schema=document, synthetic=str(output), scope="relationships")
            (relationship,) = report["relationships"]
            counts = relationship["childrenPerParent"]
            print(json.dumps({
                "seed": seed,
                "scale": args.scale,
                "ksComplement": round(counts["ksComplement"], 3),
                "integrity": relationship["integrity"]["share"],
                "orderKept": relationship["sequence"].get("orderKept"),
                "real": {k: counts["real"][k] for k in ("parents", "children", "max")},
                "synthetic": {k: counts["synthetic"][k] for k in ("parents", "children", "max")},
            }), flush=True)
    tables = trained["tables"]
    print(json.dumps({
        "device": torch_device(),
        "training_s": round(training_s),
        "epochs": {name: table.get("epochs") for name, table in tables.items()},
        "config": config,
    }))


if __name__ == "__main__":
    main()
