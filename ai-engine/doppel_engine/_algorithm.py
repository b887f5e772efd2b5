"""What an algorithm is: its settings and the operations every engine module implements.

Engine modules (_sdv.py, _mostlyai.py) define Algorithm subclasses and list them in ``ALGORITHMS``;
_catalogue.py collects them. Nothing here imports an engine.
"""

from __future__ import annotations

import hashlib
import shutil
from abc import ABC, abstractmethod
from dataclasses import dataclass
from importlib import metadata as _metadata
from importlib import util as _importlib_util
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from ._errors import EngineError

if TYPE_CHECKING:  # pandas costs ~0.4 s to import; describe.py does not need it
    import numpy as np
    import pandas as pd

    from ._events import EventCallback
    from ._table_profile import Profile


@dataclass(frozen=True)
class Setting:
    name: str
    type: str  # integer | number | boolean | string
    default: Any
    description: str
    minimum: float | None = None
    maximum: float | None = None
    allowed: tuple[str, ...] | None = None
    multiple_of: int | None = None

    def to_json(self) -> dict:
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        if self.multiple_of is not None:
            out["multipleOf"] = self.multiple_of
        if self.allowed is not None:
            out["allowed"] = list(self.allowed)
        out["default"] = self.default
        out["description"] = self.description
        return out

    def check(self, value: Any) -> Any:
        def bad(why: str) -> EngineError:
            return EngineError("invalid_setting", f"setting '{self.name}' {why} (got {value!r})")

        if value is None and self.default is None:  # optional setting left to the library
            return None

        if self.type == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                raise bad("must be an integer")
        elif self.type == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise bad("must be a number")
            value = float(value)
        elif self.type == "boolean":
            if not isinstance(value, bool):
                raise bad("must be true or false")
        elif self.type == "string":
            if not isinstance(value, str):
                raise bad("must be a string")
            if self.allowed is not None and value not in self.allowed:
                raise bad(f"must be one of {', '.join(self.allowed)}")
        if self.minimum is not None and value < self.minimum:
            raise bad(f"must be at least {self.minimum}")
        if self.maximum is not None and value > self.maximum:
            raise bad(f"must be at most {self.maximum}")
        if self.multiple_of is not None and value % self.multiple_of != 0:
            raise bad(f"must be a multiple of {self.multiple_of}")
        return value


@dataclass(frozen=True)
class MultipleOf:
    """Cross-setting rule: ``setting`` must be a multiple of the value of setting ``of``."""

    setting: str
    of: str
    message: str

    def to_json(self) -> dict:
        return {"rule": "multipleOf", "setting": self.setting, "of": self.of, "message": self.message}

    def check(self, values: dict) -> None:
        if values[self.setting] % values[self.of] != 0:
            raise EngineError(
                "invalid_setting",
                f"{self.message} (batch_size={values[self.setting]}, {self.of}={values[self.of]})" if self.setting == "batch_size" else self.message,
            )


@dataclass(frozen=True)
class ParentRows:
    """What a child table is learned under: its context parent's rows (the parent's training frame
    and profile) and, for each child row, the position of its parent row."""

    frame: pd.DataFrame
    profile: Profile
    parent_of: np.ndarray


def given_patterns(given: pd.DataFrame):
    """The rows of ``given`` grouped by which columns hold a value: (row labels, those columns)."""
    for pattern, rows in given.notna().groupby(list(given.columns), sort=False).groups.items():
        flags = pattern if isinstance(pattern, tuple) else (pattern,)
        yield rows, [c for c, present in zip(given.columns, flags, strict=True) if present]


