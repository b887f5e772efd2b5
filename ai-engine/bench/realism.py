#!/usr/bin/env python3
"""Realism benchmark: each shared dataset x algorithm, through the platform and with the library
called directly on the same training rows (not a test).

    python ai-engine/bench/realism.py [--datasets penguins,credit_data,taxis,adult] \\
        [--algorithms GaussianCopula,TabularARGN] [--argn-minutes 10] [--rows N] [--max-rows N] [--platform-only]

Per dataset the table (sub-sampled to --max-rows rows when given, seeded) is split once into
training rows and a holdout by the platform's holdout rule (a seeded 20 %, at most 10,000 rows),
here for small tables too, so that every dataset has rows no model saw. Per algorithm:
``doppel_engine.train`` (its own holdout off: the split is done here) and ``generate``, then the
library directly (bench/_direct.py: SDV synthesizer with SDV-detected metadata and its defaults,
or mostlyai-engine's TabularARGN class with the platform's settings), each generating --rows rows
(default: as many as the training rows). Both synthetic tables are scored by the same code:

- quality, SDV-detected: sdmetrics' QualityReport with ``Metadata.detect_from_dataframes`` of the
  training rows, every table read by the same ``read_csv``;
- the rest from the engine's ``evaluate()`` against the training rows with the platform's schema
  and the holdout: quality (platform schema), detection (and the most telling column), utility,
  DCR share, and the rules kept (the model's rules its rows keep as often as the real table, within
  a point; the direct side's rows are checked against the platform model's rules).

Schemas: the test suite's for the shared tables, else the one the platform infers. CTGAN, TVAE and
CopulaGAN run only when named in --algorithms (--epochs, default the platform's). Prints a Markdown
table and writes bench/results/realism.json, keeping entries of earlier runs for other
(dataset, algorithm) pairs so that the benchmark can be run in pieces.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

from benchmark_all import DATASETS, ENGINE, run, schemas

NULLS = ["", "NA", "N/A", "null", "NULL", "?", "None"]
"""What bench/_direct.py reads as null: every table here is read the same way."""
RESULTS = ENGINE / "bench" / "results" / "realism.json"


def split(raw, seed: int):
    """(training rows, holdout rows) by the platform's holdout rule, small tables included."""
    from doppel_engine._train import parse_holdout, split_holdout

    training, holdout, _ = split_holdout(raw, {**parse_holdout(None), "min_table_rows": 0}, seed)
    return training, holdout


def settings(algorithm: str, argn_minutes: float, epochs: int | None) -> tuple[dict, dict]:
    """(platform settings, direct keyword arguments) meaning the same model; the platform's
    defaults otherwise, as a user gets them."""
    if algorithm == "GaussianCopula":
        return {}, {}
    if algorithm == "TabularARGN":
        same = {"max_epochs": 100, "max_training_time": argn_minutes, "value_protection": True, "enable_flexible_generation": False}
        return same, same
    from doppel_engine._catalogue import get

    chosen = epochs or next(s.default for s in get(algorithm).settings if s.name == "epochs")
    return {"epochs": chosen}, {"epochs": chosen, "enable_gpu": False}


def read(path: Path):
    import pandas as pd

    return pd.read_csv(path, keep_default_na=False, na_values=NULLS)


def detected_quality(training: Path, synthetic: Path) -> float:
    """sdmetrics' QualityReport score with the metadata SDV detects on the training rows."""
    from sdmetrics.reports import QualityReport
    from sdv.metadata import Metadata

    real = read(training)
    metadata = Metadata.detect_from_dataframes({"table": real}).to_dict()
    report = QualityReport()
    report.generate({"table": real}, {"table": read(synthetic)}, metadata, verbose=False)
    return float(report.get_score())


def realism(report: dict) -> dict:
    """The numbers this benchmark reports from one evaluate() report."""
    detection = report.get("detection") or {}
    telling = (detection.get("columns") or [None])[0]
    utility = report.get("utility") or {}
    holdout = (report.get("privacy") or {}).get("holdout") or {}
    return {
        "metrics_engine": report["metrics_engine"],
        "quality_schema": report["quality"]["score"],
        "detection": detection.get("score"),
        "detection_auc": detection.get("auc"),
        "most_telling_column": telling,
        "utility_ratio": utility.get("ratio"),
        "utility_target": utility.get("target"),
        "dcr_share": holdout.get("dcr_share"),
        "rules": report.get("rules"),
    }


def rules_kept(rules: list[dict] | None) -> str:
    """How many of the model's rules the rows keep as often as the real table does (within a point)."""
    if rules is None:  # an evaluation without a rules section
        return "—"
    kept = sum(1 for r in rules if r["synthetic_share"] is not None and r["synthetic_share"] >= r["real_share"] - 0.01)
    return f"{kept}/{len(rules)}"


def score(training: Path, holdout: Path, synthetic: Path, model: Path) -> dict:
    from doppel_engine import evaluate

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = evaluate(real=str(training), synthetic=str(synthetic), metadata=str(model), model=str(model), holdout=str(holdout), seed=0)
        return {"quality_detected": detected_quality(training, synthetic), **realism(report)}


