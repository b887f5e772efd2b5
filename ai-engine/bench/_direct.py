"""Baseline for benchmark_all.py: one library called directly (no engine) on the same data and
settings: fit, sample, write CSV; prints timings as one JSON line."""

from __future__ import annotations

import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")
NULLS = ["", "NA", "N/A", "null", "NULL", "?", "None"]


def main() -> None:
    data, algorithm, kwargs_json, rows, out_csv = sys.argv[1:6]
    kwargs = json.loads(kwargs_json)
    import pandas as pd

    frame = pd.read_csv(data, keep_default_na=False, na_values=NULLS)
    t0 = time.perf_counter()
    if algorithm == "TabularARGN":
        import os

        for key in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
            os.environ[key] = "1"
        from mostlyai.engine import TabularARGN

        model = TabularARGN(device="cpu", random_state=1, **kwargs)
        t1 = time.perf_counter()
        model.fit(frame)
        t2 = time.perf_counter()
        sampled = model.sample(n_samples=int(rows))
    else:
        from sdv.metadata import Metadata
        from sdv.single_table import CopulaGANSynthesizer, CTGANSynthesizer, GaussianCopulaSynthesizer, TVAESynthesizer

        classes = {"CTGAN": CTGANSynthesizer, "TVAE": TVAESynthesizer, "GaussianCopula": GaussianCopulaSynthesizer, "CopulaGAN": CopulaGANSynthesizer}
        metadata = Metadata.detect_from_dataframes({"table": frame})
        synth = classes[algorithm](metadata, **kwargs)
        t1 = time.perf_counter()
        synth.fit({"table": frame})
        t2 = time.perf_counter()
        sampled = synth.sample(int(rows))["table"]
    t3 = time.perf_counter()
    sampled.to_csv(out_csv, index=False)
    t4 = time.perf_counter()
    print(json.dumps({"setup_s": t1 - t0, "fit_s": t2 - t1, "sample_s": t3 - t2, "csv_s": t4 - t3}))


if __name__ == "__main__":
    main()
