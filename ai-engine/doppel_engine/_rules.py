"""Rules of the real table: found at training, kept at generation, broken on purpose by anomalies.

Each rule is a dict ``{"id", "kind", "columns" (the determined one first), "text", "real_share",
...parameters}`` stored in ``Profile.rules``. Kinds:

- order: ``a >= b`` on every real row (dropoff >= pickup).
- linear: a number equal to a signed sum of up to four others plus a residual that is 0 or one of
  a few real values (total = fare + tip + tolls + a surcharge); near-exact rules are kept when at
  least ``LINEAR_SHARE`` of the rows follow them.
- dependency: a category (or integer code) determined by another column's value (zone -> borough)
  or by the first characters of a text (a postcode's district).
- prefix: a text that starts with another column's value.
- composed: a text (or id) built from other columns' values and fixed characters
  (``H1-2017-PRT`` from hotel, year and country).
- date_part: a number equal to the year/month/day/hour/minute/weekday of a datetime, or a date
  equal to a timestamp's day.
- missing_together: a column empty exactly when another column is empty or has a given value.
- unique: a column (not an id) whose real values are all distinct.

A candidate must also beat chance: the same test on the rows shuffled (the determinant no longer
beside its dependant) has to fail by far, so small codes that agree by accident make no rule.
Detection screens samples and a few candidates per column so that a wide table takes seconds;
``real_share`` is then measured on every training row.

Typed frames hold floats for numbers, datetimes (epoch seconds) and booleans, and Python strings
or None for categorical/text columns (see _profile.py).
"""

from __future__ import annotations

import functools
import itertools
import re

import numpy as np
import pandas as pd

from ._errors import EngineError
from ._events import EventCallback, ignore
from ._grid import apply_support
from ._table_profile import ColumnProfile, Profile

KINDS = ("order", "linear", "dependency", "prefix", "composed", "date_part", "missing_together", "unique")
LINEAR_SHARE = 0.9
"""The share of rows a linear rule must hold on (its residual on the stored set)."""
EXACT_SHARE = 0.99
"""The share of rows a dependency, prefix, date part or missing-together rule must hold on."""
CHANCE_FACTOR = 0.2
"""A rule's failures must be at most this share of the failures of the rows shuffled."""
MAX_RESIDUALS = 20
"""The most distinct residual values a linear rule stores."""
LINEAR_CANDIDATES = 8
"""Terms tried per target (the most correlated numbers); sums of four use the first six."""
MAP_LIMIT = 5_000
# a composed text needs this many distinct values: fewer are a category, which a dependency keeps
COMPOSED_MIN_DISTINCT = 20
"""The most determinant values a dependency stores."""
SAMPLE_ROWS = 20_000
SCREEN_ROWS = 256
CHECK_ROWS = 5_000
# values the search may examine: a table gets the same rules on any machine; about 20 s here
WORK_BUDGET = 200_000_000
"""Detection stops trying new candidates after this long; rules found by then are kept."""
_ID_CHARS = re.compile(r"[^A-Za-z0-9_:.>=+-]")
_PARTS = ("year", "month", "day", "hour", "minute", "weekday", "date")
_DAY = 86_400.0


# ---------------------------------------------------------------------------------------------
# shared helpers


def _is_number(p: ColumnProfile) -> bool:
    return p.role == "model" and p.type in ("integer", "float") and p.min is not None


def _is_code(p: ColumnProfile) -> bool:
    """Columns whose values are labels: categories, booleans and numbers living on a small set."""
    if p.role != "model":
        return False
    if p.type in ("categorical", "text", "boolean"):
        return True
    return p.type in ("integer", "float") and (p.support or {}).get("kind") == "set"


def _isnull(values: np.ndarray) -> np.ndarray:
    return pd.isna(values)


def _keys(values: np.ndarray) -> list:
    """Values usable as dict keys: None for null, Python scalars otherwise."""
    return [None if v is None or (isinstance(v, float) and np.isnan(v)) else (v.item() if hasattr(v, "item") else v) for v in values]


def _share(held: np.ndarray) -> float | None:
    """The share of applicable rows (not NaN) on which a rule holds."""
    applicable = ~np.isnan(held)
    return float(held[applicable].mean()) if applicable.any() else None


def _beats_chance(share: float, shuffled: float) -> bool:
    return 1 - share <= CHANCE_FACTOR * (1 - shuffled)


def _parts(seconds: np.ndarray, part: str) -> np.ndarray:
    """A part of datetimes given as epoch seconds (NaN stays NaN). Weekday: Monday = 0."""
    out = np.full(len(seconds), np.nan)
    ok = ~np.isnan(seconds)
    s = seconds[ok]
    if part == "date":
        out[ok] = np.floor(s / _DAY) * _DAY
        return out
    if part in ("hour", "minute"):
        out[ok] = np.floor(s / (3600.0 if part == "hour" else 60.0)) % (24 if part == "hour" else 60)
        return out
    days = np.floor(s / _DAY).astype(np.int64)
    if part == "weekday":
        out[ok] = (days + 3) % 7  # 1970-01-01 was a Thursday
        return out
    dates = days.astype("datetime64[D]")
    months = dates.astype("datetime64[M]")
    if part == "year":
        out[ok] = dates.astype("datetime64[Y]").astype(np.int64) + 1970
    elif part == "month":
        out[ok] = months.astype(np.int64) % 12 + 1
    else:
        out[ok] = (dates - months.astype("datetime64[D]")).astype(np.int64) + 1
    return out


class _Budget:
    """What is left of WORK_BUDGET; each candidate test spends the values it reads."""

    def __init__(self) -> None:
        self.left = WORK_BUDGET

    def spend(self, values: int) -> bool:
        """Whether the next test (reading ``values``) fits; it is counted either way."""
        self.left -= values
        return self.left >= 0


class _Graph:
    """Which columns each accepted rule derives from which: keeping applies rules determinants
    first, so accepted rules never form a cycle."""

    def __init__(self) -> None:
        self.edges: dict[str, set[str]] = {}

    def _reaches(self, start: str, goal: str) -> bool:
        stack, seen = [start], set()
        while stack:
            node = stack.pop()
            if node == goal:
                return True
            if node not in seen:
                seen.add(node)
                stack.extend(self.edges.get(node, ()))
        return False

    def add(self, target: str, sources: list[str]) -> bool:
        if any(self._reaches(target, s) for s in sources):
            return False
        for s in sources:
            self.edges.setdefault(s, set()).add(target)
        return True


