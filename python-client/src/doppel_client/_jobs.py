"""Following a background job (training, generation) until it ends, with a progress bar."""

from __future__ import annotations

import time
from typing import Any, Callable, Optional, TypeVar

from tqdm.auto import tqdm

from ._resource import Resource
from .errors import ConflictError, DoppelError, JobCancelledError, JobFailedError

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


J = TypeVar("J", bound="Job")


class Job(Resource):
    """A training or generation: it runs in the background on the server, which reports its progress."""

    _unit = ""

    @property
    def status(self) -> str:
        """The job's status as last read (`refresh()` reads it again)."""
        return str(self.data["status"])

    def _what(self) -> str:
        raise NotImplementedError

    def _measure(self, state: dict[str, Any]) -> tuple[float, float | None, str]:
        raise NotImplementedError

    def wait(self: J, *, progress: bool = True, poll_interval: float = 1.0, timeout: float | None = None, cancel_on_interrupt: bool = False) -> J:
        """Follows the job until it ends, with a progress bar; returns self.

        Raises JobFailedError (with the server's reason) or JobCancelledError when it did not complete. With
        `cancel_on_interrupt`, Ctrl-C cancels the job on the server and waits until the server says it stopped,
        then KeyboardInterrupt goes on.
        """
        try:
            self.data = follow(
                lambda: self.refresh().data,
                self._measure,
                what=self._what(),
                unit=self._unit,
                progress=progress,
                poll_interval=poll_interval,
                timeout=timeout,
            )
        except KeyboardInterrupt:
            if cancel_on_interrupt:
                self.cancel(wait=True)
            raise
        return self

    def cancel(self: J, *, wait: bool = True, timeout: float = 60.0) -> J:
        """Asks the server to stop the queued or running job; with `wait`, until it says it stopped. Returns self.

        A job that already finished is left as it is.
        """
        try:
            self.data = self._client._transport.json("POST", f"{self.url_path}/cancel")
        except ConflictError:
            self.refresh()
        if wait:
            self.data = wait_until_stopped(lambda: self.refresh().data, poll_interval=0.5, timeout=timeout)
        return self
