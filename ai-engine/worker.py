#!/usr/bin/env python3
"""The engine worker: python worker.py [--cache-bytes N] [--queue-size N] [--max-requests N].

Reads JSON-line requests on stdin and writes JSON-line answers on stdout; see WORKER.md."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from doppel_engine import _cli


def main(argv, emit):
    from doppel_engine._worker import main as serve

    serve(argv, emit)


if __name__ == "__main__":
    sys.exit(_cli.run(main))
