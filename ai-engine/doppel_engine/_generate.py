"""generate(): model folder -> CSV or Parquet file, sampled and written chunk by chunk."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import numpy as np
import pandas as pd

from ._anomalies import anomaly_count, inject, parse_spec
from ._conditions import conditioning, write_back
from ._constants import OUTPUT_FORMATS
from ._errors import EngineError
from ._events import EventCallback, Stopwatch, ignore
from ._model_folder import ModelFolder
from ._output import arrow_schema, arrow_table, csv_frame
from ._restore import restore
from ._rules import kept_shares, remember, rules_on
from ._table_profile import Profile
from ._table_rules import SEED_MAX, SEED_MIN, is_seed
from ._train import load_json_argument

FORMATS = OUTPUT_FORMATS


class _CsvSink:
    def __init__(self, path: Path, profile: Profile, extra: list[str]):
        self._fh = path.open("w", encoding="utf-8", newline="")
        self._profile = profile
        self._header = True

    def write(self, typed: pd.DataFrame) -> None:
        frame = csv_frame(typed, self._profile)
        for col in frame.columns[len(self._profile.columns) :]:
            if frame[col].dtype == bool:
                frame[col] = np.where(frame[col], "true", "false")
        frame.to_csv(self._fh, header=self._header, index=False, lineterminator="\n")
        self._header = False

    def close(self) -> None:
        self._fh.close()


class _ParquetSink:
    def __init__(self, path: Path, profile: Profile, extra: list[tuple]):
        import pyarrow.parquet as pq

        self._schema = arrow_schema(profile, extra)
        self._profile = profile
        self._writer = pq.ParquetWriter(path, self._schema, compression="snappy")

    def write(self, typed: pd.DataFrame) -> None:
        self._writer.write_table(arrow_table(typed, self._profile, self._schema))

    def close(self) -> None:
        self._writer.close()


def generate(
    *,
    model: str,
    count: int | None,
    output: str,
    format: str | None = None,  # noqa: A002
    anomalies: object = None,
    seed: int | None = None,
    chunk_size: int = 50_000,
    rules_off: list[str] | None = None,
    conditions: object = None,
    partial_rows: object = None,
    shares: object = None,
    impute: object = None,
    on_event: EventCallback = ignore,
) -> dict:
    clock = Stopwatch()
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise EngineError("invalid_arguments", f"--count must be a positive integer (got {count!r})")
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise EngineError("invalid_arguments", f"--chunk-size must be a positive integer (got {chunk_size!r})")
    if seed is not None and not is_seed(seed):
        raise EngineError("invalid_arguments", f"--seed must be an integer between {SEED_MIN} and {SEED_MAX} (got {seed!r})")
    out_path = Path(output)
    fmt = format or ("parquet" if out_path.suffix.lower() in (".parquet", ".pq") else "csv")
    if fmt not in FORMATS:
        raise EngineError("invalid_arguments", f"--format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    anomalies_raw = load_json_argument(anomalies, "anomalies", code="invalid_anomalies")
    conditions = load_json_argument(conditions, "conditions", code="invalid_arguments")
    shares = load_json_argument(shares, "shares", code="invalid_arguments")

    folder = ModelFolder.read(model)
    profile = folder.metadata.profile
    rules = rules_on(profile, rules_off)
    spec = parse_spec(anomalies_raw, profile, rules)
    seed = secrets.randbelow(2**31) if seed is None else seed

    import torch

    torch.set_num_threads(int(os.environ.get("DOPPEL_THREADS") or os.cpu_count() or 1))
    algorithm = folder.load_algorithm(model)
    load_seconds = clock.elapsed()
    given = conditioning(
        profile,
        algorithm=type(algorithm),
        count=count,
        seed=seed,
        conditions=conditions,
        partial_rows=partial_rows,
        shares=shares,
        impute=impute,
    )
    if given is not None:
        count = given.rows
    elif count is None:
        raise EngineError("invalid_arguments", "--count is required")
    algorithm.reseed(seed)
    post_rng = np.random.default_rng([seed, 1])
    anomaly_rng = np.random.default_rng([seed, 2])
    started = {"event": "started", "model": str(model), "algorithm": folder.metadata.algorithm, "rows": count, "format": fmt, "seed": seed}
    if given is not None:
        started["conditioning"] = given.kind
    on_event(started)

    extra: list[tuple] = []
    if spec is not None:
        import pyarrow as pa

        if spec["label_column"]:
            extra.append((spec["label_column"], pa.bool_()))
        if spec["kind_column"]:
            extra.append((spec["kind_column"], pa.string()))
    total_anomalies = anomaly_count(spec["ratio"], count) if spec else 0

    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        partial = out_path.with_name(f".{out_path.name}.partial-{os.getpid()}")
        sink = (_ParquetSink if fmt == "parquet" else _CsvSink)(partial, profile, extra)
    except OSError as exc:
        raise EngineError("output_unwritable", f"cannot write {output}: {exc.strerror}") from None

    tally: dict[str, int] = {}
    kept = {r["id"]: [0, 0] for r in rules}
    seen: dict = {}
    done = 0
    try:
        while done < count:
            n = min(chunk_size, count - done)
            chunk = None if given is None else given.chunk(done, n)
            sampled = algorithm.sample(n) if chunk is None else algorithm.sample_given(given.conditions_of(chunk, profile))
            nulls = given is None or not given.fills_nulls
            typed = restore(sampled, profile, rng=post_rng, row_offset=done, n=n, rules=rules, seen=seen, nulls=nulls)
            if chunk is not None:
                write_back(typed, chunk)
            normal = np.ones(n, dtype=bool)
            if spec is not None:
                k = total_anomalies * (done + n) // count - total_anomalies * done // count
                counts, anomalous = inject(typed, spec, k, profile, anomaly_rng, rules)
                normal[anomalous] = False
                for kind, c in counts.items():
                    tally[kind] = tally.get(kind, 0) + c
            for rule_id, (held, applicable) in kept_shares(rules, typed, normal, seen).items():
                kept[rule_id][0] += held
                kept[rule_id][1] += applicable
            remember(seen, rules, typed)
            sink.write(typed)
            done += n
            on_event({"event": "progress", "stage": "sample", "rows": done, "total": count, "elapsed_s": clock.elapsed()})
        sink.close()
        partial.replace(out_path)
    except BaseException:
        try:
            sink.close()
        finally:
            partial.unlink(missing_ok=True)
        raise
    seconds = clock.elapsed()
    sample_seconds = round(seconds - load_seconds, 3)
    completed = {
        "event": "completed",
        "rows": count,
        "anomalies": sum(tally.values()),
        "anomaly_kinds": tally,
        "rules_kept": {rule_id: held / applicable if applicable else None for rule_id, (held, applicable) in kept.items()},
        "output": str(out_path),
        "bytes": out_path.stat().st_size,
        "format": fmt,
        "seed": seed,
        "seconds": seconds,
        "load_seconds": load_seconds,
        "sample_seconds": sample_seconds,
        "rows_per_second": round(count / sample_seconds, 1) if sample_seconds else None,
    }
    on_event(completed)
    return completed
