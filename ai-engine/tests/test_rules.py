"""Rules: found on small frames, kept on generation, switched off, broken by anomalies, reported."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pandas as pd
import pytest

from conftest import TAXIS_COLUMNS, dataset, requires_sdv, run_cli
from doppel_engine import EngineError, generate, train
from doppel_engine._evaluate import rules_section
from doppel_engine._events import ignore
from doppel_engine._model_folder import ModelFolder
from doppel_engine._profile import profile_table, typed_rows
from doppel_engine._restore import restore, training_frame
from doppel_engine._rules import break_rule, check, keep
from doppel_engine._schema import Column

N = 1500


def _rules(raw: pd.DataFrame, types: dict[str, str]) -> list[dict]:
    columns = [Column(name, types[name], "%Y-%m-%d %H:%M:%S" if types[name] == "datetime" else None) for name in raw.columns]
    return list(profile_table(raw, columns, max_categories=500, on_event=ignore)[1].rules)


def _money(values: np.ndarray) -> list[str]:
    return [f"{v:.2f}" for v in values]


def _by_kind(rules: list[dict], kind: str) -> list[dict]:
    return [r for r in rules if r["kind"] == kind]


@pytest.fixture(scope="module")
def rng():
    return np.random.default_rng(12)


def test_a_sum_with_a_few_surcharges_is_a_linear_rule_storing_them_with_their_frequencies(rng):
    fare, tip, tolls = np.round(rng.uniform(3, 60, N) * 2) / 2, np.round(rng.uniform(0, 9, N), 2), np.where(rng.random(N) < 0.1, 6.12, 0.0)
    surcharge = rng.choice([0.5, 1.0, 3.3], N, p=[0.6, 0.3, 0.1])
    raw = pd.DataFrame({"fare": _money(fare), "tip": _money(tip), "tolls": _money(tolls), "total": _money(fare + tip + tolls + surcharge)})

    rules = _rules(raw, dict.fromkeys(raw.columns, "float"))

    (linear,) = _by_kind(rules, "linear")
    assert linear["id"] == "linear:total" and linear["columns"][0] == "total"
    assert sorted(linear["columns"][1:]) == ["fare", "tip", "tolls"] and {t["sign"] for t in linear["terms"]} == {1.0}
    weights = dict(zip(linear["residuals"], linear["weights"], strict=True))
    assert set(weights) == {0.5, 1.0, 3.3} and weights[0.5] > weights[1.0] > weights[3.3]
    assert linear["real_share"] == 1.0 and "one of 3 real values" in linear["text"]


def test_a_search_cut_short_by_its_time_budget_says_so_and_keeps_what_needs_no_search(rng, monkeypatch):
    monkeypatch.setattr("doppel_engine._rules.WORK_BUDGET", 0)
    cities = [f"city{i}" for i in range(40)]
    city = rng.choice(cities, N)
    raw = pd.DataFrame({"city": city, "country": [f"country{int(c[4:]) % 6}" for c in city], "serial": np.arange(N) * 7})
    events = []

    columns = [Column("city", "categorical"), Column("country", "categorical"), Column("serial", "integer")]
    rules = profile_table(raw, columns, max_categories=500, on_event=events.append)[1].rules

    assert [e["code"] for e in events if e["event"] == "warning"] == ["rules_search_cut"]
    assert not _by_kind(rules, "dependency") and _by_kind(rules, "unique")


def test_a_category_determined_by_another_is_a_dependency_with_its_map(rng):
    cities = [f"city{i}" for i in range(40)]
    country = {c: f"country{i % 6}" for i, c in enumerate(cities)}
    city = rng.choice(cities, N)
    raw = pd.DataFrame({"city": city, "country": [country[c] for c in city], "colour": rng.choice(["red", "blue", "green"], N)})

    rules = _rules(raw, dict.fromkeys(raw.columns, "categorical"))

    (dependency,) = _by_kind(rules, "dependency")
    assert dependency["columns"] == ["country", "city"] and dict(map(tuple, dependency["map"])) == country


def test_the_first_characters_of_a_code_determining_a_category_are_a_dependency(rng):
    districts = {f"{d:02d}": rng.choice(["north", "south", "east"]) for d in range(10, 40)}
    postcode = [f"{d}{rng.integers(100, 999)}" for d in rng.choice(list(districts), N)]
    raw = pd.DataFrame({"postcode": postcode, "area": [districts[p[:2]] for p in postcode]})

    rules = _rules(raw, {"postcode": "categorical", "area": "categorical"})

    (dependency,) = _by_kind(rules, "dependency")
    assert dependency["columns"] == ["area", "postcode"] and dependency["prefix_length"] == 2
    assert dict(map(tuple, dependency["map"])) == districts


def test_a_code_followed_by_a_number_starts_with_its_prefix_column(rng):
    states = rng.choice(["NY", "CA", "TX", "WA"], N)
    raw = pd.DataFrame({"state": states, "plate": [f"{s}-{rng.integers(10_000)}" for s in states]})

    rules = _rules(raw, {"state": "categorical", "plate": "text"})

    assert [(r["kind"], r["columns"]) for r in rules if r["kind"] == "prefix"] == [("prefix", ["plate", "state"])]


def test_date_parts_and_the_day_of_a_timestamp_are_found(rng):
    stamps = pd.Timestamp("2019-01-01") + pd.to_timedelta(rng.integers(0, 3 * 365 * 86400, N), unit="s")
    raw = pd.DataFrame(
        {
            "stamp": stamps.strftime("%Y-%m-%d %H:%M:%S"),
            "year": stamps.year.astype(str),
            "month": stamps.month.astype(str),
            "hour": stamps.hour.astype(str),
            "weekday": stamps.weekday.astype(str),
            "other": rng.integers(1, 13, N).astype(str),
        }
    )
    types = {"stamp": "datetime", "year": "integer", "month": "integer", "hour": "integer", "weekday": "integer", "other": "integer"}

    rules = _rules(raw, types)

    parts = {r["columns"][0]: r["part"] for r in _by_kind(rules, "date_part")}
    assert parts == {"year": "year", "month": "month", "hour": "hour", "weekday": "weekday"}


def test_a_column_empty_exactly_when_another_has_a_value_is_missing_together(rng):
    payment = rng.choice(["card", "cash", "none"], N)
    tip = np.where(payment == "none", None, _money(rng.uniform(0, 5, N)))
    raw = pd.DataFrame({"payment": payment, "tip": tip})

    rules = _rules(raw, {"payment": "categorical", "tip": "float"})

    (rule,) = _by_kind(rules, "missing_together")
    assert rule["columns"] == ["tip", "payment"] and rule["when"] == "value" and rule["value"] == "none"


def test_all_distinct_values_make_a_unique_rule_and_generation_keeps_them_distinct(rng):
    raw = pd.DataFrame({"code": rng.permutation(N).astype(str), "group": rng.choice(["a", "b"], N)})
    typed, profile = profile_table(raw, [Column("code", "integer"), Column("group", "categorical")], max_categories=10, on_event=ignore)
    (unique,) = _by_kind(profile.rules, "unique")

    sampled = pd.DataFrame({"code": rng.integers(0, 50, 400).astype(float), "group": rng.choice(["a", "b"], 400)})
    restored = restore(sampled, profile, rng=rng, row_offset=0, n=400)

    assert unique["id"] == "unique:code" and restored["code"].is_unique
    assert restored["code"].between(typed["code"].min(), typed["code"].max()).all()


def test_a_code_built_from_other_columns_and_fixed_characters_is_composed_and_kept(rng):
    hotel, country = rng.choice(["H1", "H2"], N), rng.choice(["PRT", "GBR", "ESP", "FRA"], N)
    year, serial = rng.integers(2015, 2018, N), rng.permutation(N) + 100
    raw = pd.DataFrame(
        {
            "hotel": hotel,
            "year": year.astype(str),
            "country": country,
            "serial": serial.astype(str),
            "booking": [f"{h}/{y}-{c}#{s}" for h, y, c, s in zip(hotel, year, country, serial, strict=True)],
        }
    )
    types = {"hotel": "categorical", "year": "integer", "country": "categorical", "serial": "integer", "booking": "text"}
    typed, profile = profile_table(raw, [Column(n, t) for n, t in types.items()], max_categories=5000, on_event=ignore)

    (composed,) = _by_kind(profile.rules, "composed")
    assert composed["id"] == "composed:booking" and sorted(composed["columns"][1:]) == ["country", "hotel", "serial", "year"]
    assert [p.get("text") for p in composed["parts"] if "text" in p] == ["/", "-", "#"] and composed["real_share"] == 1.0
    frame, _ = training_frame(typed, profile)
    shuffled = frame.assign(booking=rng.permutation(frame["booking"].to_numpy()))
    assert check(composed, shuffled).mean() < 0.05
    keep(shuffled, [composed], profile, rng)
    assert check(composed, shuffled).all()


def test_independent_columns_make_no_rule(rng):
    raw = pd.DataFrame(
        {
            "a": rng.integers(0, 100, N).astype(str),
            "b": rng.integers(0, 100, N).astype(str),
            "c": [f"{v:.1f}" for v in rng.uniform(0, 50, N)],
            "d": rng.choice(list("pqrstu"), N),
            "e": rng.choice(list("vwxyz"), N),
            "f": np.where(rng.random(N) < 0.1, None, rng.choice(["x", "y"], N)),
            "g": np.where(rng.random(N) < 0.1, None, rng.integers(0, 9, N).astype(str)),
        }
    )
    types = {"a": "integer", "b": "integer", "c": "float", "d": "categorical", "e": "categorical", "f": "categorical", "g": "integer"}

    assert _rules(raw, types) == []


def test_each_kind_of_rule_is_broken_on_the_row_an_anomaly_picks(rng):
    stamps = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 365 * 86400, N), unit="s")
    city = rng.choice([f"c{i}" for i in range(20)], N)
    part = np.round(rng.uniform(1, 20, N), 2)
    slot = rng.permutation(N) + 10
    raw = pd.DataFrame(
        {
            "start": stamps.strftime("%Y-%m-%d %H:%M:%S"),
            "end": (stamps + pd.to_timedelta(rng.integers(60, 3600, N), unit="s")).strftime("%Y-%m-%d %H:%M:%S"),
            "month": stamps.month.astype(str),
            "city": city,
            "region": [f"r{int(c[1:]) % 4}" for c in city],
            "ticket": [f"{c}/{i}" for i, c in enumerate(city)],
            "part": _money(part),
            "sum": _money(part + rng.choice([0.0, 2.5], N)),
            "note": np.where(city == "c0", None, rng.choice(["ok", "late"], N)),
            "serial": rng.permutation(N).astype(str),
            "slot": slot.astype(str),
            "key": [f"{c}:{i}" for c, i in zip(city, slot, strict=True)],
        }
    )
    columns = [
        Column("start", "datetime", "%Y-%m-%d %H:%M:%S"),
        Column("end", "datetime", "%Y-%m-%d %H:%M:%S"),
        Column("month", "integer"),
        Column("city", "categorical"),
        Column("region", "categorical"),
        Column("ticket", "text"),
        Column("part", "float"),
        Column("sum", "float"),
        Column("note", "categorical"),
        Column("serial", "integer"),
        Column("slot", "integer"),
        Column("key", "text"),
    ]
    typed, profile = profile_table(raw, columns, max_categories=5000, on_event=ignore)
    rules = profile.rules
    assert {r["kind"] for r in rules} >= {"order", "linear", "dependency", "prefix", "composed", "date_part", "missing_together", "unique"}

    frame = typed.head(200).copy()
    profiles = profile.by_name()
    for rule in rules:
        assert (check(rule, frame) != 0).all(), rule["id"]
        broken = frame.copy()
        break_rule(broken, 57, rule, profiles, rng)
        assert check(rule, broken)[57] == 0, rule["id"]


def test_keeping_rules_mends_rows_that_break_them(rng):
    city = rng.choice([f"c{i}" for i in range(20)], N)
    raw = pd.DataFrame({"city": city, "region": [f"r{int(c[1:]) % 4}" for c in city]})
    typed, profile = profile_table(raw, [Column("city", "categorical"), Column("region", "categorical")], max_categories=50, on_event=ignore)
    frame, _ = training_frame(typed, profile)
    shuffled = frame.assign(region=rng.permutation(frame["region"].to_numpy()))
    (rule,) = profile.rules

    assert check(rule, shuffled).mean() < 0.5
    keep(shuffled, [rule], profile, rng)
    assert check(rule, shuffled).all()


# ---------------------------------------------------------------------------------------------
# with a model


@pytest.fixture(scope="module")
def taxis_model(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rules")
    data = folder / "taxis.csv"
    pd.read_csv(dataset("taxis"), dtype=str, keep_default_na=False).head(2000).to_csv(data, index=False)
    config = {"algorithm": "GaussianCopula", "seed": 5, "columns": TAXIS_COLUMNS, "holdout": False}
    events = []
    train(data=str(data), config=config, output=str(folder / "model"), on_event=events.append)
    return folder / "model", events


def _generated(model, tmp_path, name="out.csv", **options) -> tuple[pd.DataFrame, dict]:
    out = tmp_path / name
    completed = generate(model=str(model), count=2000, output=str(out), seed=3, **options)
    return pd.read_csv(out, dtype=str, keep_default_na=False, na_values=[""]), completed


def _surcharge_kept(frame: pd.DataFrame, rule: dict) -> float:
    values = frame[["fare", "tip", "tolls", "total"]].astype(float)
    residual = np.round(values["total"] - values["fare"] - values["tip"] - values["tolls"], 2)
    return float(residual.isin(rule["residuals"]).mean())


@requires_sdv
def test_training_logs_the_rules_found(taxis_model):
    model, events = taxis_model
    (found,) = [e for e in events if e.get("stage") == "rules"]
    profile = json.loads((model / "metadata.json").read_text())["profile"]
    assert found["rules"] == len(profile["rules"]) > 0 and "relations" not in profile
    assert not [e for e in events if e["event"] == "warning" and "rule" in e.get("message", "")]
    assert all(r["real_share"] >= 0.9 and r["text"] for r in profile["rules"])


@requires_sdv
def test_generated_taxi_rows_keep_the_surcharge_sum_and_the_fare_steps(taxis_model, tmp_path):
    model, _ = taxis_model
    synth, completed = _generated(model, tmp_path)
    (linear,) = [r for r in json.loads((model / "metadata.json").read_text())["profile"]["rules"] if r["kind"] == "linear"]

    assert linear["id"] == "linear:total"
    assert _surcharge_kept(synth, linear) >= 0.9
    fare = synth["fare"].astype(float)
    assert np.mean(np.abs(fare * 2 - np.round(fare * 2)) < 1e-9) >= 0.95
    assert completed["rules_kept"]["linear:total"] >= 0.9
    assert set(completed["rules_kept"]) == {r["id"] for r in json.loads((model / "metadata.json").read_text())["profile"]["rules"]}


@requires_sdv
def test_a_rule_switched_off_is_not_kept_and_an_unknown_id_is_refused(taxis_model, tmp_path):
    model, _ = taxis_model
    linear = next(r for r in json.loads((model / "metadata.json").read_text())["profile"]["rules"] if r["kind"] == "linear")
    synth, completed = _generated(model, tmp_path, rules_off=["linear:total"])

    assert _surcharge_kept(synth, linear) < 0.5
    assert "linear:total" not in completed["rules_kept"]
    with pytest.raises(EngineError) as err:
        generate(model=str(model), count=10, output=str(tmp_path / "x.csv"), rules_off=["linear:nope"])
    assert err.value.code == "invalid_arguments" and "linear:nope" in err.value.message
    run = run_cli("generate.py", "--model", model, "--count", 10, "--output", tmp_path / "y.csv", "--rules-off", "order:nope")
    assert run.rc == 2 and run.last["code"] == "invalid_arguments" and "order:nope" in run.last["message"]


@requires_sdv
def test_broken_relation_anomalies_break_a_rule_and_the_evaluation_reports_shares_without_them(taxis_model, tmp_path):
    model, _ = taxis_model
    spec = {"ratio": 0.1, "kinds": ["broken_relation"]}
    synth, completed = _generated(model, tmp_path, anomalies=spec)
    profile = ModelFolder.read(model).metadata.profile
    typed = typed_rows(synth, profile)
    held = np.array([check(rule, typed) for rule in profile.rules])
    flagged = (synth["is_anomaly"] == "true").to_numpy()

    assert flagged.sum() == completed["anomalies"] == 200
    assert (held[:, flagged] == 0).any(axis=0).all()
    broken_kinds = {profile.rules[i]["kind"] for i in np.flatnonzero((held[:, flagged] == 0).any(axis=1))}
    assert len(broken_kinds) >= 3

    section = rules_section(str(model), synth, ["is_anomaly", "anomaly_kind"])
    assert [r["id"] for r in section] == [r["id"] for r in profile.rules]
    for entry in section:
        assert entry["synthetic_share"] == pytest.approx(completed["rules_kept"][entry["id"]])


@requires_sdv
def test_a_model_trained_before_rules_generates_with_its_order_relations(taxis_model, tmp_path):
    model, _ = taxis_model
    old = tmp_path / "old"
    shutil.copytree(model, old)
    meta = json.loads((old / "metadata.json").read_text())
    del meta["profile"]["rules"]
    meta["profile"]["relations"] = [
        {"kind": "order", "greater": "total", "lesser": "fare"},
        {"kind": "correlation", "x": "fare", "y": "total", "r": 0.9, "slope": 1.0, "intercept": 0.0, "resid_std": 1.0},
    ]
    (old / "metadata.json").write_text(json.dumps(meta))

    synth, completed = _generated(old, tmp_path, anomalies={"ratio": 0.05, "kinds": ["broken_relation"]})

    assert set(completed["rules_kept"]) == {"order:total>=fare"} and completed["rules_kept"]["order:total>=fare"] == 1.0
    normal = synth[synth["is_anomaly"] == "false"]
    assert (normal["total"].astype(float) >= normal["fare"].astype(float)).all()
    flagged = synth[synth["is_anomaly"] == "true"]
    assert (flagged["total"].astype(float) < flagged["fare"].astype(float)).all()
