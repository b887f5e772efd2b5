#!/usr/bin/env python3
"""Interactive sampling and generation through a running app, against the engine library in-process.

Usage (the engine venv's python, so the library baseline can load the same model folders):

    ~/.cache/doppel/venv-c86d4efbefc1/bin/python bench/sampling.py --url http://localhost:8080 \\
        --data-dir <the app's doppel.data-dir> [--data ../shared/datasets/adult.csv] [--epochs 5] \\
        [--argn-minutes 2] [--calls 50] [--library-calls 20] [--million-argn] [--app-log app.log]

It registers a throw-away user, uploads the table and trains GaussianCopula, CTGAN (``--epochs``) and
TabularARGN (``--argn-minutes`` of training at most), waits for the trainings and the evaluations
that follow them (so no job competes with the measurements), then per model:

- the first ``POST /api/models/{id}/sample`` of ``--rows`` rows: the model's cold call (the app
  imported the libraries when it started; this call loads the model unless an evaluation already
  left it in a worker: ``engine.modelLoad`` says which), then ``--calls`` more with distinct seeds,
  wall time p50/p95;
- the library in-process on the same model folder (``<data-dir>/files/projects/<project>/models/
  <model>/model-folder``): the libraries imported as a worker's preload imports them, the model
  loaded once with the engine's own loading (reported as "load": load_model alone; set-up an
  algorithm does on its first sample falls in the untimed warm-up call), then ``prepare_sample`` and
  ``sample_rows`` of ``--rows`` rows ``--library-calls`` times (after one warm-up), p50; the target
  is "p50 < 0.5 s, p95 < 1 s, and p50 at most 3x the library + 150 ms";
- ``POST /api/generate`` of ``--rows`` rows, polling ``GET /api/synthetic/{id}`` every ``--poll``
  seconds to COMPLETED, then downloading the CSV (median of ``--generate-calls``; target < 1.5 s);

and ``--million`` rows through ``POST /api/generate`` from GaussianCopula (and TabularARGN with
``--million-argn``): rows/s from the request to COMPLETED, against ``doppel_engine.generate``
writing the same number of rows to a CSV file in this process.

``--app-log`` names the app's log: the workers' ``ready`` lines (the libraries imported at start)
are reported from it. Prints the load average at start and end and a Markdown table. Without
``--data-dir`` the library columns are left out, and any python will do (standard library only).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TERMINAL = ("COMPLETED", "FAILED", "CANCELLED")


class Api:
    def __init__(self, url: str):
        self.base = url.rstrip("/") + "/api"
        self.token: str | None = None

    def raw(self, path: str, method: str = "GET", body: bytes | None = None, content_type: str = "application/json") -> tuple[int, bytes]:
        request = urllib.request.Request(self.base + path, method=method, data=body)
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        if body is not None:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=600) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            raise SystemExit(f"{method} {path} answered {error.code}: {error.read()[:500].decode(errors='replace')}") from None

    def json(self, path: str, method: str = "GET", payload: object = None) -> tuple[int, object]:
        status, data = self.raw(path, method, None if payload is None else json.dumps(payload).encode())
        return status, json.loads(data or b"null")

    def call(self, path: str, method: str = "GET", payload: object = None) -> object:
        return self.json(path, method, payload)[1]


def multipart(fields: dict, file_field: str, path: Path) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields.items()]
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{path.name}"\r\nContent-Type: text/csv\r\n\r\n'.encode())
    parts += [path.read_bytes(), f"\r\n--{boundary}--\r\n".encode()]
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def train_settings(algorithm: str, args: argparse.Namespace) -> dict:
    if algorithm == "CTGAN":
        return {"epochs": args.epochs}
    if algorithm == "TabularARGN":
        return {"settings": {"max_training_time": args.argn_minutes}}
    return {}


def wait_for(api: Api, path: str, what: str, limit_s: float, must_complete: bool = True) -> dict:
    deadline = time.monotonic() + limit_s
    while True:
        answer = api.call(path)
        if answer.get("status") in TERMINAL:
            if must_complete and answer["status"] != "COMPLETED":
                raise SystemExit(f"{what} ended {answer['status']}: {answer.get('error')}")
            return answer
        if time.monotonic() > deadline:
            raise SystemExit(f"{what} still {answer.get('status')} after {limit_s:.0f} s")
        time.sleep(2)


def app_sample(api: Api, model: int, rows: int, seed: int) -> tuple[float, dict]:
    started = time.perf_counter()
    answer = api.call(f"/models/{model}/sample", "POST", {"rows": rows, "seed": seed})
    elapsed = time.perf_counter() - started
    if answer["count"] != rows:
        raise SystemExit(f"/sample answered {answer['count']} rows, not {rows}")
    return elapsed, answer


def app_generate(api: Api, model: int, rows: int, poll: float, download: bool) -> float:
    """Seconds from POST /api/generate to COMPLETED (and the CSV downloaded, when asked)."""
    started = time.perf_counter()
    batch = api.call("/generate", "POST", {"modelId": model, "count": rows, "seed": 7})["id"]
    while (answer := api.call(f"/synthetic/{batch}"))["status"] not in TERMINAL:
        time.sleep(poll)
    if answer["status"] != "COMPLETED":
        raise SystemExit(f"batch {batch} ended {answer['status']}: {answer.get('error')}")
    if download:
        _, data = api.raw(f"/synthetic/{batch}/download?format=csv")
        lines = data.count(b"\n")
        if lines < rows:
            raise SystemExit(f"batch {batch} downloaded {lines} lines for {rows} rows")
    elapsed = time.perf_counter() - started
    api.raw(f"/synthetic/{batch}", "DELETE")
    return elapsed


class Library:
    """The engine library in this process, on the app's model folders."""

    def __init__(self, data_dir: Path):
        sys.path.insert(0, str(ROOT / "ai-engine"))
        from doppel_engine import _generate
        from doppel_engine._worker import preload_libraries

        # What a worker imports with --preload, so that loading a model here times the model alone.
        preload_libraries()
        self.engine = _generate
        self.files = data_dir / "files"

    def folder(self, project: int, model: int) -> str:
        path = self.files / "projects" / str(project) / "models" / str(model) / "model-folder"
        if not path.is_dir():
            raise SystemExit(f"no model folder at {path}: is --data-dir the app's doppel.data-dir?")
        return str(path)

    def sample_times(self, folder: str, rows: int, calls: int) -> tuple[float, list[float]]:
        """Seconds to load the model, and per call the seconds of prepare_sample and sample_rows."""
        started = time.perf_counter()
        loaded = self.engine.load_model(folder)
        load_seconds = time.perf_counter() - started
        times = []
        for i in range(calls + 1):
            started = time.perf_counter()
            request = self.engine.prepare_sample(
                model=folder,
                count=rows,
                seed=1000 + i,
                chunk_size=self.engine.CHUNK_SIZE,
                anomalies=None,
                rules_off=None,
                conditions=None,
                partial_rows=None,
                shares=None,
                impute=None,
                load=lambda _path: loaded,
            )
            tally = self.engine.RowsTally(anomaly_kinds={}, kept={r["id"]: [0, 0] for r in request.rules})
            chunks = self.engine.sample_rows(
                loaded, count=rows, seed=request.seed, chunk_size=self.engine.CHUNK_SIZE, rules=request.rules, spec=None, tally=tally
            )
            got = sum(len(chunk) for chunk in chunks)
            if got != rows:
                raise SystemExit(f"the library sampled {got} rows, not {rows}")
            if i:  # the first call warms up
                times.append(time.perf_counter() - started)
        return load_seconds, times

    def generate_seconds(self, folder: str, rows: int) -> float:
        from doppel_engine import generate

        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            generate(model=folder, count=rows, output=str(Path(tmp) / "rows.csv"), seed=7)
            return time.perf_counter() - started


