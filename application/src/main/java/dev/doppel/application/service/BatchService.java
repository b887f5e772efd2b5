package dev.doppel.application.service;

import dev.doppel.application.port.in.ImputeBatchCommand;
import dev.doppel.application.port.in.ImputeBatchUseCase;
import dev.doppel.application.port.in.PayloadTooLargeException;
import dev.doppel.application.port.out.SynthesisEngine;
import dev.doppel.application.service.Ownership.OwnedModel;
import dev.doppel.domain.batch.Conditioning;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
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
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

public class BatchService implements GenerateBatchUseCase, ImputeBatchUseCase, FindBatchesUseCase, CancelBatchUseCase, DeleteBatchUseCase {
  private static final Duration CANCEL_WAIT = Duration.ofSeconds(5);

  private final Ownership ownership;
  private final BatchStore batches;
  private final FileStore files;
  private final JobQueue jobs;
  private final JobSettings settings;
  private final UploadLimits limits;
  private final Quotas quotas;
  private final GenerationChecks checks;
  private final Clock clock;

  public BatchService(
      ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches, FileStore files, JobQueue jobs, SynthesisEngine engine,
      JobSettings settings, UploadLimits limits, Quotas quotas, Clock clock) {
    this.ownership = new Ownership(projects, datasets, models, batches);
    this.batches = batches;
    this.files = files;
    this.jobs = jobs;
    this.settings = settings;
    this.limits = limits;
    this.quotas = quotas;
    this.checks = new GenerationChecks(engine, files);
    this.clock = clock;
  }

  @Override
  public SyntheticBatch generate(GenerateBatchCommand command) {
    OwnedModel owned = ownership.model(command.owner(), command.model(), "modelId");
    SynthesisModel model = owned.model();
    GenerationChecks.requireCompleted(model, "modelId");
    GenerationChecks.requireRulesOf(model, command.rulesOff());
    Optional<Conditioning> conditioning = command.given().conditioning();
    long count = count(command.count(), conditioning);
    if (count > settings.maxGeneratedRows()) {
      throw new InvalidInputException("count", "count must be at most " + settings.maxGeneratedRows());
    }
    quotas.requireStorageLeft(command.owner(), "count");
    quotas.requireJobSlot(command.owner());
    conditioning.ifPresent(given -> checks.check(modelFolder(model), count, command.seed(), given));
    return queue(new NewBatch(command.model(), count, command.anomalies(), command.seed(), command.rulesOff(), conditioning, clock.instant()));
  }

  /** The rows asked for: the count, or the number of partial rows, which the count must then equal when given. */
  private static long count(Optional<Long> count, Optional<Conditioning> conditioning) {
    if (conditioning.orElse(null) instanceof Conditioning.GivenRows given) {
      if (count.filter(rows -> rows != given.rows().size()).isPresent()) {
        throw new InvalidInputException("count", "count must equal the " + given.rows().size() + " rows of partialRows, or be left out");
      }
      return given.rows().size();
    }
    return count.orElseThrow(() -> new InvalidInputException("count", "count is required"));
  }

  @Override
  public SyntheticBatch impute(ImputeBatchCommand command) {
    OwnedModel owned = ownership.model(command.owner(), command.model(), "id");
    SynthesisModel model = owned.model();
    GenerationChecks.requireCompleted(model, "id");
    long storageLeft = quotas.requireStorageLeft(command.owner(), "file");
    quotas.requireJobSlot(command.owner());
    String key = FileKeys.imputationTable(owned.dataset(), model.id(), command.fileName().toLowerCase(Locale.ROOT).endsWith(".parquet") ? "parquet" : "csv");
    try {
      if (files.write(key, command.content(), Math.min(limits.maxBytes(), storageLeft)).sizeBytes() == 0) {
        files.delete(key);
        throw new InvalidInputException("file", "the file is empty");
      }
    } catch (FileStore.FileTooLargeException e) {
      files.delete(key);
      throw storageLeft < limits.maxBytes() ? quotas.storageFull("file") : new PayloadTooLargeException("file", "the file is larger than the upload limit of " + limits.maxBytes() + " bytes");
    }
    try {
      Conditioning.Imputation imputation = new Conditioning.Imputation(key);
      long rows = checks.check(modelFolder(model), 0, command.seed(), imputation);
      if (rows > settings.maxGeneratedRows()) {
        throw new InvalidInputException("file", "the table has " + rows + " rows; a batch may have at most " + settings.maxGeneratedRows());
      }
      return queue(new NewBatch(model.id(), rows, Optional.empty(), command.seed(), List.of(), Optional.of(imputation), clock.instant()));
    } catch (RuntimeException e) {
      files.delete(key);
      throw e;
    }
  }

  private SyntheticBatch queue(NewBatch request) {
    SyntheticBatch batch = batches.add(request);
    jobs.queue(new JobKey.Generation(batch.id()));
    return batch;
  }

  private Path modelFolder(SynthesisModel model) {
    return files.locate(model.modelFolderKey().orElseThrow());
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
    if (batch.conditioning().orElse(null) instanceof Conditioning.Imputation imputation) {
      files.delete(imputation.tableKey());
    }
    files.delete(FileKeys.batchFailureLog(dataset, batch.modelId(), id));
  }
}
