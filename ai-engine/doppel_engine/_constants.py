"""Names shared by the catalogue and the operations (kept import-light for describe.py)."""

COLUMN_TYPES = ("integer", "float", "categorical", "boolean", "datetime", "id", "text")
ANOMALY_KINDS = ("out_of_range", "unseen_category", "broken_relation", "unexpected_null")
OUTPUT_FORMATS = ("csv", "parquet")