def preload_seconds(app_log: str | None) -> list[float]:
    if not app_log:
        return []
    text = Path(app_log).read_text(errors="replace")
    return [float(s) for s in re.findall(r'"event":"ready".*?"seconds":([0-9.]+)', text)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8080")
    parser.add_argument("--data-dir", help="the app's doppel.data-dir (for the library baseline)")
    parser.add_argument("--data", default=str(ROOT / "../shared/datasets/adult.csv"))
    parser.add_argument("--algorithms", default="GaussianCopula,CTGAN,TabularARGN")
    parser.add_argument("--epochs", type=int, default=5, help="CTGAN epochs")
    parser.add_argument("--argn-minutes", type=float, default=2, help="TabularARGN's training-time cap")
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--calls", type=int, default=50)
    parser.add_argument("--library-calls", type=int, default=20)
    parser.add_argument("--generate-calls", type=int, default=3)
    parser.add_argument("--poll", type=float, default=0.05, help="seconds between batch status polls")
    parser.add_argument("--million", type=int, default=1_000_000, help="rows of the throughput run (0: skip it)")
    parser.add_argument("--million-argn", action="store_true", help="the throughput run from TabularARGN too")
    parser.add_argument("--train-minutes", type=float, default=30, help="how long to wait for trainings and evaluations")
    parser.add_argument("--app-log", help="the app's log file, for the workers' preload time")
    args = parser.parse_args()
    algorithms = args.algorithms.split(",")
    print(f"load average at start: {load()}")

    library = Library(Path(args.data_dir)) if args.data_dir else None
    api = Api(args.url)
    user = {"username": "bench-" + uuid.uuid4().hex[:8], "password": "benchmark password"}
    api.call("/auth/register", "POST", user)
    api.token = api.call("/auth/login", "POST", user)["token"]
    project = api.call("/projects", "POST", {"name": "sampling benchmark"})["id"]
    body, content_type = multipart({"projectId": project}, "file", Path(args.data))
    dataset = json.loads(api.raw("/datasets/upload", "POST", body, content_type)[1])["id"]

    models = {a: api.call("/models/train", "POST", {"datasetId": dataset, "algorithm": a, **train_settings(a, args)})["id"] for a in algorithms}
    limit = args.train_minutes * 60
    for algorithm, model in models.items():
        log(f"waiting for {algorithm} (model {model}) to train")
        wait_for(api, f"/models/{model}/status", f"training {algorithm}", limit)
    for algorithm, model in models.items():
        log(f"waiting for {algorithm}'s evaluation")
        wait_for(api, f"/models/{model}/evaluation", f"evaluating {algorithm}", limit, must_complete=False)
    print(f"load average once trained and evaluated: {load()}")

    results = {}
    for algorithm, model in models.items():
        log(f"{algorithm}: /sample")
        cold, answer = app_sample(api, model, args.rows, 1)
        warm, loads = [], []
        for i in range(args.calls):
            elapsed, answer_i = app_sample(api, model, args.rows, 2 + i)
            warm.append(elapsed)
            loads.append(answer_i["engine"]["modelLoad"])
        result = {
            "cold": cold,
            "cold_load": answer["engine"]["modelLoad"],
            "cold_engine": answer["engine"]["seconds"],
            "p50": percentile(warm, 0.5),
            "p95": percentile(warm, 0.95),
            "warm_loaded": loads.count("loaded"),
        }
        log(f"{algorithm}: generate {args.rows} rows")
        generated = [app_generate(api, model, args.rows, args.poll, download=True) for _ in range(args.generate_calls)]
        result["generate"] = statistics.median(generated)
        result["generate_max"] = max(generated)
        if library:
            log(f"{algorithm}: library in-process")
            result["library_load"], times = library.sample_times(library.folder(project, model), args.rows, args.library_calls)
            result["library_p50"] = percentile(times, 0.5)
        results[algorithm] = result

    throughput = {}
    if args.million:
        for algorithm in [a for a in algorithms if a == "GaussianCopula" or (a == "TabularARGN" and args.million_argn)]:
            log(f"{algorithm}: {args.million:,} rows through /api/generate")
            entry = {"app": app_generate(api, models[algorithm], args.million, 0.5, download=False)}
            if library:
                log(f"{algorithm}: {args.million:,} rows by the library")
                entry["library"] = library.generate_seconds(library.folder(project, models[algorithm]), args.million)
            throughput[algorithm] = entry

    api.raw(f"/projects/{project}", "DELETE")
    report(args, results, throughput, preload_seconds(args.app_log))
    print(f"load average at end: {load()}")


def report(args: argparse.Namespace, results: dict, throughput: dict, preloads: list[float]) -> None:
    rows = f"{args.rows:,}"
    print()
    print(
        f"| model | first /sample of {rows} rows (cold) | /sample p50 | p95 ({args.calls} calls) | library in-process p50 | "
        f"p50 / library | target (p50 < 0.5 s, p95 < 1 s, p50 ≤ 3× library + 150 ms) | /generate {rows} rows + CSV download |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for algorithm, r in results.items():
        lib = r.get("library_p50")
        held = r["p50"] < 0.5 and r["p95"] < 1 and (lib is None or r["p50"] <= 3 * lib + 0.15)
        reloads = f"; {r['warm_loaded']} of the {args.calls} loaded the model" if r["warm_loaded"] else ""
        print(
            f"| {algorithm} | {r['cold']:.2f} s (model {r['cold_load']}, engine {r['cold_engine']:.2f} s) | {r['p50'] * 1000:.0f} ms | "
            f"{r['p95'] * 1000:.0f} ms{reloads} | "
            + (f"{lib * 1000:.0f} ms (load {r['library_load']:.2f} s) | {r['p50'] / lib:.1f}× | " if lib else "– | – | ")
            + f"{'held' if held else 'missed'} | {r['generate']:.2f} s (max {r['generate_max']:.2f} s): "
            f"{'held' if r['generate'] < 1.5 else 'missed'} |"
        )
    if throughput:
        print()
        print(f"| model | {args.million:,} rows via /api/generate to COMPLETED | library generate() to CSV in-process | app / library |")
        print("|---|---|---|---|")
        for algorithm, t in throughput.items():
            app_rate = args.million / t["app"]
            line = f"| {algorithm} | {t['app']:.1f} s, {app_rate:,.0f} rows/s | "
            if "library" in t:
                lib_rate = args.million / t["library"]
                line += f"{t['library']:.1f} s, {lib_rate:,.0f} rows/s | {app_rate / lib_rate:.2f} |"
            else:
                line += "– | – |"
            print(line)
    if preloads:
        print()
        print(f"Workers' preload at app start (libraries imported): {', '.join(f'{s:.1f} s' for s in preloads)}")


if __name__ == "__main__":
    main()
