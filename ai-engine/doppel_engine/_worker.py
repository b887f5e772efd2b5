"""The engine worker: a long-lived process that keeps loaded models and answers JSON-line requests.

A reader thread parses stdin: ``health`` and ``cancel`` are answered at once, a malformed line
is answered with a failure, ``check`` requests (which load no model) go to a thread of their own,
the other requests into a bounded queue (``busy`` when it is full). The main thread takes
requests one by one and runs them, so a loaded model is used by one request at a time. The protocol is documented in WORKER.md.
"""

from __future__ import annotations

import importlib
import json
import os
import queue
import sys
import threading
import time
import traceback
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from . import _catalogue
from ._errors import Cancelled, EngineError
from ._events import EventCallback, Stopwatch
from ._generate import (
    CHUNK_SIZE,
    LoadedModel,
    RowsTally,
    check_sample_arguments,
    checked_conditioning,
    drawn_seed,
    generate,
    load_model,
    prepare_sample,
    sample_rows,
)
from ._model_folder import METADATA_FILE, ModelFolder
from ._version import __version__

PROTOCOL_VERSION = 1
DEFAULT_CACHE_BYTES = 2 * 1024**3
DEFAULT_QUEUE_SIZE = 8
INLINE_MAX_ROWS = 10_000  # more rows than this are written to a file (``output``)
WORK_OPS = ("sample", "generate", "evaluate", "shutdown")


