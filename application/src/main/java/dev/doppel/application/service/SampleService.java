package dev.doppel.application.service;

import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.SampleModelCommand;
import dev.doppel.application.port.in.SampleModelUseCase;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.Cancellation;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.EngineException;
import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.application.port.out.SynthesisEngine;
import dev.doppel.application.port.out.TableExporter;
import dev.doppel.application.port.out.TableReader.TableLayout;
import dev.doppel.application.service.Ownership.OwnedModel;
import dev.doppel.domain.batch.Conditioning;
import dev.doppel.domain.dataset.ColumnSchema;
import dev.doppel.domain.dataset.FileFormat;
import dev.doppel.domain.export.ExportOptions;
import dev.doppel.domain.synthesis.SynthesisModel;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Samples rows within the request: the engine writes them to a file of their own, which is answered
 * in the asked format, as a batch would be downloaded, and removed.
 */
public class SampleService implements SampleModelUseCase {
  private final Ownership ownership;
  private final FileStore files;
  private final SynthesisEngine engine;
  private final TableExporter exporter;
  private final JobSettings settings;
  private final GenerationChecks checks;

  public SampleService(
      ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches, FileStore files, SynthesisEngine engine, TableExporter exporter,
      JobSettings settings) {
    this.ownership = new Ownership(projects, datasets, models, batches);
    this.files = files;
    this.engine = engine;
    this.exporter = exporter;
    this.settings = settings;
    this.checks = new GenerationChecks(engine, files);
  }

  @Override
  public SampledRows sample(SampleModelCommand command) {
    OwnedModel owned = ownership.model(command.owner(), command.model(), "id");
    SynthesisModel model = owned.model();
    GenerationChecks.requireCompleted(model, "id");
    if (command.rows() > settings.maxSampledRows()) {
      throw new InvalidInputException("rows", "rows must be at most " + settings.maxSampledRows() + "; POST /api/generate makes larger batches");
    }
    GenerationChecks.requireRulesOf(model, command.rulesOff());
    Optional<Conditioning> conditioning = command.given().conditioning();
    if (conditioning.orElse(null) instanceof Conditioning.GivenRows given && given.rows().size() > settings.maxSampledRows()) {
      throw new InvalidInputException("partialRows", "partialRows may hold at most " + settings.maxSampledRows() + " rows");
    }
    long rows = conditioning.orElse(null) instanceof Conditioning.GivenRows given ? given.rows().size() : command.rows();
    String key = FileKeys.sample(owned.dataset(), model.id());
    try {
      EngineRequests.Sampled sampled;
      try {
        sampled =
            engine.sample(
                new EngineRequests.Generation(
                    files.locate(model.modelFolderKey().orElseThrow()), rows, command.anomalies(), command.seed(), command.rulesOff(),
                    conditioning.map(checks::given), files.locate(key)),
                new Cancellation());
      } catch (EngineException e) {
        throw GenerationChecks.refusal(e, conditioning);
      }
      List<ColumnSchema> columns = GenerationChecks.generatedColumns(owned.dataset(), command.anomalies());
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      exporter.export(key, new TableLayout(FileFormat.CSV, ','), columns, command.format(), ExportOptions.DEFAULT, content);
      return new SampledRows(
          command.format().mediaType(), content.toByteArray(), columns.stream().map(ColumnSchema::name).toList(), sampled.file().rows(),
          sampled.file().anomalyRows(), sampled.seed(), sampled.modelLoaded(), sampled.took());
    } finally {
      files.delete(key);
    }
  }
}
