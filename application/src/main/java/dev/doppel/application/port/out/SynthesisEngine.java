package dev.doppel.application.port.out;

import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.domain.relational.TableRows;
import dev.doppel.domain.relational.TableSummary;
import dev.doppel.domain.synthesis.AlgorithmCatalogue;
import dev.doppel.domain.synthesis.TrainingSummary;
import java.util.List;

/**
 * Learns tables and generates and scores synthetic rows. Implementations may run locally, in
 * another process or on another machine; callers only see value objects. Every call blocks until
 * done, reports progress to the listener, and stops early (throwing {@link
 * EngineCancelledException}) when its {@link Cancellation} is cancelled.
 */
public interface SynthesisEngine {
  /** The algorithms this engine offers, with their settings and rules. */
  AlgorithmCatalogue describe();

  /** Trains a model and stores it in the request's model folder. */
  TrainingSummary train(EngineRequests.Training request, ProgressListener listener, Cancellation cancellation);

  /** Samples rows from a trained model into the request's output file (CSV). */
  EngineRequests.GeneratedFile generate(EngineRequests.Generation request, ProgressListener listener, Cancellation cancellation);

  /**
   * Samples a few rows into the request's output file (CSV) within the call, for an interactive
   * look: an engine that keeps models loaded answers in well under a second once warm.
   */
  EngineRequests.Sampled sample(EngineRequests.Generation request, Cancellation cancellation);

  /**
   * Checks a conditioning against the model without generating anything, so that an impossible one
   * is refused before a job is queued.
   *
   * @return the number of rows the conditioning gives (the rows asked for, or the given table's)
   * @throws EngineException of kind INVALID_INPUT naming the column and what is allowed
   */
  long check(EngineRequests.ConditioningCheck request);

  /**
   * Trains one model per table of a database, parents first, each child under its parent, and
   * stores them in the request's model folder; reports progress naming the table.
   *
   * @return what was learned from each table, in training order
   */
  List<TableSummary> trainDatabase(EngineRequests.DatabaseTraining request, ProgressListener listener, Cancellation cancellation);

  /**
   * Generates a referentially intact database from a trained database model into the request's
   * output folder, one {@code <table>.csv} per table.
   *
   * @return the rows of each table, parents first
   */
  List<TableRows> generateDatabase(EngineRequests.DatabaseGeneration request, ProgressListener listener, Cancellation cancellation);

  /**
   * Compares a synthetic database with the real tables: each table's scores, and each
   * relationship's referential integrity, children per parent and parent-child trends.
   *
   * @return the engine's report document, JSON
   */
  String evaluateDatabase(EngineRequests.DatabaseEvaluation request, ProgressListener listener, Cancellation cancellation);

  /** Compares real and synthetic rows: quality, privacy and chart data. */
  EvaluationReport evaluate(EngineRequests.Evaluation request, ProgressListener listener, Cancellation cancellation);
}
