"""TabularARGN (mostlyai-engine, Apache-2.0) as a catalogue algorithm.

mostlyai-engine works over a workspace folder (split -> analyze -> encode -> train -> generate).
The workspace lives inside the model folder (``<model>/workspace``); after training only its
``ModelStore`` (column statistics, weights, model configs, progress messages) is kept: the copy of
the training data and the encoded data are deleted. ``model.json`` lists every kept file with its
sha256 (metadata.json records the sha256 of model.json, as it does of model.pkl for SDV), so a
changed workspace file is detected before loading.

Each model column gets an encoding type chosen from its profile by ``choose_encodings`` (one rule
per kind, each with the reason recorded in metadata.json under ``encodings``); id and constant
columns are not learned.

Nothing here imports mostlyai/torch at module level; the environment is made offline before the
first import (TabularARGN needs no downloaded model).
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
import time
import weakref
import zlib
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from ._algorithm import MAX_CATEGORIES, Algorithm, Setting, file_sha256, given_patterns
from ._device import torch_device
from ._errors import EngineError
from ._table_profile import ColumnProfile, Profile

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from ._events import EventCallback

WORKSPACE = "workspace"
_KEEP = "ModelStore"
_DROP_FROM_MODEL_DATA = ("optimizer.pt", "lr-scheduler.pt", "dp-accountant.pt")
_MODEL_SIZES = {"small": "MOSTLY_AI/Small", "medium": "MOSTLY_AI/Medium", "large": "MOSTLY_AI/Large"}
DISCRETE_MAX_VALUES = 100
"""A numeric column whose values are a set (see _grid) of at most this many is learned as those values."""
DIGIT_MAX_POSITIONS = 5
"""A numeric column written with at most this many digit positions is learned digit by digit."""
CHARACTER_MAX_LENGTH = 50
"""mostlyai-engine's character encoding keeps this many characters."""
PARENT_KEY = "__doppel_parent"
"""The context key of a child table's model: the position of the parent row a child row belongs to."""
_OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_DATASETS_OFFLINE": "1", "HF_HUB_DISABLE_TELEMETRY": "1"}


def _engine():
    """Import mostlyai.engine with the process made offline first."""
    for key, value in _OFFLINE.items():
        os.environ[key] = value
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import mostlyai.engine as engine

    return engine


class _Progress:
    """mostlyai's progress callback -> the engine's per-epoch ``fit`` events."""

    def __init__(self, on_event: EventCallback, epochs: int, with_dp: bool):
        self._on_event = on_event
        self._epochs = epochs
        self._with_dp = with_dp
        self._started = time.perf_counter()
        self.last: dict = {}
        self.epoch = 0

    def __call__(self, total=None, completed=None, advance=None, message=None, **_kwargs):
        if not isinstance(message, dict) or message.get("val_loss") is None:
            return None  # mid-epoch messages carry no validation loss: report whole epochs only
        epoch = round(float(message.get("epoch") or 0))
        if epoch <= self.epoch:
            return None
        self.epoch = epoch
        event = {"event": "progress", "stage": "fit", "epoch": epoch, "epochs": self._epochs, "loss": float(message["val_loss"])}
        if message.get("trn_loss") is not None:
            event["train_loss"] = float(message["trn_loss"])
        if self._with_dp and message.get("dp_eps") is not None:
            event["dp_epsilon"] = float(message["dp_eps"])
        event["elapsed_s"] = round(time.perf_counter() - self._started, 3)
        self.last = event
        self._on_event(event)
        return None


