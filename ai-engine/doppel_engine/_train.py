"""train(): real table + config -> model folder (model.pkl, metadata.json, training_log.jsonl)."""

from __future__ import annotations

import json
import os
import secrets
import time
from datetime import UTC, datetime
from importlib import metadata as _metadata
from pathlib import Path
from typing import IO, TYPE_CHECKING

from . import _catalogue
from ._errors import EngineError
from ._events import EventCallback, Stopwatch, ignore, to_json
from ._io import read_table
from ._model_folder import METADATA_FILE, ModelFile, ModelFolder, ModelMetadata
from ._profile import profile_table
from ._restore import training_frame
from ._schema import Column, check_against_data, infer_columns, parse_columns
from ._table_profile import Profile
from ._table_rules import SEED_MAX, SEED_MIN, is_seed

if TYPE_CHECKING:
    import pandas as pd

RESERVED_KEYS = ("algorithm", "seed", "columns", "differential_privacy", "holdout")
HOLDOUT_FILE = "holdout.parquet"
HOLDOUT_DEFAULTS = {"share": 0.2, "max_rows": 10_000, "min_table_rows": 500}
LIBRARIES = ("sdv", "ctgan", "rdt", "copulas", "sdmetrics", "mostlyai-engine", "opacus", "torch", "pandas", "numpy", "scipy", "pyarrow")


def load_json_argument(value: object, what: str, code: str = "invalid_config") -> object:
    """A JSON document given inline, as a file path, or already parsed."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not text.startswith(("{", "[")):
        path = Path(value)
        if not path.is_file():
            raise EngineError(code, f"{what} is neither inline JSON nor an existing file: {value}")
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise EngineError(code, f"cannot read {what} file {value}: {exc}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise EngineError(code, f"{what} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None


def parse_holdout(value: object) -> dict | None:
    """The holdout settings with defaults filled; None when the config turns the holdout off."""
    if value is False:
        return None
    if value is None or value is True:
        value = {}
    if not isinstance(value, dict):
        raise EngineError("invalid_setting", f"holdout must be an object, true or false (got {value!r})")
    unknown = sorted(set(value) - set(HOLDOUT_DEFAULTS))
    if unknown:
        raise EngineError("invalid_setting", f"unknown holdout setting: {', '.join(unknown)} (known: {', '.join(HOLDOUT_DEFAULTS)})")
    out = {**HOLDOUT_DEFAULTS, **value}
    share = out["share"]
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 0.5:
        raise EngineError("invalid_setting", f"holdout.share must be a number between 0 and 0.5 (got {share!r})")
    for key in ("max_rows", "min_table_rows"):
        if isinstance(out[key], bool) or not isinstance(out[key], int) or out[key] < 0:
            raise EngineError("invalid_setting", f"holdout.{key} must be a non-negative integer (got {out[key]!r})")
    return out


def split_holdout(raw, holdout: dict | None, seed: int):
    """(training rows, held-out rows or None, the summary recorded in metadata.json)."""
    if holdout is None:
        return raw, None, {"rows": 0, "reason": "turned off in the config"}
    if len(raw) < holdout["min_table_rows"]:
        return raw, None, {"rows": 0, "reason": f"the table has fewer than {holdout['min_table_rows']} rows: every row is used for training"}
    count = min(int(len(raw) * holdout["share"]), holdout["max_rows"])
    if count == 0:
        return raw, None, {"rows": 0, "reason": "the share rounds to no rows"}
    held = raw.sample(n=count, random_state=seed % 2**32)
    return raw.drop(index=held.index), held, {"rows": count, "share": holdout["share"], "max_rows": holdout["max_rows"], "file": HOLDOUT_FILE}


def parse_config(config: object) -> tuple[type[_catalogue.Algorithm], dict, int, object, dict | None]:
    """Validate a train config: returns (algorithm class, resolved settings, seed, columns or None,
    resolved differential_privacy settings or None)."""
    cfg = load_json_argument(config, "config")
    if not isinstance(cfg, dict):
        raise EngineError("invalid_config", "config must be a JSON object")
    if "algorithm" not in cfg:
        raise EngineError("invalid_config", "config has no 'algorithm'")
    algo_cls = _catalogue.get(cfg["algorithm"])
    seed = cfg.get("seed")
    if seed is None:
        seed = secrets.randbelow(2**31)
    elif not is_seed(seed):
        raise EngineError("invalid_setting", f"seed must be an integer between {SEED_MIN} and {SEED_MAX} (got {seed!r})")
    settings = algo_cls.resolve_settings({k: v for k, v in cfg.items() if k not in RESERVED_KEYS})
    dp = algo_cls.resolve_differential_privacy(cfg.get("differential_privacy"))
    columns = parse_columns(cfg["columns"]) if cfg.get("columns") is not None else None
    return algo_cls, settings, seed, columns, dp


def library_versions() -> dict:
    out = {}
    for name in LIBRARIES:
        try:
            out[name] = _metadata.version(name)
        except _metadata.PackageNotFoundError:
            out[name] = None
    return out


def open_training_log(out_dir: Path, on_event: EventCallback) -> tuple[IO[str], EventCallback]:
    """The model folder created, its training_log.jsonl opened, and an ``on_event`` that also logs."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        log = (out_dir / "training_log.jsonl").open("w", encoding="utf-8")
    except OSError as exc:
        raise EngineError("output_unwritable", f"cannot write the model folder {out_dir}: {exc.strerror}") from None

    def emit(event: dict) -> None:
        log.write(to_json(event) + "\n")
        log.flush()
        on_event(event)

    return log, emit


