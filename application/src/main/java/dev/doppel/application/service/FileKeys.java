package dev.doppel.application.service;

import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.relational.TableRows;
import dev.doppel.domain.synthesis.ModelId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Where a model's and a database model's files live: under its project's folder, so project deletion removes them too. */
final class FileKeys {
  private FileKeys() {}

  static String model(Dataset dataset, ModelId model) {
    return ProjectFiles.folder(dataset.projectId()) + "/models/" + model.value();
  }

  static String modelFolder(Dataset dataset, ModelId model) {
    return model(dataset, model) + "/model-folder";
  }

  static String evaluationSample(Dataset dataset, ModelId model) {
    return model(dataset, model) + "/evaluation-sample.csv";
  }

  static String batch(Dataset dataset, ModelId model, BatchId batch) {
    return model(dataset, model) + "/batches/" + batch.value() + ".csv";
  }

  /** An uploaded table to impute, kept with the batch that fills it in. */
  static String imputationTable(Dataset dataset, ModelId model, String extension) {
    return model(dataset, model) + "/imputations/" + UUID.randomUUID() + "." + extension;
  }

  /** Rows sampled for one request, removed once answered. */
  static String sample(Dataset dataset, ModelId model) {
    return model(dataset, model) + "/samples/" + UUID.randomUUID() + ".csv";
  }

  /** The full text of a training failure too long for the model's row. */
  static String trainingFailureLog(Dataset dataset, ModelId model) {
    return model(dataset, model) + "/training-failure.log";
  }

  static String evaluationFailureLog(Dataset dataset, ModelId model) {
    return model(dataset, model) + "/evaluation-failure.log";
  }

  static String batchFailureLog(Dataset dataset, ModelId model, BatchId batch) {
    return model(dataset, model) + "/batches/" + batch.value() + "-failure.log";
  }

  static String databaseModel(ProjectId project, DatabaseModelId model) {
    return ProjectFiles.folder(project) + "/databases/" + model.value();
  }

  static String databaseModelFolder(ProjectId project, DatabaseModelId model) {
    return databaseModel(project, model) + "/model-folder";
  }

  static String databaseTrainingFailureLog(ProjectId project, DatabaseModelId model) {
    return databaseModel(project, model) + "/training-failure.log";
  }

  /** The folder a database batch's tables are written to, each under {@link #databaseBatchTable}. */
  static String databaseBatch(ProjectId project, DatabaseModelId model, DatabaseBatchId batch) {
    return databaseModel(project, model) + "/batches/" + batch.value();
  }

  /**
   * A database batch's table: named by its position among the batch's tables (parents first), since
   * a table's own name may hold characters that a key may not.
   */
  static String databaseBatchTable(String batchFolder, int index) {
    return batchFolder + "/table-" + index + ".csv";
  }

  /** Each of a database batch's tables, in the batch's order, with its key ({@link #databaseBatchTable}). */
  static Map<String, String> databaseBatchTables(String batchFolder, List<TableRows> tables) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (int i = 0; i < tables.size(); i++) {
      keys.put(tables.get(i).table(), databaseBatchTable(batchFolder, i));
    }
    return keys;
  }

  static String databaseBatchFailureLog(ProjectId project, DatabaseModelId model, DatabaseBatchId batch) {
    return databaseModel(project, model) + "/batches/" + batch.value() + "-failure.log";
  }

  /** Where the engine writes a database batch's evaluation report while it works; the report itself is kept with the evaluation. */
  static String databaseEvaluationReport(String batchFolder) {
    return batchFolder + "/evaluation-report.json";
  }

  static String databaseEvaluationFailureLog(String batchFolder) {
    return batchFolder + "/evaluation-failure.log";
  }
}
