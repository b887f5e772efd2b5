package dev.doppel.application.service;

import dev.doppel.application.port.out.EngineRequests;
import dev.doppel.application.port.out.FileStore;
import dev.doppel.domain.dataset.Dataset;

/** The engine's view of a stored dataset: its file, how it is written, and its schema. */
final class EngineTables {
  private EngineTables() {}

  static EngineRequests.Table of(FileStore files, Dataset dataset) {
    return new EngineRequests.Table(files.locate(dataset.file().key()), dataset.file().format(), dataset.file().delimiter(), dataset.profile().schema());
  }
}
