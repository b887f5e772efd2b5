"""Baseline for benchmark.py: the same fit and sample done with SDV directly (no engine)."""

from __future__ import annotations

import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")


def main() -> None:
    data, algorithm, kwargs_json, rows, out_prefix = sys.argv[1:6]
    import pandas as pd
    import torch
    from sdv.metadata import Metadata
    from sdv.single_table import CopulaGANSynthesizer, CTGANSynthesizer, GaussianCopulaSynthesizer, TVAESynthesizer

    torch.set_num_threads(torch.get_num_threads())
    classes = {
        "CTGAN": CTGANSynthesizer,
        "TVAE": TVAESynthesizer,
        "GaussianCopula": GaussianCopulaSynthesizer,
        "CopulaGAN": CopulaGANSynthesizer,
    }
    t0 = time.perf_counter()
    frame = pd.read_csv(data, keep_default_na=False, na_values=["", "NA", "N/A", "null", "NULL", "?", "None"])
    metadata = Metadata.detect_from_dataframes({"table": frame})
    synth = classes[algorithm](metadata, **json.loads(kwargs_json))
    t1 = time.perf_counter()
    synth.fit({"table": frame})
    t2 = time.perf_counter()
    sampled = synth.sample(int(rows))["table"]
    t3 = time.perf_counter()
    sampled.to_csv(out_prefix + ".csv", index=False)
    t4 = time.perf_counter()
    sampled.to_parquet(out_prefix + ".parquet", index=False)
    t5 = time.perf_counter()
    print(json.dumps({"load_s": t1 - t0, "fit_s": t2 - t1, "sample_s": t3 - t2, "csv_s": t4 - t3, "parquet_s": t5 - t4}))


if __name__ == "__main__":
    main()
