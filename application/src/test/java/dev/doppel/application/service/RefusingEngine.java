package dev.doppel.application.service;

import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.application.port.out.SynthesisEngine;
import dev.doppel.domain.evaluation.EvaluationReport;
import dev.doppel.domain.relational.TableRows;
import dev.doppel.domain.relational.TableSummary;
import dev.doppel.domain.synthesis.AlgorithmCatalogue;
import dev.doppel.domain.synthesis.TrainingSummary;
import java.util.List;

/** An engine with no algorithms that refuses every operation: tests override the one they ask for. */
class RefusingEngine implements SynthesisEngine {
  @Override
  public AlgorithmCatalogue describe() {
    return new AlgorithmCatalogue(List.of());
  }

  @Override
  public TrainingSummary train(EngineRequests.Training request, ProgressListener listener, Cancellation cancellation) {
    throw new UnsupportedOperationException();
  }

  @Override
  public EngineRequests.GeneratedFile generate(EngineRequests.Generation request, ProgressListener listener, Cancellation cancellation) {
    throw new UnsupportedOperationException();
  }

  @Override
  public EngineRequests.Sampled sample(EngineRequests.Generation request, Cancellation cancellation) {
    throw new UnsupportedOperationException();
  }

  @Override
  public long check(EngineRequests.ConditioningCheck request) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<TableSummary> trainDatabase(EngineRequests.DatabaseTraining request, ProgressListener listener, Cancellation cancellation) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<TableRows> generateDatabase(EngineRequests.DatabaseGeneration request, ProgressListener listener, Cancellation cancellation) {
    throw new UnsupportedOperationException();
  }

  @Override
  public String evaluateDatabase(EngineRequests.DatabaseEvaluation request, ProgressListener listener, Cancellation cancellation) {
    throw new UnsupportedOperationException();
  }

  @Override
  public EvaluationReport evaluate(EngineRequests.Evaluation request, ProgressListener listener, Cancellation cancellation) {
    throw new UnsupportedOperationException();
  }
}
