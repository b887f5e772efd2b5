"""Errors that carry a stable code and the process exit code the CLI contract assigns to it."""

from __future__ import annotations

# code -> exit code. The codes and exit codes are part of the CLI contract (see README.md).
EXIT_CODES: dict[str, int] = {
    "internal_error": 1,
    "invalid_arguments": 2,
    "invalid_config": 2,
    "unknown_algorithm": 2,
    "invalid_setting": 2,
    "invalid_anomalies": 2,
    "invalid_condition": 2,
    "output_unwritable": 2,
    "invalid_schema": 2,
    "data_not_found": 3,
    "data_unreadable": 3,
    "no_rows": 3,
    "column_missing": 3,
    "column_not_in_schema": 3,
    "model_not_found": 4,
    "model_invalid": 4,
    "cancelled": 130,
}


class EngineError(Exception):
    """A failure the user can act on. ``code`` is one of ``EXIT_CODES``."""

    def __init__(self, code: str, message: str):
        if code not in EXIT_CODES:
            raise ValueError(f"unknown error code {code!r}")
        super().__init__(message)
        self.code = code
        self.message = message

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.code]

    def to_event(self) -> dict:
        return {"event": "error", "code": self.code, "message": self.message}


class Cancelled(BaseException):
    """Raised from the SIGTERM handler; a BaseException so library code does not swallow it."""
