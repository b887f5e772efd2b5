"""What every object the server returns has in common: an id, the server's JSON, and the client it came from."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import Doppel


class Resource:
    """One object of the server, as last read.

    Attributes:
        data: the server's JSON for it, as last read (`refresh()` reads it again).
    """

    _path: str = ""

    def __init__(self, client: Doppel, data: dict[str, Any]) -> None:
        self._client = client
        self.data = data

    @property
    def id(self) -> int:
        return int(self.data["id"])

    @property
    def url_path(self) -> str:
        """This object's path under the server's URL, such as /api/models/7."""
        return f"{self._path}/{self.id}"

    def refresh(self) -> Resource:
        """Reads this object again from the server; returns self."""
        self.data = self._client._transport.json("GET", self.url_path)
        return self

    def delete(self) -> None:
        """Deletes this object on the server, with everything that belongs to it."""
        self._client._transport.request("DELETE", self.url_path)

    def __repr__(self) -> str:
        shown = {k: self.data[k] for k in ("id", "name", "algorithm", "status") if k in self.data}
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in shown.items())})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.id == self.id  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id))