# ---------------------------------------------------------------------------------------------
# detection


def find_rules(typed: pd.DataFrame, profiles: list[ColumnProfile], on_event: EventCallback = ignore) -> list[dict]:
    """Every rule the real rows keep, with its share measured on all of them. The search stops
    when WORK_BUDGET is spent (said in a warning): wide tables keep the rules found by then."""
    budget = _Budget()
    n = len(typed)
    if n < 10:
        return []
    sample = typed.sample(n=min(n, SAMPLE_ROWS), random_state=0)  # shuffled: a sorted file's first rows are no sample
    rng = np.random.default_rng(0)
    graph = _Graph()
    rules = _orders(typed, sample, profiles)
    for find in (_date_parts, _prefixes, _composed, _dependencies, _linears, _missing_together):
        if budget.left < 0:
            break
        for rule in find(typed, sample, profiles, rng, budget):
            if graph.add(rule["columns"][0], rule["columns"][1:]):
                rules.append(rule)
    if budget.left < 0:
        on_event(
            {
                "event": "warning",
                "code": "rules_search_cut",
                "message": f"the search for rules between columns stopped after examining {WORK_BUDGET:,} values on this table; "
                "the rules found by then are kept, others may exist",
            }
        )
    rules += _uniques(typed, profiles)
    kept = []
    for rule in rules:
        rule["real_share"] = _share(check(rule, typed))
        if rule["real_share"] is not None and rule["real_share"] >= (LINEAR_SHARE if rule["kind"] == "linear" else EXACT_SHARE):
            kept.append(rule)
    return _name(kept)


def _name(rules: list[dict]) -> list[dict]:
    """Give each rule a stable id (kind:target, then kind:target:other, then a counter)."""
    taken: set[str] = set()
    for rule in rules:
        target, others = rule["columns"][0], rule["columns"][1:]
        if rule["kind"] == "order":
            options = [f"order:{target}>={others[0]}"]
        else:
            options = [f"{rule['kind']}:{target}"] + ([f"{rule['kind']}:{target}:{others[0]}"] if others else [])
        options = [_ID_CHARS.sub("_", o)[:200] for o in options]
        chosen = next((o for o in options if o not in taken), None)
        suffix = 2
        while chosen is None:
            candidate = f"{options[0][:190]}-{suffix}"
            chosen = candidate if candidate not in taken else None
            suffix += 1
        taken.add(chosen)
        rule["id"] = chosen
    return [{"id": r.pop("id"), **r} for r in rules]


def _orders(typed: pd.DataFrame, sample: pd.DataFrame, profiles: list[ColumnProfile]) -> list[dict]:
    """a >= b on every row where both are present, for numbers with overlapping ranges and for
    datetimes (screened on the sample, confirmed on every row)."""
    numeric = [p for p in profiles if p.role == "model" and p.type in ("integer", "float", "datetime") and p.min is not None]
    screen = {p.name: sample[p.name].to_numpy(dtype=float) for p in numeric}
    rules = []
    for i, a in enumerate(numeric):
        for b in numeric[i + 1 :]:
            if (a.type == "datetime") != (b.type == "datetime") or not max(a.min, b.min) <= min(a.max, b.max):
                continue
            for greater, lesser in ((a.name, b.name), (b.name, a.name)):
                if (screen[greater] < screen[lesser]).any():
                    continue
                x, y = typed[greater].to_numpy(dtype=float), typed[lesser].to_numpy(dtype=float)
                both = ~np.isnan(x) & ~np.isnan(y)
                if both.sum() >= 10 and (x[both] >= y[both]).all() and (x[both] > y[both]).any():
                    rules.append(_order(greater, lesser))
                    break
    return rules


def _order(greater: str, lesser: str) -> dict:
    return {"kind": "order", "columns": [greater, lesser], "text": f"{greater} >= {lesser}"}


@functools.cache
def _combinations(k: int) -> np.ndarray:
    """Signed sums of 1-3 of k candidates and of 4 of the first six, as rows of coefficients."""
    rows = []
    for size in (1, 2, 3, 4):
        pool = range(min(k, 6) if size == 4 else k)
        for chosen in itertools.combinations(pool, size):
            for signs in itertools.product((1.0, -1.0), repeat=size):
                row = np.zeros(k)
                row[list(chosen)] = signs
                rows.append(row)
    return np.array(rows)


