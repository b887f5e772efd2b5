"""The algorithm catalogue: one source of truth for describe.py and for validating train configs.

Adding an engine means writing its ``Algorithm`` classes (see _algorithm.py) in their own module,
listed in that module's ``ALGORITHMS``, and adding the module to ``_ENGINES`` below. Engine
modules must not import their heavy libraries at module level.
"""

from __future__ import annotations

from . import _mostlyai, _sdv
from ._algorithm import Algorithm
from ._errors import EngineError

_ENGINES = (_sdv, _mostlyai)  # their order is the catalogue's order
_REGISTRY: dict[str, type[Algorithm]] = {cls.name: cls for engine in _ENGINES for cls in engine.ALGORITHMS}


def algorithms() -> list[type[Algorithm]]:
    """The algorithms this installation can run (the catalogue)."""
    return [cls for cls in _REGISTRY.values() if cls.available()]


def get(name: object) -> type[Algorithm]:
    available = ", ".join(cls.name for cls in algorithms())
    if not isinstance(name, str) or name not in _REGISTRY:
        raise EngineError("unknown_algorithm", f"unknown algorithm {name!r}; available: {available}")
    cls = _REGISTRY[name]
    if not cls.available():
        raise EngineError(
            "unknown_algorithm",
            f"{name} needs {cls.requirement_label}, which is not installed in this engine (permissive-only install); available: {available}",
        )
    return cls
