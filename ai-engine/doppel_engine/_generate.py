"""generate(): model folder -> CSV or Parquet file, sampled and written chunk by chunk."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ._algorithm import Algorithm
from ._anomalies import anomaly_count, inject, parse_spec
from ._conditions import Conditioning, best_guess, conditioning, write_back
from ._constants import OUTPUT_FORMATS
from ._errors import EngineError
from ._events import EventCallback, Stopwatch, ignore
from ._fan_out import PartsRequest, SampledPart, fan_out_requested, sampled_parts, task_cpus
from ._model_folder import ModelFolder
from ._output import arrow_schema, arrow_table, csv_frame
from ._restore import restore
from ._rules import keep, kept_shares, remember, remembered, rules_on
from ._table_profile import Profile
from ._table_rules import SEED_MAX, SEED_MIN, is_seed
from ._train import load_json_argument

FORMATS = OUTPUT_FORMATS
CHUNK_SIZE = 50_000
"""Rows sampled at a time unless a request says otherwise."""


class CsvEncoder:
    """Typed rows as the CSV text of the real table's spellings; the header goes before the first chunk."""

    def __init__(self, profile: Profile, extra: list[tuple]):
        self._profile = profile

    def __call__(self, typed: pd.DataFrame, *, first: bool) -> str:
        frame = csv_frame(typed, self._profile)
        for col in frame.columns[len(self._profile.columns) :]:
            if frame[col].dtype == bool:
                frame[col] = np.where(frame[col], "true", "false")
        return frame.to_csv(header=first, index=False, lineterminator="\n")


class ParquetEncoder:
    """Typed rows as an Arrow table of the file's schema (the model's columns, then ``extra``)."""

    def __init__(self, profile: Profile, extra: list[tuple]):
        self.schema = arrow_schema(profile, extra)
        self._profile = profile

    def __call__(self, typed: pd.DataFrame, *, first: bool):
        return arrow_table(typed, self._profile, self.schema)


ENCODERS = {"csv": CsvEncoder, "parquet": ParquetEncoder}
"""How each output format encodes a chunk of typed rows, apart from the file it goes into, so that
chunks sampled elsewhere arrive encoded."""


