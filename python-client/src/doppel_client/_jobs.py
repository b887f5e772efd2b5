"""Following a background job (training, generation) until it ends, with a progress bar."""

from __future__ import annotations

import time
from typing import Any, Callable, Optional

from tqdm.auto import tqdm

from .errors import DoppelError, JobCancelledError, JobFailedError

TERMINAL = frozenset({"COMPLETED", "FAILED", "CANCELLED"})

# What a job's state shows on its bar: work done, total work (None while unknown) and a line of details.
Measure = Callable[[dict], tuple[float, Optional[float], str]]


def follow(
    refresh: Callable[[], dict[str, Any]],
    measure: Measure,
    *,
    what: str,
    unit: str,
    progress: bool,
    poll_interval: float,
    timeout: float | None,
) -> dict[str, Any]:
    """Polls `refresh` until the job's status is terminal, feeding a bar from `measure`; returns the final state.

    Raises JobFailedError or JobCancelledError when the job ended FAILED or CANCELLED, and DoppelError when
    `timeout` seconds passed first.
    """
    deadline = None if timeout is None else time.monotonic() + timeout
    with tqdm(total=None, desc=what, unit=unit, disable=not progress, dynamic_ncols=True) as bar:
        while True:
            state = refresh()
            done, total, details = measure(state)
            if total is not None and bar.total != total:
                bar.total = total
            bar.n = done
            bar.set_postfix_str(details, refresh=False)
            bar.refresh()
            if state.get("status") in TERMINAL:
                break
            if deadline is not None and time.monotonic() > deadline:
                raise DoppelError(f"{what} did not finish within {timeout} seconds (status {state.get('status')})")
            time.sleep(poll_interval)
    return outcome(what, state)


def outcome(what: str, state: dict[str, Any]) -> dict[str, Any]:
    """The state of a job that completed; raises for one that failed or was cancelled."""
    status = state.get("status")
    if status == "FAILED":
        raise JobFailedError(f"{what} failed: {state.get('error') or 'the server gave no reason'}", state)
    if status == "CANCELLED":
        raise JobCancelledError(f"{what} was cancelled", state)
    return state


def wait_until_stopped(refresh: Callable[[], dict[str, Any]], *, poll_interval: float, timeout: float) -> dict[str, Any]:
    """Polls until the job's status is terminal, for at most `timeout` seconds; returns its last state."""
    deadline = time.monotonic() + timeout
    state = refresh()
    while state.get("status") not in TERMINAL and time.monotonic() < deadline:
        time.sleep(poll_interval)
        state = refresh()
    return state
