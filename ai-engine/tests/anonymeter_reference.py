"""Runs anonymeter's evaluators on frames given as JSON on stdin and prints their results as JSON.

Run by tests/test_anonymeter.py with the python of the anonymeter venv (requirements-anonymeter.lock),
never imported by the engine. Input: {"cases": [case...], "counts": [[main, control, baseline, total]...]},
a case being {"name", "frames": {"train"|"control"|"synthetic": {column: [values]}}, "numeric": [columns],
"halves": [[columns], [columns]], "secrets": [columns], "predicates": [[[column, op, value]...]...],
"singling_out_attacks": the number of predicates asked for}
(nulls as null). Columns are renamed to c0, c1... because pandas queries need identifiers.
"""

from __future__ import annotations

import json
import sys
import warnings

import numpy as np
import pandas as pd
from anonymeter.evaluators import InferenceEvaluator, LinkabilityEvaluator, SinglingOutEvaluator, singling_out_evaluator
from anonymeter.stats.confidence import EvaluationResults

JOBS = 1


def _frame(columns: dict[str, list], numeric: set[str], names: dict[str, str]) -> pd.DataFrame:
    data = {}
    for name, values in columns.items():
        if name in numeric:
            data[names[name]] = pd.Series(values, dtype=float)
        else:
            data[names[name]] = pd.Series([np.nan if v is None else v for v in values], dtype=object)
    return pd.DataFrame(data)


def _result(results: EvaluationResults) -> dict:
    risk = results.risk()
    return {
        "risk": risk.value,
        "ci": list(risk.ci),
        "attack_rate": results.n_success / results.n_attacks,
        "control_rate": results.n_control / results.n_attacks,
    }


def _query(predicate: list, names: dict[str, str]) -> str:
    """An engine predicate in anonymeter's query syntax (its _query_from_record's)."""
    parts = []
    for column, op, value in predicate:
        column = names[column]
        if op == "null":
            parts.append(f"{column}.isna()")
        elif isinstance(value, str):
            parts.append(f"{column} {op} '{singling_out_evaluator._escape_quotes(value)}'")
        else:
            parts.append(f"{column} {op} {value!r}")
    return " & ".join(parts)


def _singling_out(train, control, synthetic, queries: list[str], attacks: int) -> dict:
    """anonymeter's SinglingOutEvaluator with the engine's queries in place of its random ones."""
    original = singling_out_evaluator._generate_singling_out_queries
    singling_out_evaluator._generate_singling_out_queries = lambda **_: queries
    try:
        evaluator = SinglingOutEvaluator(ori=train, syn=synthetic, control=control, n_attacks=attacks).evaluate()
    finally:
        singling_out_evaluator._generate_singling_out_queries = original
    distinct = synthetic.drop_duplicates()
    singled = sum(singling_out_evaluator.safe_query_counts(q, distinct) == 1 for q in queries)
    return {**_result(evaluator.results()), "singling_out_synthetic": int(singled)}


def _case(case: dict) -> dict:
    names = {name: f"c{i}" for i, name in enumerate(case["frames"]["train"])}
    numeric = set(case["numeric"])
    train, control, synthetic = (_frame(case["frames"][k], numeric, names) for k in ("train", "control", "synthetic"))
    rows = len(train)
    halves = tuple([names[c] for c in half] for half in case["halves"])
    linkability = LinkabilityEvaluator(ori=train, syn=synthetic, control=control, aux_cols=halves, n_attacks=rows).evaluate(n_jobs=JOBS)
    inference = {}
    for secret in case["secrets"]:
        aux = [names[c] for c in names if c != secret]
        evaluator = InferenceEvaluator(
            ori=train, syn=synthetic, control=control, aux_cols=aux, secret=names[secret], regression=secret in numeric, n_attacks=rows
        )
        inference[secret] = _result(evaluator.evaluate(n_jobs=JOBS).results())
    queries = [_query(p, names) for p in case["predicates"]]
    return {
        "linkability": _result(linkability.results()),
        "inference": inference,
        "singling_out": _singling_out(train, control, synthetic, queries, case["singling_out_attacks"]),
    }


def main() -> None:
    request = json.load(sys.stdin)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # anonymeter warns when an attack does no better than its baseline
        out = {
            "cases": {case["name"]: _case(case) for case in request["cases"]},
            "counts": [_result(EvaluationResults(n_attacks=t, n_success=m, n_control=c, n_baseline=b)) for m, c, b, t in request["counts"]],
        }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
