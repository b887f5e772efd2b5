"""Errors raised by the client: the server's problem+json (RFC 9457) carried as Python exceptions."""

from __future__ import annotations

from typing import Any


class DoppelError(Exception):
    """Anything that went wrong talking to Doppel.

    Attributes:
        status: the HTTP status, or None when no answer came (the server could not be reached).
        title: the problem's short title, such as "Invalid request".
        detail: what went wrong, in words a user can act on.
        field: the request field the problem names, when it names one (such as "datasetId" or "types.year").
        problem: the whole problem+json document, extras included (such as "reason" or "table").
    """

    def __init__(self, detail: str, *, status: int | None = None, title: str | None = None, problem: dict[str, Any] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.problem: dict[str, Any] = dict(problem or {})
        self.field: str | None = self.problem.get("field")

    def __str__(self) -> str:
        parts = [f"{self.status} {self.title}:" if self.status and self.title else None, self.detail]
        if self.field:
            parts.append(f"(field {self.field})")
        return " ".join(p for p in parts if p)


class ValidationError(DoppelError):
    """400 or 422: the request broke a rule; `field` names what to fix."""


class AuthenticationError(DoppelError):
    """401: the token is missing, wrong, expired or revoked, or the password is wrong."""


class PermissionDeniedError(DoppelError):
    """403: the token may not do this, such as a read-only API token asked to write."""


class NotFoundError(DoppelError):
    """404: nothing of yours has that id (another user's ids answer 404 too)."""


class ConflictError(DoppelError):
    """409: the thing is not in a state that allows this, such as a download of a batch still generating."""


class JobFailedError(DoppelError):
    """A training, generation or evaluation ended FAILED; `detail` holds the server's reason.

    Attributes:
        job: the job's last state as the server described it.
    """

    def __init__(self, detail: str, job: dict[str, Any]) -> None:
        super().__init__(detail, title="Job failed")
        self.job = job


class JobCancelledError(DoppelError):
    """A training or generation ended CANCELLED before it completed."""

    def __init__(self, detail: str, job: dict[str, Any]) -> None:
        super().__init__(detail, title="Job cancelled")
        self.job = job


class ConfigurationError(DoppelError):
    """The client does not know which server to talk to, or with which token."""


_BY_STATUS: dict[int, type[DoppelError]] = {
    400: ValidationError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: ValidationError,
}


def error_for(status: int, problem: dict[str, Any], fallback_detail: str) -> DoppelError:
    """The exception for an error answer: its class chosen by status, its text from the problem document."""
    cls = _BY_STATUS.get(status, DoppelError)
    detail = problem.get("detail") or fallback_detail
    return cls(str(detail), status=status, title=problem.get("title"), problem=problem)
