package dev.doppel.adapter.web.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.doppel.domain.evaluation.EvaluationReport;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The stored evaluation report, read back as the JSON tree the engine wrote. */
final class ReportDocument {
  private ReportDocument() {}

  static JsonNode read(ObjectMapper json, EvaluationReport report) {
    try {
      return json.readTree(report.document());
    } catch (IOException e) {
      throw new UncheckedIOException("the stored evaluation report is not JSON", e);
    }
  }
}
