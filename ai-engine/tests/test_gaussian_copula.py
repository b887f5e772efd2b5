"""GaussianCopula through the engine against SDV's GaussianCopulaSynthesizer called directly."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

import doppel_engine
from conftest import requires_sdmetrics, requires_sdv


def _detected_quality(real: pd.DataFrame, synthetic: pd.DataFrame) -> float:
    from sdmetrics.reports import QualityReport
    from sdv.metadata import Metadata

    metadata = Metadata.detect_from_dataframes({"table": real}).to_dict()
    report = QualityReport()
    report.generate({"table": real}, {"table": synthetic}, metadata, verbose=False)
    return report.get_score()


@requires_sdv
@requires_sdmetrics
def test_scores_no_lower_than_sdv_directly_on_a_dated_table_with_a_high_cardinality_column(tmp_path):
    from sdv.metadata import Metadata
    from sdv.single_table import GaussianCopulaSynthesizer

    rng = np.random.default_rng(0)
    rows, stores = 1500, 700
    # Rows in date order, as exports often are: each store's first row follows the dates.
    store = np.sort(rng.integers(0, stores, rows))
    day = pd.Timestamp("2020-01-01") + pd.to_timedelta(store * 700 // stores + rng.integers(0, 30, rows), unit="D")
    frame = pd.DataFrame(
        {
            "store": [f"s{code:04d}" for code in store],
            "day": day.strftime("%Y-%m-%d"),
            "amount": (rng.normal(0, 10, stores)[store] + rng.normal(50, 1, rows)).round(2),
        }
    )
    assert frame["store"].nunique() > 500  # more levels than the other algorithms keep
    data = tmp_path / "sales.csv"
    frame.to_csv(data, index=False)
    columns = [{"name": "store", "type": "categorical"}, {"name": "day", "type": "datetime", "datetimeFormat": "%Y-%m-%d"}, {"name": "amount", "type": "float"}]
    config = {"algorithm": "GaussianCopula", "seed": 1, "holdout": False, "columns": columns}
    doppel_engine.train(data=str(data), config=config, output=str(tmp_path / "model"))
    doppel_engine.generate(model=str(tmp_path / "model"), count=rows, output=str(tmp_path / "platform.csv"), seed=1)

    real = pd.read_csv(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        np.random.seed(0)  # copulas samples from numpy's global generator
        direct = GaussianCopulaSynthesizer(Metadata.detect_from_dataframes({"table": real}))
        direct.fit({"table": real})
        direct.sample(rows)["table"].to_csv(tmp_path / "direct.csv", index=False)
        platform = _detected_quality(real, pd.read_csv(tmp_path / "platform.csv"))
        baseline = _detected_quality(real, pd.read_csv(tmp_path / "direct.csv"))
    assert platform >= baseline - 0.01, f"platform {platform:.3f}, SDV directly {baseline:.3f}"
