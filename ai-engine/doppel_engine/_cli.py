"""Shared plumbing of the command-line entry points.

The contract: stdout carries only JSON event lines (flushed one by one); anything a library
prints, warns or logs goes to stderr; a failure ends with an ``error`` event as the last stdout
line and a documented exit code.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable

from ._errors import Cancelled, EngineError
from ._events import EventCallback, json_line_writer


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse would print usage and exit 2 itself
        raise EngineError("invalid_arguments", f"{self.prog}: {message}")


def parser(prog: str, description: str) -> argparse.ArgumentParser:
    return _Parser(prog=prog, description=description)


def _take_stdout() -> tuple[EventCallback, object]:
    """Keep the real stdout for events and point fd 1 (and sys.stdout) at stderr."""
    sys.stdout.flush()
    events_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    stream = os.fdopen(events_fd, "w", encoding="utf-8", buffering=1)
    return json_line_writer(stream), stream


def _on_sigterm(_signum, _frame) -> None:
    raise Cancelled()


def run(main: Callable[[list[str], EventCallback], None], argv: list[str] | None = None) -> int:
    emit, stream = _take_stdout()
    try:
        return _run(main, argv, emit)
    finally:
        stream.close()


def _stop_when_orphaned() -> None:
    """If the backend that started us dies (even by SIGKILL), stop as if cancelled instead of
    training on alone: the restarted backend has already marked the job as interrupted."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                os.kill(os.getpid(), signal.SIGTERM)
                return

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _run(main, argv, emit) -> int:
    signal.signal(signal.SIGTERM, _on_sigterm)
    _stop_when_orphaned()
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING)
    os.environ.setdefault("TQDM_DISABLE", "1")
    try:
        main(sys.argv[1:] if argv is None else argv, emit)
        return 0
    except EngineError as err:
        emit(err.to_event())
        return err.exit_code
    except (KeyboardInterrupt, Cancelled):
        emit({"event": "error", "code": "cancelled", "message": "interrupted by a signal; nothing was completed"})
        return 130
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else 0
    except MemoryError:
        traceback.print_exc()
        emit({"event": "error", "code": "internal_error", "message": "out of memory"})
        return 1
    except Exception as exc:  # noqa: BLE001 - the contract wants a JSON line for anything
        traceback.print_exc()
        emit({"event": "error", "code": "internal_error", "message": f"{type(exc).__name__}: {exc}"})
        return 1
