"""One HTTP session with the server: bearer token, JSON in and out, problem+json turned into exceptions."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import httpx
from tqdm.auto import tqdm

from .errors import DoppelError, error_for

_TIMEOUT = httpx.Timeout(30.0, read=300.0)


class Transport:
    """Sends requests to `url` with `token` as the bearer token and raises the matching DoppelError on an error answer."""

    def __init__(self, url: str, token: str | None) -> None:
        self.url = url.rstrip("/")
        headers = {"Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._http = httpx.Client(base_url=self.url, headers=headers, timeout=_TIMEOUT)

    def close(self) -> None:
        self._http.close()

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """The answer to one request; an error status raises the DoppelError its problem document describes."""
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TransportError as e:
            raise DoppelError(f"could not reach {self.url}: {e}") from e
        check(response)
        return response

    def json(self, method: str, path: str, **kwargs: Any) -> Any:
        """The answer's JSON body, None for an empty one (204)."""
        response = self.request(method, path, **kwargs)
        return response.json() if response.content else None

    def json_lines(self, path: str, *, params: dict[str, Any] | None = None) -> Iterator[Any]:
        """The answer's JSON Lines, parsed one by one as they stream in."""
        try:
            with self._http.stream("GET", path, params=params) as response:
                if response.is_error:
                    response.read()
                    check(response)
                for line in response.iter_lines():
                    if line:
                        yield json.loads(line)
        except httpx.TransportError as e:
            raise DoppelError(f"could not reach {self.url}: {e}") from e

    def download(self, path: str, target: str | os.PathLike[str], *, params: dict[str, Any] | None = None, progress: bool = True) -> Path:
        """Streams the answer's body into `target`, with a bar of bytes; a download cut short leaves no file behind."""
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, partial = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        try:
            with os.fdopen(descriptor, "wb") as out, self._http.stream("GET", path, params=params) as response:
                if response.is_error:
                    response.read()
                    check(response)
                total = response.headers.get("Content-Length")
                with tqdm(total=int(total) if total else None, unit="B", unit_scale=True, desc=target.name, disable=not progress) as bar:
                    _copy(response, out, bar)
            os.replace(partial, target)
        except httpx.TransportError as e:
            raise DoppelError(f"could not reach {self.url}: {e}") from e
        finally:
            if os.path.exists(partial):
                os.unlink(partial)
        return target


def _copy(response: httpx.Response, out: BinaryIO, bar: tqdm) -> None:
    for chunk in response.iter_bytes():
        out.write(chunk)
        bar.update(len(chunk))


def check(response: httpx.Response) -> None:
    """Raises the DoppelError for an error answer: the problem+json's status, title, detail and extras."""
    if not response.is_error:
        return
    problem: dict[str, Any] = {}
    try:
        parsed = response.json()
        if isinstance(parsed, dict):
            problem = parsed
    except (json.JSONDecodeError, UnicodeDecodeError):
        pass
    raise error_for(response.status_code, problem, response.text.strip() or response.reason_phrase)
