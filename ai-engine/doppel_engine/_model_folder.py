"""A model folder: the trained model's files and its metadata.json, written by train and read by
generate and evaluate.

metadata.json carries the folder's format version under ``format``. A folder of a newer format is
refused before anything else is read from it; a folder without one is of format 1. Older layouts
are read as the current one (a profile without rules keeps the order relations it had).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path

from . import _catalogue
from ._algorithm import Algorithm, file_sha256
from ._errors import EngineError
from ._events import write_json_file
from ._rules import rules_of_relations
from ._schema import Column, parse_columns
from ._table_profile import Profile
from ._version import ENGINE_NAME, MODEL_FORMAT, __version__

METADATA_FILE = "metadata.json"


@dataclass(frozen=True)
class ModelFile:
    """The file an algorithm saved (model.pkl, or model.json listing the rest) and its sha256."""

    file: str
    sha256: str
    bytes: int

    @classmethod
    def of(cls, path: Path) -> ModelFile:
        return cls(file=path.name, sha256=file_sha256(path), bytes=path.stat().st_size)


@dataclass(frozen=True)
class ModelMetadata:
    """metadata.json. The JSON keys are camelCase where the platform reads them so."""

    algorithm: str
    settings: dict
    seed: int
    columns: tuple[Column, ...]  # the schema trained on
    profile: Profile
    source: dict  # format, delimiter, null_tokens, file name
    rows: int  # training rows
    libraries: dict[str, str | None]
    model: ModelFile
    losses: dict
    timings: dict
    created_at: str
    holdout: dict | None = None  # absent in folders trained before rows were held out
    differential_privacy: dict | None = None  # {"settings", "spent"} of a DP training
    encodings: dict | None = None  # {column: {"type", "reason"}} when the algorithm chooses per column
    engine: str = ENGINE_NAME
    engine_version: str = __version__
    format: int = MODEL_FORMAT

    def to_json(self) -> dict:
        out = {
            "engine": self.engine,
            "engineVersion": self.engine_version,
            "format": self.format,
            "algorithm": self.algorithm,
            "settings": self.settings,
            "differentialPrivacy": self.differential_privacy,
            "seed": self.seed,
            "columns": [c.to_json() for c in self.columns],
            "profile": self.profile.to_json(),
            "source": self.source,
            "rows": self.rows,
            "holdout": self.holdout,
            "libraries": self.libraries,
            "model": dataclasses.asdict(self.model),
            "losses": self.losses,
            "encodings": self.encodings,
            "timings": self.timings,
            "createdAt": self.created_at,
        }
        return {key: value for key, value in out.items() if value is not None}

    @classmethod
    def from_json(cls, doc: dict) -> ModelMetadata:
        """Read metadata.json of any format up to this engine's; raises KeyError/TypeError/ValueError
        when a field is missing or malformed."""
        profile = doc["profile"]
        if "rules" not in profile:
            profile = {**profile, "rules": rules_of_relations(profile.get("relations", []))}
        return cls(
            engine=doc["engine"],
            engine_version=doc["engineVersion"],
            format=doc.get("format", 1),
            algorithm=doc["algorithm"],
            settings=doc["settings"],
            differential_privacy=doc.get("differentialPrivacy"),
            seed=doc["seed"],
            columns=tuple(parse_columns(doc["columns"])),
            profile=Profile.from_json(profile),
            source=doc["source"],
            rows=doc["rows"],
            holdout=doc.get("holdout"),
            libraries=doc["libraries"],
            model=ModelFile(**doc["model"]),
            losses=doc["losses"],
            encodings=doc.get("encodings"),
            timings=doc["timings"],
            created_at=doc["createdAt"],
        )


@dataclass(frozen=True)
class ModelFolder:
    path: Path
    metadata: ModelMetadata

    def write(self) -> None:
        write_json_file(self.path / METADATA_FILE, self.metadata.to_json())

    @classmethod
    def read(cls, model: str | Path) -> ModelFolder:
        """The model folder ``model`` (or the folder of its model file), its metadata.json read and checked."""
        path = Path(model)
        if not path.exists():
            raise EngineError("model_not_found", f"model not found: {model}")
        folder = path if path.is_dir() else path.parent
        meta_path = folder / METADATA_FILE
        if not meta_path.is_file():
            raise EngineError("model_invalid", f"{model} is not a Doppel model: no metadata.json beside the model file")
        try:
            doc = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise EngineError("model_invalid", f"the model's metadata.json is unreadable: {exc}") from None
        if not isinstance(doc, dict) or doc.get("engine") != ENGINE_NAME or "profile" not in doc:
            raise EngineError("model_invalid", f"{meta_path} was not written by the Doppel engine")
        version = doc.get("format", 1)
        if isinstance(version, bool) or not isinstance(version, int) or version > MODEL_FORMAT:
            raise EngineError(
                "model_invalid",
                f"{meta_path} has model folder format {version!r}, but this engine ({__version__}) reads formats up to {MODEL_FORMAT}: "
                "generate with the engine that trained it, or train the model again",
            )
        try:
            metadata = ModelMetadata.from_json(doc)
        except EngineError as err:
            raise EngineError("model_invalid", f"{meta_path} is damaged: {err.message}") from None
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise EngineError("model_invalid", f"{meta_path} is damaged: {type(exc).__name__}: {exc}") from None
        return cls(path=folder, metadata=metadata)

    def holdout_file(self) -> Path | None:
        """The real rows kept out of training, when the model kept any."""
        kept = (self.metadata.holdout or {}).get("file")
        return self.path / kept if kept else None

    def load_algorithm(self, model: str | Path) -> Algorithm:
        """The trained algorithm, after checking its model file is the one train wrote."""
        try:
            algo_cls = _catalogue.get(self.metadata.algorithm)
        except EngineError as err:
            raise EngineError("model_invalid", f"the model cannot be loaded by this engine: {err.message}") from None
        if not algo_cls.single_table:
            raise EngineError("model_invalid", f"{model} is a table of a database model trained with {algo_cls.name}: generate it with generate_database.py")
        given = Path(model)
        model_file = given if given.is_file() else self.path / self.metadata.model.file
        if not model_file.is_file():
            raise EngineError("model_not_found", f"model file missing: {model_file}")
        # Check the hash before unpickling: a pickle runs code, so only load the file train wrote.
        if file_sha256(model_file) != self.metadata.model.sha256:
            raise EngineError("model_invalid", f"{model_file} does not match its metadata.json (corrupt or replaced)")
        try:
            return algo_cls.load(self.path, self.metadata.settings, self.metadata.seed)
        except Exception as exc:  # noqa: BLE001 - any unpickling failure means a bad model file
            raise EngineError("model_invalid", f"cannot load {model_file}: {type(exc).__name__}: {exc}") from None
