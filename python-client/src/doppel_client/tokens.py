"""Personal API tokens: long-lived bearer tokens for scripts, read-only or full."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import Doppel


@dataclass(frozen=True)
class ApiToken:
    """A token as listed: never its secret, only its first characters (`prefix`)."""

    id: int
    name: str
    scope: str
    prefix: str
    created_at: str
    expires_at: str | None
    last_used_at: str | None

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ApiToken:
        return cls(
            id=int(data["id"]),
            name=data["name"],
            scope=data["scope"],
            prefix=data["prefix"],
            created_at=data["createdAt"],
            expires_at=data.get("expiresAt"),
            last_used_at=data.get("lastUsedAt"),
        )


@dataclass(frozen=True)
class CreatedApiToken:
    """A token just created, with its secret (dpl_…): the server shows it in this answer only."""

    token: ApiToken
    secret: str


class Tokens:
    """`client.tokens`: create, list and revoke your API tokens.

    Creating and revoking need a client signed in with a password (`Doppel.login`): an API token cannot mint or
    revoke tokens (PermissionDeniedError). Listing works with either.
    """

    def __init__(self, client: Doppel) -> None:
        self._client = client

    def create(self, name: str, scope: str = "read", expires_at: datetime | str | None = None) -> CreatedApiToken:
        """A new token; `scope` "read" may only GET and HEAD, "full" may do everything but manage the account."""
        body: dict[str, Any] = {"name": name, "scope": scope}
        if expires_at is not None:
            body["expiresAt"] = expires_at.isoformat() if isinstance(expires_at, datetime) else expires_at
        created = self._client._transport.json("POST", "/api/auth/tokens", json=body)
        return CreatedApiToken(token=ApiToken.from_json(created["token"]), secret=created["secret"])

    def list(self) -> list[ApiToken]:
        """Your tokens, oldest first."""
        return [ApiToken.from_json(t) for t in self._client._transport.json("GET", "/api/auth/tokens")]

    def revoke(self, token_id: int) -> None:
        """Revokes a token: it answers 401 from the next request on."""
        self._client._transport.request("DELETE", f"/api/auth/tokens/{int(token_id)}")
