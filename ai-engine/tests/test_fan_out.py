"""Generation fanned out over a real Ray cluster on this machine: a head that samples nothing and
worker nodes of one CPU each, started with the engine environment's ray command and stopped after.

The same batch seed gives the same bytes on one node, on two nodes and in one process; a worker
node killed while two million rows are being sampled leaves a batch with exact counts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from local_ray import LocalRay, free_port

from conftest import ENGINE, run_cli


@pytest.fixture(scope="module")
def ray_cluster():
    cluster = LocalRay()
    try:
        yield cluster
    finally:
        cluster.stop()


def _generate(model: Path, out: Path, *args, address: str | None) -> dict:
    env = {"DOPPEL_THREADS": "1"}
    if address:
        env |= {"DOPPEL_ENGINE_FAN_OUT": "ray", "RAY_ADDRESS": address}
    run = run_cli("generate.py", "--model", model, "--output", out, *args, env=env)
    assert run.rc == 0, run.stderr[-3000:]
    return run.last


def test_the_same_seed_gives_the_same_bytes_on_one_node_on_two_nodes_and_in_one_process(ray_cluster, models, tmp_path):
    model, _ = models("TabularARGN", "penguins")
    args = ("--count", 20_000, "--part-rows", 3_000, "--chunk-size", 1_000, "--seed", 5, "--anomalies", '{"ratio": 0.05}')

    ray_cluster.add_worker("worker-1")
    one_node = _generate(model, tmp_path / "one-node.csv", *args, address=ray_cluster.address)
    ray_cluster.add_worker("worker-2")
    two_nodes = _generate(model, tmp_path / "two-nodes.csv", *args, address=ray_cluster.address)
    one_process = _generate(model, tmp_path / "one-process.csv", *args, address=None)

    assert (one_node["parts"], one_node["nodes"]) == (7, 1)
    assert (two_nodes["parts"], two_nodes["nodes"]) == (7, 2)
    assert one_process["nodes"] is None
    assert one_node["anomalies"] == two_nodes["anomalies"] == one_process["anomalies"] == 1_000
    one_node_bytes = (tmp_path / "one-node.csv").read_bytes()
    assert (tmp_path / "two-nodes.csv").read_bytes() == one_node_bytes
    assert (tmp_path / "one-process.csv").read_bytes() == one_node_bytes
    assert len(one_node_bytes.splitlines()) == 20_001


def test_a_worker_node_killed_while_two_million_rows_are_sampled_leaves_a_batch_with_exact_counts(ray_cluster, models, tmp_path):
    model, _ = models("TabularARGN", "penguins")
    for name in ("worker-1", "worker-2"):
        if name not in ray_cluster.sessions:
            ray_cluster.add_worker(name)
    out = tmp_path / "batch.parquet"
    env = {**os.environ, "DOPPEL_THREADS": "1", "DOPPEL_ENGINE_FAN_OUT": "ray", "RAY_ADDRESS": ray_cluster.address}
    command = [sys.executable, str(ENGINE / "generate.py"), "--model", str(model), "--output", str(out)]
    command += ["--count", "2000000", "--seed", "9", "--anomalies", '{"ratio": 0.01}']
    generation = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd="/")
    events = []
    try:
        for line in generation.stdout:
            events.append(json.loads(line))
            if events[-1]["event"] == "progress" and events[-1]["rows"] >= 200_000:
                ray_cluster.kill("worker-2")
                break
        events += [json.loads(line) for line in generation.stdout]
        generation.wait(timeout=600)
    finally:
        if generation.poll() is None:
            generation.kill()
    stderr = generation.stderr.read()

    assert "worker-2" not in ray_cluster.sessions, f"the generation ended before a node was killed: {events[-1]}\n{stderr[-3000:]}"
    assert generation.returncode == 0, f"{events[-1]}\n{stderr[-3000:]}"
    completed = events[-1]
    assert (completed["event"], completed["rows"], completed["anomalies"], completed["parts"]) == ("completed", 2_000_000, 20_000, 20)
    table = pq.read_table(out, columns=["is_anomaly"])
    assert table.num_rows == 2_000_000
    assert pc.sum(table["is_anomaly"]).as_py() == 20_000


def test_fanning_out_without_a_cluster_fails_with_a_clear_reason(models, tmp_path):
    model, _ = models("TabularARGN", "penguins")
    run = run_cli(
        "generate.py",
        "--model",
        model,
        "--output",
        tmp_path / "none.csv",
        "--count",
        10,
        "--part-rows",
        5,
        env={"DOPPEL_ENGINE_FAN_OUT": "ray", "RAY_ADDRESS": f"127.0.0.1:{free_port()}"},
        timeout=180,
    )
    assert run.rc == 1, run.stderr[-2000:]
    assert run.last["event"] == "error"
    assert run.last["message"].startswith("no Ray cluster to fan generation out to")
    assert not (tmp_path / "none.csv").exists()
