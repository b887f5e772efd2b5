"""Shared fixtures: dataset paths, a CLI runner, and models trained once per session."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parents[1]
REPO = ENGINE.parent
DATASETS = Path(os.environ.get("DOPPEL_DATASETS_DIR") or REPO.parent / "shared" / "datasets").resolve()

sys.path.insert(0, str(ENGINE))

PENGUINS_COLUMNS = [
    {"name": "species", "type": "categorical"},
    {"name": "island", "type": "categorical"},
    {"name": "bill_length_mm", "type": "float"},
    {"name": "bill_depth_mm", "type": "float"},
    {"name": "flipper_length_mm", "type": "integer"},
    {"name": "body_mass_g", "type": "integer"},
    {"name": "sex", "type": "categorical"},
    {"name": "year", "type": "integer"},
]
TAXIS_COLUMNS = [
    {"name": "pickup", "type": "datetime", "datetimeFormat": "%Y-%m-%d %H:%M:%S"},
    {"name": "dropoff", "type": "datetime", "datetimeFormat": "%Y-%m-%d %H:%M:%S"},
    {"name": "passengers", "type": "integer"},
    {"name": "distance", "type": "float"},
    {"name": "fare", "type": "float"},
    {"name": "tip", "type": "float"},
    {"name": "tolls", "type": "float"},
    {"name": "total", "type": "float"},
    {"name": "color", "type": "categorical"},
    {"name": "payment", "type": "categorical"},
    {"name": "pickup_zone", "type": "categorical"},
    {"name": "dropoff_zone", "type": "categorical"},
    {"name": "pickup_borough", "type": "categorical"},
    {"name": "dropoff_borough", "type": "categorical"},
]
CREDIT_COLUMNS = [
    {"name": "rownames", "type": "id"},
    {"name": "Status", "type": "categorical"},
    {"name": "Seniority", "type": "integer"},
    {"name": "Home", "type": "categorical"},
    {"name": "Time", "type": "integer"},
    {"name": "Age", "type": "integer"},
    {"name": "Marital", "type": "categorical"},
    {"name": "Records", "type": "boolean"},
    {"name": "Job", "type": "categorical"},
    {"name": "Expenses", "type": "integer"},
    {"name": "Income", "type": "integer"},
    {"name": "Assets", "type": "integer"},
    {"name": "Debt", "type": "integer"},
    {"name": "Amount", "type": "integer"},
    {"name": "Price", "type": "integer"},
]
SCHEMAS = {"penguins": PENGUINS_COLUMNS, "taxis": TAXIS_COLUMNS, "credit_data": CREDIT_COLUMNS}
ALGORITHMS = ["CTGAN", "TVAE", "GaussianCopula", "CopulaGAN"]  # the SDV algorithms
# DOPPEL_ENGINE_PROFILE=permissive installs no SDV and no sdmetrics. Each profile runs the tests that
# apply to it; the others are deselected at collection (not skipped), so every collected test runs.
HAS_SDV = importlib.util.find_spec("sdv") is not None
HAS_SDMETRICS = importlib.util.find_spec("sdmetrics") is not None
requires_sdv = pytest.mark.requires_sdv
requires_sdmetrics = pytest.mark.requires_sdmetrics
permissive_only = pytest.mark.permissive_only


def pytest_configure(config):
    config.addinivalue_line("markers", "requires_sdv: needs SDV (full install only)")
    config.addinivalue_line("markers", "requires_sdmetrics: needs sdmetrics (full install only)")
    config.addinivalue_line("markers", "permissive_only: checks what only the permissive-only install shows")
    config.addinivalue_line("markers", "anonymeter_reference: runs anonymeter from its own venv (DOPPEL_ANONYMETER_PYTHON, set by bin/test)")


def _applies(item) -> bool:
    if item.get_closest_marker("requires_sdv") and not HAS_SDV:
        return False
    if item.get_closest_marker("requires_sdmetrics") and not HAS_SDMETRICS:
        return False
    return not (item.get_closest_marker("permissive_only") and HAS_SDV)


def pytest_collection_modifyitems(config, items):
    deselected = [item for item in items if not _applies(item)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if _applies(item)]


# Few epochs keep the suite fast; the tests check the contract, not the model's quality.
FAST_SETTINGS = {
    "CTGAN": {"epochs": 2, "batch_size": 200},
    "TVAE": {"epochs": 2, "batch_size": 200},
    "GaussianCopula": {},
    "CopulaGAN": {"epochs": 2, "batch_size": 200, "default_distribution": "norm"},
    "TabularARGN": {"max_epochs": 2, "model_size": "small"},
}


def dataset(name: str) -> Path:
    path = DATASETS / f"{name}.csv"
    if not path.is_file():
        pytest.fail(f"shared dataset missing: {path} (set DOPPEL_DATASETS_DIR)")
    return path


class Run:
    def __init__(self, proc: subprocess.CompletedProcess):
        self.rc = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr
        self.events = [json.loads(line) for line in proc.stdout.splitlines()]

    @property
    def last(self) -> dict:
        return self.events[-1]

    def of(self, kind: str) -> list[dict]:
        return [e for e in self.events if e["event"] == kind]


def run_cli(script: str, *args: str, timeout: float = 300, cwd: str | None = None, env: dict[str, str] | None = None) -> Run:
    """Run an entry point as the backend does (``env``: variables added to this process's); every
    stdout line must be a JSON object."""
    proc = subprocess.run(
        [sys.executable, str(ENGINE / script), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd or "/",
        env={**os.environ, **(env or {})},
    )
    return Run(proc)


def config(algorithm: str, dataset_name: str, **extra) -> str:
    return json.dumps({"algorithm": algorithm, "seed": 42, "columns": SCHEMAS[dataset_name], **FAST_SETTINGS[algorithm], **extra})


@pytest.fixture(scope="session")
def models(tmp_path_factory):
    """Train lazily, once per (algorithm, dataset) for the whole session."""
    cache: dict = {}
    root = tmp_path_factory.mktemp("models")

    def get(algorithm: str, dataset_name: str) -> tuple[Path, Run]:
        key = (algorithm, dataset_name)
        if key not in cache:
            out = root / f"{dataset_name}-{algorithm}"
            run = run_cli("train.py", "--data", dataset(dataset_name), "--config", config(algorithm, dataset_name), "--output", out)
            assert run.rc == 0, run.stderr[-3000:]
            cache[key] = (out, run)
        return cache[key]

    return get
