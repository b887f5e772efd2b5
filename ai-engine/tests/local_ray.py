"""A Ray cluster on this machine for the tests and benchmarks: a head that samples nothing and
worker nodes of one CPU each, started with the engine environment's ray command."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RAY = Path(sys.executable).parent / "ray"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalRay:
    """The nodes of a Ray cluster, each `ray start` in a session of its own so that a node's
    processes (its raylet and the workers it started) can be killed together."""

    def __init__(self):
        # Directly under /tmp: a node's sockets live in its session folder, and a socket's path is
        # limited to 107 bytes.
        self.temp_dir = Path(tempfile.mkdtemp(prefix="ray-", dir="/tmp"))
        self.port = free_port()
        self.address = f"127.0.0.1:{self.port}"
        self.sessions: dict[str, int] = {}
        try:
            self._node("head", "--head", f"--port={self.port}", "--include-dashboard=false", "--num-cpus=0")
        except BaseException:
            self.stop()
            raise

    def add_worker(self, name: str) -> None:
        self._node(name, f"--address={self.address}", "--num-cpus=1")
        self._wait_for_cpus(len(self.sessions) - 1)

    def cpus(self) -> int:
        probe = f"import ray; ray.init(address='{self.address}', logging_level='ERROR'); print(int(ray.cluster_resources().get('CPU', 0)))"
        return int(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True).stdout.split()[-1])

    def kill(self, name: str) -> None:
        os.killpg(self.sessions.pop(name), signal.SIGKILL)

    def stop(self) -> None:
        for session in self.sessions.values():
            try:
                os.killpg(session, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.sessions.clear()
        shutil.rmtree(self.temp_dir, ignore_errors=True)

    def _node(self, name: str, *options: str) -> None:
        command = [str(RAY), "start", "--node-ip-address=127.0.0.1", f"--temp-dir={self.temp_dir}", "--disable-usage-stats"]
        command += [f"--dashboard-agent-listen-port={free_port()}", f"--metrics-export-port={free_port()}", *options]
        log = self.temp_dir / f"{name}-start.log"
        with log.open("w") as out:
            start = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        self.sessions[name] = start.pid
        if start.wait(timeout=180) != 0:
            raise AssertionError(f"ray start of the {name} failed:\n{log.read_text()}")

    def _wait_for_cpus(self, cpus: int) -> None:
        deadline = time.monotonic() + 60
        while self.cpus() < cpus:
            assert time.monotonic() < deadline, f"the cluster never reached {cpus} CPUs"
            time.sleep(1)