def file_sha256(path: Path) -> str:
    """The hex sha256 of a file an algorithm saved, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


MAX_CATEGORIES = Setting(
    "max_categories",
    "integer",
    500,
    "Categorical/text columns with more distinct values keep this many levels (the most frequent) in the "
    "model; rarer values are drawn back by their real frequency. Bounds memory on high-cardinality columns.",
    minimum=2,
    maximum=100_000,
)


class Algorithm(ABC):
    """A synthesizer the engine can train, save, load and sample from."""

    name: ClassVar[str]
    library: ClassVar[str]
    licence: ClassVar[str]
    description: ClassVar[str]
    supports_differential_privacy: ClassVar[bool] = False
    settings: ClassVar[tuple[Setting, ...]]
    # The keys of the train config's "differential_privacy" object (empty: no DP support).
    differential_privacy_settings: ClassVar[tuple[Setting, ...]] = ()
    constraints: ClassVar[tuple[MultipleOf, ...]] = ()
    model_file: ClassVar[str] = "model.pkl"
    extra_files: ClassVar[tuple[str, ...]] = ()  # other files/folders of the model in its folder
    # Import names that must be installed for the algorithm to be offered, and how to name them.
    requires: ClassVar[tuple[str, ...]] = ()
    requirement_label: ClassVar[str] = ""
    # The kinds of conditioning (_conditions.KINDS) ``sample_given`` serves.
    conditioning: ClassVar[tuple[str, ...]] = ()
    # What it learns of a database (train_database.py): children under their parent rows
    # (``context``, ``sample_children``), ordered sequences, keys of several columns.
    relational: ClassVar[dict[str, bool]] = {"linkedTables": False, "sequences": False, "compositeKeys": False}
    # False: it learns a whole database as one model (train_database.py only), never one table.
    single_table: ClassVar[bool] = True

    @classmethod
    def available(cls) -> bool:
        """Whether the libraries it needs are installed (checked without importing them)."""
        return all(_importlib_util.find_spec(module) is not None for module in cls.requires)

    # ---- catalogue side
    @classmethod
    def library_version(cls) -> str | None:
        try:
            return _metadata.version(cls.library)
        except _metadata.PackageNotFoundError:
            return None

    @classmethod
    def describe(cls) -> dict:
        return {
            "name": cls.name,
            "library": cls.library,
            "libraryVersion": cls.library_version(),
            "licence": cls.licence,
            "description": cls.description,
            "supportsDifferentialPrivacy": cls.supports_differential_privacy,
            "settings": [s.to_json() for s in cls.settings],
            "differentialPrivacySettings": [s.to_json() for s in cls.differential_privacy_settings],
            "constraints": [c.to_json() for c in cls.constraints],
            "conditioning": list(cls.conditioning),
            "relational": dict(cls.relational),
            "singleTable": cls.single_table,
        }

    @classmethod
    def resolve_differential_privacy(cls, given: object) -> dict | None:
        """Check the config's "differential_privacy" object (None: no DP) and fill in defaults."""
        if given is None:
            return None
        if not cls.supports_differential_privacy:
            raise EngineError("invalid_setting", f"{cls.name} does not support differential privacy")
        if not isinstance(given, dict):
            raise EngineError("invalid_setting", "differential_privacy must be a JSON object or null")
        known = {s.name: s for s in cls.differential_privacy_settings}
        unknown = [k for k in given if k not in known]
        if unknown:
            raise EngineError(
                "invalid_setting",
                f"unknown differential_privacy setting(s) for {cls.name}: {', '.join(unknown)}; allowed: {', '.join(known)}",
            )
        values = {name: spec.default for name, spec in known.items()}
        for key, value in given.items():
            values[key] = known[key].check(value)
        return values

    @classmethod
    def resolve_settings(cls, given: dict) -> dict:
        """Check the given settings against the catalogue and fill in defaults."""
        known = {s.name: s for s in cls.settings}
        unknown = [k for k in given if k not in known]
        if unknown:
            raise EngineError(
                "invalid_setting",
                f"unknown setting(s) for {cls.name}: {', '.join(unknown)}; allowed: {', '.join(known)}",
            )
        values = {name: spec.default for name, spec in known.items()}
        for key, value in given.items():
            values[key] = known[key].check(value)
        for rule in cls.constraints:
            rule.check(values)
        return values

    # ---- model side
    def __init__(self, settings: dict, seed: int):
        self.settings = settings
        self.seed = seed
        self.differential_privacy: dict | None = None  # resolved DP settings, set before fit
        self.privacy_spent: dict | None = None  # {"epsilon", "delta"} after a DP fit
        self.epochs_trained: int | None = None  # when the library decides (time cap, early stop)
        self.encodings: dict[str, dict] | None = None  # {column: {"type", "reason"}} when the algorithm chooses per column
        self.context: ParentRows | None = None  # a child table's parent rows, set before fit (relational algorithms)

    def prepare(self, *, profile: Profile, folder: Path) -> None:  # noqa: B027 - optional hook
        """Called before ``fit`` with the table profile and the model folder being written."""

    @classmethod
    def discard(cls, folder: Path) -> None:
        """Remove what ``fit``/``save`` wrote into ``folder`` (failed, cancelled or stale training)."""
        (folder / cls.model_file).unlink(missing_ok=True)
        for name in cls.extra_files:
            path = folder / name
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)

    @abstractmethod
    def fit(self, frame: pd.DataFrame, sdtypes: dict[str, str], on_event: EventCallback) -> dict:
        """Learn ``frame`` (columns typed 'numerical' or 'categorical'); return final losses."""

    @abstractmethod
    def reseed(self, seed: int) -> None:
        """Make the following ``sample`` calls a deterministic function of ``seed``."""

    @abstractmethod
    def sample(self, n: int) -> pd.DataFrame:
        """Draw ``n`` rows in the training frame's columns."""

    def sample_given(self, given: pd.DataFrame) -> pd.DataFrame:
        """One row per row of ``given`` (training-frame columns; None/NaN: the model fills in),
        sampled given its other cells."""
        raise NotImplementedError(f"{self.name} cannot condition")

    def sample_children(self, parents: pd.DataFrame) -> tuple[np.ndarray, pd.DataFrame]:
        """The rows of every parent row in ``parents`` (the context parent's training-frame columns),
        as learned with ``context``: each row's parent position, and the rows."""
        raise NotImplementedError(f"{self.name} cannot learn related tables")

    @abstractmethod
    def save(self, folder: Path) -> Path:
        """Write the model file into ``folder`` and return its path."""

    @classmethod
    @abstractmethod
    def load(cls, folder: Path, settings: dict, seed: int) -> Algorithm:
        """Read a model written by ``save``."""
