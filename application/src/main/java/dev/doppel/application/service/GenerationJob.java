package dev.doppel.application.service;

import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.ProgressListener;
import dev.doppel.domain.batch.BatchFile;
import dev.doppel.domain.batch.BatchStatus;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/** Generates a batch's rows from its model into the batch's file. */
final class GenerationJob implements JobKind<JobKey.Generation, SyntheticBatch> {
  private static final Logger log = Logger.getLogger(GenerationJob.class.getName());

  private final JobPorts ports;
  private final GenerationChecks checks;

  GenerationJob(JobPorts ports) {
    this.ports = ports;
    this.checks = new GenerationChecks(ports.engine(), ports.files());
  }

  @Override
  public String noun() {
    return "generation";
  }

  @Override
  public Optional<Claimed<SyntheticBatch>> claim(JobKey.Generation key) {
    return ports.batches().claim(key.batch(), ports.clock().instant()).map(Generation::new);
  }

  @Override
  public void failIfRunning(JobKey.Generation key, String reason) {
    ports.batches().findById(key.batch()).filter(b -> b.status() == BatchStatus.GENERATING).ifPresent(b -> ports.batches().update(b.fail(reason, ports.clock().instant())));
  }

  @Override
  public List<JobKey.Generation> running() {
    return ports.batches().listByStatus(BatchStatus.GENERATING).stream().map(b -> new JobKey.Generation(b.id())).toList();
  }

  @Override
  public void settleInterrupted(JobKey.Generation key, String reason) {
    failIfRunning(key, reason);
  }

  @Override
  public List<JobKey.Generation> queued() {
    return ports.batches().listByStatus(BatchStatus.PENDING).stream().map(b -> new JobKey.Generation(b.id())).toList();
  }

  private final class Generation implements Claimed<SyntheticBatch> {
    private final SyntheticBatch batch;
    // Known once the model and its dataset are found; a batch whose model went has no file to clean up.
    private String fileKey;
    private String logKey;

    Generation(SyntheticBatch batch) {
      this.batch = batch;
    }

    @Override
    public SyntheticBatch job() {
      return batch;
    }

    @Override
    public UnaryOperator<SyntheticBatch> run(ProgressSink<SyntheticBatch> progress, Cancellation cancellation) {
      SynthesisModel model = ports.models().findById(batch.modelId()).orElseThrow(() -> new EngineException(EngineException.Kind.MODEL_UNUSABLE, "the model was deleted"));
      Dataset dataset = ports.datasets().findById(model.datasetId()).orElseThrow(() -> new EngineException(EngineException.Kind.MODEL_UNUSABLE, "the dataset was deleted"));
      fileKey = FileKeys.batch(dataset, model.id(), batch.id());
      logKey = FileKeys.batchFailureLog(dataset, model.id(), batch.id());
      EngineRequests.GeneratedFile generated =
          ports.engine().generate(
              new EngineRequests.Generation(
                  ports.files().locate(model.modelFolderKey().orElseThrow()), batch.requestedRows(), batch.anomalies(), batch.seed(), batch.rulesOff(),
                  batch.conditioning().map(checks::given), ports.files().locate(fileKey)),
              listener(progress),
              cancellation);
      FileStore.StoredContent content = ports.files().inspect(fileKey);
      BatchFile file = new BatchFile(fileKey, generated.rows(), generated.anomalyRows(), content.sizeBytes(), content.sha256());
      return running -> running.complete(file, ports.clock().instant());
    }

    private ProgressListener listener(ProgressSink<SyntheticBatch> progress) {
      return new ProgressListener() {
        @Override
        public void progress(Progress p) {
          p.rows().ifPresent(rows -> progress.report(running -> running.progressed(rows)));
        }

        @Override
        public void warning(String code, String message) {
          log.info(() -> "batch " + batch.id().value() + ": " + message);
        }
      };
    }

    @Override
    public SyntheticBatch store(SyntheticBatch job) {
      return ports.batches().update(job);
    }

    @Override
    public SyntheticBatch cancelled(SyntheticBatch job, String why, Instant now) {
      return job.cancel(now);
    }

    @Override
    public SyntheticBatch failed(SyntheticBatch job, String reason, Instant now) {
      return job.fail(reason, now);
    }

    @Override
    public Optional<String> failureLog() {
      return Optional.ofNullable(logKey);
    }

    @Override
    public void cleanUp(boolean completed) {
      if (!completed && fileKey != null) {
        ports.files().delete(fileKey);
      }
    }
  }
}
