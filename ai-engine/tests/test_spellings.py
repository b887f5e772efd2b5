"""Spellings: null tokens, number layouts and datetime zones are read, profiled and written back as
the source CSV writes them (Parquet keeps real nulls and UTC instants)."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest

from conftest import REPO, requires_sdv
from doppel_engine import generate, train
from doppel_engine._events import ignore
from doppel_engine._io import NULL_TOKENS, read_table
from doppel_engine._output import csv_frame
from doppel_engine._profile import profile_table
from doppel_engine._schema import infer_columns, number_layout, plain_numbers, to_number

ROWS = 120
# Each column's spelling as a pattern every written value must match, and the null token it uses.
SPELLINGS = {
    "order_id": (r"\d{6}", None),
    "code": (r"\d{5}", None),
    "count": (r"\d+", "NA"),
    "amount": (r"-?\d{1,3}(,\d{3})*\.\d{2}", "NA"),
    "euro": (r"\d{1,3}(\.\d{3})*,\d{2}", "N/A"),
    "price": (r"\$\d{1,3}(,\d{3})*", None),
    "share": (r"\d+%", "?"),
    "spaced": (r"\d{1,3}( \d{3})*", None),
    "local": (r"2024-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+01:00", "null"),
    "zulu": (r"2024-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", None),
    "named": (r"2024-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC", None),
    "day": (r"2024-\d{2}-\d{2}", "None"),
    "flag": (r"yes|no", "NULL"),
}


def _table(rng: np.random.Generator) -> pd.DataFrame:
    amounts = rng.uniform(-2_000, 50_000, ROWS).round(2)
    instants = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 300 * 86_400, ROWS), unit="s")
    data = {
        "order_id": [f"{i:06d}" for i in range(1, ROWS + 1)],
        "code": [f"{v:05d}" for v in rng.integers(1, 9_999, ROWS)],
        "count": [str(v) for v in rng.integers(0, 400, ROWS)],
        "amount": [f"{v:,.2f}" for v in amounts],
        "euro": [f"{v:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".") for v in rng.uniform(1, 9_000, ROWS)],
        "price": [f"${v:,}" for v in rng.integers(10, 90_000, ROWS)],
        "share": [f"{v}%" for v in rng.integers(0, 100, ROWS)],
        "spaced": [f"{v:,}".replace(",", " ") for v in rng.integers(0, 2_000_000, ROWS)],
        "local": [(t + pd.Timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S+01:00") for t in instants],
        "zulu": [t.strftime("%Y-%m-%dT%H:%M:%SZ") for t in instants],
        "named": [t.strftime("%Y-%m-%d %H:%M:%S UTC") for t in instants],
        "day": [t.strftime("%Y-%m-%d") for t in instants],
        "flag": rng.choice(["yes", "no"], ROWS).tolist(),
    }
    frame = pd.DataFrame(data)
    for name, (_, token) in SPELLINGS.items():
        if token is not None:
            frame.loc[rng.choice(ROWS, ROWS // 8, replace=False), name] = token
    return frame


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    path = tmp_path_factory.mktemp("spellings") / "spelled.csv"
    _table(np.random.default_rng(5)).to_csv(path, index=False)
    return path


def _raw_text(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)


def test_every_spelling_is_written_back_exactly_from_the_profile(source):
    """The real rows, profiled and written by csv_frame, reproduce the source text cell by cell."""
    raw, src = read_table(str(source))
    columns = infer_columns(raw)
    assert {c.name: c.type for c in columns} == {
        **dict.fromkeys(["code", "count", "price", "share", "spaced"], "integer"),
        **dict.fromkeys(["amount", "euro"], "float"),
        **dict.fromkeys(["local", "zulu", "named", "day"], "datetime"),
        "flag": "boolean",
        "order_id": "id",
    }
    typed, profile = profile_table(raw, columns, max_categories=50, on_event=ignore, null_tokens=src["null_tokens"])
    written = csv_frame(typed, profile).astype(object)
    expected = _raw_text(source)
    for name in SPELLINGS:
        assert written[name].astype(str).tolist() == expected[name].tolist(), name
    by_name = profile.by_name()
    assert by_name["amount"].number_layout == {"thousands": ",", "decimal": "."}
    assert by_name["euro"].number_layout == {"thousands": ".", "decimal": ","}
    assert by_name["code"].number_layout == {"width": 5}
    assert by_name["local"].zone == {"text": "+01:00", "offset_s": 3600.0}
    assert by_name["named"].zone == {"text": "UTC", "offset_s": 0.0}
    assert by_name["day"].zone is None and by_name["day"].resolution == 86_400
    assert by_name["share"].null_token == "?" and by_name["flag"].null_token == "NULL"


def test_zoned_datetimes_are_learned_as_utc_instants(source):
    raw, src = read_table(str(source))
    typed, _ = profile_table(raw, infer_columns(raw), max_categories=50, on_event=ignore, null_tokens=src["null_tokens"])
    both = typed[["local", "zulu"]].dropna()
    assert len(both) > ROWS / 2 and (both["local"] == both["zulu"]).all(), "+01:00 and Z spellings of one instant differ"


@requires_sdv
def test_synthetic_csv_keeps_every_spelling(source, tmp_path):
    train(data=str(source), config={"algorithm": "GaussianCopula", "seed": 3}, output=str(tmp_path / "model"))
    generate(model=str(tmp_path / "model"), count=300, output=str(tmp_path / "synthetic.csv"), seed=3)
    synthetic = _raw_text(tmp_path / "synthetic.csv")
    for name, (pattern, token) in SPELLINGS.items():
        values = synthetic[name]
        nulls = values == (token or "")
        assert values[~nulls].str.fullmatch(pattern).all(), (name, values[~nulls & ~values.str.fullmatch(pattern)].head(3).tolist())
        assert nulls.any() == (token is not None), name
    parquet = tmp_path / "synthetic.parquet"
    generate(model=str(tmp_path / "model"), count=50, output=str(parquet), seed=3)
    assert pd.read_parquet(parquet)["amount"].isna().any(), "Parquet keeps real nulls"


def test_number_layouts_read_ambiguous_values_the_plain_way_first():
    def read(*values):
        series = pd.Series(list(values), dtype=object)
        layout = number_layout(series)
        return layout, None if layout is None else pd.to_numeric(plain_numbers(series, layout)).tolist()

    assert read("1.234", "5") == (None, None)  # a plain decimal point wins over a thousands reading
    assert read("1,234", "12") == ({"thousands": ",", "decimal": "."}, [1234, 12])
    assert read("1,5", "12") == ({"thousands": ".", "decimal": ","}, [1.5, 12])
    assert read("$-5", "$12") == ({"prefix": "$", "sign_after_prefix": True}, [-5, 12])
    assert read("12 kg", "3 kg") == ({"suffix": " kg"}, [12, 3])
    assert read("A1", "A2")[0] is None and read("$5", "€5")[0] is None and read("007", "12")[0] is None
    assert read("2024-01-02", "2024-01-03")[0] is None


def test_spelled_numbers_parse_where_plain_parsing_fails():
    """What the evaluation reads a synthetic CSV with."""
    numbers = to_number(pd.Series(["1,234.50", None, "-12.00"], dtype=object), "amount", ignore)
    assert numbers.tolist()[0] == 1234.5 and np.isnan(numbers.tolist()[1]) and numbers.tolist()[2] == -12.0


def test_null_tokens_are_the_platforms():
    """The engine and the platform's upload profiler must agree on what a missing value is: both read the shared rules file."""
    java = (REPO / "domain/src/main/java/dev/doppel/domain/dataset/profile/NullTokens.java").read_text(encoding="utf-8")
    assert re.search(r"TOKENS\s*=\s*TableRules\.SHARED\.nullTokens\(\)", java), "NullTokens.TOKENS does not read the shared rules"
    shared = json.loads((REPO / "ai-engine/doppel_engine/table_rules.json").read_text(encoding="utf-8"))
    assert NULL_TOKENS == shared["nullTokens"]
