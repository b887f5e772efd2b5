package dev.doppel.application.port.out;

import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.relational.DatabaseBatchId;
import dev.doppel.domain.relational.DatabaseModelId;
import dev.doppel.domain.synthesis.ModelId;

/**
 * Names one background job: the training of a model, the generation of a batch, the evaluation of a
 * model, the training and generation of a database model, or the evaluation of a database batch.
 */
public sealed interface JobKey {
  /** E.g. "training of model 7", for logs. */
  String describe();

  record Training(ModelId model) implements JobKey {
    @Override
    public String describe() {
      return "training of model " + model.value();
    }
  }

  record Generation(BatchId batch) implements JobKey {
    @Override
    public String describe() {
      return "generation of batch " + batch.value();
    }
  }

  record Evaluation(ModelId model) implements JobKey {
    @Override
    public String describe() {
      return "evaluation of model " + model.value();
    }
  }

  record DatabaseTraining(DatabaseModelId model) implements JobKey {
    @Override
    public String describe() {
      return "training of database model " + model.value();
    }
  }

  record DatabaseGeneration(DatabaseBatchId batch) implements JobKey {
    @Override
    public String describe() {
      return "generation of database batch " + batch.value();
    }
  }

  record DatabaseEvaluation(DatabaseBatchId batch) implements JobKey {
    @Override
    public String describe() {
      return "evaluation of database batch " + batch.value();
    }
  }
}
