#!/usr/bin/env python3
"""Evaluate a synthetic database: python evaluate_database.py --schema <json> --synthetic <dir> --output <json> [options]."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from doppel_engine import _cli


def main(argv, emit):
    parser = _cli.parser("evaluate_database.py", "Compare a synthetic database with the real one and write a JSON report.")
    parser.add_argument("--schema", required=True, help="the real database document, inline JSON or a file")
    parser.add_argument(
        "--synthetic",
        required=True,
        help="folder holding <table>.csv or <table>.parquet for every table, or a JSON object (inline or a .json file) mapping each table to its file",
    )
    parser.add_argument("--output", required=True, help="report JSON file to write")
    parser.add_argument("--seed", type=int, default=0, help="seed of the sub-sampling and the classifiers")
    parser.add_argument("--max-rows", type=int, default=20_000, help="sub-sample each table (and each join) to at most this many rows")
    parser.add_argument(
        "--metrics", choices=("auto", "sdmetrics", "doppel"), default=None, help="who computes the tables' scores (default auto: sdmetrics when installed)"
    )
    parser.add_argument(
        "--scope",
        choices=("full", "scores", "relationships"),
        default="full",
        help="full: every section; scores: the tables' scores and the relationships, no classifier or chart; relationships: the relationships only",
    )
    args = parser.parse_args(argv)
    from doppel_engine import evaluate_database

    evaluate_database(
        schema=args.schema,
        synthetic=args.synthetic,
        output=args.output,
        seed=args.seed,
        max_rows=args.max_rows,
        metrics=args.metrics,
        scope=args.scope,
        on_event=emit,
    )


if __name__ == "__main__":
    sys.exit(_cli.run(main))
