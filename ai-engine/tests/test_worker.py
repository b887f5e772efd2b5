"""worker.py: the JSON-line protocol of the long-lived engine worker (WORKER.md), run as a subprocess."""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import sys
import threading
import time

import pytest

from conftest import ENGINE, HAS_SDV, run_cli

ALGORITHM = "GaussianCopula" if HAS_SDV else "TabularARGN"  # the permissive install has no SDV
TERMINAL = ("completed", "failed", "cancelled", "busy")
# Enough chunks that a request is still running when the test sends its next line.
LONG = {"count": 400_000, "chunk_size": 500}


class WorkerProcess:
    """worker.py with its stdout lines collected by a thread; every line must be a JSON object."""

    def __init__(self, tmp_path, *args: str):
        self.stderr = (tmp_path / f"worker-stderr-{id(self)}.log").open("w+")
        self.proc = subprocess.Popen(
            [sys.executable, str(ENGINE / "worker.py"), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            text=True,
            cwd="/",
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.events: list[dict] = []
        threading.Thread(target=self._collect, daemon=True).start()
        self.hello = self.next_event()

    def _collect(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def next_event(self, timeout: float = 120) -> dict:
        line = self.lines.get(timeout=timeout)
        assert line is not None, f"the worker ended (rc {self.proc.wait()}): {self.log()[-3000:]}"
        event = json.loads(line)
        self.events.append(event)
        return event

    def log(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read()

    def send(self, request: dict | str) -> None:
        self.proc.stdin.write((request if isinstance(request, str) else json.dumps(request)) + "\n")
        self.proc.stdin.flush()

    def answer(self, rid: str | None, timeout: float = 120) -> dict:
        """The terminal event of ``rid`` (the events before it stay in self.events)."""
        for event in self.events:
            if event["id"] == rid and event["event"] in TERMINAL:
                return event
        while True:
            event = self.next_event(timeout)
            if event["id"] == rid and event["event"] in TERMINAL:
                return event

    def first(self, rid: str, kind: str) -> dict:
        for event in self.events:
            if event["id"] == rid and event["event"] == kind:
                return event
        while True:
            event = self.next_event()
            if event["id"] == rid and event["event"] == kind:
                return event

    def request(self, request: dict) -> dict:
        self.send(request)
        return self.answer(request["id"])

    def health(self) -> dict:
        rid = f"health-{len(self.events)}"
        self.send({"id": rid, "op": "health"})
        return self.first(rid, "health")

    def close(self) -> int:
        if self.proc.poll() is None:
            self.proc.stdin.close()
        try:
            return self.proc.wait(timeout=60)
        finally:
            self.stderr.close()


@pytest.fixture(scope="module")
def model(models):
    folder, _ = models(ALGORITHM, "penguins")
    return folder


@pytest.fixture(scope="module")
def worker(tmp_path_factory, model):
    from doppel_engine._model_folder import ModelFolder
    from doppel_engine._worker import model_bytes

    # Room for one model of this size, not two: the eviction test loads two copies.
    size = model_bytes(ModelFolder.read(model))
    w = WorkerProcess(tmp_path_factory.mktemp("worker"), "--cache-bytes", str(size * 3 // 2), "--queue-size", "2")
    yield w
    w.send({"id": "bye", "op": "shutdown"})
    assert w.answer("bye")["event"] == "completed"
    assert w.close() == 0


def test_hello_comes_unasked(worker):
    hello = worker.hello
    assert hello["event"] == "hello" and hello["id"] is None
    assert hello["protocol"] == 1 and hello["pid"] == worker.proc.pid and hello["engine_version"]
    assert hello["cache_bytes"] > 0 and hello["queue_size"] == 2


def test_second_sample_is_served_from_the_cache(worker, model):
    first = worker.request({"id": "s1", "op": "sample", "model": str(model), "count": 5, "seed": 3})
    second = worker.request({"id": "s2", "op": "sample", "model": str(model), "count": 5, "seed": 3})
    assert first["event"] == second["event"] == "completed", (first, second)
    assert len(first["records"]) == 5 and first["records"] == second["records"]
    assert second["cache"] == "hit"
    assert set(first["records"][0]) == {"species", "island", "bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "sex", "year"}
    entries = worker.health()["cache"]["entries"]
    assert [e["model"] for e in entries][-1] == str(model.resolve()) and entries[-1]["hits"] >= 1


def test_a_sample_takes_the_conditions_generate_takes(worker, model):
    fixed = worker.request({"id": "fixed", "op": "sample", "model": str(model), "count": 20, "seed": 1, "conditions": {"island": "Dream"}})
    shared = worker.request({"id": "shared", "op": "sample", "model": str(model), "count": 20, "seed": 1, "shares": {"sex": {"male": 0.5, "female": 0.5}}})
    unknown = worker.request({"id": "unknown-island", "op": "sample", "model": str(model), "count": 5, "conditions": {"island": "Atlantis"}})
    assert fixed["event"] == shared["event"] == "completed", (fixed, shared)
    assert {r["island"] for r in fixed["records"]} == {"Dream"}
    assert sorted(r["sex"] for r in shared["records"]).count("male") == 10
    assert unknown["event"] == "failed" and unknown["code"] == "invalid_condition" and "island" in unknown["message"]


def test_partial_rows_come_inline_and_give_the_count(worker, model):
    given = [{"island": "Biscoe"}, {"sex": "male", "island": "Torgersen"}, {}]
    answer = worker.request({"id": "inline-partial", "op": "sample", "model": str(model), "seed": 2, "partial_rows": given})
    assert answer["event"] == "completed" and answer["rows"] == 3, answer
    records = answer["records"]
    assert records[0]["island"] == "Biscoe" and records[1]["island"] == "Torgersen" and records[1]["sex"] == "male"
    bad = worker.request({"id": "inline-partial-bad", "op": "sample", "model": str(model), "partial_rows": ["Biscoe"]})
    assert bad["event"] == "failed" and bad["code"] == "invalid_arguments"
    checked = worker.request({"id": "inline-partial-check", "op": "check", "model": str(model), "partial_rows": given})
    assert checked == {"id": "inline-partial-check", "event": "completed", "rows": 3}


def test_check_answers_what_sample_answers_without_loading_the_model(worker, model, tmp_path):
    # A copy whose model file was changed: sample refuses to load it, check never loads it.
    copy = shutil.copytree(model, tmp_path / "unloaded")
    model_file = copy / json.loads((copy / "metadata.json").read_text())["model"]["file"]
    model_file.write_bytes(model_file.read_bytes() + b"\0")
    partial = tmp_path / "partial.csv"
    partial.write_text("island,sex\nDream,\nBiscoe,female\n,male\n")
    cases = {
        "fixed": {"count": 20, "conditions": {"island": "Dream"}},
        "partial": {"partial_rows": str(partial)},
        "shares": {"count": 10, "shares": {"sex": {"male": 0.5, "female": 0.5}}},
        "plain": {"count": 7},
        "unseen": {"count": 5, "conditions": {"island": "Atlantis"}},
        "bad-shares": {"count": 5, "shares": {"sex": {"male": 0.5, "female": 0.6}}},
        "two-kinds": {"count": 5, "conditions": {"island": "Dream"}, "shares": {"sex": {"male": 1.0}}},
        "no-count": {"conditions": {"island": "Dream"}},
        "partial-count": {"count": 4, "partial_rows": str(partial)},
        "bad-seed": {"count": 5, "seed": "one"},
    }
    for name, args in cases.items():
        checked = worker.request({"id": f"check-{name}", "op": "check", "model": str(copy), **args})
        sampled = worker.request({"id": f"check-sample-{name}", "op": "sample", "model": str(model), **args})
        if sampled["event"] == "completed":
            assert checked == {"id": f"check-{name}", "event": "completed", "rows": sampled["rows"]}, (name, checked)
        else:
            assert checked["event"] == "failed" and checked["code"] in ("invalid_condition", "invalid_arguments"), (name, checked, sampled)
            assert (checked["code"], checked["message"]) == (sampled["code"], sampled["message"]), name
    assert [checked["rows"] for checked in (worker.answer("check-fixed"), worker.answer("check-partial"))] == [20, 3]
    assert str(copy.resolve()) not in [e["model"] for e in worker.health()["cache"]["entries"]]
    assert worker.request({"id": "check-model", "op": "check", "model": str(tmp_path / "none"), "count": 1})["code"] == "model_not_found"
    refused = worker.request({"id": "check-anomalies", "op": "check", "model": str(model), "count": 1, "anomalies": {"ratio": 0.1}})
    assert refused["code"] == "invalid_arguments" and "check does not take anomalies" in refused["message"]


def test_check_answers_at_once_while_a_request_runs(worker, model, tmp_path):
    worker.send({"id": "check-long", "op": "generate", "model": str(model), "output": str(tmp_path / "long.csv"), **LONG})
    worker.first("check-long", "progress")
    started = time.perf_counter()
    refused = worker.request({"id": "check-busy", "op": "check", "model": str(model), "count": 5, "conditions": {"island": "Atlantis"}})
    seconds = time.perf_counter() - started
    assert refused["code"] == "invalid_condition" and "island" in refused["message"]
    assert seconds < 1.0, f"check took {seconds:.3f} s"
    assert not [e for e in worker.events if e["id"] == "check-long" and e["event"] in TERMINAL], "the check waited for the running request"
    assert worker.request({"id": "check-cancel", "op": "cancel", "target": "check-long"})["state"] == "running"
    assert worker.answer("check-long")["event"] == "cancelled"


def test_generate_writes_the_same_bytes_as_generate_py(worker, model, tmp_path):
    args = {"count": 700, "seed": 11, "chunk_size": 300}
    cli = run_cli("generate.py", "--model", model, "--count", 700, "--seed", 11, "--chunk-size", 300, "--output", tmp_path / "cli.csv")
    assert cli.rc == 0, cli.stderr[-2000:]
    done = worker.request({"id": "g1", "op": "generate", "model": str(model), "output": str(tmp_path / "worker.csv"), **args})
    assert done["event"] == "completed", done
    assert [e["rows"] for e in worker.events if e["id"] == "g1" and e["event"] == "progress"] == [300, 600, 700]
    assert (tmp_path / "worker.csv").read_bytes() == (tmp_path / "cli.csv").read_bytes()
    assert {k: v for k, v in done.items() if k in ("rows", "seed", "bytes")} == {k: cli.last[k] for k in ("rows", "seed", "bytes")}


def test_a_tampered_model_is_refused_and_the_worker_serves_on(worker, model, tmp_path):
    copy = shutil.copytree(model, tmp_path / "copy")
    model_file = copy / json.loads((copy / "metadata.json").read_text())["model"]["file"]
    model_file.write_bytes(model_file.read_bytes() + b"\0")
    refused = worker.request({"id": "t1", "op": "sample", "model": str(copy), "count": 2})
    assert refused == {"id": "t1", "event": "failed", "code": "model_invalid", "message": refused["message"]}
    assert "does not match its metadata.json" in refused["message"]
    assert worker.request({"id": "t2", "op": "sample", "model": str(model), "count": 2})["event"] == "completed"


def test_a_malformed_line_is_answered_and_the_worker_serves_on(worker, model):
    worker.send("{not json")
    worker.proc.stdin.buffer.write(b'{"id": "\xff"}\n')
    worker.proc.stdin.flush()
    not_json, not_utf8 = worker.next_event(), worker.next_event()  # nothing else is running
    assert not_json["id"] is None and not_json["code"] == "invalid_arguments" and "JSON" in not_json["message"]
    assert not_utf8["id"] is None and not_utf8["code"] == "invalid_arguments" and "UTF-8" in not_utf8["message"]
    unknown = worker.request({"id": "m1", "op": "sample", "model": str(model), "count": 2, "rows": 2})
    assert unknown["code"] == "invalid_arguments" and "rows" in unknown["message"]
    assert worker.request({"id": "m2", "op": "train"})["code"] == "invalid_arguments"
    assert worker.request({"id": "m3", "op": "sample", "model": str(model), "count": 0})["code"] == "invalid_arguments"
    assert worker.request({"id": "m4", "op": "evaluate", "real": "real.csv", "synthetic": "synthetic.csv"})["code"] == "invalid_arguments"
    assert worker.request({"id": "m5", "op": "sample", "model": str(model), "count": 2})["event"] == "completed"


def test_health_answers_while_a_request_runs_and_a_full_queue_answers_busy(worker, model, tmp_path):
    worker.send({"id": "long", "op": "generate", "model": str(model), "output": str(tmp_path / "long.csv"), **LONG})
    worker.first("long", "progress")
    health = worker.health()
    assert health["running"] == {"id": "long", "op": "generate"}
    assert health["rss_bytes"] > 0 and health["served"] >= 0 and health["cache"]["entries"]
    for rid in ("q1", "q2", "q3"):  # the queue holds two
        worker.send({"id": rid, "op": "sample", "model": str(model), "count": 1})
    assert worker.answer("q3") == {"id": "q3", "event": "busy", "reason": "queue_full", "queued": 2}
    assert worker.request({"id": "c0", "op": "cancel", "target": "long"})["state"] == "running"
    assert worker.answer("long") == {"id": "long", "event": "cancelled", "state": "running"}
    assert worker.answer("q1")["event"] == worker.answer("q2")["event"] == "completed"
    assert not (tmp_path / "long.csv").exists() and not list(tmp_path.glob(".long.csv.partial-*"))


def test_cancel_drops_a_queued_request_and_stops_a_running_one(worker, model, tmp_path):
    worker.send({"id": "run", "op": "generate", "model": str(model), "output": str(tmp_path / "run.csv"), **LONG})
    worker.first("run", "progress")
    worker.send({"id": "waiting", "op": "generate", "model": str(model), "output": str(tmp_path / "waiting.csv"), **LONG})
    assert worker.request({"id": "c1", "op": "cancel", "target": "waiting"})["state"] == "queued"
    assert worker.answer("waiting") == {"id": "waiting", "event": "cancelled", "state": "queued"}
    assert worker.request({"id": "c2", "op": "cancel", "target": "run"})["state"] == "running"
    assert worker.answer("run")["event"] == "cancelled"
    assert not [e for e in worker.events if e["id"] == "waiting" and e["event"] != "cancelled"]
    assert worker.request({"id": "c3", "op": "cancel", "target": "run"})["state"] == "unknown"
    assert not list(tmp_path.iterdir())


def test_the_least_recently_used_model_is_evicted_at_the_bound(worker, model, tmp_path):
    first, second = shutil.copytree(model, tmp_path / "a"), shutil.copytree(model, tmp_path / "b")
    assert worker.request({"id": "e1", "op": "sample", "model": str(first), "count": 2})["cache"] == "miss"
    assert worker.request({"id": "e2", "op": "sample", "model": str(second), "count": 2})["cache"] == "miss"
    cache = worker.health()["cache"]
    assert [e["model"] for e in cache["entries"]] == [str(second.resolve())]
    assert cache["used_bytes"] <= cache["bound_bytes"]
    assert worker.request({"id": "e3", "op": "sample", "model": str(first), "count": 2})["cache"] == "miss"


def test_the_worker_exits_after_its_request_limit(tmp_path, model):
    w = WorkerProcess(tmp_path, "--max-requests", "2")
    w.send({"id": "r1", "op": "sample", "model": str(model), "count": 1})
    w.send({"id": "r2", "op": "sample", "model": str(model), "count": 1})
    w.send({"id": "r3", "op": "sample", "model": str(model), "count": 1})
    assert w.answer("r1")["event"] == w.answer("r2")["event"] == "completed"
    recycling = w.next_event()
    assert recycling == {"id": None, "event": "recycling", "reason": "max_requests", "served": 2, "rss_bytes": recycling["rss_bytes"]}
    assert w.answer("r3") == {"id": "r3", "event": "busy", "reason": "recycling"}
    assert w.close() == 0


def test_the_worker_exits_when_a_request_leaves_it_above_its_memory_bound(tmp_path):
    w = WorkerProcess(tmp_path, "--max-rss-bytes", "1")
    # A request that loads no model keeps the test fast; a failed request counts as served too.
    assert w.request({"id": "r1", "op": "sample", "model": str(tmp_path / "none"), "count": 1})["code"] == "model_not_found"
    assert w.next_event()["reason"] == "max_rss_bytes"
    assert w.close() == 0


def test_preload_imports_the_libraries_before_the_first_request_and_says_so(tmp_path, model):
    w = WorkerProcess(tmp_path, "--preload")
    w.send({"id": "after-preload", "op": "sample", "model": str(model), "count": 3})
    ready = w.next_event()
    assert ready["id"] is None and ready["event"] == "ready", ready
    assert "torch" in ready["preloaded"] and ready["seconds"] > 0
    answer = w.answer("after-preload")
    assert answer["event"] == "completed" and answer["rows"] == 3
    assert w.close() == 0


def test_sampling_twenty_models_in_turn_keeps_the_cache_and_the_process_within_their_bounds(tmp_path, model):
    from doppel_engine._model_folder import ModelFolder
    from doppel_engine._worker import model_bytes

    size = model_bytes(ModelFolder.read(model))
    copies = [shutil.copytree(model, tmp_path / f"model-{i}") for i in range(20)]
    probe = WorkerProcess(tmp_path, "--cache-bytes", str(size * 3))
    assert probe.request({"id": "p", "op": "sample", "model": str(copies[0]), "count": 5})["event"] == "completed"
    warm_rss = probe.health()["rss_bytes"]
    probe.close()
    # Room for three models and a little growth: a worker that grows past it recycles itself.
    bound = warm_rss + 64 * 1024 * 1024
    w = WorkerProcess(tmp_path, "--cache-bytes", str(size * 3), "--max-rss-bytes", str(bound))
    recycled = 0
    for i, copy in enumerate(copies):
        answer = w.request({"id": f"m{i}", "op": "sample", "model": str(copy), "count": 50})
        assert answer["event"] == "completed", answer
        time.sleep(0.2)  # a recycling line follows the answer at once
        if any(e["event"] == "recycling" for e in w.events):  # it outgrew its bound: the caller starts another
            assert w.close() == 0
            recycled += 1
            w = WorkerProcess(tmp_path, "--cache-bytes", str(size * 3), "--max-rss-bytes", str(bound))
            continue
        health = w.health()
        assert health["cache"]["used_bytes"] <= health["cache"]["bound_bytes"] and len(health["cache"]["entries"]) <= 3
        assert health["rss_bytes"] <= bound, health
    assert recycled < 20
    w.close()
