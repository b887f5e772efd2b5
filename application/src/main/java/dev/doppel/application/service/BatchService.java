package dev.doppel.application.service;

import dev.doppel.application.port.in.ConflictException;
import dev.doppel.application.port.in.GenerateBatchCommand;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.CancelBatchUseCase;
import dev.doppel.application.port.in.DeleteBatchUseCase;
import dev.doppel.application.port.in.FindBatchesUseCase;
import dev.doppel.application.port.in.GenerateBatchUseCase;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.JobQueue;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.batch.NewBatch;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.ModelRule;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

public class BatchService implements GenerateBatchUseCase, FindBatchesUseCase, CancelBatchUseCase, DeleteBatchUseCase {
  private static final Duration CANCEL_WAIT = Duration.ofSeconds(5);

  private final Ownership ownership;
  private final BatchStore batches;
  private final FileStore files;
  private final JobQueue jobs;
  private final JobSettings settings;
  private final Quotas quotas;
  private final Clock clock;

  public BatchService(
      ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches, FileStore files, JobQueue jobs, JobSettings settings,
      Quotas quotas, Clock clock) {
    this.ownership = new Ownership(projects, datasets, models, batches);
    this.batches = batches;
    this.files = files;
    this.jobs = jobs;
    this.settings = settings;
    this.quotas = quotas;
    this.clock = clock;
  }

  @Override
  public SyntheticBatch generate(GenerateBatchCommand command) {
    SynthesisModel model = ownership.model(command.owner(), command.model(), "modelId").model();
    if (model.status() != ModelStatus.COMPLETED) {
      throw new ConflictException(
          "modelId", "model " + model.id().value() + " is " + model.status() + "; rows can only be generated from a COMPLETED model");
    }
    if (command.count() > settings.maxGeneratedRows()) {
      throw new InvalidInputException("count", "count must be at most " + settings.maxGeneratedRows());
    }
    requireRulesOf(model, command.rulesOff());
    quotas.requireStorageLeft(command.owner(), "count");
    quotas.requireJobSlot(command.owner());
    SyntheticBatch batch = batches.add(new NewBatch(command.model(), command.count(), command.anomalies(), command.seed(), command.rulesOff(), clock.instant()));
    jobs.queue(new JobKey.Generation(batch.id()));
    return batch;
  }

  private static void requireRulesOf(SynthesisModel model, List<String> rulesOff) {
    Set<String> known = model.rules().stream().map(ModelRule::id).collect(Collectors.toSet());
    for (String id : rulesOff) {
      if (!known.contains(id)) {
        String kept = known.isEmpty() ? "it keeps no rules" : "GET /api/models/" + model.id().value() + " lists the rules it keeps";
        throw new InvalidInputException("rulesOff", "rulesOff: model " + model.id().value() + " has no rule '" + shortened(id) + "'; " + kept);
      }
    }
  }

  private static String shortened(String value) {
    return value.length() <= 200 ? value : value.substring(0, 200) + "…";
  }

  @Override
  public SyntheticBatch get(UserId owner, BatchId id) {
    ownership.batch(owner, id, "id");
    return jobs.current(id).orElseThrow();
  }

  @Override
  public List<SyntheticBatch> listByModel(UserId owner, ModelId model) {
    ownership.model(owner, model, "id");
    return batches.listByModel(model).stream().map(b -> jobs.current(b.id()).orElse(b)).toList();
  }

  @Override
  public SyntheticBatch cancel(UserId owner, BatchId id) {
    SyntheticBatch batch = ownership.batch(owner, id, "id");
    if (batch.status().isFinished()) {
      throw new ConflictException("status", "batch " + id.value() + " has already finished (" + batch.status() + ")");
    }
    JobKey generation = new JobKey.Generation(id);
    if (batches.cancelIfPending(id, clock.instant()).isEmpty() && jobs.cancelRunning(generation)) {
      jobs.awaitStopped(generation, CANCEL_WAIT);
    }
    return jobs.current(id).orElseThrow();
  }

  @Override
  public void delete(UserId owner, BatchId id) {
    SyntheticBatch batch = ownership.batch(owner, id, "id");
    Dataset dataset = ownership.model(owner, batch.modelId(), "id").dataset();
    if (!batch.status().isFinished()) {
      cancel(owner, id);
    }
    batches.delete(id);
    files.delete(FileKeys.batch(dataset, batch.modelId(), id));
    files.delete(FileKeys.batchFailureLog(dataset, batch.modelId(), id));
  }
}