def _residual_set(residual: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """The most frequent residual values (at most MAX_RESIDUALS, each on at least 0.2 % of the
    rows), their counts and the share of rows they cover."""
    values, counts = np.unique(residual, return_counts=True)
    order = np.argsort(-counts, kind="stable")[:MAX_RESIDUALS]
    order = order[counts[order] >= max(3, 0.002 * len(residual))]
    return values[order], counts[order], float(counts[order].sum() / max(len(residual), 1))


def _linears(typed: pd.DataFrame, sample: pd.DataFrame, profiles: list[ColumnProfile], rng: np.random.Generator, budget: _Budget) -> list[dict]:
    numbers = [p for p in profiles if _is_number(p)]
    by_name = {p.name: p for p in numbers}
    correlation = sample[list(by_name)].corr().abs().fillna(0) if len(numbers) > LINEAR_CANDIDATES + 1 else None
    matrix = sample[list(by_name)].to_numpy(dtype=float)
    position = {name: i for i, name in enumerate(by_name)}
    found = []
    for target in numbers:
        if not budget.spend(SCREEN_ROWS * len(_combinations(min(len(numbers) - 1, LINEAR_CANDIDATES))) + 3 * CHECK_ROWS):
            break
        others = [p.name for p in numbers if p is not target]
        if not others:
            continue
        y_name = target.name
        if correlation is not None:
            others = list(correlation[y_name].drop(y_name).sort_values(ascending=False, kind="stable").index[:LINEAR_CANDIDATES])
        block = matrix[:, [position[c] for c in [y_name, *others]]]
        block = block[~np.isnan(block).any(axis=1)]
        if len(block) < 50:
            continue
        decimals = min(6, max(by_name[c].decimals for c in [y_name, *others]))
        y, x = block[:, 0], block[:, 1:]
        combos = _combinations(len(others))
        screen = np.round(y[:SCREEN_ROWS, None] - x[:SCREEN_ROWS] @ combos.T, decimals)
        ordered = np.sort(screen, axis=0)
        distinct = 1 + (np.diff(ordered, axis=0) != 0).sum(axis=0)
        rows = len(screen)
        promising = np.flatnonzero(distinct <= MAX_RESIDUALS + 0.1 * rows)
        y, x = y[:CHECK_ROWS], x[:CHECK_ROWS]
        for index in promising[np.argsort(distinct[promising], kind="stable")][:3]:
            coefficients = combos[index]
            terms = [(others[i], float(coefficients[i])) for i in np.flatnonzero(coefficients)]
            decimals = min(6, max(by_name[c].decimals for c in [y_name, *(name for name, _ in terms)]))
            combined = x @ coefficients
            residual = np.round(y - combined, decimals)
            values, counts, share = _residual_set(residual)
            if share < LINEAR_SHARE or not _distinctive(values, decimals, float(np.std(y))):
                continue
            shuffled = np.isin(np.round(rng.permutation(y) - combined, decimals), values).mean()
            if not _beats_chance(share, shuffled):
                continue
            found.append(_linear(y_name, terms, values, counts, decimals, share, float(np.std(y))))
    found.sort(key=lambda r: (-round(r["share"], 3), len(r["residuals"]), len(r["columns"]), -r["spread"]))
    rules, column_sets, targets = [], [], set()
    for rule in found:
        columns = set(rule["columns"])
        if rule["columns"][0] in targets or columns in column_sets:
            continue
        # The residual set and its frequencies come from every training row, not the sample.
        target = typed[rule["columns"][0]].to_numpy(dtype=float)
        combined = _combined(rule, typed)
        present = ~np.isnan(target) & ~np.isnan(combined)
        values, counts, share = _residual_set(np.round(target[present] - combined[present], rule["decimals"]))
        if share < LINEAR_SHARE:
            continue
        targets.add(rule["columns"][0])
        column_sets.append(columns)
        terms = [(t["column"], t["sign"]) for t in rule["terms"]]
        rule = _linear(rule["columns"][0], terms, values, counts, rule["decimals"], share, rule["spread"])
        del rule["share"], rule["spread"]
        rules.append(rule)
    return rules


def _distinctive(values: np.ndarray, decimals: int, spread: float) -> bool:
    """A residual set says more than 'about equal': one value, a few values scattered over their
    range (surcharges), or values all within a twentieth of the target's spread (rounding)."""
    if len(values) == 1:
        return True
    points = (values.max() - values.min()) * 10.0**decimals + 1
    return len(values) <= 0.25 * points or values.max() - values.min() <= 0.05 * spread


def _linear(target: str, terms: list[tuple[str, float]], values, counts, decimals: int, share: float, spread: float) -> dict:
    words = ""
    for i, (name, sign) in enumerate(terms):
        words += (name if sign > 0 else f"-{name}") if i == 0 else (f" + {name}" if sign > 0 else f" - {name}")
    values = [float(v) for v in values]
    if values == [0.0]:
        tail = ""
    elif len(values) == 1:
        tail = f" + {values[0]:g}"
    else:
        tail = f" + one of {len(values)} real values ({', '.join(f'{v:g}' for v in sorted(values)[:4])}{', …' if len(values) > 4 else ''})"
    return {
        "kind": "linear",
        "columns": [target, *(name for name, _ in terms)],
        "text": f"{target} = {words}{tail}",
        "terms": [{"column": name, "sign": sign} for name, sign in terms],
        "residuals": values,
        "weights": [int(c) for c in counts],
        "decimals": decimals,
        "share": share,
        "spread": spread,
    }


def _codes(sample: pd.DataFrame, profiles: list[ColumnProfile]) -> dict[str, tuple[np.ndarray, int]]:
    out = {}
    for p in profiles:
        if _is_code(p):
            codes, uniques = pd.factorize(sample[p.name], use_na_sentinel=False)
            out[p.name] = (codes.astype(np.int64), len(uniques))
    return out


def _modal_share(a: np.ndarray, na: int, b: np.ndarray, nb: int) -> float:
    """The share of rows whose b is the most common b of their a."""
    counts = np.bincount(a * nb + b, minlength=na * nb).reshape(na, nb)
    return float(counts.max(axis=1).sum() / len(a))


def _heads(sample: pd.DataFrame, profiles: list[ColumnProfile]) -> dict[tuple[str, int], tuple[np.ndarray, int]]:
    """The first 1-4 characters of many-valued texts, as codes, where they have at most a fifth
    as many values as the whole text (a postcode's district, a product code's family)."""
    out = {}
    for p in profiles:
        if p.role != "model" or p.type not in ("categorical", "text"):
            continue
        values = sample[p.name]
        distinct = values.nunique()
        if distinct < 20:
            continue
        for length in (1, 2, 3, 4):
            codes, uniques = pd.factorize(values.str[:length], use_na_sentinel=False)
            if 2 <= len(uniques) <= distinct / 5:
                out[(p.name, length)] = (codes.astype(np.int64), len(uniques))
    return out


def _dependencies(typed: pd.DataFrame, sample: pd.DataFrame, profiles: list[ColumnProfile], rng: np.random.Generator, budget: _Budget) -> list[dict]:
    codes = _codes(sample, profiles)
    determinants = {**{(name, None): code for name, code in codes.items()}, **_heads(sample, profiles)}
    n = len(sample)
    found = []
    for (a_name, length), (a, na) in determinants.items():
        if not 2 <= na < n / 2 or na > MAP_LIMIT:
            continue
        for b_name, (b, nb) in codes.items():
            if not budget.spend(n):
                break
            if b_name == a_name or nb < 2 or na * nb > 4_000_000:
                continue
            share = _modal_share(a, na, b, nb)
            if share < EXACT_SHARE or not _beats_chance(share, _modal_share(a, na, rng.permutation(b), nb)):
                continue
            found.append((share, na, a_name, length, b_name))
    found.sort(key=lambda f: (-f[0], f[1]))
    rules, targets = [], set()
    for _share_found, _na, a_name, length, b_name in found:
        if b_name in targets:
            continue
        rule = _dependency(typed, a_name, length, b_name)
        if rule is not None:
            targets.add(b_name)
            rules.append(rule)
    return rules


def _dependency(frame: pd.DataFrame, a_name: str, length: int | None, b_name: str) -> dict | None:
    rule = {"kind": "dependency", "columns": [b_name, a_name], **({} if length is None else {"prefix_length": length})}
    pairs = pd.DataFrame({"a": _determinant_keys(rule, frame), "b": _keys(frame[b_name].to_numpy())})
    counts = pairs.groupby(["a", "b"], dropna=False).size().reset_index(name="n")
    counts = counts.sort_values("n", ascending=False, kind="stable").drop_duplicates("a")
    mapping = [[_keys([a])[0], _keys([b])[0]] for a, b in zip(counts["a"], counts["b"], strict=True)]
    if len(mapping) > MAP_LIMIT:
        return None
    source = a_name if length is None else f"the first {length} character{'s' if length > 1 else ''} of {a_name}"
    return {**rule, "text": f"{b_name} is determined by {source} ({len(mapping)} values mapped)", "map": mapping}


def _determinant_keys(rule: dict, frame: pd.DataFrame) -> list:
    """The values a dependency maps: the determinant's, or their first ``prefix_length`` characters."""
    keys = _keys(frame[rule["columns"][1]].to_numpy())
    length = rule.get("prefix_length")
    return keys if length is None else [None if k is None else str(k)[:length] for k in keys]


def _prefixes(typed: pd.DataFrame, sample: pd.DataFrame, profiles: list[ColumnProfile], rng: np.random.Generator, budget: _Budget) -> list[dict]:
    texts = [p.name for p in profiles if p.role == "model" and p.type in ("categorical", "text")]
    heads = [p.name for p in profiles if _is_code(p) and p.type != "boolean"]
    small = sample.head(2_000)
    rules = []
    for b_name in texts:
        for a_name in heads:
            if not budget.spend(100):
                return rules
            if a_name == b_name:
                continue
            head = small[[a_name, b_name]].head(100).dropna()
            if not all(str(y).startswith(_text(x)) for x, y in zip(head[a_name], head[b_name], strict=True)):
                continue
            both = small[[a_name, b_name]].dropna()
            if len(both) < 20:
                continue
            a = [_text(v) for v in both[a_name]]
            b = list(both[b_name])
            if not all(a):
                continue
            starts = np.array([y.startswith(x) for x, y in zip(a, b, strict=True)])
            same = np.mean([x == y for x, y in zip(a, b, strict=True)])
            if starts.mean() < EXACT_SHARE or same > 0.5:
                continue
            shuffled = np.mean([y.startswith(x) for x, y in zip(rng.permutation(np.array(a, dtype=object)), b, strict=True)])
            if _beats_chance(float(starts.mean()), float(shuffled)):
                rules.append({"kind": "prefix", "columns": [b_name, a_name], "text": f"{b_name} starts with {a_name}"})
                break
    return rules


def _composed(typed: pd.DataFrame, sample: pd.DataFrame, profiles: list[ColumnProfile], rng: np.random.Generator, budget: _Budget) -> list[dict]:
    """Texts built from other columns' values (as they read) and fixed characters. Candidate
    sources are the columns whose value sits inside the text on every screened row, longest
    first; a source is taken when it makes more rows share one template, and the template must
    fit EXACT_SHARE of the rows and fail on shuffled sources."""
    targets = [p.name for p in profiles if p.role == "id" or (p.role == "model" and p.type in ("categorical", "text"))]
    sources = [p.name for p in profiles if p.role == "model" and _written_as_text(p)]
    small = sample.head(2_000)
    texts = {name: [None if v is None else _text(v) for v in _keys(small[name].to_numpy())] for name in {*targets, *sources}}
    rules = []
    for t in targets:
        target = texts[t]
        if len({v for v in target if v}) < COMPOSED_MIN_DISTINCT:
            continue
        candidates = []
        for name in sources:
            if not budget.spend(len(target)):
                return rules
            pairs = [(a, b) for a, b in zip(texts[name], target, strict=True) if a and b is not None]
            if name == t or len(pairs) < 20 or not all(a in b for a, b in pairs[:100]):
                continue
            if np.mean([a in b for a, b in pairs]) >= EXACT_SHARE and np.mean([a == b for a, b in pairs]) < 0.5:
                candidates.append(name)
        candidates.sort(key=lambda name: -np.mean([len(v) for v in texts[name] if v]))
        chosen, share = [], 0.0
        for name in candidates:
            tried = _modal_template(target, {c: texts[c] for c in [*chosen, name]})
            if tried[1] > share:
                (template, share), chosen = tried, [*chosen, name]
        if not chosen or share < EXACT_SHARE:
            continue
        shuffled = _modal_template(target, {c: list(rng.permutation(np.array(texts[c], dtype=object))) for c in chosen})[1]
        if _beats_chance(share, shuffled):
            rules.append({"kind": "composed", "columns": [t, *chosen], "parts": template, "text": f"{t} is {_template_text(template)}"})
    return rules


def _written_as_text(p: ColumnProfile) -> bool:
    """Whether _text writes the column's values as the file does: texts, and integers read
    without a layout (zero padding or thousands would be lost)."""
    return p.type in ("categorical", "text") or (p.type == "integer" and p.number_layout is None)


def _modal_template(target: list, sources: dict[str, list]) -> tuple[list[dict], float]:
    """The template most rows of ``target`` follow when each source's value is cut out of them
    (first free occurrence, in the given order), and the share of rows that follow it."""
    counts: dict[tuple, int] = {}
    for i, value in enumerate(target):
        if value is None or any(texts[i] is None for texts in sources.values()):
            continue
        spans: list[tuple[int, int, str]] = []
        for column, texts in sources.items():
            start = _free_occurrence(value, texts[i], spans)
            if start < 0:
                break
            spans.append((start, start + len(texts[i]), column))
        else:
            pieces, at = [], 0
            for start, end, column in sorted(spans):
                pieces += [value[at:start], (column,)]
                at = end
            key = tuple(p for p in [*pieces, value[at:]] if p != "")
            counts[key] = counts.get(key, 0) + 1
    rows = sum(1 for v in target if v is not None)
    if not counts or not rows:
        return [], 0.0
    best = max(counts, key=counts.get)
    return [{"column": p[0]} if isinstance(p, tuple) else {"text": p} for p in best], counts[best] / rows


def _free_occurrence(value: str, part: str, spans: list[tuple[int, int, str]]) -> int:
    start = value.find(part)
    while start >= 0 and any(start < end and start + len(part) > begin for begin, end, _ in spans):
        start = value.find(part, start + 1)
    return start


def _template_text(parts: list[dict]) -> str:
    return " + ".join(p["column"] if "column" in p else repr(p["text"]) for p in parts)


def _compose(rule: dict, frame: pd.DataFrame) -> list:
    """Per row, the text the rule builds; None where a source is null."""
    columns = {p["column"]: _keys(frame[p["column"]].to_numpy()) for p in rule["parts"] if "column" in p}
    out = []
    for i in range(len(frame)):
        pieces = [p["text"] if "text" in p else columns[p["column"]][i] for p in rule["parts"]]
        out.append(None if any(v is None for v in pieces) else "".join(_text(v) for v in pieces))
    return out


def _text(value) -> str:
    """A value as it reads in text: integer-valued numbers without '.0'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _date_parts(typed: pd.DataFrame, sample: pd.DataFrame, profiles: list[ColumnProfile], rng: np.random.Generator, budget: _Budget) -> list[dict]:
    stamps = [p for p in profiles if p.role == "model" and p.type == "datetime"]
    rules, targets = [], set()
    for d in stamps:
        seconds = sample[d.name].to_numpy(dtype=float)
        for p in profiles:
            if p.role != "model" or p.name == d.name or p.name in targets or p.min is None:
                continue
            if not budget.spend(len(seconds) * len(_PARTS)):
                return rules
            if p.type == "datetime":
                parts = ("date",) if d.resolution < _DAY <= p.resolution else ()
            else:
                parts = tuple(part for part in _PARTS if part != "date") if p.type in ("integer", "float") else ()
            values = sample[p.name].to_numpy(dtype=float) if parts else None
            for part in parts:
                expected = _parts(seconds, part)
                both = ~np.isnan(expected) & ~np.isnan(values)
                if both.sum() < 20:
                    break
                equal = expected[both] == values[both]
                shuffled = float((rng.permutation(expected[both]) == values[both]).mean())
                if equal.mean() >= EXACT_SHARE and _beats_chance(float(equal.mean()), shuffled):
                    targets.add(p.name)
                    rules.append(_date_part(p.name, d.name, part))
                    break
    return rules


def _date_part(target: str, stamp: str, part: str) -> dict:
    text = f"{target} is the date of {stamp}" if part == "date" else f"{target} is the {part} of {stamp}" + (" (Monday = 0)" if part == "weekday" else "")
    return {"kind": "date_part", "columns": [target, stamp], "text": text, "part": part}


def _missing_together(typed: pd.DataFrame, sample: pd.DataFrame, profiles: list[ColumnProfile], rng: np.random.Generator, budget: _Budget) -> list[dict]:
    """B is empty exactly when A is empty (or has one value): judged by the rows where either
    happens, so rare nulls in two columns do not agree by chance."""
    models = [p for p in profiles if p.role == "model"]
    nulls = {p.name: sample[p.name].isna().to_numpy() for p in models}
    codes = {p.name: pd.factorize(sample[p.name], use_na_sentinel=True) for p in models if _is_code(p) and p.null_ratio == 0}
    found = []
    for b in models:
        b_null = nulls[b.name]
        if b_null.sum() < 5 or b_null.all() or not budget.spend(len(b_null) * len(models)):
            continue
        shuffled_null = rng.permutation(b_null)
        for a in models:
            if a.name == b.name:
                continue
            value = None
            if 0 < a.null_ratio < 1:
                condition = nulls[a.name]
            elif a.name in codes:
                a_codes, uniques = codes[a.name]
                common = int(np.argmax(np.bincount(a_codes[b_null], minlength=len(uniques))))
                value = _keys([uniques[common]])[0]
                condition = a_codes == common
            else:
                continue
            either = max((b_null | condition).sum(), 1)
            overlap = (b_null & condition).sum() / either
            if overlap >= 0.95 and _beats_chance(overlap, (shuffled_null & condition).sum() / either):
                found.append((-overlap, value is not None, b.name, a.name, value))
    found.sort(key=lambda f: f[:2])
    rules, targets = [], set()
    for _overlap, _by_value, b_name, a_name, value in found:
        if b_name in targets:
            continue
        targets.add(b_name)
        when = f"{a_name} is empty" if value is None else f"{a_name} is {value!r}"
        rules.append(
            {
                "kind": "missing_together",
                "columns": [b_name, a_name],
                "text": f"{b_name} is empty exactly when {when}",
                "when": "empty" if value is None else "value",
                **({} if value is None else {"value": value}),
            }
        )
    return rules


def _uniques(typed: pd.DataFrame, profiles: list[ColumnProfile]) -> list[dict]:
    rules = []
    for p in profiles:
        if p.role != "model" or p.type == "boolean":
            continue
        values = typed[p.name].dropna()
        if len(values) >= 50 and values.nunique() == len(values):
            rules.append({"kind": "unique", "columns": [p.name], "text": f"{p.name} never repeats a value"})
    return rules


# ---------------------------------------------------------------------------------------------
# checking


def check(rule: dict, frame: pd.DataFrame, seen: dict | None = None) -> np.ndarray:
    """Per row: 1.0 where the rule holds, 0.0 where it is broken, NaN where it does not apply
    (a value it needs is null). ``seen``: values of a unique column in earlier chunks."""
    kind, columns = rule["kind"], rule["columns"]
    target = frame[columns[0]].to_numpy()
    out = np.full(len(frame), np.nan)
    if kind == "order":
        lesser = frame[columns[1]].to_numpy(dtype=float)
        greater = target.astype(float)
        ok = ~np.isnan(greater) & ~np.isnan(lesser)
        out[ok] = greater[ok] >= lesser[ok]
    elif kind == "linear":
        y = target.astype(float)
        combined = _combined(rule, frame)
        ok = ~np.isnan(y) & ~np.isnan(combined)
        residual = np.round(y[ok] - combined[ok], rule["decimals"])
        out[ok] = np.isin(residual, np.round(rule["residuals"], rule["decimals"]))
    elif kind == "dependency":
        mapping = {a: b for a, b in rule["map"]}
        keys = _determinant_keys(rule, frame)
        values = _keys(target)
        for i, (key, value) in enumerate(zip(keys, values, strict=True)):
            if key in mapping:
                out[i] = value == mapping[key]
    elif kind == "prefix":
        heads = frame[columns[1]].to_numpy()
        ok = ~_isnull(target) & ~_isnull(heads)
        out[ok] = [str(b).startswith(_text(a)) for a, b in zip(heads[ok], target[ok], strict=True)]
    elif kind == "composed":
        for i, (built, value) in enumerate(zip(_compose(rule, frame), _keys(target), strict=True)):
            if built is not None and value is not None:
                out[i] = built == value
    elif kind == "date_part":
        expected = _parts(frame[columns[1]].to_numpy(dtype=float), rule["part"])
        values = target.astype(float)
        ok = ~np.isnan(expected) & ~np.isnan(values)
        out[ok] = expected[ok] == values[ok]
    elif kind == "missing_together":
        out[:] = _isnull(target) == _condition(rule, frame)
    elif kind == "unique":
        present = ~_isnull(target)
        values = pd.Series(_keys(target[present]))
        repeated = values.duplicated().to_numpy()
        if seen and columns[0] in seen:
            repeated |= values.isin(seen[columns[0]]).to_numpy()
        out[present] = ~repeated
    return out


def _combined(rule: dict, frame: pd.DataFrame) -> np.ndarray:
    total = np.zeros(len(frame))
    for term in rule["terms"]:
        total = total + term["sign"] * frame[term["column"]].to_numpy(dtype=float)
    return total


def _condition(rule: dict, frame: pd.DataFrame) -> np.ndarray:
    values = frame[rule["columns"][1]]
    if rule["when"] == "empty":
        return values.isna().to_numpy()
    return (values == rule["value"]).to_numpy()


# ---------------------------------------------------------------------------------------------
# rules of a model and the ones a run switches off


def rules_of_relations(relations: list[dict]) -> list[dict]:
    """The rules of a model trained before rules were stored: its order relations."""
    legacy = [_order(r["greater"], r["lesser"]) for r in relations if r["kind"] == "order"]
    for rule in legacy:
        rule["real_share"] = 1.0
    return _name(legacy)


def rules_on(profile: Profile, rules_off: list[str] | None) -> list[dict]:
    """The rules a run keeps; an id the model does not have is an error naming it."""
    rules = list(profile.rules)
    off = list(rules_off or [])
    if not all(isinstance(i, str) for i in off):
        raise EngineError("invalid_arguments", f"rules_off must be a list of rule ids (got {rules_off!r})")
    known = {r["id"] for r in rules}
    unknown = [i for i in off if i not in known]
    if unknown:
        listed = ", ".join(sorted(known)) or "none"
        raise EngineError("invalid_arguments", f"unknown rule id '{unknown[0]}' in --rules-off; this model's rules: {listed}")
    return [r for r in rules if r["id"] not in set(off)]


# ---------------------------------------------------------------------------------------------
# keeping


_DERIVED = ("missing_together", "date_part", "dependency", "prefix", "composed", "linear", "unique")


def keep(frame: pd.DataFrame, rules: list[dict], profile: Profile, rng: np.random.Generator, seen: dict | None = None) -> None:
    """Make restored rows keep ``rules`` in place: orders are repaired, each derived column is
    set from its determinants (determinants first), then the few rows a derivation put out of
    order are repaired again (a sum of parts already exceeds each part). ``seen``: the values unique
    columns took in earlier chunks (see ``remember``)."""
    profiles = profile.by_name()
    derived = [r for r in rules if r["kind"] in _DERIVED]
    orders = [r for r in rules if r["kind"] == "order"]
    if orders:
        repair_orders(frame, orders, profiles, rng)
    for rule in _determinants_first(derived):
        {
            "date_part": _keep_date_part,
            "dependency": _keep_dependency,
            "prefix": _keep_prefix,
            "composed": _keep_composed,
            "linear": _keep_linear,
            "missing_together": _keep_missing_together,
            "unique": _keep_unique,
        }[rule["kind"]](frame, rule, profiles, rng, seen)
    if orders:
        repair_orders(frame, orders, profiles, rng)


def remembered(rules: list[dict]) -> list[dict]:
    """The rules whose keeping depends on the rows written before: a unique column's values."""
    return [rule for rule in rules if rule["kind"] == "unique"]


def remember(seen: dict, rules: list[dict], frame: pd.DataFrame) -> None:
    """Add a written chunk's values of unique columns to ``seen`` (what later chunks must avoid)."""
    for rule in remembered(rules):
        column = rule["columns"][0]
        seen.setdefault(column, set()).update(v for v in _keys(frame[column].to_numpy()) if v is not None)


def _determinants_first(rules: list[dict]) -> list[dict]:
    """Rules ordered so that a column is derived before any rule reads it; rules deriving the
    same column keep the _DERIVED order: its null pattern first (the values it fills are then
    derived where a rule says how), de-duplication last."""
    targets = {r["columns"][0] for r in rules}
    depth: dict[str, int] = {}

    def level(column: str, path: frozenset = frozenset()) -> int:
        if column not in depth:
            sources = [c for r in rules if r["columns"][0] == column for c in r["columns"][1:] if c in targets and c not in path]
            depth[column] = 1 + max((level(c, path | {column}) for c in sources), default=0)
        return depth[column]

    return sorted(rules, key=lambda r: (level(r["columns"][0]), _DERIVED.index(r["kind"])))


def _bounded(values: np.ndarray, prof: ColumnProfile) -> np.ndarray:
    """Where a derived number leaves the column's real range: NaN (the row keeps its value)."""
    if prof.min is None:
        return values
    return np.where((values >= prof.min) & (values <= prof.max), values, np.nan)


def _keep_date_part(frame, rule, profiles, _rng, _seen) -> None:
    target = rule["columns"][0]
    expected = _bounded(_parts(frame[rule["columns"][1]].to_numpy(dtype=float), rule["part"]), profiles[target])
    current = frame[target].to_numpy(dtype=float)
    frame[target] = np.where(np.isnan(expected) | np.isnan(current), current, expected)


def _keep_dependency(frame, rule, profiles, _rng, _seen) -> None:
    target = rule["columns"][0]
    mapping = {a: b for a, b in rule["map"]}
    keys = _determinant_keys(rule, frame)
    current = frame[target].to_numpy().copy()
    numeric = profiles[target].type not in ("categorical", "text")
    for i, key in enumerate(keys):
        if key in mapping:
            value = mapping[key]
            current[i] = (np.nan if value is None else float(value)) if numeric else value
    frame[target] = current


def _keep_prefix(frame, rule, profiles, rng, _seen) -> None:
    target, head = rule["columns"]
    prof = profiles[target]
    categories = np.array(prof.categories, dtype=object)
    weights = np.asarray(prof.weights, dtype=float)
    values = frame[target].to_numpy().copy()
    heads = frame[head].to_numpy()
    pools: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for i in np.flatnonzero(~_isnull(values) & ~_isnull(heads)):
        start = _text(heads[i])
        if str(values[i]).startswith(start):
            continue
        if start not in pools:
            match = np.array([str(c).startswith(start) for c in categories], dtype=bool)
            pools[start] = (categories[match], weights[match])
        pool, pool_w = pools[start]
        if len(pool):
            values[i] = pool[rng.choice(len(pool), p=pool_w / pool_w.sum())]
    frame[target] = values


def _keep_composed(frame, rule, _profiles, _rng, _seen) -> None:
    target = rule["columns"][0]
    current = frame[target].to_numpy().copy()
    for i, built in enumerate(_compose(rule, frame)):
        if built is not None and current[i] is not None:
            current[i] = built
    frame[target] = current


def _keep_linear(frame, rule, profiles, rng, _seen) -> None:
    """target = signed sum + a residual from the real set. The synthetic residuals' ranks pick
    the real ones (as a value set does), so the real frequencies come back and the residual keeps
    its tie to the other columns. A row whose sum would leave the target's range tries the
    residuals that bring it back, else keeps its value."""
    target = rule["columns"][0]
    prof = profiles[target]
    y = frame[target].to_numpy(dtype=float)
    combined = _combined(rule, frame)
    ok = ~np.isnan(y) & ~np.isnan(combined)
    if not ok.any():
        return
    support = {"kind": "set", "values": sorted(rule["residuals"]), "weights": [w for _, w in sorted(zip(rule["residuals"], rule["weights"], strict=True))]}
    residual = apply_support(y[ok] - combined[ok], support, -np.inf, np.inf, rng)
    derived = np.round(combined[ok] + residual, _decimals_or(prof, rule))
    outside = (derived < prof.min) | (derived > prof.max)
    if outside.any():
        options = np.round(combined[ok][outside, None] + np.asarray(support["values"])[None, :], _decimals_or(prof, rule))
        inside = (options >= prof.min) & (options <= prof.max)
        fallback = np.where(inside.any(axis=1), options[np.arange(len(options)), np.argmax(inside, axis=1)], y[ok][outside])
        derived[outside] = fallback
    y[ok] = derived
    frame[target] = y


def _keep_missing_together(frame, rule, profiles, rng, _seen) -> None:
    target = rule["columns"][0]
    prof = profiles[target]
    values = frame[target].to_numpy().copy()
    condition = _condition(rule, frame)
    null = _isnull(values)
    blank = None if values.dtype == object else np.nan
    fill = null & ~condition
    if fill.any():
        present = values[~null]
        if len(present) == 0:
            present = np.array(prof.categories[:1], dtype=object) if prof.categories is not None else np.array([prof.min if prof.min is not None else 0.0])
        values[fill] = rng.choice(present, int(fill.sum()))
    values[condition] = blank
    frame[target] = values


def _keep_unique(frame, rule, profiles, rng, seen) -> None:
    """Repeated values move to the nearest free value one precision step away (numbers and
    datetimes, inside the range) or to a real category not used yet."""
    target = rule["columns"][0]
    prof = profiles[target]
    values = frame[target].to_numpy().copy()
    used = set(seen.get(target, ())) if seen else set()
    repeated = []
    for i, v in enumerate(_keys(values)):
        if v is None:
            continue
        if v in used:
            repeated.append(i)
        else:
            used.add(v)
    if not repeated:
        return
    if prof.type in ("categorical", "text"):
        free = [c for c in prof.categories if c not in used]
        rng.shuffle(free)
        for i, value in zip(repeated, free, strict=False):
            values[i] = value
            used.add(value)
    else:
        step = prof.resolution if prof.type == "datetime" else 10.0 ** -(prof.decimals or 0)
        for i in repeated:
            for k in range(1, 10_000):
                options = [values[i] + sign * k * step for sign in ((1, -1) if rng.random() < 0.5 else (-1, 1))]
                free = [round(o, 9) for o in options if prof.min <= o <= prof.max and round(o, 9) not in used]
                if free:
                    values[i] = free[0]
                    used.add(free[0])
                    break
    frame[target] = values


def repair_orders(frame: pd.DataFrame, orders: list[dict], profiles: dict[str, ColumnProfile], rng: np.random.Generator) -> None:
    """Make rows keep 'a >= b' rules (e.g. dropoff >= pickup).

    A value the repair moves goes back onto its column's support: the greater one up, the lesser
    one down, so that the order holds. Snapping can break another order of a chain (total >= fare
    >= tip), so passes repeat; the few rows still out of order after them are repaired exactly,
    off the support, since an order the real table always keeps outweighs a grid."""
    bounds = {n: (p.min, p.max) for n, p in profiles.items() if p.min is not None}
    supports = {n: p.support for n, p in profiles.items() if p.support}
    decimals = {n: p.decimals for n, p in profiles.items() if p.decimals is not None}
    for snap in (True, False):
        for _ in range(len(orders) + 1):
            if not _repair_order_pass(frame, orders, bounds, supports if snap else {}, decimals, rng):
                break


def _repair_order_pass(frame: pd.DataFrame, orders: list[dict], bounds: dict, supports: dict, decimals: dict, rng: np.random.Generator) -> bool:
    """One repair of every order rule; True when some row was out of order."""
    found = False
    for rule in orders:
        g, lesser = rule["columns"]
        gv = frame[g].to_numpy(dtype=float)
        lv = frame[lesser].to_numpy(dtype=float)
        bad = gv < lv
        if not bad.any():
            continue
        found = True
        (glo, ghi), (llo, lhi) = bounds[g], bounds[lesser]
        swap_ok = bad & (lv >= glo) & (lv <= ghi) & (gv >= llo) & (gv <= lhi)
        new_g, new_l = gv.copy(), lv.copy()
        new_g[swap_ok], new_l[swap_ok] = lv[swap_ok], gv[swap_ok]
        rest = bad & ~swap_ok
        raise_g = rest & (lv <= ghi)
        new_g[raise_g] = lv[raise_g]
        lower_l = rest & ~raise_g
        new_l[lower_l] = np.clip(gv[lower_l], llo, lhi)
        for name, values, before, toward in ((g, new_g, gv, "up"), (lesser, new_l, lv, "down")):
            moved = values != before
            if name in supports and moved.any():
                low, high = bounds[name]
                snapped = apply_support(values[moved], supports[name], low, high, rng, toward)
                values[moved] = np.round(snapped, decimals[name])
        frame[g] = new_g
        frame[lesser] = new_l
    return found


# ---------------------------------------------------------------------------------------------
# breaking (anomalies)


def _unit(prof: ColumnProfile) -> float:
    return prof.resolution if prof.type == "datetime" else 10.0 ** -(prof.decimals or 0)


def _decimals_or(prof: ColumnProfile, rule: dict) -> int:
    """The column's decimals; the rule's when the column has none recorded."""
    return rule["decimals"] if prof.decimals is None else prof.decimals


def _other_value(prof: ColumnProfile, avoid, rng: np.random.Generator):
    """A real value of the column other than ``avoid`` (None when it has no other)."""
    if prof.type in ("categorical", "text"):
        pool = [c for c in prof.categories if c != avoid]
    elif prof.support and prof.support["kind"] == "set":
        pool = [v for v in prof.support["values"] if v != avoid]
    elif prof.type == "boolean":
        pool = [v for v in (0.0, 1.0) if v != avoid]
    else:
        pool = [v for v in (prof.min, prof.max) if v != avoid]
    return pool[rng.integers(len(pool))] if pool else None


def breakable(rule: dict, frame: pd.DataFrame, row: int) -> bool:
    """Whether ``break_rule`` can break the rule on this row (a repeat needs an earlier row)."""
    return rule["kind"] != "unique" or row > 0


def break_rule(frame: pd.DataFrame, row: int, rule: dict, profiles: dict[str, ColumnProfile], rng: np.random.Generator) -> None:
    """Change one row so that it breaks the rule (for a broken_relation anomaly)."""
    kind, columns = rule["kind"], rule["columns"]
    at = frame.columns.get_loc
    target = profiles[columns[0]]
    if kind == "order":
        g, lesser = profiles[columns[0]], profiles[columns[1]]
        gv, lv = frame.iat[row, at(g.name)], frame.iat[row, at(lesser.name)]
        gv = g.min if pd.isna(gv) else gv
        lv = lesser.max if pd.isna(lv) else lv
        if gv > lv:
            gv, lv = lv, gv
        if gv >= lv:
            gv = lv - max(_unit(g), _unit(lesser))
        frame.iat[row, at(g.name)], frame.iat[row, at(lesser.name)] = gv, lv
    elif kind == "linear":
        total = 0.0
        for term in rule["terms"]:
            value = frame.iat[row, at(term["column"])]
            if pd.isna(value):
                value = profiles[term["column"]].min
                frame.iat[row, at(term["column"])] = value
            total += term["sign"] * value
        gap = max(_unit(target), 10.0 ** -rule["decimals"], 0.05 * (max(rule["residuals"]) - min(rule["residuals"])))
        value = round(total + max(rule["residuals"]) + max(gap, 1.0), _decimals_or(target, rule))
        frame.iat[row, at(columns[0])] = value
    elif kind == "dependency":
        mapping = {a: b for a, b in rule["map"]}
        key = _determinant_keys(rule, frame.iloc[[row]])[0]
        if key not in mapping:
            determinant = profiles[columns[1]]
            value = next((c for c in (determinant.categories or []) if str(c)[: rule.get("prefix_length")] in mapping), rule["map"][0][0])
            frame.iat[row, at(columns[1])] = value if value is not None or frame[columns[1]].dtype == object else np.nan
            key = _determinant_keys(rule, frame.iloc[[row]])[0]
        other = _other_value(target, mapping[key], rng)
        frame.iat[row, at(columns[0])] = other
    elif kind == "prefix":
        head = frame.iat[row, at(columns[1])]
        start = None if pd.isna(head) else _text(head)
        pool = [c for c in target.categories if start is None or not str(c).startswith(start)]
        frame.iat[row, at(columns[0])] = pool[rng.integers(len(pool))] if pool else f"~{start}"
        if start is None:
            frame.iat[row, at(columns[1])] = _other_value(profiles[columns[1]], None, rng)
            frame.iat[row, at(columns[0])] = "~" + _text(frame.iat[row, at(columns[1])])
    elif kind == "composed":
        built = _compose(rule, frame.iloc[[row]])[0]
        pool = [c for c in (target.categories or []) if c != built]
        frame.iat[row, at(columns[0])] = pool[rng.integers(len(pool))] if pool else f"~{built}"
    elif kind == "date_part":
        stamp = frame.iat[row, at(columns[1])]
        if pd.isna(stamp):
            stamp = profiles[columns[1]]["min"]
            frame.iat[row, at(columns[1])] = stamp
        expected = float(_parts(np.array([float(stamp)]), rule["part"])[0])
        step = _DAY if rule["part"] == "date" else 1.0
        frame.iat[row, at(columns[0])] = expected + step if expected + step <= (np.inf if target.max is None else target.max) else expected - step
    elif kind == "missing_together":
        condition = bool(_condition(rule, frame.iloc[[row]])[0])
        if condition:
            frame.iat[row, at(columns[0])] = _other_value(target, None, rng)
        else:
            frame.iat[row, at(columns[0])] = None if frame[columns[0]].dtype == object else np.nan
    elif kind == "unique":
        earlier = frame.iloc[:row][columns[0]].dropna()
        source = earlier.iloc[rng.integers(len(earlier))] if len(earlier) else None
        if source is None:
            source = target.min if target.min is not None else (target.categories or [None])[0]
        frame.iat[row, at(columns[0])] = source


# ---------------------------------------------------------------------------------------------
# measuring


def kept_shares(rules: list[dict], frame: pd.DataFrame, normal: np.ndarray | None = None, seen: dict | None = None) -> dict[str, tuple[int, int]]:
    """Per rule id: (rows keeping it, rows it applies to), over ``normal`` rows."""
    out = {}
    for rule in rules:
        held = check(rule, frame, seen)
        if normal is not None:
            held = held[normal]
        applicable = ~np.isnan(held)
        out[rule["id"]] = (int(held[applicable].sum()), int(applicable.sum()))
    return out


def report(profile: Profile, synthetic: pd.DataFrame, anomalous: np.ndarray | None) -> list[dict]:
    """The evaluation's rules section: each rule with its real and synthetic shares. ``synthetic``
    is typed as the profile says; ``anomalous`` marks the rows labelled anomalies."""
    normal = None if anomalous is None else ~anomalous
    out = []
    for rule in profile.rules:
        kept, applicable = kept_shares([rule], synthetic, normal)[rule["id"]]
        out.append(
            {
                "id": rule["id"],
                "kind": rule["kind"],
                "columns": rule["columns"],
                "text": rule["text"],
                "real_share": rule["real_share"],
                "synthetic_share": kept / applicable if applicable else None,
            }
        )
    return out
