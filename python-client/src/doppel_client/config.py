"""The login the command line saves: server URL, API token and user name, in a file only its owner may read."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def config_path() -> Path:
    """`$XDG_CONFIG_HOME/doppel-client/config.json`, else `~/.config/doppel-client/config.json`."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "doppel-client" / "config.json"


def load_config() -> dict[str, Any]:
    """The saved login, or an empty dict when there is none."""
    path = config_path()
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as f:
        saved = json.load(f)
    return saved if isinstance(saved, dict) else {}


def save_config(values: dict[str, Any]) -> Path:
    """Writes the login with mode 0600 (its folder 0700), replacing any earlier one; returns the file's path."""
    path = config_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    # Created with 0600 from the start, so the token is never readable by others, not even briefly.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as f:
        json.dump(values, f, indent=2)
        f.write("\n")
    os.chmod(temporary, 0o600)
    os.replace(temporary, path)
    return path
