package dev.doppel.application.service;

import dev.doppel.application.port.in.ConflictException;
import dev.doppel.application.port.in.InvalidInputException;
import dev.doppel.application.port.in.ListAlgorithmsQuery;
import dev.doppel.application.port.in.CancelModelUseCase;
import dev.doppel.application.port.in.DeleteModelUseCase;
import dev.doppel.application.port.in.FindModelsUseCase;
import dev.doppel.application.port.in.TrainModelUseCase;
import dev.doppel.application.port.in.ModelView;
import dev.doppel.application.port.in.TrainModelCommand;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.EvaluationStore;
import dev.doppel.application.port.out.JobKey;
import dev.doppel.application.port.out.JobQueue;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.synthesis.Algorithm;
import dev.doppel.domain.synthesis.AlgorithmDescriptor;
import dev.doppel.domain.synthesis.InvalidSettingsException;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.ModelStatus;
import dev.doppel.domain.synthesis.NewModel;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.synthesis.TrainingSettings;
import dev.doppel.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

public class ModelService implements TrainModelUseCase, FindModelsUseCase, CancelModelUseCase, DeleteModelUseCase {
  private static final Duration CANCEL_WAIT = Duration.ofSeconds(5);

  private final Ownership ownership;
  private final ModelStore models;
  private final EvaluationStore evaluations;
  private final CascadingDeletion deletion;
  private final Quotas quotas;
  private final ListAlgorithmsQuery catalogue;
  private final JobQueue jobs;
  private final Clock clock;

  public ModelService(
      ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches, EvaluationStore evaluations, ListAlgorithmsQuery catalogue,
      JobQueue jobs, Quotas quotas, CascadingDeletion deletion, Clock clock) {
    this.ownership = new Ownership(projects, datasets, models, batches);
    this.models = models;
    this.evaluations = evaluations;
    this.deletion = deletion;
    this.quotas = quotas;
    this.catalogue = catalogue;
    this.jobs = jobs;
    this.clock = clock;
  }

  @Override
  public ModelView train(TrainModelCommand command) {
    ownership.dataset(command.owner(), command.dataset(), "datasetId");
    AlgorithmDescriptor descriptor =
        catalogue
            .catalogue()
            .find(command.algorithm())
            .orElseThrow(
                () -> new InvalidInputException(
                    "algorithm",
                    "unknown algorithm '" + command.algorithm() + "'; this engine offers " + String.join(", ", catalogue.catalogue().names())));
    if (!descriptor.singleTable()) {
      throw new InvalidInputException(
          "algorithm",
          command.algorithm() + " learns a project's related tables together, not one table on its own: declare the links in the project's schema and train it with POST /api/projects/{projectId}/database-models");
    }
    TrainingSettings settings;
    Optional<TrainingSettings> privacy;
    try {
      settings = descriptor.resolve(command.settings());
    } catch (InvalidSettingsException e) {
      throw new InvalidInputException("settings." + e.setting(), e.getMessage());
    }
    try {
      privacy = descriptor.resolvePrivacy(command.differentialPrivacy());
    } catch (InvalidSettingsException e) {
      throw new InvalidInputException(e.setting(), e.getMessage());
    }
    quotas.requireJobSlot(command.owner());
    SynthesisModel model =
        models.add(new NewModel(command.dataset(), new Algorithm(command.algorithm()), settings, privacy, command.seed(), clock.instant()));
    jobs.queue(new JobKey.Training(model.id()));
    return view(model);
  }

  @Override
  public ModelView get(UserId owner, ModelId id) {
    ownership.model(owner, id, "id");
    return view(jobs.current(id).orElseThrow());
  }

  @Override
  public List<ModelView> listByDataset(UserId owner, DatasetId dataset) {
    ownership.dataset(owner, dataset, "datasetId");
    return models.listByDataset(dataset).stream().map(m -> view(jobs.current(m.id()).orElse(m))).toList();
  }

  @Override
  public List<ModelView> listByProject(UserId owner, ProjectId project) {
    ownership.project(owner, project, "projectId");
    return models.listByProject(project).stream().map(m -> view(jobs.current(m.id()).orElse(m))).toList();
  }

  @Override
  public ModelView cancel(UserId owner, ModelId id) {
    SynthesisModel model = ownership.model(owner, id, "id").model();
    if (model.status().isFinished()) {
      throw new ConflictException("status", "model " + id.value() + " has already finished (" + model.status() + "); only queued or training models can be cancelled");
    }
    JobKey training = new JobKey.Training(id);
    if (models.cancelIfPending(id, clock.instant()).isEmpty() && jobs.cancelRunning(training)) {
      jobs.awaitStopped(training, CANCEL_WAIT);
    }
    return view(jobs.current(id).orElseThrow());
  }

  @Override
  public void delete(UserId owner, ModelId id) {
    deletion.deleteModel(ownership.model(owner, id, "id").dataset(), id);
  }

  private ModelView view(SynthesisModel model) {
    Optional<Integer> position = model.status() == ModelStatus.PENDING ? Optional.of(models.queuePosition(model.id())) : Optional.empty();
    return new ModelView(model, position, evaluations.find(model.id()));
  }

}
