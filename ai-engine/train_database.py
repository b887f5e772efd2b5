#!/usr/bin/env python3
"""Train a database: python train_database.py --schema <json|file> --output <dir> --config <json|file>."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from doppel_engine import _cli


def main(argv, emit):
    parser = _cli.parser("train_database.py", "Train one model per table of a database document and write a model folder.")
    parser.add_argument("--schema", required=True, help="database document JSON (tables, keys, relationships), inline or a file path")
    parser.add_argument("--config", required=True, help="config JSON, inline or a file path")
    parser.add_argument("--output", required=True, help="model folder to write")
    args = parser.parse_args(argv)
    from doppel_engine import train_database

    train_database(schema=args.schema, config=args.config, output=args.output, on_event=emit)


if __name__ == "__main__":
    sys.exit(_cli.run(main))