def rss_bytes() -> int | None:
    """The process's resident set size now (Linux), None elsewhere."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@dataclass
class _Entry:
    loaded: LoadedModel
    bytes: int
    model_stat: tuple[int, int]  # (mtime_ns, size) of the model file when it was verified
    loaded_at: float
    hits: int = 0


class ModelCache:
    """Loaded models, least recently used first out, bounded by the bytes of their model folders.

    An entry's key is the folder's resolved path and the sha256 metadata.json gives its model
    file, so a folder trained again is loaded afresh; a model file whose size or mtime changed
    since it was verified is verified (and loaded) again."""

    def __init__(self, bound_bytes: int):
        self.bound_bytes = bound_bytes
        self._entries: OrderedDict[tuple[str, str], _Entry] = OrderedDict()
        self._lock = threading.Lock()  # health reads the entries from the reader thread
        self.last_hit = False

    def get(self, model: str) -> LoadedModel:
        folder = ModelFolder.read(model)
        key = (str(folder.path.resolve()), folder.metadata.model.sha256)
        model_file = folder.path / folder.metadata.model.file
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry.model_stat == _stat(model_file):
                self._entries.move_to_end(key)
                entry.hits += 1
                self.last_hit = True
                return entry.loaded
            self._entries.pop(key, None)
        self.last_hit = False
        size = model_bytes(folder)
        with self._lock:
            while self._entries and size <= self.bound_bytes and self.used_bytes() + size > self.bound_bytes:
                self._entries.popitem(last=False)
        stat = _stat(model_file)
        loaded = load_model(model)
        if size <= self.bound_bytes:
            with self._lock:
                self._entries[key] = _Entry(loaded=loaded, bytes=size, model_stat=stat, loaded_at=time.time())
        return loaded

    def used_bytes(self) -> int:
        return sum(e.bytes for e in self._entries.values())

    def to_json(self) -> dict:
        with self._lock:
            return {
                "bound_bytes": self.bound_bytes,
                "used_bytes": self.used_bytes(),
                "entries": [  # least recently used first
                    {"model": path, "sha256": sha, "bytes": e.bytes, "hits": e.hits, "algorithm": e.loaded.folder.metadata.algorithm}
                    for (path, sha), e in self._entries.items()
                ],
            }


def _stat(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError:
        return (-1, -1)
    return (st.st_mtime_ns, st.st_size)


def model_bytes(folder: ModelFolder) -> int:
    """The bytes of what the algorithm saved: every file of the folder but metadata.json and the holdout."""
    holdout = folder.holdout_file()
    skip = {folder.path / METADATA_FILE, *([holdout] if holdout else [])}
    return sum(p.stat().st_size for p in folder.path.rglob("*") if p.is_file() and p not in skip)


@dataclass
class _Request:
    id: str
    op: str
    args: dict
    cancelled: threading.Event = field(default_factory=threading.Event)


# The four kinds of conditioning generate takes; at most one per request.
CONDITIONS = ("conditions", "partial_rows", "shares", "impute")

_ARGUMENTS = {
    "sample": {"model", "count", "seed", "output", "format", "anomalies", "rules_off", "chunk_size", *CONDITIONS},
    "generate": {"model", "count", "output", "format", "anomalies", "seed", "chunk_size", "rules_off", *CONDITIONS},
    "check": {"model", "count", "seed", *CONDITIONS},
    "evaluate": {"real", "synthetic", "output", "metadata", "max_rows", "dcr_rows", "seed", "metrics", "model", "holdout", "target"},
    "shutdown": set(),
    "health": set(),
    "cancel": {"target"},
}


def parse_request(line: str) -> _Request:
    """A request line; raises EngineError (invalid_arguments) naming what is wrong."""
    try:
        doc = json.loads(line)
    except json.JSONDecodeError as exc:
        raise EngineError("invalid_arguments", f"a request must be one JSON object per line: {exc}") from None
    if not isinstance(doc, dict):
        raise EngineError("invalid_arguments", "a request must be a JSON object")
    rid = doc.get("id")
    if not isinstance(rid, str) or not rid:
        raise EngineError("invalid_arguments", "a request needs an id (a non-empty string)")
    op = doc.get("op")
    if op not in _ARGUMENTS:
        raise _Failure(rid, "invalid_arguments", f"op must be one of {', '.join(_ARGUMENTS)} (got {op!r})")
    args = {k: v for k, v in doc.items() if k not in ("id", "op")}
    unknown = sorted(set(args) - _ARGUMENTS[op])
    if unknown:
        raise _Failure(rid, "invalid_arguments", f"{op} does not take {', '.join(unknown)}")
    return _Request(id=rid, op=op, args=args)


class _Failure(EngineError):
    """An EngineError about a request whose id is known."""

    def __init__(self, rid: str, code: str, message: str):
        super().__init__(code, message)
        self.id = rid


class Worker:
    def __init__(self, emit: EventCallback, *, cache_bytes: int, queue_size: int, max_requests: int | None, max_rss_bytes: int | None = None):
        self._emit_raw = emit
        self._emit_lock = threading.Lock()
        self.cache = ModelCache(cache_bytes)
        self.queue_size = queue_size
        self.max_requests = max_requests
        self.max_rss_bytes = max_rss_bytes
        self._queue: queue.Queue[_Request | None] = queue.Queue()
        self._checks: queue.Queue[_Request | None] = queue.Queue(maxsize=queue_size)
        self._queued: OrderedDict[str, _Request] = OrderedDict()
        self._queued_lock = threading.Lock()
        self._running: _Request | None = None
        self.served = 0
        self._started = time.time()

    def emit(self, event: dict) -> None:
        with self._emit_lock:
            self._emit_raw(event)

    def fail(self, rid: str | None, code: str, message: str) -> None:
        self.emit({"id": rid, "event": "failed", "code": code, "message": message})

    # --- reader thread -------------------------------------------------------------------------

    def read(self, stream: BinaryIO) -> None:
        for raw in stream:
            if not raw.strip():
                continue
            try:
                request = parse_request(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                self.fail(None, "invalid_arguments", f"a request must be UTF-8: {exc}")
                continue
            except _Failure as err:
                self.fail(err.id, err.code, err.message)
                continue
            except EngineError as err:
                self.fail(None, err.code, err.message)
                continue
            if request.op == "health":
                self.emit({"id": request.id, "event": "health", **self.health()})
            elif request.op == "cancel":
                self.cancel(request)
            elif request.op == "check":
                self.submit_check(request)
            else:
                self.submit(request)
        self._queue.put(None)  # stdin closed: finish what is queued, then exit
        self._checks.put(None)

    def submit(self, request: _Request) -> None:
        with self._queued_lock:
            if request.op != "shutdown" and len(self._queued) >= self.queue_size:
                self.emit({"id": request.id, "event": "busy", "reason": "queue_full", "queued": len(self._queued)})
                return
            self._queued[request.id] = request
        self._queue.put(request)

    def submit_check(self, request: _Request) -> None:
        try:
            self._checks.put_nowait(request)
        except queue.Full:
            self.emit({"id": request.id, "event": "busy", "reason": "queue_full", "queued": self._checks.qsize()})

    def serve_checks(self) -> None:
        """Answer ``check`` requests in order, beside the running request: they load no model."""
        while (request := self._checks.get()) is not None:
            self.emit(self.run(request))

    def cancel(self, request: _Request) -> None:
        target = request.args.get("target")
        with self._queued_lock:
            queued = self._queued.pop(target, None) if isinstance(target, str) else None
            running = self._running
        if queued is not None:
            queued.cancelled.set()
            self.emit({"id": target, "event": "cancelled", "state": "queued"})
            state = "queued"
        elif running is not None and running.id == target:
            running.cancelled.set()  # the run answers ``cancelled`` at its next progress event
            state = "running"
        else:
            state = "unknown"
        self.emit({"id": request.id, "event": "completed", "target": target, "state": state})

    def health(self) -> dict:
        running = self._running
        with self._queued_lock:
            queued = list(self._queued)
        return {
            "pid": os.getpid(),
            "uptime_s": round(time.time() - self._started, 3),
            "served": self.served,
            "max_requests": self.max_requests,
            "max_rss_bytes": self.max_rss_bytes,
            "running": {"id": running.id, "op": running.op} if running else None,
            "queued": queued,
            "queue_size": self.queue_size,
            "rss_bytes": rss_bytes(),
            "cache": self.cache.to_json(),
        }

    def hello(self) -> dict:
        return {
            "id": None,
            "event": "hello",
            "engine_version": __version__,
            "protocol": PROTOCOL_VERSION,
            "pid": os.getpid(),
            "cache_bytes": self.cache.bound_bytes,
            "queue_size": self.queue_size,
            "max_requests": self.max_requests,
            "max_rss_bytes": self.max_rss_bytes,
            "inline_max_rows": INLINE_MAX_ROWS,
        }

    # --- main thread ---------------------------------------------------------------------------

    def serve(self, preload: bool = False) -> None:
        """Run queued requests until shutdown, end of input or the request limit; with ``preload``,
        import the engine's libraries first, so that the first request finds them loaded."""
        self.emit(self.hello())
        if preload:
            started = time.monotonic()
            loaded = preload_libraries()
            self.emit({"id": None, "event": "ready", "preloaded": loaded, "seconds": round(time.monotonic() - started, 3)})
        while True:
            request = self._queue.get()
            if request is None:
                return
            with self._queued_lock:
                if self._queued.pop(request.id, None) is None:
                    continue  # cancelled while queued (already answered)
                self._running = request
            if request.op == "shutdown":
                self.emit({"id": request.id, "event": "completed", "served": self.served})
                self._refuse_queued("shutdown")
                return
            try:
                answer = self.run(request)
            finally:
                with self._queued_lock:  # before the answer, so that a health or cancel after it sees the request done
                    self._running = None
                    self.served += 1
            self.emit(answer)
            reason = self._recycle_reason()
            if reason:
                self.emit({"id": None, "event": "recycling", "reason": reason, "served": self.served, "rss_bytes": rss_bytes()})
                self._refuse_queued("recycling")
                return

    def _recycle_reason(self) -> str | None:
        if self.max_requests is not None and self.served >= self.max_requests:
            return "max_requests"
        rss = rss_bytes()
        if self.max_rss_bytes is not None and rss is not None and rss > self.max_rss_bytes:
            return "max_rss_bytes"
        return None

    def _refuse_queued(self, reason: str) -> None:
        with self._queued_lock:
            left = list(self._queued)
            self._queued.clear()
        while True:
            try:
                waiting = self._checks.get_nowait()
            except queue.Empty:
                break
            if waiting is not None:
                left.append(waiting.id)
        for rid in left:
            self.emit({"id": rid, "event": "busy", "reason": reason})

    def run(self, request: _Request) -> dict:
        """Run a request, emitting its events; returns its answer (completed, failed or cancelled)."""
        rid = request.id
        completed: dict = {}

        def forward(event: dict) -> None:
            if event.get("event") == "completed":
                completed.update(event)
                return
            if event.get("event") == "progress" and request.cancelled.is_set():
                raise Cancelled()
            self.emit({"id": rid, **event})

        def failed(code: str, message: str) -> dict:
            return {"id": rid, "event": "failed", "code": code, "message": message}

        try:
            if request.op == "check":
                return {"id": rid, "event": "completed", **check(request.args)}
            if request.op == "sample":
                return {"id": rid, "event": "completed", **self.sample(request.args, forward, completed)}
            if request.op == "generate":
                generate(**_checked_args(request.args), on_event=forward, load=self.cache.get)
            else:
                from . import evaluate

                if not isinstance(request.args.get("output"), str):
                    raise EngineError("invalid_arguments", "evaluate needs output, the path of the report JSON to write")
                evaluate(**request.args, on_event=forward)
            return {"id": rid, **completed}
        except Cancelled:
            if not request.cancelled.is_set():
                raise  # SIGTERM: the worker stops
            return {"id": rid, "event": "cancelled", "state": "running"}
        except EngineError as err:
            return failed(err.code, err.message)
        except TypeError as exc:  # an argument of the wrong type that no check named
            traceback.print_exc()
            return failed("invalid_arguments", f"{request.op}: {exc}")
        except MemoryError:
            traceback.print_exc()
            return failed("internal_error", "out of memory")
        except Exception as exc:  # noqa: BLE001 - every request gets an answer
            traceback.print_exc()
            return failed("internal_error", f"{type(exc).__name__}: {exc}")

    def sample(self, args: dict, on_event: EventCallback, completed: dict) -> dict:
        """Rows as JSON records (as the CSV writes their values), or into ``output`` like generate
        (whose completed event ``on_event`` puts into ``completed``)."""
        clock = Stopwatch()
        args = _checked_args(args)
        if args.get("output") is not None:
            small = args.get("count") is None or args["count"] <= INLINE_MAX_ROWS
            with _one_torch_thread() if small else nullcontext():
                generate(**args, on_event=on_event, load=self.cache.get)
            return {**completed, "cache": "hit" if self.cache.last_hit else "miss"}
        if args.get("format") is not None:
            raise EngineError("invalid_arguments", "format applies to a sample written to an output file")
        from ._output import csv_frame

        request = prepare_sample(
            model=_model_argument(args),
            count=args.get("count"),
            seed=args.get("seed"),
            chunk_size=args.get("chunk_size", CHUNK_SIZE),
            anomalies=args.get("anomalies"),
            rules_off=args.get("rules_off"),
            **{kind: args.get(kind) for kind in CONDITIONS},
            load=self.cache.get,
        )
        hit = self.cache.last_hit
        load_seconds = clock.elapsed()
        count, seed = request.count, request.seed
        if count > INLINE_MAX_ROWS:
            raise EngineError("invalid_arguments", f"count above {INLINE_MAX_ROWS} needs an output file (got {count})")
        profile = request.loaded.folder.metadata.profile
        tally = RowsTally(anomaly_kinds={}, kept={r["id"]: [0, 0] for r in request.rules})
        records: list[dict] = []
        rows = sample_rows(
            request.loaded,
            count=count,
            seed=seed,
            chunk_size=args.get("chunk_size", CHUNK_SIZE),
            rules=request.rules,
            spec=request.spec,
            tally=tally,
            given=request.given,
        )
        with _one_torch_thread():
            for typed in rows:
                frame = csv_frame(typed, profile)
                records.extend(frame.astype(object).where(frame.notna(), None).to_dict("records"))
                on_event({"event": "progress", "stage": "sample", "rows": len(records), "total": count, "elapsed_s": clock.elapsed()})
        seconds = clock.elapsed()
        return {
            "rows": count,
            "seed": seed,
            "records": records,
            "anomalies": sum(tally.anomaly_kinds.values()),
            "anomaly_kinds": tally.anomaly_kinds,
            "rules_kept": tally.rules_kept(),
            "cache": "hit" if hit else "miss",
            "seconds": seconds,
            "load_seconds": load_seconds,
            "sample_seconds": round(seconds - load_seconds, 3),
        }


