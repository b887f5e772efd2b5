#!/usr/bin/env python3
"""Train a synthesizer: python train.py --data <csv|parquet> --config <json|file> --output <dir>."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from doppel_engine import _cli


def main(argv, emit):
    parser = _cli.parser("train.py", "Train a synthesizer and write a model folder.")
    parser.add_argument("--data", required=True, help="real table, CSV or Parquet")
    parser.add_argument("--config", required=True, help="config JSON, inline or a file path")
    parser.add_argument("--output", required=True, help="model folder to write")
    parser.add_argument("--delimiter", help="CSV delimiter (default: detect among , ; TAB |)")
    args = parser.parse_args(argv)
    from doppel_engine import train

    delimiter = "\t" if args.delimiter in ("\\t", "tab", "TAB") else args.delimiter
    train(data=args.data, config=args.config, output=args.output, on_event=emit, delimiter=delimiter)


if __name__ == "__main__":
    sys.exit(_cli.run(main))
