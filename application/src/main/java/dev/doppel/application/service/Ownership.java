package dev.doppel.application.service;

import dev.doppel.application.port.in.NotFoundException;
import dev.doppel.application.port.out.BatchStore;
import dev.doppel.application.port.out.DatasetStore;
import dev.doppel.application.port.out.ModelStore;
import dev.doppel.application.port.out.ProjectStore;
import dev.doppel.domain.batch.BatchId;
import dev.doppel.domain.batch.SyntheticBatch;
import dev.doppel.domain.dataset.Dataset;
import dev.doppel.domain.dataset.DatasetId;
import dev.doppel.domain.project.ProjectId;
import dev.doppel.domain.synthesis.ModelId;
import dev.doppel.domain.synthesis.SynthesisModel;
import dev.doppel.domain.user.UserId;

/** Walks from a model or batch up to its project to check who owns it; strangers get "not found". */
final class Ownership {
  private final ProjectStore projects;
  private final DatasetStore datasets;
  private final ModelStore models;
  private final BatchStore batches;

  Ownership(ProjectStore projects, DatasetStore datasets, ModelStore models, BatchStore batches) {
    this.projects = projects;
    this.datasets = datasets;
    this.models = models;
    this.batches = batches;
  }

  void project(UserId owner, ProjectId project, String field) {
    projects.findOwned(project, owner).orElseThrow(() -> new NotFoundException("project", project.value(), field));
  }

  Dataset dataset(UserId owner, DatasetId id, String field) {
    return datasets
        .findById(id)
        .filter(d -> projects.findOwned(d.projectId(), owner).isPresent())
        .orElseThrow(() -> new NotFoundException("dataset", id.value(), field));
  }

  OwnedModel model(UserId owner, ModelId id, String field) {
    SynthesisModel model = models.findById(id).orElseThrow(() -> new NotFoundException("model", id.value(), field));
    Dataset dataset =
        datasets
            .findById(model.datasetId())
            .filter(d -> projects.findOwned(d.projectId(), owner).isPresent())
            .orElseThrow(() -> new NotFoundException("model", id.value(), field));
    return new OwnedModel(model, dataset);
  }

  SyntheticBatch batch(UserId owner, BatchId id, String field) {
    SyntheticBatch batch = batches.findById(id).orElseThrow(() -> new NotFoundException("batch", id.value(), field));
    try {
      model(owner, batch.modelId(), field);
    } catch (NotFoundException e) {
      throw new NotFoundException("batch", id.value(), field);
    }
    return batch;
  }

  record OwnedModel(SynthesisModel model, Dataset dataset) {}
}