def measure(name: str, algorithm: str, data: Path, holdout: Path, columns: list | None, rows: int, args, work: Path) -> dict:
    import doppel_engine

    platform_settings, direct_kwargs = settings(algorithm, args.argn_minutes, args.epochs)
    model = work / f"{algorithm}-model"
    config = {"algorithm": algorithm, "seed": 1, "holdout": False, **platform_settings}
    if columns is not None:  # else the platform infers the schema, as for a user's upload
        config["columns"] = columns
    trained = doppel_engine.train(data=str(data), config=config, output=str(model))
    platform_csv = work / f"{algorithm}-platform.csv"
    doppel_engine.generate(model=str(model), count=rows, output=str(platform_csv), seed=1)
    entry = {
        "dataset": name,
        "algorithm": algorithm,
        "settings": platform_settings,
        "generated_rows": rows,
        "platform": {"fit_s": trained["fit_seconds"], **score(data, holdout, platform_csv, model)},
        "direct": None,
    }
    if args.platform_only:
        return entry
    direct_csv = work / f"{algorithm}-direct.csv"
    _, out = run([sys.executable, str(ENGINE / "bench" / "_direct.py"), str(data), algorithm, json.dumps(direct_kwargs), str(rows), str(direct_csv)])
    direct_fit = json.loads(out.strip().splitlines()[-1])["fit_s"]
    return {**entry, "direct": {"fit_s": direct_fit, **score(data, holdout, direct_csv, model)}}


def _pair(entry: dict, key: str, fmt: str) -> str:
    values = [(entry[side] or {}).get(key) for side in ("platform", "direct")]
    return " / ".join("—" if v is None else format(v, fmt) for v in values)


def _telling(side: dict) -> str:
    column = (side or {}).get("most_telling_column")
    return "—" if not column else f"{column['column']} {column['auc']:.2f}"


def markdown(entries: list[dict]) -> str:
    lines = [
        "| dataset (training rows) | algorithm | quality SDV-detected | quality platform schema | detection (AUC) "
        "| most telling column (AUC) | utility ratio | DCR share | rules kept | fit s |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for e in entries:
        p, d = e["platform"], e["direct"]
        detection = " / ".join("—" if not s or s["detection"] is None else f"{s['detection']:.2f} ({s['detection_auc']:.2f})" for s in (p, d))
        rules = " / ".join(rules_kept((s or {}).get("rules")) for s in (p, d))
        lines.append(
            f"| {e['dataset']} ({e['training_rows']:,}) | {e['algorithm']} | {_pair(e, 'quality_detected', '.3f')} "
            f"| {_pair(e, 'quality_schema', '.3f')} | {detection} | {_telling(p)} / {_telling(d)} "
            f"| {_pair(e, 'utility_ratio', '.2f')} | {_pair(e, 'dcr_share', '.2f')} | {rules} | {_pair(e, 'fit_s', '.1f')} |"
        )
    return "\n".join(lines)


def save(entries: list[dict]) -> None:
    """Write this run's entries so far, keeping earlier runs' entries for other pairs."""
    done = {(e["dataset"], e["algorithm"]) for e in entries}
    kept = []
    if RESULTS.is_file():
        kept = [e for e in json.loads(RESULTS.read_text())["results"] if (e["dataset"], e["algorithm"]) not in done]
    RESULTS.parent.mkdir(exist_ok=True)
    run_note = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(sys.argv),
        "cpu_count": os.cpu_count(),
        "machine": platform.platform(),
    }
    for entry in entries:
        entry.setdefault("run", run_note)
    RESULTS.write_text(json.dumps({"results": kept + entries}, indent=2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", default="penguins,credit_data,taxis,adult", help="shared tables, e.g. lahman/Teams for a lahman table")
    parser.add_argument("--algorithms", default="GaussianCopula,TabularARGN", help="also CTGAN, TVAE, CopulaGAN")
    parser.add_argument("--argn-minutes", type=float, default=10.0, help="TabularARGN max_training_time (the platform's default cap)")
    parser.add_argument("--epochs", type=int, default=None, help="CTGAN/TVAE/CopulaGAN epochs (default: the platform's)")
    parser.add_argument("--rows", type=int, default=None, help="rows generated per model (default: as many as the training rows)")
    parser.add_argument("--max-rows", type=int, default=None, help="sub-sample each table to this many rows first")
    parser.add_argument("--platform-only", action="store_true", help="skip the library called directly (halves the time)")
    args = parser.parse_args()

    import pandas as pd

    from doppel_engine._catalogue import algorithms

    available = {a.name for a in algorithms()}
    unknown = [a for a in args.algorithms.split(",") if a not in available]
    if unknown:
        raise SystemExit(f"not available in this engine: {', '.join(unknown)} (available: {', '.join(sorted(available))})")
    known_schemas = schemas()
    entries = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="doppel-realism-") as tmp:
        for name in args.datasets.split(","):
            raw = pd.read_csv(DATASETS / f"{name}.csv", dtype=str, keep_default_na=False)
            if args.max_rows and len(raw) > args.max_rows:
                raw = raw.sample(n=args.max_rows, random_state=0)
            training, held = split(raw, seed=1)
            work = Path(tmp) / name.replace("/", "-")
            work.mkdir()
            data, holdout = work / "training.csv", work / "holdout.csv"
            training.to_csv(data, index=False)
            held.to_csv(holdout, index=False)
            columns = known_schemas.get(name)
            for algorithm in args.algorithms.split(","):
                entry = measure(name, algorithm, data, holdout, columns, args.rows or len(training), args, work)
                entries.append({**entry, "training_rows": len(training), "holdout_rows": len(held)})
                save(entries)
                print(f"done {name} {algorithm} ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
    print(f"platform / direct on the same training rows; {os.cpu_count()} CPU cores; {time.perf_counter() - started:.0f} s\n")
    print(markdown(entries))


if __name__ == "__main__":
    main()
