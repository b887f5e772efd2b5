"""Following a background job (training, generation) until it ends, with a progress bar."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Callable, Optional, TypeVar

from tqdm.auto import tqdm

from ._resource import Resource
from .errors import ConflictError, DoppelError, JobCancelledError, JobFailedError

TERMINAL = frozenset({"COMPLETED", "FAILED", "CANCELLED"})

# What a job's state shows on its bar: work done, total work (None while unknown) and a line of details.
Measure = Callable[[dict], tuple[float, Optional[float], str]]

# How long a wait between two polls goes on after Ctrl-C at most.
_NAP = 0.1


class CtrlC:
    """The SIGINT handler while a job is followed: the first Ctrl-C is only noted, and the loop acts on it between
    two polls; a second one raises KeyboardInterrupt at once, for a user who will not wait for a slow answer or for
    the cancel.

    Python raises KeyboardInterrupt wherever the main thread is. In the middle of an HTTP request that can be inside
    httpcore's connection-pool lock, between its acquire and the `with` that would release it: the lock stays held
    and the next request (the cancel) waits for it forever.
    """

    def __init__(self) -> None:
        self.pressed = False

    def __call__(self, signum: int, frame: object) -> None:
        if self.pressed:
            raise KeyboardInterrupt
        self.pressed = True


@contextmanager
def ctrl_c_between_polls() -> Iterator[CtrlC | None]:
    """Within the block, Ctrl-C is a CtrlC's note rather than a KeyboardInterrupt raised at any point; one noted and not
    yet raised is raised when the block ends. Yields None, and changes nothing, off the main thread (where Python runs
    no signal handler) or when the application has its own SIGINT handler; an enclosing block's CtrlC is shared."""
    current = signal.getsignal(signal.SIGINT)
    if isinstance(current, CtrlC):
        yield current
        return
    if threading.current_thread() is not threading.main_thread() or current is not signal.default_int_handler:
        yield None
        return
    ctrl_c = CtrlC()
    signal.signal(signal.SIGINT, ctrl_c)
    try:
        yield ctrl_c
    finally:
        signal.signal(signal.SIGINT, current)
    if ctrl_c.pressed:
        raise KeyboardInterrupt


def _pause(seconds: float, ctrl_c: CtrlC | None) -> None:
    """Sleeps `seconds`, or less once Ctrl-C was pressed."""
    if ctrl_c is None:
        time.sleep(seconds)
        return
    end = time.monotonic() + seconds
    while not ctrl_c.pressed and time.monotonic() < end:
        time.sleep(min(_NAP, max(0.0, end - time.monotonic())))


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

    Raises JobFailedError or JobCancelledError when the job ended FAILED or CANCELLED, DoppelError when `timeout`
    seconds passed first, and KeyboardInterrupt on Ctrl-C, between two polls (see CtrlC), the bar closed.
    """
    deadline = None if timeout is None else time.monotonic() + timeout
    with ctrl_c_between_polls() as ctrl_c, tqdm(total=None, desc=what, unit=unit, disable=not progress, dynamic_ncols=True) as bar:
        while True:
            state = refresh()
            done, total, details = measure(state)
            if total is not None and bar.total != total:
                bar.total = total
            bar.n = done
            bar.set_postfix_str(details, refresh=False)
            bar.refresh()
            if ctrl_c is not None and ctrl_c.pressed:
                raise KeyboardInterrupt
            if state.get("status") in TERMINAL:
                break
            if deadline is not None and time.monotonic() > deadline:
                raise DoppelError(f"{what} did not finish within {timeout} seconds (status {state.get('status')})")
            _pause(poll_interval, ctrl_c)
    return outcome(what, state)


def outcome(what: str, state: dict[str, Any]) -> dict[str, Any]:
    """The state of a job that completed; raises for one that failed or was cancelled."""
    status = state.get("status")
    if status == "FAILED":
        raise JobFailedError(f"{what} failed: {state.get('error') or 'the server gave no reason'}", state)
    if status == "CANCELLED":
        raise JobCancelledError(f"{what} was cancelled", state)
    return state


J = TypeVar("J", bound="Job")


def started(create: Callable[[], J], *, wait: bool, **options: Any) -> J:
    """The job `create` starts on the server; with `wait`, followed with `options` (those of Job.wait) until it ends,
    Ctrl-C cancelling it on the server.

    A Ctrl-C while the job is being created is acted on once the server has answered, so that it is cancelled too
    rather than left running unseen.
    """
    if not wait:
        return create()
    with ctrl_c_between_polls():
        return create().wait(cancel_on_interrupt=True, **options)


def wait_until_stopped(refresh: Callable[[], dict[str, Any]], *, poll_interval: float, timeout: float) -> dict[str, Any]:
    """Polls until the job's status is terminal, for at most `timeout` seconds; returns its last state."""
    deadline = time.monotonic() + timeout
    state = refresh()
    while state.get("status") not in TERMINAL and time.monotonic() < deadline:
        time.sleep(poll_interval)
        state = refresh()
    return state


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

        Raises JobFailedError (with the server's reason) or JobCancelledError when it did not complete. Ctrl-C
        raises KeyboardInterrupt between two polls, the bar closed. With `cancel_on_interrupt`, it first cancels the
        job on the server and waits until the server says it stopped; a second Ctrl-C stops that wait.
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
