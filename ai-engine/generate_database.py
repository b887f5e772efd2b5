#!/usr/bin/env python3
"""Generate a database: python generate_database.py --model <dir> --output <dir> [--seed N] [--scale 1.0] [--format csv|parquet]
[--anomalies JSON] [--conditions JSON]."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from doppel_engine import _cli


def main(argv, emit):
    parser = _cli.parser("generate_database.py", "Generate every table of a database model into a folder, parents first.")
    parser.add_argument("--model", required=True, help="model folder written by train_database.py")
    parser.add_argument("--output", required=True, help="folder to write <table>.<format> files into")
    parser.add_argument("--seed", type=int, help="seed for reproducible output (default: random)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies the root tables' real row counts; children follow their parents")
    parser.add_argument("--format", choices=["csv", "parquet"], default="csv", help="output format (default csv)")
    parser.add_argument("--anomalies", help='per table, the anomalies spec of generate.py, inline JSON or a file path: {"<table>": {"ratio": 0.01}}')
    parser.add_argument(
        "--conditions",
        help='per table without a parent, fixed values as generate.py --conditions, inline JSON or a file path: {"<table>": {"<column>": value}}',
    )
    args = parser.parse_args(argv)
    from doppel_engine import generate_database

    generate_database(
        model=args.model,
        output=args.output,
        seed=args.seed,
        scale=args.scale,
        format=args.format,
        anomalies=args.anomalies,
        conditions=args.conditions,
        on_event=emit,
    )


if __name__ == "__main__":
    sys.exit(_cli.run(main))
