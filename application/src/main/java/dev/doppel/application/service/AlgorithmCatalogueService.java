package dev.doppel.application.service;

import dev.doppel.application.port.in.ListAlgorithmsQuery;
import dev.doppel.application.port.out.SynthesisEngine;
import dev.doppel.domain.synthesis.AlgorithmCatalogue;

/** Asks the engine once what it offers; the answer only changes when the engine is reinstalled. */
public class AlgorithmCatalogueService implements ListAlgorithmsQuery {
  private final SynthesisEngine engine;
  private volatile AlgorithmCatalogue cached;

  public AlgorithmCatalogueService(SynthesisEngine engine) {
    this.engine = engine;
  }

  @Override
  public AlgorithmCatalogue catalogue() {
    AlgorithmCatalogue catalogue = cached;
    if (catalogue == null) {
      synchronized (this) {
        if (cached == null) {
          cached = engine.describe();
        }
        catalogue = cached;
      }
    }
    return catalogue;
  }
}
