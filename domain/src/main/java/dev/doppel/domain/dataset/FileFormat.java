package dev.doppel.domain.dataset;

public enum FileFormat {
  CSV,
  PARQUET
}
