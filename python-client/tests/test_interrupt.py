"""Ctrl-C on `doppel-client train --wait` cancels the training on the server and exits 130.

CTGAN with 10,000 epochs trains for many minutes: TabularARGN's early stopping ended a training of
penguins within half a minute, before the interrupt came."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import Trained

CLI = str(Path(sys.executable).parent / "doppel-client")


def test_ctrl_c_while_waiting_cancels_the_training_and_exits_130(trained: Trained, url: str, tmp_path) -> None:
    secret = trained.account.session.tokens.create("interrupted", "full").secret
    before = {m.id for m in trained.dataset.models()}
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    command = [CLI, "train", str(trained.dataset.id), "-a", "CTGAN", "--set", "epochs=10000", "--wait", "--url", url, "--token", secret]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300
        model = None
        while time.monotonic() < deadline and process.poll() is None:
            started = [m for m in trained.dataset.models() if m.id not in before]
            if started and started[0].status == "TRAINING":
                model = started[0]
                break
            time.sleep(1)
        assert model is not None, f"the training never started (exit {process.poll()})"

        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()

    assert process.returncode == 130, f"exit {process.returncode}\nstdout: {out}\nstderr: {err}"
    assert "interrupted" in err
    assert model.refresh().status == "CANCELLED", "the server stopped the training before the command exited"
