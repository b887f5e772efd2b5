"""The README's "From Python" and "From the command line" examples run as written against the server."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import PASSWORD, REPO, Account, register

README = REPO / "README.md"


def blocks(section: str, language: str) -> list[str]:
    """The fenced `language` blocks of the README's `## section`."""
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(section)}\n(.*?)(?=^## )", text, re.DOTALL | re.MULTILINE)
    assert match, f"README has no section '{section}'"
    found = re.findall(rf"^```{language}\n(.*?)^```", match.group(1), re.DOTALL | re.MULTILINE)
    assert found, f"README's '{section}' has no {language} example"
    return found


def workspace(tmp_path: Path) -> Path:
    """A folder where the examples run as from the repository root: samples/ is there, what they write stays out of the clone."""
    (tmp_path / "samples").symlink_to(REPO / "samples")
    return tmp_path


def environment(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOPPEL_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    return {**env, **values}


def test_the_python_example_runs_as_written(account: Account, url: str, tmp_path) -> None:
    secret = account.session.tokens.create("readme", "full").secret
    cwd = workspace(tmp_path)
    env = environment(DOPPEL_URL=url, DOPPEL_TOKEN=secret, XDG_CONFIG_HOME=str(tmp_path / "config"))
    for code in blocks("From Python", "python"):
        result = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, f"the example failed:\n{code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert (cwd / "penguins-synthetic.parquet").stat().st_size > 0
    assert (cwd / "penguins-report.html").stat().st_size > 0


def test_the_command_line_example_runs_as_written(url: str, tmp_path) -> None:
    cwd = workspace(tmp_path)
    env = environment(DOPPEL_URL=url, DOPPEL_USERNAME=register(), DOPPEL_PASSWORD=PASSWORD, XDG_CONFIG_HOME=str(tmp_path / "config"))
    for code in blocks("From the command line", "bash"):
        script = "set -euo pipefail\n" + code
        result = subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
        assert result.returncode == 0, f"the example failed:\n{code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert (cwd / "penguins-synthetic.csv").stat().st_size > 0
    assert (cwd / "penguins-report.html").stat().st_size > 0
