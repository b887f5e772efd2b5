"""The engine reads how tables are written (null tokens, booleans, datetime layouts, delimiters,
the seed's range) from the rules file it shares with the platform and the dashboard."""

from __future__ import annotations

import json

import pandas as pd

from conftest import REPO
from doppel_engine import _table_rules
from doppel_engine._io import DELIMITERS, NULL_TOKENS
from doppel_engine._schema import infer_columns

ENGINE = REPO / "ai-engine" / "doppel_engine"
SHARED = json.loads((ENGINE / "table_rules.json").read_text(encoding="utf-8"))


def test_the_rules_are_the_files():
    assert _table_rules.RULES_FILE == ENGINE / "table_rules.json"
    assert NULL_TOKENS == SHARED["nullTokens"]
    assert DELIMITERS == SHARED["delimiters"]
    assert _table_rules.TRUE_TOKENS == {when_true for when_true, _ in SHARED["booleanSpellings"]}
    assert _table_rules.FALSE_TOKENS == {when_false for _, when_false in SHARED["booleanSpellings"]}
    assert list(_table_rules.DATETIME_LAYOUTS) == [layout["strftime"] for layout in SHARED["datetimeLayouts"]]
    assert _table_rules._ID_NAMES == SHARED["idNames"]
    assert _table_rules.SNIFF_BYTES == SHARED["limits"]["sniffBytes"]
    assert (_table_rules.SEED_MIN, _table_rules.SEED_MAX) == (SHARED["limits"]["seed"]["min"], SHARED["limits"]["seed"]["max"]) == (0, 2**32 - 1)


def test_seeds_are_checked_against_the_shared_range():
    assert _table_rules.is_seed(0) and _table_rules.is_seed(2**32 - 1)
    assert not _table_rules.is_seed(-1) and not _table_rules.is_seed(2**32) and not _table_rules.is_seed(True) and not _table_rules.is_seed("7")


def test_no_engine_module_spells_the_rules_itself():
    copies = ('"N/A"', '"yes"', '"%d.%m.%Y"', "4294967295", "seed < 2**32", '"rownames"', '"_id"')
    assert [path.name for path in ENGINE.glob("*.py") if any(copy in path.read_text(encoding="utf-8") for copy in copies)] == []


def test_every_layout_is_tried_in_the_files_order():
    """Layouts the platform had and the engine lacked now reach the engine's own guess too."""
    frame = pd.DataFrame({"at": ["02/03/2024 7:05", "12/31/2024 23:59"], "day": ["03/02/2024", "04/05/2024"]})
    assert {c.name: c.datetime_format for c in infer_columns(frame)} == {"at": "%m/%d/%Y %H:%M", "day": "%m/%d/%Y"}


def test_id_names_fit_exactly_ignoring_case_or_by_their_ending():
    assert all(_table_rules.is_id_name(n) for n in ("ID", "Rownames", "player_id", "Player ID", "playerId", "playerID"))
    assert not any(_table_rules.is_id_name(n) for n in ("idea", "valid", "keys", "paid"))
