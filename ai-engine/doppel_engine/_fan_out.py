"""Generation fanned out over a Ray cluster: a batch's parts are sampled as Ray tasks on every node and
written in order by the process that asked for them.

Each part is sampled from its own seed (``_generate.part_seed``), so the rows do not depend on how
many nodes there are nor on which node sampled which part, and a part a lost node was sampling is
sampled again elsewhere (Ray retries the task) with the same rows. A task that still fails fails
the batch, naming the part; the batch is never written short.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ._errors import EngineError

FAN_OUT_ENV = "DOPPEL_ENGINE_FAN_OUT"
"""Set to ``ray`` to fan generation out over the Ray cluster this process belongs to."""
TASK_CPUS_ENV = "DOPPEL_RAY_TASK_CPUS"
"""CPUs each part's task reserves (default 1); it samples with as many threads."""
TASK_RETRIES = 3
"""Times a part is sampled again after the node sampling it was lost."""


@dataclass(frozen=True)
class PartsRequest:
    """What every part's task needs to sample its rows: the generation's arguments to
    ``prepare_sample``, with the seed drawn, so that each task rebuilds the same request."""

    arguments: dict
    part_rows: int
    format: str


@dataclass(frozen=True)
class SampledPart:
    """A part's chunks, each its rows and its encoding in the output format, ready to be written."""

    chunks: list[tuple[int, object]]
    anomaly_kinds: dict[str, int]
    kept: dict[str, list[int]]
    node: str


def fan_out_requested() -> bool:
    return os.environ.get(FAN_OUT_ENV, "").strip().lower() == "ray"


def sampled_parts(
    sample_part: Callable[[PartsRequest, int], SampledPart], request: PartsRequest, parts: int, *, window: int | None = None
) -> Iterator[SampledPart]:
    """The batch's ``parts``, each sampled by ``sample_part`` (a module-level function, which Ray
    imports on the nodes) as a Ray task, yielded in order. At most ``window`` parts (default: twice
    the cluster's CPUs) are sampled or waiting to be written at a time."""
    ray = _connected_ray()
    task = ray.remote(sample_part).options(
        num_cpus=task_cpus(),
        max_retries=TASK_RETRIES,
        retry_exceptions=False,
    )
    window = window or max(2, 2 * int(ray.cluster_resources().get("CPU", 1)))
    pending = {}
    for part in range(parts):
        while len(pending) < window and part + len(pending) < parts:
            nxt = part + len(pending)
            pending[nxt] = task.remote(request, nxt)
        ref = pending.pop(part)
        try:
            sampled = ray.get(ref)
        except ray.exceptions.RayTaskError as exc:
            cause = exc.cause if isinstance(exc.cause, EngineError) else None
            if cause is not None:
                raise cause from None
            raise EngineError("internal_error", f"part {part + 1} of {parts} failed on the Ray cluster: {exc.cause!r}") from None
        except ray.exceptions.RayError as exc:
            lost = f"part {part + 1} of {parts} was lost on the Ray cluster after {TASK_RETRIES} retries"
            raise EngineError("internal_error", f"{lost}: {_first_line(exc)}") from None
        yield sampled


def _connected_ray():
    try:
        import ray
    except ImportError:
        raise EngineError("invalid_arguments", f"{FAN_OUT_ENV}=ray needs the ray package in the engine environment") from None
    if not ray.is_initialized():
        address = os.environ.get("RAY_ADDRESS") or "auto"
        _check_reachable(address)
        try:
            ray.init(
                address=address,
                # The engine's code goes to the nodes with the job, so a part is sampled by the same code
                # on every node.
                runtime_env={"py_modules": [str(Path(__file__).parent)]},
                log_to_driver=False,
                logging_level="WARNING",
            )
        except ConnectionError as exc:
            raise EngineError("internal_error", f"no Ray cluster to fan generation out to: {exc}") from None
    return ray


def _check_reachable(address: str) -> None:
    """Fails at once when a ``host:port`` address does not answer: Ray would retry it for minutes."""
    host, _, port = address.rpartition(":")
    if not host or "://" in address or not port.isdigit():
        return
    try:
        socket.create_connection((host, int(port)), timeout=10).close()
    except OSError as exc:
        raise EngineError("internal_error", f"no Ray cluster to fan generation out to at {address}: {exc.strerror or exc}") from None


def task_cpus() -> float:
    raw = os.environ.get(TASK_CPUS_ENV) or "1"
    try:
        cpus = float(raw)
    except ValueError:
        cpus = 0
    if cpus <= 0:
        raise EngineError("invalid_arguments", f"{TASK_CPUS_ENV} must be a positive number (got {raw!r})")
    return cpus


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
