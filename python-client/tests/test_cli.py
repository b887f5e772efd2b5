"""The command line's journey (cli_journey.sh) against the server, run with the installed doppel-client."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import PASSWORD, Trained, register, shared_dataset

HERE = Path(__file__).resolve().parent


def test_the_command_line_journey_passes(url: str, tmp_path) -> None:
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "DOPPEL_URL": url,
        "DOPPEL_USERNAME": register(),
        "DOPPEL_PASSWORD": PASSWORD,
        "PENGUINS": str(shared_dataset("penguins.csv")),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHON": sys.executable,
    }
    env.pop("DOPPEL_TOKEN", None)
    result = subprocess.run(["bash", str(HERE / "cli_journey.sh")], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900)

    assert result.returncode == 0, f"cli_journey.sh exited {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def test_a_reader_that_went_away_ends_the_command_quietly_with_141(trained: Trained, url: str, tmp_path) -> None:
    secret = trained.account.session.tokens.create("closed pipe", "read").secret
    cli = str(Path(sys.executable).parent / "doppel-client")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    command = [cli, "status", str(trained.model.id), "--json", "--url", url, "--token", secret]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Closed before the command prints, as `| head` closes it after its lines.
    process.stdout.close()
    err = process.stderr.read()
    process.wait(timeout=60)

    assert (process.returncode, err) == (141, "")
