#!/usr/bin/env python3
"""Sample synthetic rows: python generate.py --model <dir> --count <n> --output <path> [options]."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from doppel_engine import _cli


def main(argv, emit):
    parser = _cli.parser("generate.py", "Sample rows from a model folder into CSV or Parquet.")
    parser.add_argument("--model", required=True, help="model folder written by train.py (or its model.pkl)")
    parser.add_argument("--count", type=int, help="number of rows (default with --partial-rows/--impute: the table's rows)")
    parser.add_argument("--output", required=True, help="file to write")
    parser.add_argument("--format", choices=["csv", "parquet"], help="default: from the output suffix, else csv")
    parser.add_argument("--anomalies", help="anomaly spec JSON, inline or a file path")
    parser.add_argument("--seed", type=int, help="seed for reproducible output (default: random)")
    parser.add_argument("--chunk-size", type=int, default=50_000, help="rows sampled and written per chunk")
    parser.add_argument(
        "--part-rows",
        type=int,
        help="rows of each part (default 100,000), sampled from a seed of its own; with DOPPEL_ENGINE_FAN_OUT=ray the parts run as Ray tasks",
    )
    parser.add_argument("--rules-off", action="append", metavar="RULE_ID", help="a rule of the model not to keep (repeatable)")
    given = parser.add_mutually_exclusive_group()
    given.add_argument("--conditions", metavar="JSON", help='fixed values of every row, inline or a file path: {"column": value, ...}')
    given.add_argument("--partial-rows", metavar="TABLE", help="CSV/Parquet of partial rows; the model fills in the other cells, one row per row")
    given.add_argument("--shares", metavar="JSON", help='target shares of one categorical column: {"column": {"value": 0.5, ...}}')
    given.add_argument("--impute", metavar="TABLE", help="CSV/Parquet with every column of the dataset; its empty cells are filled, the others kept")
    args = parser.parse_args(argv)
    from doppel_engine import generate

    generate(
        model=args.model,
        count=args.count,
        output=args.output,
        format=args.format,
        anomalies=args.anomalies,
        seed=args.seed,
        chunk_size=args.chunk_size,
        part_rows=args.part_rows,
        rules_off=args.rules_off,
        conditions=args.conditions,
        partial_rows=args.partial_rows,
        shares=args.shares,
        impute=args.impute,
        on_event=emit,
    )


if __name__ == "__main__":
    sys.exit(_cli.run(main))
