"""Projects: workspaces that hold datasets, their models and batches."""

from __future__ import annotations

import json
from collections.abc import Mapping

from ._resource import Resource
from ._tables import TableSource, table_file
from .datasets import Dataset
from .models import Model


class Project(Resource):
    """A project (GET /api/projects/{id})."""

    _path = "/api/projects"

    @property
    def name(self) -> str:
        return str(self.data["name"])

    @property
    def description(self) -> str | None:
        return self.data.get("description")

    def datasets(self) -> list[Dataset]:
        """The project's datasets, newest first."""
        return [Dataset(self._client, d) for d in self._client._transport.json("GET", "/api/datasets", params={"projectId": self.id})]

    def models(self) -> list[Model]:
        """The models trained on the project's datasets, newest first."""
        return [Model(self._client, m) for m in self._client._transport.json("GET", "/api/models", params={"projectId": self.id})]

    def upload(
        self,
        table: TableSource,
        name: str | None = None,
        types: Mapping[str, str] | None = None,
        *,
        file_format: str | None = None,
    ) -> Dataset:
        """Uploads a table into this project and returns the profiled dataset.

        Args:
            table: a DataFrame (sent without its index as Parquet, or as CSV when pyarrow is not installed) or the
                path of a CSV or Parquet file (sent as it is).
            name: the dataset's name; the file's name when left out ("dataframe.parquet" for a DataFrame).
            types: types chosen for some columns, column name to one of integer, float, categorical, boolean,
                datetime, id, text; the others are inferred. A column the table lacks, an unknown type or one the
                values do not fit raises ValidationError naming it, and nothing is stored.
            file_format: for a DataFrame, "parquet" or "csv" instead of the default.
        """
        file_name, content = table_file(table, "dataframe", file_format)
        form: dict[str, str] = {"projectId": str(self.id)}
        if name is not None:
            form["name"] = name
        if types:
            form["types"] = json.dumps(dict(types))
        with content:
            created = self._client._transport.json("POST", "/api/datasets/upload", data=form, files={"file": (file_name, content)})
        return Dataset(self._client, created)

    def rename(self, name: str | None = None, description: str | None = None) -> Project:
        """Changes the name or description (what is left out stays as it is); returns self."""
        body = {k: v for k, v in {"name": name, "description": description}.items() if v is not None}
        self.data = self._client._transport.json("PATCH", self.url_path, json=body)
        return self