class CsvSink:
    def __init__(self, path: Path, encoder: CsvEncoder):
        self._fh = path.open("w", encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        self._fh.write(text)

    def close(self) -> None:
        self._fh.close()


class ParquetSink:
    def __init__(self, path: Path, encoder: ParquetEncoder):
        import pyarrow.parquet as pq

        self._writer = pq.ParquetWriter(path, encoder.schema, compression="snappy")

    def write(self, table) -> None:
        self._writer.write_table(table)

    def close(self) -> None:
        self._writer.close()


SINKS = {"csv": CsvSink, "parquet": ParquetSink}
"""The file each output format's encoded chunks are written to, in order."""


@dataclass(frozen=True)
class LoadedModel:
    """A model folder whose algorithm is loaded (after its model file was checked) and ready to sample."""

    folder: ModelFolder
    algorithm: Algorithm


def load_model(model: str) -> LoadedModel:
    """Read the model folder ``model`` and load its algorithm, checking the model file's sha256 first."""
    folder = ModelFolder.read(model)

    import torch

    torch.set_num_threads(int(os.environ.get("DOPPEL_THREADS") or os.cpu_count() or 1))
    return LoadedModel(folder=folder, algorithm=folder.load_algorithm(model))


@dataclass
class RowsTally:
    """What sample_rows counted: anomalies injected by kind, and per kept rule [rows holding it, rows it applies to]."""

    anomaly_kinds: dict[str, int]
    kept: dict[str, list[int]]

    def add(self, anomaly_kinds: dict[str, int], kept: dict) -> None:
        """Counts of more rows: anomalies by kind, and per rule [rows holding it, rows it applies to]."""
        for kind, c in anomaly_kinds.items():
            self.anomaly_kinds[kind] = self.anomaly_kinds.get(kind, 0) + c
        for rule_id, (held, applicable) in kept.items():
            self.kept[rule_id][0] += held
            self.kept[rule_id][1] += applicable

    def rules_kept(self) -> dict[str, float | None]:
        return {rule_id: held / applicable if applicable else None for rule_id, (held, applicable) in self.kept.items()}


PART_ROWS = 100_000
"""Rows of one part of a batch. Each part is sampled from a seed of its own, derived from the batch
seed and the part's place, so parts can be sampled apart, in any order and on any node, and still
give the batch's rows."""


def part_count(count: int, part_rows: int) -> int:
    return -(-count // part_rows)


def part_seed(seed: int, part: int) -> int:
    """The seed of part ``part`` of a batch seeded ``seed``: the batch seed itself for the first part,
    so that a batch of one part samples as a single seeded stream."""
    if part == 0:
        return seed
    return SEED_MIN + int(np.random.SeedSequence([seed, part]).generate_state(1, dtype=np.uint64)[0] % (SEED_MAX - SEED_MIN + 1))


def sample_rows(
    loaded: LoadedModel,
    *,
    count: int,
    seed: int,
    chunk_size: int,
    rules: list,
    spec: dict | None,
    tally: RowsTally,
    given: Conditioning | None = None,
    part_rows: int = PART_ROWS,
    parts: range | None = None,
) -> Iterator[pd.DataFrame]:
    """The typed rows of the ``parts`` (default: all) of ``part_rows`` rows of a batch of ``count``
    rows, in chunks: sampled from the seeded algorithm (on the ``given`` cells when conditioned),
    restored to the real table's values and grids, the ``rules`` kept, the given cells written back,
    the anomalies of ``spec`` injected (each chunk its share of the batch's exact count); counts go
    into ``tally``. Values of unique columns are kept unique across the parts of one call only."""
    profile = loaded.folder.metadata.profile
    total_anomalies = anomaly_count(spec["ratio"], count) if spec else 0
    seen: dict = {}
    draws = 1 if given is None else given.draws
    for part in range(part_count(count, part_rows)) if parts is None else parts:
        done, stop = part * part_rows, min(count, (part + 1) * part_rows)
        own_seed = part_seed(seed, part)
        loaded.algorithm.reseed(own_seed)
        post_rng = np.random.default_rng([own_seed, 1])
        anomaly_rng = np.random.default_rng([own_seed, 2])
        while done < stop:
            n = min(max(1, chunk_size // draws), stop - done)
            chunk = None if given is None else given.chunk(done, n)
            if chunk is None:
                sampled = loaded.algorithm.sample(n)
            else:
                conditions = given.conditions_of(chunk, profile)
                sampled = loaded.algorithm.sample_given(pd.concat([conditions] * draws, ignore_index=True))
            nulls = given is None or not given.fills_nulls
            # Several draws are combined before the rules are kept, so the rows written keep them.
            typed = restore(sampled, profile, rng=post_rng, row_offset=done, n=n * draws, rules=rules if draws == 1 else [], seen=seen, nulls=nulls)
            if draws > 1:
                typed = best_guess(typed, profile, draws)
                keep(typed, rules, profile, post_rng, seen)
            if chunk is not None:
                write_back(typed, chunk)
            normal = np.ones(n, dtype=bool)
            counts: dict[str, int] = {}
            if spec is not None:
                k = total_anomalies * (done + n) // count - total_anomalies * done // count
                counts, anomalous = inject(typed, spec, k, profile, anomaly_rng, rules)
                normal[anomalous] = False
            tally.add(counts, kept_shares(rules, typed, normal, seen))
            remember(seen, rules, typed)
            done += n
            yield typed


def encoded(chunks: Iterable[pd.DataFrame], encoder: CsvEncoder | ParquetEncoder, *, first: bool = True) -> Iterator[tuple[int, object]]:
    """Each chunk's rows and its encoding; ``first``: whether the first chunk begins the file."""
    for typed in chunks:
        yield len(typed), encoder(typed, first=first)
        first = False


def _tallied(parts: Iterator[SampledPart], tally: RowsTally, nodes: set[str]) -> Iterator[tuple[int, object]]:
    """The encoded chunks of parts sampled elsewhere, their counts added to ``tally`` and their nodes to ``nodes``."""
    for part in parts:
        tally.add(part.anomaly_kinds, part.kept)
        nodes.add(part.node)
        yield from part.chunks


def check_sample_arguments(count: object, chunk_size: object, seed: object) -> None:
    """``count`` may be None when a table of given rows sets it."""
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise EngineError("invalid_arguments", f"--count must be a positive integer (got {count!r})")
    check_positive("--chunk-size", chunk_size)
    if seed is not None and not is_seed(seed):
        raise EngineError("invalid_arguments", f"--seed must be an integer between {SEED_MIN} and {SEED_MAX} (got {seed!r})")


def check_positive(flag: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise EngineError("invalid_arguments", f"{flag} must be a positive integer (got {value!r})")


@dataclass(frozen=True)
class SampleRequest:
    """A sampling request checked against its loaded model: what sample_rows needs."""

    loaded: LoadedModel
    rules: list
    spec: dict | None
    seed: int
    count: int
    given: Conditioning | None


def checked_conditioning(
    profile: Profile, *, algorithm: type[Algorithm], count: int | None, seed: int, conditions: object, partial_rows: object, shares: object, impute: object
) -> tuple[Conditioning | None, int]:
    """The conditioning checked against the model's profile and its algorithm's catalogue entry,
    and the number of rows it gives (``count``, or the rows of a table of given rows)."""
    given = conditioning(
        profile,
        algorithm=algorithm,
        count=count,
        seed=seed,
        conditions=load_json_argument(conditions, "conditions", code="invalid_arguments"),
        partial_rows=partial_rows,
        shares=load_json_argument(shares, "shares", code="invalid_arguments"),
        impute=impute,
    )
    if given is not None:
        return given, given.rows
    if count is None:
        raise EngineError("invalid_arguments", "--count is required")
    return None, count


def prepare_sample(
    *,
    model: str,
    count: int | None,
    seed: int | None,
    chunk_size: int,
    anomalies: object,
    rules_off: list[str] | None,
    conditions: object,
    partial_rows: object,
    shares: object,
    impute: object,
    load: Callable[[str], LoadedModel],
) -> SampleRequest:
    """Checks the arguments, loads the model and checks the anomalies, rules and conditions against
    it; a missing seed is drawn, a missing count comes from the table of given rows."""
    check_sample_arguments(count, chunk_size, seed)
    anomalies_raw = load_json_argument(anomalies, "anomalies", code="invalid_anomalies")
    loaded = load(model)
    profile = loaded.folder.metadata.profile
    rules = rules_on(profile, rules_off)
    spec = parse_spec(anomalies_raw, profile, rules)
    seed = drawn_seed(seed)
    given, count = checked_conditioning(
        profile,
        algorithm=type(loaded.algorithm),
        count=count,
        seed=seed,
        conditions=conditions,
        partial_rows=partial_rows,
        shares=shares,
        impute=impute,
    )
    return SampleRequest(loaded=loaded, rules=rules, spec=spec, seed=seed, count=count, given=given)


def label_columns(spec: dict | None) -> list[tuple]:
    """The columns an anomalies spec adds to the written rows, with their Arrow types."""
    if spec is None:
        return []
    import pyarrow as pa

    return [(name, dtype) for name, dtype in ((spec["label_column"], pa.bool_()), (spec["kind_column"], pa.string())) if name]


def drawn_seed(seed: int | None) -> int:
    """``seed``, or a random one when it is None."""
    return secrets.randbelow(2**31) if seed is None else seed


def generate(
    *,
    model: str,
    count: int | None,
    output: str,
    format: str | None = None,  # noqa: A002
    anomalies: object = None,
    seed: int | None = None,
    chunk_size: int = CHUNK_SIZE,
    part_rows: int | None = None,
    rules_off: list[str] | None = None,
    conditions: object = None,
    partial_rows: object = None,
    shares: object = None,
    impute: object = None,
    on_event: EventCallback = ignore,
    load: Callable[[str], LoadedModel] = load_model,
) -> dict:
    """``load``: how the model is loaded (the engine worker passes its cache of loaded models)."""
    clock = Stopwatch()
    out_path = Path(output)
    fmt = format or ("parquet" if out_path.suffix.lower() in (".parquet", ".pq") else "csv")
    if fmt not in FORMATS:
        raise EngineError("invalid_arguments", f"--format must be one of {', '.join(FORMATS)} (got {fmt!r})")
    part_rows = PART_ROWS if part_rows is None else part_rows
    check_positive("--part-rows", part_rows)
    arguments = {
        "model": model,
        "count": count,
        "seed": seed,
        "chunk_size": chunk_size,
        "anomalies": anomalies,
        "rules_off": rules_off,
        "conditions": conditions,
        "partial_rows": partial_rows,
        "shares": shares,
        "impute": impute,
    }
    request = prepare_sample(**arguments, load=load)
    loaded, rules, spec, seed, count, given = request.loaded, request.rules, request.spec, request.seed, request.count, request.given
    folder = loaded.folder
    profile = folder.metadata.profile
    load_seconds = clock.elapsed()
    started = {"event": "started", "model": str(model), "algorithm": folder.metadata.algorithm, "rows": count, "format": fmt, "seed": seed}
    if given is not None:
        started["conditioning"] = given.kind
    on_event(started)

    encoder = ENCODERS[fmt](profile, label_columns(spec))
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        partial = out_path.with_name(f".{out_path.name}.partial-{os.getpid()}")
        sink = SINKS[fmt](partial, encoder)
    except OSError as exc:
        raise EngineError("output_unwritable", f"cannot write {output}: {exc.strerror}") from None

    tally = RowsTally(anomaly_kinds={}, kept={r["id"]: [0, 0] for r in rules})
    parts = part_count(count, part_rows)
    nodes: set[str] = set()
    if fan_out_requested() and parts > 1 and not remembered(rules):
        # The drawn seed and the count a table of given rows set, so that every part has them.
        parts_request = PartsRequest(arguments={**arguments, "seed": seed, "count": count}, part_rows=part_rows, format=fmt)
        chunks = _tallied(sampled_parts(sample_part, parts_request, parts), tally, nodes)
    else:
        rows = sample_rows(loaded, count=count, seed=seed, chunk_size=chunk_size, rules=rules, spec=spec, tally=tally, given=given, part_rows=part_rows)
        chunks = encoded(rows, encoder)
    done = 0
    try:
        for n, chunk in chunks:
            sink.write(chunk)
            done += n
            on_event({"event": "progress", "stage": "sample", "rows": done, "total": count, "elapsed_s": clock.elapsed()})
        sink.close()
        if done != count:
            raise EngineError("internal_error", f"{done} rows were sampled of the {count} asked for; nothing was written")
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
        "anomalies": sum(tally.anomaly_kinds.values()),
        "anomaly_kinds": tally.anomaly_kinds,
        "rules_kept": tally.rules_kept(),
        "output": str(out_path),
        "bytes": out_path.stat().st_size,
        "format": fmt,
        "seed": seed,
        "parts": parts,
        "nodes": len(nodes) or None,
        "seconds": seconds,
        "load_seconds": load_seconds,
        "sample_seconds": sample_seconds,
        "rows_per_second": round(count / sample_seconds, 1) if sample_seconds else None,
    }
    on_event(completed)
    return completed


_loaded: dict = {}
"""The models a Ray task worker has loaded, by folder: a worker samples many parts of one batch."""


def sample_part(request: PartsRequest, part: int) -> SampledPart:
    """Runs in a Ray task: part ``part`` of the batch, sampled and encoded on this task's CPUs."""
    import ray
    import torch

    def cached(model: str) -> LoadedModel:
        if model not in _loaded:
            _loaded.clear()
            _loaded[model] = load_model(model)
        return _loaded[model]

    checked = prepare_sample(**request.arguments, load=cached)
    torch.set_num_threads(max(1, int(task_cpus())))
    tally = RowsTally(anomaly_kinds={}, kept={r["id"]: [0, 0] for r in checked.rules})
    chunks = sample_rows(
        checked.loaded,
        count=checked.count,
        seed=checked.seed,
        chunk_size=request.arguments["chunk_size"],
        rules=checked.rules,
        spec=checked.spec,
        tally=tally,
        given=checked.given,
        part_rows=request.part_rows,
        parts=range(part, part + 1),
    )
    encoder = ENCODERS[request.format](checked.loaded.folder.metadata.profile, label_columns(checked.spec))
    written = list(encoded(chunks, encoder, first=part == 0))
    return SampledPart(chunks=written, anomaly_kinds=tally.anomaly_kinds, kept=tally.kept, node=ray.get_runtime_context().get_node_id())
