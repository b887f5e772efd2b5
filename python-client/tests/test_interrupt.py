"""Ctrl-C while a training is followed cancels it on the server, and never leaves the client hanging.

CTGAN with 10,000 epochs trains for many minutes, so the interrupt always finds it running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import Trained

from doppel_client import Model

CLI = str(Path(sys.executable).parent / "doppel-client")


@pytest.fixture(autouse=True)
def ctrl_c_reaches_python() -> Iterator[None]:
    """These tests press Ctrl-C, so SIGINT must raise KeyboardInterrupt here and in the command started here. A test run
    started in the background (`./doppel test &`, some CI runners) has SIGINT ignored, which a child inherits, and
    Python installs no KeyboardInterrupt handler then. A handler set here is reset to the default in a child."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def test_ctrl_c_on_train_wait_cancels_the_training_and_exits_130(trained: Trained, url: str, tmp_path: Path) -> None:
    secret = trained.account.session.tokens.create("interrupted", "full").secret
    before = {m.id for m in trained.dataset.models()}
    # A command that hangs is stopped with SIGABRT, on which faulthandler writes every thread's stack to stderr.
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "PYTHONFAULTHANDLER": "1"}
    command = [CLI, "train", str(trained.dataset.id), "-a", "CTGAN", "--set", "epochs=10000", "--wait", "--url", url, "--token", secret]
    stderr_file = tmp_path / "stderr.txt"
    with stderr_file.open("w") as stderr:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        deadline = time.monotonic() + 300
        model = None
        while model is None and time.monotonic() < deadline and process.poll() is None:
            started = [m for m in trained.dataset.models() if m.id not in before and m.status == "TRAINING"]
            model = started[0] if started else None
            time.sleep(0.2)
        assert model is not None, f"the training never started (exit {process.poll()})\nstderr:\n{stderr_file.read_text()}"

        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGABRT)
            process.wait(timeout=30)
            pytest.fail(f"still running 120 s after Ctrl-C; its stderr, with its threads' stacks:\n{stderr_file.read_text()}")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    err = stderr_file.read_text()
    assert process.returncode == 130, f"exit {process.returncode}\nstderr:\n{err}"
    assert "doppel-client: error: interrupted" in err
    assert model.refresh().status == "CANCELLED", "the server stopped the training before the command exited"


class CtrlCDuringThirdPoll(Model):
    """A model whose third poll meets Ctrl-C as its request leaves: a press lands wherever the program happens to be."""

    polls = 0
    answered_after_ctrl_c = False

    def refresh(self) -> CtrlCDuringThirdPoll:
        self.polls += 1
        if self.polls != 3:
            return super().refresh()
        os.kill(os.getpid(), signal.SIGINT)
        super().refresh()
        self.answered_after_ctrl_c = True
        return self


def test_ctrl_c_in_the_middle_of_a_poll_lets_the_request_finish_then_cancels_and_raises(trained: Trained) -> None:
    queued = trained.dataset.train("CTGAN", epochs=10000)
    followed = CtrlCDuringThirdPoll(trained.account.client, queued.data)
    handler = signal.getsignal(signal.SIGINT)

    with pytest.raises(KeyboardInterrupt):
        followed.wait(progress=True, poll_interval=0.2, cancel_on_interrupt=True)

    assert followed.answered_after_ctrl_c, "Ctrl-C cut the request short, which can leave the connection pool's lock held"
    assert followed.status == "CANCELLED"
    assert queued.refresh().status == "CANCELLED", "the same client still answers"
    assert signal.getsignal(signal.SIGINT) is handler


def test_following_a_job_on_another_thread_leaves_ctrl_c_to_the_main_thread(trained: Trained) -> None:
    seen: dict[str, str] = {}
    follower = threading.Thread(target=lambda: seen.update(status=trained.model.wait(progress=False).status))

    follower.start()
    follower.join(timeout=60)

    assert seen == {"status": "COMPLETED"}, "Python allows a SIGINT handler to be set on the main thread only"