def prepare_frame(
    raw: pd.DataFrame, columns: list[Column], *, max_categories: int, source: dict, emit: EventCallback, clock: Stopwatch
) -> tuple[pd.DataFrame, Profile, pd.DataFrame, dict[str, str]]:
    """The real rows typed and profiled (rules found), and the frame the synthesizer learns with
    its sdtypes; reports the ``rules`` and ``prepared`` stages."""
    threads = int(os.environ.get("DOPPEL_THREADS") or os.cpu_count() or 1)
    import torch

    torch.set_num_threads(threads)
    typed, profile = profile_table(raw, columns, max_categories=max_categories, on_event=emit, null_tokens=source.get("null_tokens"))
    rules = profile.rules
    emit(
        {
            "event": "progress",
            "stage": "rules",
            "rules": len(rules),
            "kinds": {kind: sum(r["kind"] == kind for r in rules) for kind in dict.fromkeys(r["kind"] for r in rules)},
            "elapsed_s": clock.elapsed(),
        }
    )
    frame, sdtypes = training_frame(typed, profile)
    if not sdtypes:
        emit(
            {
                "event": "warning",
                "code": "nothing_to_learn",
                "message": "every column is an id or constant; generated rows will repeat them without a model",
            }
        )
    emit(
        {
            "event": "progress",
            "stage": "prepared",
            "rows": len(frame),
            "columns": len(profile.columns),
            "model_columns": len(sdtypes),
            "threads": threads,
            "elapsed_s": clock.elapsed(),
        }
    )
    return typed, profile, frame, sdtypes


