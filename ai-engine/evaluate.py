#!/usr/bin/env python3
"""Evaluate synthetic data: python evaluate.py --real <path> --synthetic <path> --output <json> [options]."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from doppel_engine import _cli


def main(argv, emit):
    parser = _cli.parser("evaluate.py", "Compare a synthetic table with the real one and write a JSON report.")
    parser.add_argument("--real", required=True, help="real table, CSV or Parquet")
    parser.add_argument("--synthetic", required=True, help="synthetic table, CSV or Parquet")
    parser.add_argument("--output", required=True, help="report JSON file to write")
    parser.add_argument("--metadata", help='{"columns":[...]} inline or file, or a model folder / its metadata.json')
    parser.add_argument("--max-rows", type=int, default=20_000, help="sub-sample each input to at most this many rows")
    parser.add_argument("--dcr-rows", type=int, default=2_000, help="rows per side for the distance-to-closest-record metric")
    parser.add_argument("--seed", type=int, default=0, help="seed of the sub-sampling")
    parser.add_argument("--model", help="folder of the model the synthetic rows came from: its holdout is compared with them")
    parser.add_argument("--holdout", help="real rows kept out of training (default: the holdout of --model, or of the model --metadata names)")
    parser.add_argument(
        "--metrics", choices=("auto", "sdmetrics", "doppel"), default=None, help="who computes the scores (default auto: sdmetrics when installed)"
    )
    parser.add_argument(
        "--target", help="column the utility test predicts: ROC AUC for a categorical/boolean one, R² for a numeric one (default: the last categorical)"
    )
    args = parser.parse_args(argv)
    from doppel_engine import evaluate

    evaluate(
        real=args.real,
        synthetic=args.synthetic,
        output=args.output,
        metadata=args.metadata,
        max_rows=args.max_rows,
        dcr_rows=args.dcr_rows,
        seed=args.seed,
        metrics=args.metrics,
        model=args.model,
        holdout=args.holdout,
        target=args.target,
        on_event=emit,
    )


if __name__ == "__main__":
    sys.exit(_cli.run(main))
