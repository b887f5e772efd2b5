"""Process-level behaviour every entry point shares."""

import json
import os
import signal
import subprocess
import sys
import time

from conftest import DATASETS, ENGINE, requires_sdv

pytestmark = requires_sdv  # every test here trains or loads an SDV model


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); it has exited all the same.
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().split()[2] != "Z"


def test_training_stops_when_the_backend_that_started_it_is_killed(tmp_path):
    config = json.dumps({"algorithm": "CTGAN", "epochs": 10000, "seed": 1})
    train = [sys.executable, str(ENGINE / "train.py"), "--data", str(DATASETS / "penguins.csv"), "--config", config, "--output", str(tmp_path / "m")]
    # A stand-in backend: starts the engine, prints its pid, then waits forever.
    backend = subprocess.Popen(
        [sys.executable, "-c", "import subprocess, sys, time; p = subprocess.Popen(sys.argv[1:]); print(p.pid, flush=True); time.sleep(600)", *train],
        stdout=subprocess.PIPE,
        text=True,
    )
    engine_pid = int(backend.stdout.readline())
    time.sleep(2)
    assert _alive(engine_pid)

    backend.send_signal(signal.SIGKILL)
    backend.wait()

    deadline = time.monotonic() + 15
    while _alive(engine_pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(engine_pid), "the orphaned engine kept running"
    assert not (tmp_path / "m" / "metadata.json").exists()
