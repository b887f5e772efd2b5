"""Value support (sets and grids) and source spellings, on small frames without training."""

from __future__ import annotations

import numpy as np
import pandas as pd

from doppel_engine._events import ignore
from doppel_engine._grid import apply_support, detect_support
from doppel_engine._output import csv_frame
from doppel_engine._profile import profile_table
from doppel_engine._restore import restore, training_frame
from doppel_engine._schema import Column


def _share_on(values: np.ndarray, step: float) -> float:
    return float(np.mean(np.abs(values - np.round(values / step) * step) < 1e-6))


def _amounts(rng: np.random.Generator, n: int, round_share: float) -> np.ndarray:
    """Amounts from 100 to 20,000: a share are multiples of 50, the rest exact."""
    exact = rng.integers(100, 20_000, n).astype(float)
    rounded = np.round(rng.uniform(100, 20_000, n) / 50) * 50
    return np.where(rng.random(n) < round_share, rounded, exact)


def test_mix_of_round_and_exact_amounts_gives_a_grid_level_with_the_real_share():
    values = _amounts(np.random.default_rng(1), 5000, 0.8)

    support = detect_support(values, decimals=0)

    assert support["kind"] == "grid"
    steps = {level["step"]: level["share"] for level in support["levels"]}
    assert 50.0 in steps
    assert abs(steps[50.0] - _share_on(values, 50)) < 1e-9


def test_fares_in_steps_of_half_a_unit_give_the_half_unit_grid():
    rng = np.random.default_rng(2)
    values = np.round(rng.uniform(2.5, 3000, 20_000) * 2) / 2

    support = detect_support(values, decimals=2)

    assert support["kind"] == "grid"
    assert support["levels"][0] == {"step": 0.5, "share": 1.0}


def test_continuous_values_have_no_support():
    values = np.round(np.random.default_rng(3).normal(50, 10, 5000), 4)

    assert detect_support(values, decimals=4) is None


def test_few_distinct_values_for_the_length_are_kept_as_the_observed_set():
    values = np.repeat([1.5, 2.25, 7.0], [500, 300, 200])

    support = detect_support(values, decimals=2)

    assert support == {"kind": "set", "values": [1.5, 2.25, 7.0], "weights": [500, 300, 200]}


def test_snapping_to_the_set_gives_observed_values_with_their_real_frequencies_and_keeps_order():
    support = {"kind": "set", "values": [1.5, 2.25, 7.0], "weights": [500, 300, 200]}
    synthetic = np.random.default_rng(4).uniform(0, 10, 10_000)
    synthetic[:100] = np.nan

    snapped = apply_support(synthetic, support, 1.5, 7.0, np.random.default_rng(5))

    assert np.isnan(snapped[:100]).all()
    present = snapped[100:]
    assert set(np.unique(present)) == {1.5, 2.25, 7.0}
    shares = [np.mean(present == v) for v in (1.5, 2.25, 7.0)]
    assert np.allclose(shares, [0.5, 0.3, 0.2], atol=0.01)
    order = np.argsort(synthetic[100:])
    assert (np.diff(present[order]) >= 0).all()


def test_snapping_to_a_grid_reproduces_the_real_share_on_it_within_the_bounds():
    support = {"kind": "grid", "base": 1.0, "levels": [{"step": 50.0, "share": 0.8}, {"step": 1000.0, "share": 0.3}]}
    synthetic = np.random.default_rng(6).uniform(80, 20_020, 20_000).round()

    snapped = apply_support(synthetic, support, 100.0, 20_000.0, np.random.default_rng(7))

    assert abs(_share_on(snapped, 50) - 0.8) < 0.02
    assert abs(_share_on(snapped, 1000) - 0.3) < 0.02
    inside = (synthetic >= 100) & (synthetic <= 20_000)
    assert snapped[inside].min() >= 100 and snapped[inside].max() <= 20_000


def test_profile_records_the_support_and_restore_keeps_it():
    rng = np.random.default_rng(8)
    raw = pd.DataFrame({"amount": [str(int(v)) for v in _amounts(rng, 2000, 0.9)], "score": [f"{v:.3f}" for v in rng.normal(0, 1, 2000)]})
    columns = [Column("amount", "integer"), Column("score", "float")]

    typed, profile = profile_table(raw, columns, max_categories=100, on_event=ignore)
    amount, score = profile.columns
    assert amount.support["kind"] == "grid" and 50.0 in [level["step"] for level in amount.support["levels"]]
    assert score.support is None

    sampled = pd.DataFrame({"amount": rng.uniform(100, 20_000, 4000), "score": rng.normal(0, 1, 4000)})
    restored = restore(sampled, profile, rng=rng, row_offset=0, n=4000)
    assert abs(_share_on(restored["amount"].to_numpy(), 50) - _share_on(typed["amount"].to_numpy(), 50)) < 0.03


def test_booleans_come_back_spelled_as_in_the_source():
    raw = pd.DataFrame({"records": ["no", "yes", "no", "no", None, "yes"] * 5})
    typed, profile = profile_table(raw, [Column("records", "boolean")], max_categories=10, on_event=ignore)
    frame, _ = training_frame(typed, profile)

    restored = restore(frame, profile, rng=np.random.default_rng(9), row_offset=0, n=len(frame))
    written = csv_frame(restored, profile)["records"]

    assert set(written.dropna()) == {"no", "yes"}
    assert written.isna().sum() == 5


def test_rows_repaired_for_an_order_stay_on_both_columns_supports():
    rng = np.random.default_rng(10)
    fare = np.round(rng.uniform(2.5, 60, 3000) * 2) / 2
    total = fare + np.round(rng.uniform(0.3, 20, 3000), 2)
    raw = pd.DataFrame({"fare": [f"{v:.2f}" for v in fare], "total": [f"{v:.2f}" for v in total]})
    _, profile = profile_table(raw, [Column("fare", "float"), Column("total", "float")], max_categories=10, on_event=ignore)
    assert "order:total>=fare" in [rule["id"] for rule in profile.rules]
    assert profile.columns[0].support["kind"] == "set"

    sampled = pd.DataFrame({"fare": rng.uniform(2.5, 60, 4000), "total": rng.uniform(2.8, 80, 4000)})
    restored = restore(sampled, profile, rng=rng, row_offset=0, n=4000)

    assert (restored["total"] >= restored["fare"]).all()
    assert set(restored["fare"]) <= set(fare)


def test_floats_written_with_fixed_decimals_come_back_with_them():
    raw = pd.DataFrame({"price": ["1.50", "2.00", "13.25", None, "-0.10"] * 4, "rate": ["1.5", "2.0", "13.25", None, "0.1"] * 4})
    columns = [Column("price", "float"), Column("rate", "float")]
    typed, profile = profile_table(raw, columns, max_categories=10, on_event=ignore)

    written = csv_frame(typed, profile)

    assert written["price"].tolist()[:5] == ["1.50", "2.00", "13.25", None, "-0.10"]
    assert [profile.columns[i].fixed_decimals for i in (0, 1)] == [True, False]
    assert written["rate"].dtype == float