@contextmanager
def _one_torch_thread() -> Iterator[None]:
    """torch on one thread for the block. Samples of at most INLINE_MAX_ROWS rows gain nothing
    from more: their steps are small, and on a busy machine each parallel step waits until all its
    threads are scheduled (1,000 TabularARGN rows at load 4 on 2 cores: 0.2 s on one thread, 0.9 to
    1.7 s on two)."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)


def check(args: dict) -> dict:
    """What ``sample`` answers of these arguments, from the model's metadata.json and its
    algorithm's catalogue entry, without loading the model: the rows, or the failure."""
    args = _inline_partial_rows(args)
    count, seed = args.get("count"), args.get("seed")
    check_sample_arguments(count, CHUNK_SIZE, seed)
    folder = ModelFolder.read(_model_argument(args))
    _, rows = checked_conditioning(
        folder.metadata.profile,
        algorithm=_catalogue.get(folder.metadata.algorithm),
        count=count,
        seed=drawn_seed(seed),
        **{kind: args.get(kind) for kind in CONDITIONS},
    )
    return {"rows": rows}


def _inline_partial_rows(args: dict) -> dict:
    """Partial rows given inline (a list of objects, column -> value) as the table they stand for."""
    rows = args.get("partial_rows")
    if not isinstance(rows, list):
        return args
    if not all(isinstance(row, dict) for row in rows):
        raise EngineError("invalid_arguments", "partial_rows must be a table's path or a list of objects of column -> value")
    import pandas as pd

    return {**args, "partial_rows": pd.DataFrame.from_records(rows)}


