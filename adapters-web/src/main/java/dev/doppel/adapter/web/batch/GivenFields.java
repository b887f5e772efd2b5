package dev.doppel.adapter.web.batch;

/** How the conditioning fields of sampling and generation requests are described in the API. */
final class GivenFields {
  static final String CONDITIONS =
      "fixed values: every row carries them (column -> value), such as {\"class\": \">50K\"}. At most one of conditions, partialRows and"
          + " shares; the algorithm's conditioning (GET /api/algorithms) says which it can do";
  static final String PARTIAL_ROWS = "partial rows: one output row per object, its values given and its other columns filled in by the model (a null leaves a cell to the model)";
  static final String SHARES =
      "target shares of one categorical or boolean column's values, summing to 1 (column -> value -> share), such as {\"class\": {\">50K\": 0.5,"
          + " \"<=50K\": 0.5}}";

  private GivenFields() {}
}