def fit_model(
    algorithm: _catalogue.Algorithm,
    frame: pd.DataFrame,
    sdtypes: dict[str, str],
    profile: Profile,
    *,
    out_dir: Path,
    emit: EventCallback,
    clock: Stopwatch,
    columns: list[Column],
    source: dict,
    holdout: dict,
    read_s: float,
) -> ModelMetadata:
    """Fit ``algorithm`` on ``frame``, save it into ``out_dir`` and write its metadata.json."""
    prepared_s = clock.elapsed()
    algorithm.prepare(profile=profile, folder=out_dir)
    fit_started = time.perf_counter()
    losses = algorithm.fit(frame, sdtypes, emit)
    fit_s = round(time.perf_counter() - fit_started, 3)
    model_path = algorithm.save(out_dir)
    dp = algorithm.differential_privacy
    metadata = ModelMetadata(
        algorithm=algorithm.name,
        settings=algorithm.settings,
        differential_privacy={"settings": dp, "spent": algorithm.privacy_spent} if dp is not None else None,
        seed=algorithm.seed,
        columns=tuple(columns),
        profile=profile,
        source=source,
        rows=len(frame),
        holdout=holdout,
        libraries=library_versions(),
        model=ModelFile.of(model_path),
        losses=losses,
        encodings=algorithm.encodings or None,
        timings={"read_s": read_s, "prepare_s": round(prepared_s - read_s, 3), "fit_s": fit_s, "total_s": clock.elapsed()},
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    ModelFolder(out_dir, metadata).write()
    return metadata


def train(
    *,
    data: str,
    config: object,
    output: str,
    on_event: EventCallback = ignore,
    delimiter: str | None = None,
) -> dict:
    """Train a model on ``data`` as ``config`` says and write the model folder ``output``.

    Returns the ``completed`` event. Raises ``EngineError`` for anything a user can fix.
    """
    clock = Stopwatch()
    algo_cls, settings, seed, columns, dp = parse_config(config)
    if not algo_cls.single_table:
        able = ", ".join(cls.name for cls in _catalogue.algorithms() if cls.single_table)
        raise EngineError("invalid_config", f"{algo_cls.name} learns related tables only (train_database.py); for one table use one of: {able}")
    holdout = parse_holdout(load_json_argument(config, "config").get("holdout"))

    out_dir = Path(output)
    log, emit = open_training_log(out_dir, on_event)
    (out_dir / METADATA_FILE).unlink(missing_ok=True)
    (out_dir / HOLDOUT_FILE).unlink(missing_ok=True)
    algo_cls.discard(out_dir)

    try:
        emit({"event": "started", "algorithm": algo_cls.name, "data": str(data), "model": str(out_dir), "seed": seed})
        raw, source = read_table(data, delimiter=delimiter)
        if columns is None:
            columns = infer_columns(raw)
            emit(
                {
                    "event": "warning",
                    "code": "schema_inferred",
                    "message": "config has no 'columns'; column types were inferred: " + ", ".join(f"{c.name}={c.type}" for c in columns),
                }
            )
        check_against_data(columns, list(raw.columns))
        raw, held, holdout_summary = split_holdout(raw, holdout, seed)
        if held is None:
            reason = holdout_summary["reason"]
            message = f"no rows were held out of training ({reason}); the evaluation cannot measure memorisation"
            emit({"event": "warning", "code": "no_holdout", "message": message})
        else:
            held.reset_index(drop=True).to_parquet(out_dir / HOLDOUT_FILE, index=False)
        del held
        read_s = clock.elapsed()

        typed, profile, frame, sdtypes = prepare_frame(raw, columns, max_categories=settings["max_categories"], source=source, emit=emit, clock=clock)
        del raw, typed
        algorithm = algo_cls(settings, seed)
        algorithm.differential_privacy = dp
        metadata = fit_model(
            algorithm,
            frame,
            sdtypes,
            profile,
            out_dir=out_dir,
            emit=emit,
            clock=clock,
            columns=columns,
            source={**source, "file": Path(data).name},
            holdout=holdout_summary,
            read_s=read_s,
        )
        fit_s = metadata.timings["fit_s"]
        total_s = metadata.timings["total_s"]
        losses = metadata.losses
        completed = {
            "event": "completed",
            "algorithm": algo_cls.name,
            "model": str(out_dir),
            "rows": len(frame),
            "holdout_rows": holdout_summary["rows"],
            "columns": len(profile.columns),
            "epochs": algorithm.epochs_trained if algorithm.epochs_trained is not None else settings.get("epochs"),
            "seed": seed,
            "fit_seconds": fit_s,
            "total_seconds": total_s,
            **losses,
        }
        if dp is not None:
            completed["differential_privacy"] = algorithm.privacy_spent
        emit(completed)
        return completed
    except BaseException as exc:
        if isinstance(exc, EngineError):
            log.write(to_json(exc.to_event()) + "\n")
        (out_dir / HOLDOUT_FILE).unlink(missing_ok=True)
        algo_cls.discard(out_dir)
        raise
    finally:
        log.close()