def _model_argument(args: dict) -> str:
    model = args.get("model")
    if not isinstance(model, str) or not model:
        raise EngineError("invalid_arguments", "model must be the path of a model folder")
    return model


def _checked_args(args: dict) -> dict:
    """The arguments of a sample or generate request, model checked; count may be left to a table of
    given rows."""
    _model_argument(args)
    args = _inline_partial_rows(args)
    rules_off = args.get("rules_off")
    if rules_off is not None and (not isinstance(rules_off, list) or not all(isinstance(r, str) for r in rules_off)):
        raise EngineError("invalid_arguments", "rules_off must be a list of rule ids")
    for name in ("output", "format"):
        if args.get(name) is not None and not isinstance(args[name], str):
            raise EngineError("invalid_arguments", f"{name} must be a string")
    return {"count": None, **args}


# The libraries a model's load imports, largest first; the ones an install lacks are left out.
PRELOADED = ("torch", "sdv.single_table", "mostlyai.engine")


def preload_libraries() -> list[str]:
    loaded = []
    for name in PRELOADED:
        try:
            importlib.import_module(name)
        except ImportError:
            continue
        loaded.append(name)
    return loaded


def main(argv: list[str], emit: EventCallback) -> None:
    from ._cli import parser

    def env_int(name: str, default: int | None) -> int | None:
        value = os.environ.get(name)
        return int(value) if value else default

    p = parser("worker.py", "Serve sample/generate/evaluate requests (JSON lines on stdin) from cached models.")
    p.add_argument("--cache-bytes", type=int, default=env_int("DOPPEL_WORKER_CACHE_BYTES", DEFAULT_CACHE_BYTES), help="bound of the model cache")
    p.add_argument("--queue-size", type=int, default=env_int("DOPPEL_WORKER_QUEUE_SIZE", DEFAULT_QUEUE_SIZE), help="requests waiting at most")
    p.add_argument("--max-requests", type=int, default=env_int("DOPPEL_WORKER_MAX_REQUESTS", None), help="exit after serving this many (default: never)")
    p.add_argument(
        "--max-rss-bytes", type=int, default=env_int("DOPPEL_WORKER_MAX_RSS_BYTES", None), help="exit after a request that leaves more resident memory"
    )
    p.add_argument("--preload", action="store_true", help="import the engine's libraries at start, before the first request")
    args = p.parse_args(argv)
    for name in ("cache_bytes", "queue_size", "max_requests", "max_rss_bytes"):
        value = getattr(args, name)
        if value is not None and value < (0 if name == "cache_bytes" else 1):
            raise EngineError("invalid_arguments", f"--{name.replace('_', '-')} must be positive (got {value})")
    worker = Worker(emit, cache_bytes=args.cache_bytes, queue_size=args.queue_size, max_requests=args.max_requests, max_rss_bytes=args.max_rss_bytes)
    # A stream of its own on stdin's descriptor: the interpreter, exiting, would wait for the lock of
    # sys.stdin's buffer, held by the reader thread blocked in a read, and abort.
    requests = open(os.dup(sys.stdin.fileno()), "rb")
    threading.Thread(target=worker.read, args=(requests,), name="requests", daemon=True).start()
    threading.Thread(target=worker.serve_checks, name="checks", daemon=True).start()
    worker.serve(preload=args.preload)