class TabularArgnAlgorithm(Algorithm):
    name = "TabularARGN"
    library = "mostlyai-engine"
    licence = "Apache-2.0"
    description = (
        "Autoregressive neural network for tables (mostlyai-engine TabularARGN). High fidelity on mixed-type tables; "
        "trains until max_epochs, max_training_time or early stopping on the validation loss; optional differential privacy (DP-SGD)."
    )
    supports_differential_privacy = True
    requires = ("mostlyai.engine",)
    requirement_label = "mostlyai-engine"
    conditioning = ("fixed", "partial_rows", "rebalance", "impute")
    model_file = "model.json"
    extra_files = (WORKSPACE,)
    relational: ClassVar[dict[str, bool]] = {"linkedTables": True, "sequences": True, "compositeKeys": True}
    settings: ClassVar[tuple[Setting, ...]] = (
        Setting("max_epochs", "integer", 100, "Upper limit of training epochs (passes over the data).", minimum=1, maximum=10_000),
        Setting(
            "max_training_time",
            "number",
            10.0,
            "Upper limit of training time in minutes; training stops after the epoch step that passes it.",
            minimum=0.01,
            maximum=14_400.0,
        ),
        Setting("batch_size", "integer", None, "Rows per training step; null lets the engine choose (data size, memory).", minimum=1, maximum=100_000),
        Setting(
            "value_protection",
            "boolean",
            True,
            "Rare-category and extreme-value protection: categories seen in too few rows are not learned (generated as "
            "frequent ones instead) and numeric/datetime ranges are learned up to protected quantiles, not the extremes.",
        ),
        Setting(
            "enable_flexible_generation",
            "boolean",
            False,
            "Train on random column orders (allows conditional generation in any column order; slightly lower fidelity).",
        ),
        Setting("model_size", "string", "medium", "Network size.", allowed=("small", "medium", "large")),
        MAX_CATEGORIES,
    )
    differential_privacy_settings: ClassVar[tuple[Setting, ...]] = (
        Setting(
            "max_epsilon",
            "number",
            10.0,
            "Privacy budget: training stops before the spent ε exceeds it; only checkpoints within it are kept.",
            minimum=0.01,
            maximum=10_000.0,
        ),
        Setting("delta", "number", 1e-5, "δ of the (ε, δ) guarantee; should be well below 1 / number of rows.", minimum=0.0, maximum=0.5),
        Setting(
            "noise_multiplier",
            "number",
            1.5,
            "Standard deviation of the Gaussian noise relative to the clipping norm (more noise: less ε per epoch).",
            minimum=0.1,
            maximum=100.0,
        ),
        Setting("max_grad_norm", "number", 1.0, "Clipping norm of each row's gradient.", minimum=0.01, maximum=1_000.0),
    )

    def __init__(self, settings: dict, seed: int):
        super().__init__(settings, seed)
        self._folder: Path | None = None
        self._profile: Profile | None = None
        self._columns: list[str] = []
        self._datetimes: list[str] = []
        self._parent_columns: list[str] = []
        self._parent_datetimes: list[str] = []
        self._sample_seed = seed
        self._chunk = 0
        self._generation: _Generation | None = None

    # ---- training
    def prepare(self, *, profile: Profile, folder: Path) -> None:
        self._profile = profile
        self._folder = folder

    def fit(self, frame: pd.DataFrame, sdtypes: dict[str, str], on_event: EventCallback) -> dict:
        self._columns = list(frame.columns)
        if not sdtypes:
            on_event({"event": "progress", "stage": "fit", "step": 1, "steps": 1, "elapsed_s": 0.0})
            return {}
        if self._folder is None or self._profile is None:
            raise RuntimeError("prepare() must be called before fit()")
        on_event({"event": "progress", "stage": "preprocess", "elapsed_s": 0.0})
        engine = _engine()
        self.encodings = choose_encodings(self._profile, list(frame.columns))
        types = {name: encoding["type"] for name, encoding in self.encodings.items()}
        self._datetimes = [name for name, kind in types.items() if kind == "TABULAR_DATETIME"]
        data = _with_datetimes(frame, self._datetimes)
        context: dict = {}
        if self.context is not None:
            parent_types = {name: encoding["type"] for name, encoding in choose_encodings(self.context.profile, list(self.context.frame.columns)).items()}
            self._parent_columns = list(self.context.frame.columns)
            self._parent_datetimes = [name for name, kind in parent_types.items() if kind == "TABULAR_DATETIME"]
            data[PARENT_KEY] = self.context.parent_of
            context = {
                "ctx_data": self._parents(self.context.frame),
                "ctx_primary_key": PARENT_KEY,
                "tgt_context_key": PARENT_KEY,
                "ctx_encoding_types": parent_types,
            }
        ws = self._folder / WORKSPACE
        shutil.rmtree(ws, ignore_errors=True)
        s = self.settings
        dp = self.differential_privacy
        progress = _Progress(on_event, s["max_epochs"], dp is not None)
        if dp is not None:
            from mostlyai.engine.domain import DifferentialPrivacyConfig

            dp = DifferentialPrivacyConfig(**dp)
        try:
            engine.set_random_state(self.seed)
            engine.split(tgt_data=data, tgt_encoding_types=types, model_type="TABULAR", workspace_dir=ws, **context)
            del data, context
            engine.analyze(value_protection=s["value_protection"], differential_privacy=dp, workspace_dir=ws)
            engine.encode(workspace_dir=ws)
            engine.train(
                model=_MODEL_SIZES[s["model_size"]],
                max_training_time=s["max_training_time"],
                max_epochs=s["max_epochs"],
                batch_size=s["batch_size"],
                enable_flexible_generation=s["enable_flexible_generation"],
                differential_privacy=dp,
                device=torch_device(),
                workspace_dir=ws,
                update_progress=progress,
            )
        finally:
            shutil.rmtree(ws / "OriginalData", ignore_errors=True)  # the copy of the real rows
        model_data = ws / _KEEP / "model-data"
        for name in _DROP_FROM_MODEL_DATA:
            (model_data / name).unlink(missing_ok=True)
        self.epochs_trained = progress.epoch
        if dp is not None:
            self.privacy_spent = _privacy_spent(model_data / "progress-messages.csv", self.differential_privacy)
            spent, budget = self.privacy_spent["epsilon"], self.differential_privacy["max_epsilon"]
            if spent is not None and spent > budget:  # stopped before the first epoch within budget
                raise EngineError(
                    "invalid_setting",
                    f"differential privacy: the kept model spent epsilon={spent:.3g}, above max_epsilon={budget:g} "
                    "(the budget is too small for even one training epoch on this data); raise max_epsilon or noise_multiplier",
                )
        return {"loss": progress.last["loss"]} if progress.last else {}

    # ---- saving / loading
    def save(self, folder: Path) -> Path:
        ws = folder / WORKSPACE
        files = sorted(p for p in ws.rglob("*") if p.is_file())
        manifest = {
            "doppel_algorithm": self.name,
            "columns": self._columns,
            "datetimes": self._datetimes,
            "parent_columns": self._parent_columns,
            "parent_datetimes": self._parent_datetimes,
            "workspace": WORKSPACE,
            "files": {str(p.relative_to(folder)): file_sha256(p) for p in files},
        }
        path = folder / self.model_file
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
        tmp.replace(path)
        return path

    @classmethod
    def load(cls, folder: Path, settings: dict, seed: int) -> Algorithm:
        manifest = json.loads((folder / cls.model_file).read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or manifest.get("doppel_algorithm") != cls.name:
            raise ValueError("model file does not hold a Doppel model of this algorithm")
        for rel, digest in manifest["files"].items():
            path = folder / rel
            if not path.is_file() or file_sha256(path) != digest:
                raise ValueError(f"workspace file {rel} is missing or changed since training")
        _engine()  # import now: model loading, not the first chunk, pays for it
        algo = cls(settings, seed)
        algo._folder = folder
        algo._columns = manifest["columns"]
        algo._datetimes = manifest["datetimes"]
        algo._parent_columns = manifest.get("parent_columns", [])
        algo._parent_datetimes = manifest.get("parent_datetimes", [])
        return algo

    # ---- sampling
    def reseed(self, seed: int) -> None:
        self._sample_seed = seed
        self._chunk = 0

    def sample(self, n: int) -> pd.DataFrame:
        return self._generate(n, None)

    def sample_given(self, given: pd.DataFrame) -> pd.DataFrame:
        """mostlyai-engine's seeded generation: the columns with a given cell are the seed, generated
        first; their empty cells are imputed (``imputation``), so they are never left null. A model
        trained without flexible generation keeps the table's column order: its seed is every
        column up to the last given one, so a given value informs only the columns after it."""
        import pandas as pd

        given = given.reset_index(drop=True)[[c for c in self._columns if c in given]]
        parts = []
        # mostlyai-engine regroups seed rows by their pattern of empty cells and does not say which
        # output row is which: one call per pattern keeps the rows in order.
        for rows, known in given_patterns(given):
            if known and not self.settings.get("enable_flexible_generation"):
                known = self._columns[: self._columns.index(known[-1]) + 1]
            seed = given.loc[rows, known].reset_index(drop=True)
            for name in known:
                if name in self._datetimes:
                    seed[name] = pd.to_datetime(seed[name], unit="s")
            parts.append(self._generate(len(rows), seed).set_axis(rows))
        return pd.concat(parts).sort_index().reset_index(drop=True)

    def sample_children(self, parents: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
        """The rows of every parent in ``parents`` (the parent's training-frame columns), their
        number and order sampled as learned: each row's parent position, and the rows."""
        import numpy as np
        import pandas as pd

        sampled = self._run({"ctx_data": self._parents(parents)}) if len(parents) else pd.DataFrame()
        if PARENT_KEY not in sampled:
            return np.zeros(0, dtype=np.int64), self._model_frame(pd.DataFrame())
        return sampled[PARENT_KEY].to_numpy(dtype=np.int64), self._model_frame(sampled)

    def _parents(self, frame: pd.DataFrame) -> pd.DataFrame:
        """A parent's training-frame rows as mostlyai-engine's context data, keyed by position."""
        data = _with_datetimes(frame[self._parent_columns], self._parent_datetimes).reset_index(drop=True)
        data[PARENT_KEY] = range(len(data))
        return data

    def _generate(self, n: int, seed: pd.DataFrame | None) -> pd.DataFrame:
        import pandas as pd

        if not self._columns or self._folder is None or not (self._folder / WORKSPACE / _KEEP).is_dir():
            return pd.DataFrame(index=range(n))
        options: dict = {"sample_size": n}
        if seed is not None and len(seed.columns):
            imputed = [c for c in seed.columns if seed[c].isna().any()]
            options = {"seed_data": seed, "imputation": {"columns": imputed} if imputed else None}
        return self._model_frame(self._run(options)).head(n).reset_index(drop=True)

    def _run(self, options: dict) -> pd.DataFrame:
        if self._generation is None:
            self._generation = _Generation(self._folder / WORKSPACE / _KEEP)
        # One seed per chunk, derived from the generate seed and the chunk's position.
        chunk_seed = zlib.crc32(f"{self._sample_seed}:{self._chunk}".encode()) & 0x7FFFFFFF
        self._chunk += 1
        return self._generation.run(chunk_seed, options)

    def _model_frame(self, sampled: pd.DataFrame) -> pd.DataFrame:
        """mostlyai-engine's rows in the training frame's plain form (datetimes as epoch seconds)."""
        import numpy as np
        import pandas as pd

        n = len(sampled)
        out = {}
        for name in self._columns:
            if name not in sampled:
                out[name] = np.full(n, np.nan)
                continue
            column = sampled[name]
            if name in self._datetimes:
                parsed = pd.to_datetime(column, errors="coerce")
                seconds = (parsed - pd.Timestamp(0)).dt.total_seconds()
                out[name] = seconds.to_numpy(dtype=float, na_value=np.nan)
            elif pd.api.types.is_numeric_dtype(column.dtype) and not pd.api.types.is_bool_dtype(column.dtype):
                out[name] = pd.to_numeric(column, errors="coerce").astype(float).to_numpy()
            else:
                values = column.astype(object)
                out[name] = values.where(column.notna(), None).to_numpy()
        return pd.DataFrame(out, index=range(n))


def _with_datetimes(frame: pd.DataFrame, datetimes: list[str]) -> pd.DataFrame:
    """A copy of ``frame`` whose ``datetimes`` columns (epoch seconds) are timestamps, as the engine learns them;
    seconds no timestamp can hold (infinite, or beyond the years 1677–2262) are unknown rather than an error."""
    import pandas as pd

    data = frame.copy()
    lowest, highest = pd.Timestamp.min.ceil("s").timestamp(), pd.Timestamp.max.floor("s").timestamp()
    for name in datetimes:
        seconds = pd.to_numeric(data[name], errors="coerce").astype(float)
        data[name] = pd.to_datetime(seconds.where(seconds.between(lowest, highest)), unit="s")
    return data


_ACTIVE: ContextVar[_Generation | None] = ContextVar("doppel_argn_generation", default=None)
_MT_ARRAY = slice(24, 24 + 624 * 8)
"""Where torch's CPU generator state holds its Mersenne-Twister array (after the seed, left, seeded and next fields)."""
_MAX_BUILD_WORDS = 20_000_000


class _Generation:
    """mostlyai-engine's generation set-up for one loaded model, done by its first sample call and
    kept with the model for the others.

    mostlyai-engine's ``generate()`` reads the model's configs and column statistics, builds the
    network and loads its weights on every call, and writes its rows to parquet files in a
    workspace. Inside ``run``, its ``load_model_artifacts`` and ``create_and_load_model`` answer
    from what the first call made and ``persist_data_part`` hands the rows over in memory (see
    ``_install_hooks``). Building the network draws its initial weights from torch's generator
    before the weights are loaded; a reused network draws as many words instead, so a seed gives
    the rows it gave when every call built the network (where the build leaves a state that words
    alone do not reach, every call samples as if the build drew nothing: same seed, same rows,
    other rows than a build per call gave)."""

    def __init__(self, store: Path):
        _install_hooks()
        self.workspace = Path(tempfile.mkdtemp(prefix="doppel-argn-"))
        weakref.finalize(self, shutil.rmtree, self.workspace, True)
        # generate() writes SyntheticData/ into its workspace: a scratch workspace points at the
        # model's (read-only) ModelStore instead of writing into the model folder.
        (self.workspace / _KEEP).symlink_to(store.resolve(), target_is_directory=True)
        self.artifacts: tuple | None = None
        self.model = None
        self.build_words: int | None = None
        self.parts: list[pd.DataFrame] = []

    def run(self, seed: int, options: dict) -> pd.DataFrame:
        import pandas as pd
        from mostlyai.engine._tabular.generation import generate

        engine = _engine()
        self.parts = []
        token = _ACTIVE.set(self)
        try:
            engine.set_random_state(seed)
            generate(**options, rare_category_replacement_method="SAMPLE", device=torch_device(), workspace_dir=self.workspace)
        finally:
            _ACTIVE.reset(token)
        parts, self.parts = self.parts, []
        return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()

    def model_for(self, build: Callable[[], object]) -> object:
        import torch

        if self.model is None:
            before = torch.get_rng_state()
            self.model = build()
            after = torch.get_rng_state()
            self.build_words = _words_drawn(before, after)
            torch.set_rng_state(after if self.build_words is not None else before)
        elif self.build_words:
            torch.empty(self.build_words, dtype=torch.float32).uniform_()
        return self.model


def _words_drawn(before, after) -> int | None:
    """How many 32-bit words torch's CPU generator drew from state ``before`` to state ``after``;
    None when ``after`` is not reached by drawing words alone. The Mersenne-Twister array changes
    once every 624 words: whole blocks find the block, single words the place within it."""
    import torch

    def draw(n: int) -> None:
        torch.empty(n, dtype=torch.float32).uniform_()  # one word per float

    torch.set_rng_state(before)
    drawn = 0
    while not torch.equal(torch.get_rng_state()[_MT_ARRAY], after[_MT_ARRAY]):
        if drawn > _MAX_BUILD_WORDS:
            return None
        draw(624)
        drawn += 624
    torch.set_rng_state(before)
    start = max(drawn - 624, 0)
    draw(start)
    for words in range(start, drawn + 625):
        if torch.equal(torch.get_rng_state(), after):
            return words
        draw(1)
    return None


def _install_hooks() -> None:
    """Route three functions of mostlyai-engine's generation module through the active
    ``_Generation``; outside ``_Generation.run`` they do what they did."""
    from mostlyai.engine import _common
    from mostlyai.engine._tabular import common, generation

    if getattr(generation, "_doppel_hooks", False):
        return

    def load_model_artifacts(workspace):
        active = _ACTIVE.get()
        if active is None:
            return common.load_model_artifacts(workspace)
        if active.artifacts is None:
            active.artifacts = common.load_model_artifacts(workspace)
        return active.artifacts

    def create_and_load_model(**kwargs):
        active = _ACTIVE.get()
        if active is None:
            return common.create_and_load_model(**kwargs)
        return active.model_for(lambda: common.create_and_load_model(**kwargs))

    def persist_data_part(df, output_path, infix):
        active = _ACTIVE.get()
        if active is None:
            return _common.persist_data_part(df, output_path, infix)
        active.parts.append(df)
        return None

    generation.load_model_artifacts = load_model_artifacts
    generation.create_and_load_model = create_and_load_model
    generation.persist_data_part = persist_data_part
    generation._doppel_hooks = True


def choose_encodings(profile: Profile, columns: list[str]) -> dict[str, dict]:
    """The mostlyai-engine encoding type of each model column, with the reason, from the profile."""
    by_name = profile.by_name()
    return {name: _encoding(by_name[name]) for name in columns}


def _encoding(prof: ColumnProfile) -> dict:
    kind = prof.type
    if kind in ("integer", "float"):
        return _numeric_encoding(prof)
    if kind == "datetime":
        if prof.resolution >= 86_400:
            return {"type": "TABULAR_DATETIME", "reason": "dates without a time: learned by year, month and day"}
        return {"type": "TABULAR_DATETIME", "reason": f"date and time to {prof.resolution:g} s: learned by date and time parts"}
    if kind == "boolean":
        return {"type": "TABULAR_CATEGORICAL", "reason": "two values: learned as categories"}
    counts = prof.weights
    longest = max((len(c) for c in prof.categories), default=0)
    mostly_unique = prof.categories_complete and prof.n_unique * 2 >= sum(counts)
    if kind == "text" and mostly_unique and prof.kept == prof.n_unique and longest <= CHARACTER_MAX_LENGTH:
        return {
            "type": "TABULAR_CHARACTER",
            "reason": f"free text, {prof.n_unique} distinct values of up to {longest} characters, most seen once: learned character by character",
        }
    if prof.kept < prof.n_unique:
        reason = f"{prof.n_unique} distinct values: the {prof.kept} most frequent learned as categories, the rest drawn back by frequency"
    else:
        reason = f"{prof.n_unique} distinct values: learned as categories"
    return {"type": "TABULAR_CATEGORICAL", "reason": reason}


def _numeric_encoding(prof: ColumnProfile) -> dict:
    support = prof.support or {}
    if support.get("kind") == "set" and len(support["values"]) <= DISCRETE_MAX_VALUES:
        return {"type": "TABULAR_NUMERIC_DISCRETE", "reason": f"{len(support['values'])} distinct values: learned as that set of values"}
    largest = max(abs(prof.min), abs(prof.max), 1.0)
    positions = math.floor(math.log10(largest)) + 1 + prof.decimals
    decimals = f"{prof.decimals} decimal" + ("" if prof.decimals == 1 else "s")
    span = f"{positions} digit positions ({prof.min:g} to {prof.max:g}, {decimals})"
    on_grid = support.get("kind") == "grid"
    if positions <= DIGIT_MAX_POSITIONS:
        return {"type": "TABULAR_NUMERIC_DIGIT", "reason": f"{span}: learned digit by digit" + (", which keeps its round amounts" if on_grid else "")}
    return {
        "type": "TABULAR_NUMERIC_BINNED",
        "reason": f"{span}: too many to learn digit by digit; learned in quantile bins" + (", then put back on its grid" if on_grid else ""),
    }


def _privacy_spent(progress_csv: Path, dp: dict) -> dict:
    """The (ε, δ) of the kept checkpoint, as mostlyai-engine accounted it (DP-SGD via Opacus' RDP
    accountant plus the ε of the DP value protection in the analysis)."""
    import pandas as pd

    delta = dp["delta"]
    if not progress_csv.is_file():
        return {"epsilon": None, "delta": delta}
    messages = pd.read_csv(progress_csv)
    if "dp_eps" not in messages:
        return {"epsilon": None, "delta": delta}
    kept = messages[messages.get("is_checkpoint", 0) == 1] if "is_checkpoint" in messages else messages
    rows = kept if len(kept) else messages
    row = rows.iloc[-1]
    epsilon = row.get("dp_eps")
    if "dp_delta" in row and pd.notna(row["dp_delta"]):
        delta = float(row["dp_delta"])
    return {"epsilon": None if pd.isna(epsilon) else float(epsilon), "delta": delta}


ALGORITHMS = (TabularArgnAlgorithm,)
