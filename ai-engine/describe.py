#!/usr/bin/env python3
"""Print the engine catalogue as one JSON object (see README.md)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from doppel_engine import _cli


def main(argv, emit):
    _cli.parser("describe.py", "Print the engine catalogue as one JSON object.").parse_args(argv)
    from doppel_engine import describe

    emit(describe())


if __name__ == "__main__":
    sys.exit(_cli.run(main))
